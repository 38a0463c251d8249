// "Partition selected from the rest": a checkbox per server (the same selection as shift/ctrl-click
// or a long-press on the ring), and the button that sends the partition as an action (so it enters
// the input log and the share URL).
import { useServices } from '../../app-context';
import { partitionGroups, useFaultSelection } from '../../fault-selection';
import { useTranslate } from '../../i18n/use-translate';
import { useZoo } from '../../store';

export function PartitionPicker() {
  const { client } = useServices();
  const t = useTranslate();
  const ids = useZoo((state) => state.view?.servers.map((server) => server.id).join(',') ?? '');
  const all = ids.split(',').filter(Boolean).map(Number);
  const selected = useFaultSelection((state) => state.servers);
  const toggle = useFaultSelection((state) => state.toggleServer);
  const clear = useFaultSelection((state) => state.clearServers);
  const groups = partitionGroups(selected, all);
  return (
    <fieldset className="fault-box" data-testid="partition-picker">
      <legend>{t('network.servers')}</legend>
      <p className="hint">{t('network.selectHint')}</p>
      <div className="server-checks">
        {all.map((id) => (
          <label key={id} className={`server-check${selected.includes(id) ? ' is-on' : ''}`}>
            <input type="checkbox" checked={selected.includes(id)} onChange={() => toggle(id)} data-testid={`select-server-${id}`}
              aria-label={t('network.selectServer', { id })} />
            {id}
          </label>
        ))}
      </div>
      <div className="action-row">
        <button type="button" className="button is-danger" data-testid="action-partition-selected" disabled={groups === null}
          onClick={() => {
            if (groups === null) return;
            void client.act({ kind: 'fault', fault: 'partition', groups });
            clear();
          }}>
          {t('network.partitionSelected')}
        </button>
        <span className="hint">{t('network.selected', { count: selected.length })}</span>
        <button type="button" className="button is-quiet" disabled={selected.length === 0} onClick={clear}>{t('network.clearSelection')}</button>
      </div>
    </fieldset>
  );
}
