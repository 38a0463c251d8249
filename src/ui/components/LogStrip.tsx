// One server's transaction log as a strip of boxes, newest on the right: committed (filled),
// proposed but not committed (outlined), not yet fsynced (dashed); snapshots as ◆ markers; and
// how it last synchronised (DIFF / TRUNC / SNAP notes from the trace).
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TraceRecord } from '../../engine/sim/trace';
import type { ServerView } from '../../engine/world/view';
import { formatZxidPair } from '../../engine/sim/format';
import { useTranslate } from '../i18n/use-translate';
import { useZoo } from '../store';

interface LogEntry { zxid: number; committed: boolean; fsynced: boolean; text: string }

const SHOWN_MAX = 14;
const NOTES_MAX = 3;
const SYNC_WORDS = /\b(TRUNC|DIFF|SNAP|snapshot)\b/;

/** The newest sync notes (DIFF / TRUNC / SNAP…) of one server, newest first. */
function syncNotes(events: readonly TraceRecord[], server: number): string[] {
  const notes: string[] = [];
  for (let index = events.length - 1; index >= 0 && notes.length < NOTES_MAX; index--) {
    const record = events[index]!;
    if (record.type === 'note' && record.node === server && SYNC_WORDS.test(record.text)) notes.push(record.text);
  }
  return notes;
}

function entriesOf(detail: Record<string, unknown>): LogEntry[] {
  return Array.isArray(detail.log) ? (detail.log as LogEntry[]) : [];
}

export const LogStrip = memo(function LogStrip({ server }: { server: ServerView }) {
  const t = useTranslate();
  const notes = useZoo(useShallow((state) => syncNotes(state.events, server.id)));
  const entries = entriesOf(server.detail);
  const shown = entries.slice(-SHOWN_MAX);
  const snapshots = Array.isArray(server.detail.snapshots) ? (server.detail.snapshots as number[]) : [];
  const syncMode = typeof server.detail.syncMode === 'string' ? server.detail.syncMode : null;
  // The view carries only the newest entries; its counts cover the whole log.
  const total = typeof server.detail.logEntries === 'number' ? server.detail.logEntries : entries.length;
  const committed = typeof server.detail.logCommitted === 'number' ? server.detail.logCommitted : entries.filter((entry) => entry.committed).length;
  return (
    <div className="log-strip" data-testid="log-strip">
      <p className="log-counts">
        {t('log.counts', { committed, proposed: total - committed })}
        {snapshots.length > 0 ? ` · ${t('log.snapshots', { zxids: snapshots.slice(-3).map(formatZxidPair).join(', ') })}` : ''}
        {syncMode ? ` · ${t('log.sync', { mode: syncMode })}` : ''}
      </p>
      {shown.length === 0 ? <p className="hint">{t('log.empty')}</p> : (
        <ol className="log-boxes">
          {total > shown.length && <li className="log-more">+{total - shown.length}</li>}
          {shown.map((entry) => (
            <li key={entry.zxid} className={`log-box${entry.committed ? ' is-committed' : ''}${entry.fsynced ? '' : ' is-unsynced'}`}
              title={`${formatZxidPair(entry.zxid)} ${entry.text}`}>
              {snapshots.includes(entry.zxid) && <span className="log-snap" aria-label={t('log.snapshot')}>◆</span>}
              <span className="log-zxid">{formatZxidPair(entry.zxid)}</span>
              <span className="log-text">{entry.text}</span>
            </li>
          ))}
        </ol>
      )}
      {notes.map((note, index) => <p key={index} className="log-note">{note}</p>)}
    </div>
  );
});
