// The line from each client to the server it is connected to: solid when CONNECTED, dashed while
// CONNECTING / DISCONNECTED (to the server it is trying), red when its session EXPIRED.
import { memo } from 'react';
import { useStaticClients } from '../hooks/use-clients';
import { clientEndpoint, clientLinkKind } from '../model/clients';
import type { RingLayout } from '../model/ring-layout';

export const ClientLinkLayer = memo(function ClientLinkLayer({ layout }: { layout: RingLayout }) {
  const clients = useStaticClients();
  return (
    <g className="client-link-layer" aria-hidden="true">
      {clients.map((client, index) => {
        const kind = clientLinkKind(client);
        const from = layout.positions.get(clientEndpoint(clients, index));
        const to = client.attemptServer === null ? undefined : layout.positions.get(client.attemptServer);
        if (kind === 'none' || !from || !to) return null;
        return (
          <line key={client.id} className={`client-link is-${kind}`} data-client={client.id}
            x1={from.x} y1={from.y} x2={to.x} y2={to.y} />
        );
      })}
    </g>
  );
});
