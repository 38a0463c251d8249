// The recipe panel (a side-panel tab): the scenario's recipe actors, one card per lock, election,
// barrier, queue or registry they share, drawn from view.actors and the leader's tree. With both a
// naive lock and a recipe lock in the run, a line compares their notifications per release.
import { useMemo } from 'react';
import type { MessageKey } from '../../i18n/en';
import { useTranslate } from '../../i18n/use-translate';
import { recipeGroups, wokenKey, type LockGroup, type NaiveLockGroup, type RecipeGroup } from '../../model/recipes';
import { useZoo } from '../../store';
import { HerdView } from './HerdView';
import { BarrierView, QueueView, RegistryView } from './OtherRecipeViews';
import { QueueDiagram } from './QueueDiagram';
import { perRelease } from './recipe-format';
import './recipes.css';

const TITLES: Record<RecipeGroup['kind'], MessageKey> = {
  lock: 'recipes.lock', election: 'recipes.election', 'naive-lock': 'recipes.naive', barrier: 'recipes.barrier', queue: 'recipes.queue', registry: 'recipes.registry',
};

export function RecipePanel() {
  // What the groups depend on, each selected so that it changes only when it really does (the
  // view itself is new on every frame while playing).
  const actors = useZoo((state) => state.view?.actors);
  const znodes = useZoo((state) => state.view?.znodes);
  const clientStates = useZoo((state) => state.view?.clients.map((client) => `${client.id}=${client.state}`).join(',') ?? '');
  const woken = useZoo((state) => wokenKey(state.view));
  const t = useTranslate();
  const groups = useMemo(() => {
    const view = useZoo.getState().view;
    return view ? recipeGroups(view) : [];
    // The view is read when one of these changes: nothing else shows in the panel.
  }, [actors, znodes, clientStates, woken]);
  const naive = groups.find((group): group is NaiveLockGroup => group.kind === 'naive-lock');
  const lock = groups.find((group): group is LockGroup => group.kind === 'lock');
  const naiveRatio = naive ? perRelease(naive.notifications, naive.releases) : null;
  const lockRatio = lock ? perRelease(lock.notifications, lock.releases) : null;

  return (
    <section className="panel recipes" aria-labelledby="recipes-title" data-testid="recipe-panel">
      <h2 id="recipes-title" className="visually-hidden">{t('recipes.title')}</h2>
      {groups.length === 0 && <p className="hint">{t('recipes.empty')}</p>}
      {naiveRatio !== null && lockRatio !== null && (
        <p className="recipe-compare" data-testid="herd-compare">{t('recipes.compare', { naive: naiveRatio, recipe: lockRatio })}</p>
      )}
      {groups.map((group) => (
        <article key={`${group.kind} ${group.path}`} className={`recipe-card is-${group.kind}`} data-testid={`recipe-${group.kind}`} data-path={group.path}>
          <h3 className="recipe-title">{t(TITLES[group.kind], { path: group.path })}</h3>
          <GroupBody group={group} compared={naiveRatio !== null && lockRatio !== null} />
        </article>
      ))}
    </section>
  );
}

/** `compared`: the comparison line above already gives each lock's notifications per release. */
function GroupBody({ group, compared }: { group: RecipeGroup; compared: boolean }) {
  const t = useTranslate();
  switch (group.kind) {
    case 'lock': {
      const ratio = perRelease(group.notifications, group.releases);
      return (
        <>
          {!compared && <p className="recipe-stat">{ratio === null ? t('recipes.noRelease', { notifications: group.notifications }) : t('recipes.perRelease', { notifications: group.notifications, releases: group.releases, ratio })}</p>}
          <QueueDiagram entries={group.entries} finished={group.finished} firstWord={t('recipes.holds')} believesWord={t('recipes.thinksHolds')} label={t('recipes.queueLabel', { path: group.path })} testId={`lock-queue-${group.path}`} />
        </>
      );
    }
    case 'election':
      return (
        <>
          <p className="recipe-stat" data-testid="election-leader">{group.leader === null ? t('recipes.noLeader') : t('recipes.leader', { actor: group.leader })}</p>
          <QueueDiagram entries={group.entries} finished={group.finished} firstWord={t('recipes.leads')} believesWord={t('recipes.thinksLeads')} label={t('recipes.queueLabel', { path: group.path })} testId={`election-${group.path}`} />
        </>
      );
    case 'naive-lock': return <HerdView group={group} compared={compared} />;
    case 'barrier': return <BarrierView group={group} />;
    case 'queue': return <QueueView group={group} />;
    case 'registry': return <RegistryView group={group} />;
  }
}
