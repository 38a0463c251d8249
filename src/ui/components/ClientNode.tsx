// One client outside the ring: a box with its label and state, coloured by state. Clicking it
// selects it (the inspector shows its session and offers its faults; the console picks it).
import { memo, type KeyboardEvent } from 'react';
import { useStaticClient } from '../hooks/use-clients';
import { useTranslate } from '../i18n/use-translate';
import { clientTone } from '../model/clients';
import { useZoo } from '../store';

interface Props {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const ClientNode = memo(function ClientNode({ id, x, y, width, height }: Props) {
  const client = useStaticClient(id);
  const selected = useZoo((state) => state.selectedClient === id);
  const selectClient = useZoo((state) => state.selectClient);
  const t = useTranslate();
  if (!client) return null;
  const toggle = (): void => selectClient(selected ? null : id);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggle();
    }
  };
  const labelSize = Math.max(14, Math.min(22, height * 0.36));
  const stateSize = Math.max(11, Math.min(16, height * 0.26));
  const server = client.server ?? client.attemptServer;
  return (
    <g
      className={`client-node tone-${clientTone(client.state)}${selected ? ' is-selected' : ''}`}
      data-testid={`client-${id}`}
      data-state={client.state}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={t('client.aria', { id, state: client.state, server: server ?? '—' })}
      transform={`translate(${x},${y})`}
      onClick={toggle}
      onKeyDown={onKeyDown}
    >
      <rect className="client-focus" x={-width / 2 - 6} y={-height / 2 - 6} width={width + 12} height={height + 12} rx={12} />
      <rect className="client-body" x={-width / 2} y={-height / 2} width={width} height={height} rx={9} />
      <text className="client-name" y={-height * 0.06} fontSize={labelSize}>{id}</text>
      <text className="client-state" y={height * 0.34} fontSize={stateSize}>{client.state}</text>
    </g>
  );
});
