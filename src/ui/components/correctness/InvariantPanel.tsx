// The invariant panel: every named invariant (Zab, sessions and replicas, the client history)
// as holding or broken at the current time, when it broke (simulated time and event), where the
// rule comes from, and a button that seeks to the step where it broke.
import { useMemo } from 'react';
import type { InvariantGroup } from '../../../engine/check/catalog';
import { LINEARIZABILITY } from '../../../engine/check/catalog';
import { useServices } from '../../app-context';
import type { MessageKey } from '../../i18n/en';
import { useTranslate } from '../../i18n/use-translate';
import { invariantRows, type InvariantRow, type ViolationMark } from '../../model/correctness';
import { formatSeconds } from '../../model/playback-format';
import { useZoo } from '../../store';
import { BugLabNote } from './BugLabNote';
import '../../styles/correctness.css';

const GROUPS: readonly { group: InvariantGroup; label: MessageKey }[] = [
  { group: 'zab', label: 'invariantPanel.group.zab' },
  { group: 'session', label: 'invariantPanel.group.session' },
  { group: 'history', label: 'invariantPanel.group.history' },
];

export function InvariantPanel() {
  const now = useZoo((state) => state.violationsNow);
  const seen = useZoo((state) => state.violationMarks);
  const correctness = useZoo((state) => state.correctness);
  const timeMs = useZoo((state) => state.view?.timeMs ?? 0);
  const t = useTranslate();
  const rows = useMemo(() => invariantRows(now, seen, correctness), [now, seen, correctness]);
  const broken = rows.filter((row) => row.status === 'broken').length;
  return (
    <section className="invariant-panel" data-testid="invariant-panel" aria-label={t('invariantPanel.title')}>
      <p className={`invariant-summary${broken > 0 ? ' is-bad' : ' is-good'}`} data-testid="invariant-summary">
        {broken > 0
          ? t('invariantPanel.summaryBad', { broken, count: rows.length, seconds: formatSeconds(timeMs) })
          : t('invariantPanel.summaryOk', { count: rows.length, seconds: formatSeconds(timeMs) })}
      </p>
      <BugLabNote />
      <p className="hint">{t('invariantPanel.intro')}</p>
      {GROUPS.map(({ group, label }) => (
        <div key={group} className="invariant-group">
          <h3>{t(label)}</h3>
          <ul className="invariant-list">
            {rows.filter((row) => row.entry.group === group).map((row) => <InvariantItem key={row.entry.name} row={row} />)}
          </ul>
        </div>
      ))}
    </section>
  );
}

function InvariantItem({ row }: { row: InvariantRow }) {
  const t = useTranslate();
  const setSideTab = useZoo((state) => state.setSideTab);
  const correctness = useZoo((state) => state.correctness);
  const name = row.entry.name;
  const statusText = row.status === 'broken' ? t('invariantPanel.broken') : row.status === 'undecided' ? t('invariantPanel.undecided') : t('invariantPanel.holds');
  const verdict = correctness?.linearizability ?? null;
  return (
    <li className={`invariant is-${row.status}`} data-testid={`invariant-${name}`} data-status={row.status}>
      <div className="invariant-head">
        <span className="invariant-icon" aria-hidden="true">{row.status === 'broken' ? '✗' : row.status === 'undecided' ? '?' : '✓'}</span>
        <span className="invariant-name">{name}</span>
        <span className="invariant-status">{statusText}</span>
      </div>
      {row.now !== null && <Violation mark={row.now} later={false} />}
      {row.later !== null && <Violation mark={row.later} later />}
      {name === LINEARIZABILITY && (
        <p className="invariant-detail">
          {verdict === null ? t('invariantPanel.linearEmpty')
            : verdict.ok === true ? t('invariantPanel.linearOk', { count: correctness!.opCount })
              : verdict.ok === 'unknown' ? t('invariantPanel.linearUnknown', { path: verdict.path }) : null}
          {' '}
          <button type="button" className="button is-quiet is-small" data-testid="show-history" onClick={() => setSideTab('history')}>{t('invariantPanel.showHistory')}</button>
        </p>
      )}
      <p className="invariant-source"><span>{t('invariantPanel.source')}:</span> {row.entry.source}</p>
    </li>
  );
}

function Violation({ mark, later }: { mark: ViolationMark; later: boolean }) {
  const t = useTranslate();
  const { client } = useServices();
  const seconds = formatSeconds(mark.timeMs);
  return (
    <div className={`invariant-violation${later ? ' is-later' : ''}`}>
      <p className="invariant-when" data-testid="invariant-when">
        {later ? t('invariantPanel.later', { seconds }) : t('invariantPanel.brokenAt', { seconds })}
        {mark.event !== null && <> · {t('invariantPanel.event', { event: mark.event })}</>}
      </p>
      <p className="invariant-message mono">{mark.message}</p>
      <button type="button" className="button is-small" data-testid="invariant-jump" data-time={mark.timeMs} onClick={() => void client.seek(mark.timeMs)}>
        {t('invariantPanel.jump')}
      </button>
    </div>
  );
}
