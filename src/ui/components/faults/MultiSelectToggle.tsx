// A visible "Multi-select" switch over the ring, for touch screens (no shift or ctrl key there):
// while on, a tap on a server adds it to (or removes it from) the selection for a partition.
import { useEffect } from 'react';
import '../../styles/faults.css';
import { useFaultSelection } from '../../fault-selection';
import { useZoo } from '../../store';
import { useTranslate } from '../../i18n/use-translate';

export function MultiSelectToggle() {
  const t = useTranslate();
  const on = useFaultSelection((state) => state.multiMode);
  const count = useFaultSelection((state) => state.servers.length);
  const setMultiMode = useFaultSelection((state) => state.setMultiMode);
  const loads = useZoo((state) => state.loads);
  // Another run, other servers: forget what was picked in the last one.
  useEffect(() => {
    const selection = useFaultSelection.getState();
    selection.clearServers();
    selection.pickLink(null);
  }, [loads]);
  return (
    <div className="ring-tools">
      <button type="button" className={`button${on ? ' is-on' : ''}`} aria-pressed={on} data-testid="multi-select"
        title={t('ring.multiSelectTitle')} onClick={() => setMultiMode(!on)}>
        {t('ring.multiSelect')}{count > 0 ? ` (${count})` : ''}
      </button>
    </div>
  );
}
