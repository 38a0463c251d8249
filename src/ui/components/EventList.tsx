// The last few things that happened, newest first: role changes, faults, commits… and, on request,
// every message sent.
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStaticClients } from '../hooks/use-clients';
import { useTranslate } from '../i18n/use-translate';
import { endpointNamer } from '../model/clients';
import { formatZxidPair } from '../../engine/sim/format';
import { describeRecord } from '../model/describe-record';
import { eventLines, shownRecords } from '../model/event-lines';
import { formatSeconds } from '../model/playback-format';
import { useZoo } from '../store';

const SHOWN_MAX = 40;
/** Records looked at for those lines (the commits of one zxid on every server make one line). */
const RECORDS_MAX = 200;

export function EventList() {
  const [everyMessage, setEveryMessage] = useState(false);
  // The same records (by identity) until a new one to show arrives: no re-render per frame.
  const records = useZoo(useShallow((state) => shownRecords(state.events, everyMessage, RECORDS_MAX)));
  const clients = useStaticClients();
  const name = endpointNamer(clients);
  const t = useTranslate();
  const shown = useMemo(() => eventLines(records, everyMessage, SHOWN_MAX), [records, everyMessage]);
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
          {shown.map(({ record, servers }, index) => (
            <li key={`${record.t}-${index}-${record.type}`} className={`event event-${record.type}`}>
              <span className="event-time">{formatSeconds(record.t)}</span>
              <span className="event-text">
                {record.type === 'commit' && servers && servers.length > 1
                  ? t('event.commits', { zxid: formatZxidPair(record.zxid), servers: [...servers].sort((a, b) => a - b).join(', ') })
                  : describeRecord(record, t, name)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
