// The naive lock (everyone creates the same node and watches it): the lock node on top and every
// contender under it, with an arrow from each waiter to that one node. A release wakes them all:
// the waiters woken just now flash, each row counts its notifications, and the summary gives the
// notifications per release (the herd effect: about one per waiter, against one for the recipe).
import type { NaiveLockGroup } from '../../model/recipes';
import { useTranslate } from '../../i18n/use-translate';
import { ROW_H } from './QueueDiagram';
import { NotifiedChip } from './NotifiedChip';
import { perRelease } from './recipe-format';

const GUTTER = 40;

export function HerdView({ group, compared }: { group: NaiveLockGroup; compared: boolean }) {
  const t = useTranslate();
  const entries = group.entries.filter((entry) => !entry.finished);
  const finished = group.entries.filter((entry) => entry.finished).map((entry) => entry.actor);
  const rows = entries.length + 1;
  const ratio = perRelease(group.notifications, group.releases);
  return (
    <>
      {!compared && (
        <p className="recipe-stat" data-testid="herd-stat">
          {ratio === null ? t('recipes.noRelease', { notifications: group.notifications }) : t('recipes.perRelease', { notifications: group.notifications, releases: group.releases, ratio })}
        </p>
      )}
      {group.lastStorm > 1 && <p className="recipe-stat is-storm" data-testid="herd-storm">{t('recipes.lastStorm', { count: group.lastStorm })}</p>}
      <div className="rq" data-testid="naive-lock" role="group" aria-label={t('recipes.herdLabel', { path: group.path })}>
        <svg className="rq-arrows" width={GUTTER} height={rows * ROW_H} aria-hidden="true">
          <defs>
            <marker id="herd-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0L10,5L0,10Z" className="rq-head" />
            </marker>
          </defs>
          {entries.map((entry, index) => {
            if (entry.holds || !entry.waiting) return null;
            const y0 = (index + 1) * ROW_H + ROW_H / 2;
            const y1 = ROW_H / 2;
            const bend = 8 + Math.min(30, (index + 1) * 5);
            return <path key={entry.actor} className={`rq-arrow${entry.woken ? ' is-woken' : ''}`} data-testid="watch-arrow"
              d={`M${GUTTER - 2},${y0} C${GUTTER - 2 - bend},${y0} ${GUTTER - 2 - bend},${y1} ${GUTTER - 3},${y1}`} markerEnd="url(#herd-head)" />;
          })}
        </svg>
        <ol className="rq-list">
          <li className="rq-row is-node" style={{ height: ROW_H }}>
            <span className="rq-node mono">{group.path}</span>
            <span className="rq-chips"><span className="chip">{group.holder === null ? t('recipes.free') : t('recipes.heldBy', { actor: group.holder })}</span></span>
          </li>
          {entries.map((entry) => (
            <li key={entry.actor} className={`rq-row${entry.holds ? ' is-first' : ''}${entry.woken ? ' is-woken' : ''}`} style={{ height: ROW_H }}
              data-testid="recipe-entry" data-actor={entry.actor} data-first={entry.holds} data-woken={entry.woken}>
              {entry.woken && <span key={entry.lastWakeMs} className="rq-flash" aria-hidden="true" />}
              <span className="rq-status">{entry.holds ? t('recipes.holds') : entry.waiting ? t('recipes.waits') : entry.phase}</span>
              <span className="rq-actor">{entry.actor}</span>
              <span className="rq-chips">
                <NotifiedChip count={entry.notifications} woken={entry.woken} />
              </span>
            </li>
          ))}
        </ol>
      </div>
      {finished.length > 0 && <p className="hint">{t('recipes.finished', { actors: finished.join(', ') })}</p>}
      <p className="hint">{t('recipes.everyoneWatches')}</p>
    </>
  );
}
