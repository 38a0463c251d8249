// The last few things that happened, newest first: role changes, faults, commits… and, on request,
// every message sent.
import { useState } from 'react';
import { useTranslate } from '../i18n/use-translate';
import { describeRecord, isStoryRecord } from '../model/describe-record';
import { formatSeconds } from '../model/playback-format';
import { useZoo } from '../store';

const SHOWN_MAX = 14;

export function EventList() {
  const events = useZoo((state) => state.events);
  const [everyMessage, setEveryMessage] = useState(false);
  const t = useTranslate();
  const shown: typeof events = [];
  for (let index = events.length - 1; index >= 0 && shown.length < SHOWN_MAX; index--) {
    const record = events[index]!;
    if (everyMessage ? record.type !== 'deliver' : isStoryRecord(record)) shown.push(record);
  }
  return (
    <section className="panel events" aria-labelledby="events-title">
      <header className="panel-header">
        <h2 id="events-title">{t('events.title')}</h2>
        <label className="toggle">
          <input type="checkbox" checked={everyMessage} onChange={(event) => setEveryMessage(event.target.checked)} />
          {t('events.showMessages')}
        </label>
      </header>
      {shown.length === 0 ? <p className="hint">{t('events.empty')}</p> : (
        <ol className="event-list" data-testid="event-list">
          {shown.map((record, index) => (
            <li key={`${record.t}-${index}-${record.type}`} className={`event event-${record.type}`}>
              <span className="event-time">{formatSeconds(record.t)}</span>
              <span className="event-text">{describeRecord(record, t)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
