// A server's newest log entries as a row of small squares under its circle: filled when
// committed, outlined while only proposed (logged, waiting for COMMIT), dashed before fsync.
// The same log, in full, is in the inspector.
import { memo } from 'react';

interface Entry { zxid: number; committed: boolean; fsynced: boolean }

const SHOWN_MAX = 8;

export const MiniLog = memo(function MiniLog({ log, y, radius, colour }: { log: unknown; y: number; radius: number; colour: string }) {
  const entries = Array.isArray(log) ? (log as Entry[]).slice(-SHOWN_MAX) : [];
  if (entries.length === 0) return null;
  const size = Math.max(8, Math.min(14, radius * 0.16));
  const gap = Math.max(2, size * 0.3);
  const width = entries.length * size + (entries.length - 1) * gap;
  return (
    <g className="mini-log" aria-hidden="true" transform={`translate(${-width / 2},${y})`}>
      {entries.map((entry, index) => (
        <rect key={entry.zxid} x={index * (size + gap)} y={0} width={size} height={size} rx={2}
          className={`mini-log-entry${entry.committed ? ' is-committed' : ''}${entry.fsynced ? '' : ' is-unsynced'}`}
          style={{ fill: entry.committed ? colour : 'var(--paper, #ffffff)', stroke: colour }} />
      ))}
    </g>
  );
});
