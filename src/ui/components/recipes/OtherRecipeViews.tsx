// The recipes that are not queues: a barrier (members against the quantity, "ready"), a queue
// (its items as the tree holds them, producers and consumers) and a registry (members in the tree,
// and the list each instance's cache holds: a consumer still listing a dead member is stale).
import type { BarrierGroup, QueueGroup, RegistryGroup } from '../../model/recipes';
import { useTranslate } from '../../i18n/use-translate';

export function BarrierView({ group }: { group: BarrierGroup }) {
  const t = useTranslate();
  const quantity = group.memberQty ?? group.entries.length;
  return (
    <>
      <p className="recipe-stat" data-testid="barrier-count">
        {t('recipes.members', { present: group.present, qty: quantity })}
        {group.ready && <span className="chip chip-good">{t('recipes.ready')}</span>}
      </p>
      <meter className="recipe-meter" min={0} max={Math.max(1, quantity)} value={Math.min(group.present, quantity)} aria-label={t('recipes.members', { present: group.present, qty: quantity })} />
      <ul className="recipe-actors">
        {group.entries.map((entry) => <li key={entry.actor} data-testid="recipe-entry" data-actor={entry.actor}><b>{entry.actor}</b> <span className="mono">{entry.phase}</span></li>)}
      </ul>
    </>
  );
}

export function QueueView({ group }: { group: QueueGroup }) {
  const t = useTranslate();
  return (
    <>
      <p className="recipe-stat">{t('recipes.items', { count: group.items.length })}</p>
      <ol className="queue-items" data-testid="queue-items">
        {group.items.length === 0 && <li className="hint">{t('recipes.queueEmpty')}</li>}
        {group.items.map((item) => <li key={item.name} className="chip mono">{item.name}{item.data ? ` = ${item.data}` : ''}</li>)}
      </ol>
      <ul className="recipe-actors">
        {group.entries.map((entry) => (
          <li key={entry.actor} data-testid="recipe-entry" data-actor={entry.actor}>
            <b>{entry.actor}</b> {entry.role === 'producer' ? t('recipes.producer') : t('recipes.consumer')}
            {' · '}{t('recipes.handled', { handled: entry.handled, count: entry.count })} <span className="mono">{entry.phase}</span>
            {entry.current !== null && <span className="chip mono">{entry.current}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function RegistryView({ group }: { group: RegistryGroup }) {
  const t = useTranslate();
  const inTree = new Set(group.registered);
  return (
    <>
      <p className="recipe-stat" data-testid="registry-members">
        {t('recipes.registered')}{' '}
        {group.registered.length === 0 ? '—' : group.registered.map((name) => <span key={name} className="chip chip-good mono">{name}</span>)}
      </p>
      <ul className="recipe-actors">
        {group.entries.map((entry) => {
          const missing = group.entries.filter((other) => other.provider && !entry.members.includes(other.actor) && inTree.has(other.actor));
          return (
            <li key={entry.actor} data-testid="recipe-entry" data-actor={entry.actor} data-members={entry.members.join(',')}>
              <b>{entry.actor}</b> {entry.provider ? t('recipes.provider') : t('recipes.consumer')}
              {entry.provider && !entry.registered && <span className="chip chip-gone">{t('recipes.unregistered')}</span>}
              {' · '}{t('recipes.sees')}{' '}
              {entry.members.length === 0 ? '—' : entry.members.map((name) => (
                <span key={name} className={`chip mono${inTree.has(name) ? '' : ' chip-gone'}`} title={inTree.has(name) ? '' : t('recipes.stale')}>{name}</span>
              ))}
              {missing.length > 0 && <span className="chip">{t('recipes.notYet', { members: missing.map((other) => other.actor).join(', ') })}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
