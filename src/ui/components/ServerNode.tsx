// One server on the ring: its role (word + colour), epoch and last zxid; crossed out when down.
// Focusable and clickable: selecting it opens the inspector. Shift/ctrl/cmd-click, a long press,
// or a tap in multi-select mode adds it to the servers picked for a partition instead.
import { memo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useFaultSelection } from '../fault-selection';
import { formatZxidPair } from '../../engine/sim/format';
import { useTranslate } from '../i18n/use-translate';
import { roleStyleVars } from '../model/roles';
import { useZoo } from '../store';
import { MiniLog } from './MiniLog';

const LONG_PRESS_MS = 550;

interface Props {
  id: number;
  x: number;
  y: number;
  radius: number;
}

export const ServerNode = memo(function ServerNode({ id, x, y, radius }: Props) {
  const server = useZoo((state) => state.view?.servers.find((candidate) => candidate.id === id));
  const selected = useZoo((state) => state.selectedServer === id);
  const selectServer = useZoo((state) => state.selectServer);
  const picked = useFaultSelection((state) => state.servers.includes(id));
  const t = useTranslate();
  const press = useRef<{ timer: ReturnType<typeof setTimeout> | null; fired: boolean }>({ timer: null, fired: false });
  if (!server) return null;

  const style = roleStyleVars(server.role);
  const zxid = formatZxidPair(server.lastZxid);
  const extra = (server.paused ? t('server.aria.paused') : '') + (server.serving ? t('server.aria.serving') : '');
  const toggle = (): void => selectServer(selected ? null : id);
  const onClick = (event: MouseEvent): void => {
    if (press.current.fired) {
      press.current.fired = false;
      return;
    }
    const selection = useFaultSelection.getState();
    if (event.shiftKey || event.ctrlKey || event.metaKey || selection.multiMode) selection.toggleServer(id);
    else toggle();
  };
  const endPress = (): void => {
    if (press.current.timer !== null) clearTimeout(press.current.timer);
    press.current.timer = null;
  };
  // A long press (touch or mouse) picks the server for a partition, like shift-click.
  const onPointerDown = (): void => {
    endPress();
    press.current.fired = false;
    press.current.timer = setTimeout(() => {
      press.current.timer = null;
      press.current.fired = true;
      useFaultSelection.getState().toggleServer(id);
    }, LONG_PRESS_MS);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.shiftKey || useFaultSelection.getState().multiMode)) {
      // Shift+Enter: the keyboard's shift-click (pick for a partition).
      event.preventDefault();
      useFaultSelection.getState().toggleServer(id);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggle();
    }
  };
  const cross = radius * 0.62;
  // Everything inside the circle, so nothing spills onto a neighbour or a client.
  const nameSize = Math.max(13, Math.min(24, radius * 0.27));
  const roleSize = Math.max(11, Math.min(19, radius * 0.22));
  const metaSize = Math.max(12, Math.min(19, radius * 0.21));

  return (
    <g
      className={`server-node${selected ? ' is-selected' : ''}${picked ? ' is-picked' : ''}${server.alive ? '' : ' is-down'}${server.paused ? ' is-paused' : ''}`}
      data-testid={`server-${id}`}
      data-role={server.role}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={t('server.aria', { id, role: server.role, epoch: server.epoch, zxid, extra })}
      transform={`translate(${x},${y})`}
      data-picked={picked}
      onClick={onClick}
      onPointerDown={onPointerDown}
      onPointerUp={endPress}
      onPointerLeave={endPress}
      onPointerCancel={endPress}
      onContextMenu={(event) => { if (press.current.fired) event.preventDefault(); }}
      onKeyDown={onKeyDown}
    >
      <circle className="server-focus" r={radius + 9} />
      <circle className="server-body" r={radius} style={{ fill: style.tint, stroke: style.strong }} />
      {!server.alive && (
        <path className="server-cross" d={`M${-cross},${-cross}L${cross},${cross}M${cross},${-cross}L${-cross},${cross}`} />
      )}
      <text className="server-name" y={-radius * 0.36} fontSize={nameSize}>{t('server.name', { id })}</text>
      <text className="server-role" y={-radius * 0.02} fontSize={roleSize} style={{ fill: style.strong }}>{server.role}</text>
      <text className="server-meta" y={radius * 0.34} fontSize={metaSize}>{t('server.epoch', { epoch: server.epoch })}</text>
      <text className="server-meta" y={radius * 0.64} fontSize={metaSize}>{t('server.zxid', { zxid })}</text>
      <MiniLog log={server.detail.log} y={radius + 7} radius={radius} colour={style.strong} />
      {(server.paused || server.observer) && (
        <text className="server-badge" y={radius + 14 + metaSize * 1.3} fontSize={metaSize}>
          {server.paused ? `❚❚ ${t('server.paused')}` : t('server.observer')}
        </text>
      )}
    </g>
  );
});
