// A stand-in protocol that only exchanges heartbeats: every server tells every other one it is
// alive once per tick. It exercises the kernel, the worker and the UI end to end; it knows nothing
// of ZooKeeper and never claims a role it has not earned (every server stays LOOKING).
import type { ServerProtocol } from '../sim/actor';
import type { EndpointId } from '../sim/network';

export interface HeartbeatPayload {
  type: 'HEARTBEAT';
  beat: number;
}

export interface HeartbeatState {
  id: EndpointId;
  peers: EndpointId[];
  tickMs: number;
  beat: number;
  /** Peer id -> simulated time of the last heartbeat heard from it. */
  lastHeardMs: Record<string, number>;
}

/** The heartbeat protocol (demo only; replaced by Zab in the app). */
export const heartbeatProtocol: ServerProtocol<HeartbeatState, HeartbeatPayload> = {
  name: 'heartbeat',
  create(id, peers, options) {
    return { id, peers: peers.filter((peer) => peer !== id), tickMs: options.tickMs, beat: 0, lastHeardMs: {} };
  },
  step(state, input, effects) {
    switch (input.type) {
      case 'start':
      case 'timer':
        state.beat++;
        for (const peer of state.peers) effects.send(peer, 'heartbeat', { type: 'HEARTBEAT', beat: state.beat });
        effects.setTimer('beat', state.tickMs);
        return;
      case 'message':
        state.lastHeardMs[input.from] = effects.nowMs;
        return;
      case 'closed':
        delete state.lastHeardMs[input.peer];
        return;
      case 'expire-session':
        return;
    }
  },
  crash(state) {
    return { ...state, beat: 0, lastHeardMs: {} };
  },
  label(payload) {
    return payload.type;
  },
  status() {
    return { role: 'LOOKING', epoch: 0, appliedZxid: 0, serving: false };
  },
  summarize(state) {
    return { role: 'LOOKING', epoch: 0, lastZxid: 0, appliedZxid: 0, serving: false, detail: { beat: state.beat, lastHeardMs: { ...state.lastHeardMs } } };
  },
};
