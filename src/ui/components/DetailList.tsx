// A server's detail object (whatever its protocol reports) as a readable key/value list; nested
// objects become indented lists, long lists are cut short.
import type { ReactNode } from 'react';

const ITEMS_SHOWN_MAX = 40;
const DEPTH_MAX = 4;

function renderValue(value: unknown, depth: number): ReactNode {
  if (value === null || value === undefined) return <span className="detail-empty">—</span>;
  if (typeof value !== 'object') return <span className="detail-value">{String(value)}</span>;
  if (depth >= DEPTH_MAX) return <span className="detail-value">{JSON.stringify(value)}</span>;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  if (entries.length === 0) return <span className="detail-empty">{Array.isArray(value) ? '[ ]' : '{ }'}</span>;
  return <DetailEntries entries={entries} depth={depth + 1} />;
}

function DetailEntries({ entries, depth }: { entries: readonly (readonly [string, unknown])[]; depth: number }) {
  const shown = entries.slice(0, ITEMS_SHOWN_MAX);
  return (
    <dl className="detail-list">
      {shown.map(([key, value]) => (
        <div className="detail-row" key={key}>
          <dt>{key}</dt>
          <dd>{renderValue(value, depth)}</dd>
        </div>
      ))}
      {entries.length > shown.length && <div className="detail-row"><dt>…</dt><dd>+{entries.length - shown.length}</dd></div>}
    </dl>
  );
}

export function DetailList({ detail }: { detail: Record<string, unknown> }) {
  return <DetailEntries entries={Object.entries(detail)} depth={0} />;
}
