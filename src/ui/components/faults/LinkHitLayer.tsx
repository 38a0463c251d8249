// Clickable links on the ring: a wide invisible line over each server-to-server link. A click (or
// tap) picks that link for the Network tab's loss, delay and cut controls and opens that tab. The
// picked link is drawn dashed. Keyboard users pick links with the Network tab's two selects.
import { memo } from 'react';
import { useFaultSelection } from '../../fault-selection';
import { useTranslate } from '../../i18n/use-translate';
import type { RingLayout } from '../../model/ring-layout';
import { useZoo } from '../../store';

export const LinkHitLayer = memo(function LinkHitLayer({ layout, ids }: { layout: RingLayout; ids: readonly number[] }) {
  const picked = useFaultSelection((state) => state.link);
  const pickLink = useFaultSelection((state) => state.pickLink);
  const setSideTab = useZoo((state) => state.setSideTab);
  const t = useTranslate();
  const pairs: [number, number][] = [];
  ids.forEach((a, index) => ids.slice(index + 1).forEach((b) => pairs.push([a, b])));
  return (
    <g className="link-hit-layer">
      {pairs.map(([a, b]) => {
        const from = layout.positions.get(a);
        const to = layout.positions.get(b);
        if (!from || !to) return null;
        const isPicked = picked !== null && ((picked.from === a && picked.to === b) || (picked.from === b && picked.to === a));
        return (
          <g key={`${a}-${b}`}>
            <line className="link-hit" data-testid={`link-${a}-${b}`} x1={from.x} y1={from.y} x2={to.x} y2={to.y}
              onClick={() => {
                pickLink({ from: a, to: b });
                setSideTab('network');
              }}>
              <title>{t('ring.linkAria', { a, b })}</title>
            </line>
            {isPicked && <line className="link-picked" x1={from.x} y1={from.y} x2={to.x} y2={to.y} />}
          </g>
        );
      })}
    </g>
  );
});
