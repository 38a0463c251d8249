// The central picture: servers on a ring, clients around it, the links between them, and the
// messages in flight. Sized in real pixels (measured), so text stays the same readable size.
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useElementSize } from '../hooks/use-element-size';
import { useTranslate } from '../i18n/use-translate';
import { clientEndpoint } from '../model/clients';
import { ringLayout } from '../model/ring-layout';
import { useZoo } from '../store';
import { ClientLinkLayer } from './ClientLinkLayer';
import { ClientNode } from './ClientNode';
import { LinkLayer } from './LinkLayer';
import { LinkHitLayer } from './faults/LinkHitLayer';
import { MultiSelectToggle } from './faults/MultiSelectToggle';
import { MessageLayer } from './MessageLayer';
import { ServerNode } from './ServerNode';

export function EnsembleView() {
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(box);
  const ids = useZoo(useShallow((state) => state.view?.servers.map((server) => server.id) ?? []));
  const clientIds = useZoo(useShallow((state) => state.view?.clients.map((client) => client.id) ?? []));
  const endpoints = useZoo(useShallow((state) => state.view?.clients.map((_, index, all) => clientEndpoint(all, index)) ?? []));
  const t = useTranslate();
  const layout = useMemo(() => ringLayout(ids, width, height, endpoints), [ids, width, height, endpoints]);
  const ready = width > 0 && height > 0 && ids.length > 0;

  return (
    <div className="ensemble" ref={box}>
      {!ready && <p className="ensemble-loading">{t('ring.loading')}</p>}
      {ready && <MultiSelectToggle />}
      {ready && (
        <svg className="ensemble-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t('ring.label')}>
          <LinkLayer layout={layout} ids={ids} />
          <LinkHitLayer layout={layout} ids={ids} />
          <ClientLinkLayer layout={layout} />
          <MessageLayer layout={layout} />
          <g className="server-layer">
            {ids.map((id) => {
              const at = layout.positions.get(id)!;
              return <ServerNode key={id} id={id} x={at.x} y={at.y} radius={layout.nodeRadius} />;
            })}
          </g>
          <g className="client-layer">
            {clientIds.map((id, index) => {
              const at = layout.positions.get(endpoints[index]!);
              if (!at) return null;
              return <ClientNode key={id} id={id} x={at.x} y={at.y} width={layout.clientWidth} height={layout.clientHeight} />;
            })}
          </g>
        </svg>
      )}
    </div>
  );
}
