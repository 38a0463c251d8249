// The static layer under the messages: partition groups (tinted halos), a link between every two
// servers (red and dashed when a partition separates them), and one-way cuts (the cut direction's
// lane in red with a ✕ near the receiver).
import { memo } from 'react';
import type { NetworkView } from '../../engine/world/view';
import { GROUP_TINTS } from '../model/roles';
import { groupIndex, lane, separated, type RingLayout } from '../model/ring-layout';
import { useZoo } from '../store';

interface Props {
  layout: RingLayout;
  ids: readonly number[];
}

const EMPTY_NETWORK: NetworkView = { partition: null, cuts: [], slowLinks: [], lossRatio: 0 };

export const LinkLayer = memo(function LinkLayer({ layout, ids }: Props) {
  const network = useZoo((state) => state.view?.network) ?? EMPTY_NETWORK;
  const pairs: [number, number][] = [];
  ids.forEach((a, index) => ids.slice(index + 1).forEach((b) => pairs.push([a, b])));
  const slow = new Set(network.slowLinks.map((link) => `${link.from}>${link.to}`));

  return (
    <g className="link-layer" aria-hidden="true">
      {network.partition && ids.map((id) => {
        const group = groupIndex(network.partition, id);
        const at = layout.positions.get(id);
        if (!at) return null;
        return (
          <circle key={`halo-${id}`} className="group-halo" cx={at.x} cy={at.y} r={layout.nodeRadius + 22}
            fill={group === -1 ? '#f1f5f9' : GROUP_TINTS[group % GROUP_TINTS.length]} />
        );
      })}
      {pairs.map(([a, b]) => {
        const from = layout.positions.get(a);
        const to = layout.positions.get(b);
        if (!from || !to) return null;
        const apart = separated(network.partition, a, b);
        const isSlow = slow.has(`${a}>${b}`) || slow.has(`${b}>${a}`);
        return (
          <line key={`link-${a}-${b}`} className={`link${apart ? ' is-partitioned' : ''}${isSlow ? ' is-slow' : ''}`}
            x1={from.x} y1={from.y} x2={to.x} y2={to.y} />
        );
      })}
      {network.cuts.map((cut) => {
        const travel = lane(layout, cut.from, cut.to);
        if (!travel) return null;
        const markX = travel.start.x + (travel.end.x - travel.start.x) * 0.8;
        const markY = travel.start.y + (travel.end.y - travel.start.y) * 0.8;
        return (
          <g key={`cut-${cut.from}-${cut.to}`} className="cut">
            <line x1={travel.start.x} y1={travel.start.y} x2={travel.end.x} y2={travel.end.y} />
            <text x={markX} y={markY}>✕</text>
          </g>
        );
      })}
    </g>
  );
});
