// A queue-shaped recipe (the lock queue, the leader latch) drawn as a list in sequence order with
// an arrow from each waiter to the node it watches (its predecessor): the first entry holds the
// lock or leads. A waiter woken just now (by its predecessor's deletion) is highlighted.
import type { QueueEntry } from '../../model/recipes';
import { useTranslate } from '../../i18n/use-translate';
import { NotifiedChip } from './NotifiedChip';
import { shortNode } from './recipe-format';

/** Row height in px: the arrows' gutter is drawn against it (the CSS uses the same value). */
export const ROW_H = 28;
const GUTTER = 40;

interface Props {
  entries: readonly QueueEntry[];
  /** The word for the first one: "holds" or "leader"; and for one that only believes it is. */
  firstWord: string;
  believesWord: string;
  finished: readonly string[];
  label: string;
  testId: string;
}

export function QueueDiagram({ entries, firstWord, believesWord, finished, label, testId }: Props) {
  const t = useTranslate();
  const height = Math.max(1, entries.length) * ROW_H;
  // A path in an id would do in HTML, but keep url(#…) references plain.
  const marker = `${testId.replace(/[^A-Za-z0-9_-]/g, '_')}-head`;
  const arrows = entries.flatMap((entry, index) => (entry.watchesIndex < 0 ? [] : [{ from: index, to: entry.watchesIndex, woken: entry.woken }]));
  return (
    <>
      <div className="rq" data-testid={testId} aria-label={label} role="group">
        <svg className="rq-arrows" width={GUTTER} height={height} aria-hidden="true">
          <defs>
            <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0L10,5L0,10Z" className="rq-head" />
            </marker>
          </defs>
          {arrows.map(({ from, to, woken }) => {
            const y0 = from * ROW_H + ROW_H / 2;
            const y1 = to * ROW_H + ROW_H / 2;
            const bend = 8 + Math.min(26, Math.abs(from - to) * 10);
            return (
              <path key={`${from}-${to}`} className={`rq-arrow${woken ? ' is-woken' : ''}`} data-testid="watch-arrow"
                d={`M${GUTTER - 2},${y0} C${GUTTER - 2 - bend},${y0} ${GUTTER - 2 - bend},${y1} ${GUTTER - 3},${y1}`}
                markerEnd={`url(#${marker})`} />
            );
          })}
        </svg>
        <ol className="rq-list">
          {entries.map((entry) => {
            const watched = entry.watchesIndex >= 0 ? entries[entry.watchesIndex]!.actor : null;
            const status = entry.first ? firstWord : entry.believesFirst ? believesWord : entry.seq === null ? t('recipes.notQueued') : t('recipes.waits');
            return (
              <li key={entry.actor} className={`rq-row${entry.first ? ' is-first' : ''}${entry.woken ? ' is-woken' : ''}${entry.gone || entry.nodeGone ? ' is-gone' : ''}`}
                data-testid="recipe-entry" data-actor={entry.actor} data-first={entry.first} data-watches={watched ?? ''} style={{ height: ROW_H }}>
                {entry.woken && <span key={entry.notifications} className="rq-flash" aria-hidden="true" />}
                <span className="rq-status">{status}</span>
                <span className="rq-actor" title={entry.gone ? t('recipes.gone') : undefined}>{entry.actor}</span>
                <span className={`rq-node mono${entry.nodeGone ? ' is-struck' : ''}`} title={entry.nodeGone ? t('recipes.nodeGone') : entry.node ?? ''}>{entry.node === null ? '—' : shortNode(entry.node)}</span>
                <span className="rq-chips">
                  {watched !== null && <span className="chip" title={t('recipes.watchesTitle', { actor: entry.actor, target: watched })}>{t('recipes.watches', { target: watched })}</span>}
                  <NotifiedChip count={entry.notifications} woken={entry.woken} />
                </span>
              </li>
            );
          })}
        </ol>
      </div>
      {finished.length > 0 && <p className="hint">{t('recipes.finished', { actors: finished.join(', ') })}</p>}
    </>
  );
}
