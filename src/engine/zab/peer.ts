// One Zab server as a pure state machine: the world feeds it inputs (start, message, timer,
// closed) one at a time; it answers only through Effects.
import type { NodeInput } from '../sim/actor';
import type { EndpointId } from '../sim/network';
import { clientClosed, layerContext, receiveClientPacket, receiveLayerPacket } from './clients';
import { LAYER_TIMER_PREFIX } from './layer';
import type { ZabContext } from './context';
import { FINALIZE_TIMER, POLL_TIMER, onFinalizeTimeout, onPollTimeout, receiveNotification } from './election';
import { processAck } from './broadcast';
import { LEADER_PHASE_TIMER, LEADER_TICK_TIMER, leaderReceive, learnerConnectionClosed, onHandlerTimeout, onLeaderTick, onPhaseTimeout } from './leader';
import { LEARNER_READ_TIMER, LEARNER_RECONNECT_TIMER, leaderConnectionClosed, learnerReceive, onReconnectTimer } from './learner';
import { CLIENT_CHANNEL, ZAB_CHANNEL, isClientPacket, type QuorumPacket, type ZabPayload } from './packets';
import { OBSERVER_DELAY_TIMER, becomeLooking, onObserverDelay, restartElection } from './roles';
import { FSYNC_TIMER, flushLog, loadDatabase, nextSnapshotThreshold } from './txnlog';

/** Handles one input. */
export function stepZab(context: ZabContext, input: NodeInput<ZabPayload>): void {
  if (input.type === 'start') return startServer(context);
  if (!context.state.running) return;
  switch (input.type) {
    case 'message':
      if (input.channel === CLIENT_CHANNEL && context.layer !== null) return receiveLayerPacket(context, input.from, input.payload);
      return receiveMessage(context, input.from, input.payload);
    case 'timer':
      return fireTimer(context, input.name);
    case 'closed':
      return connectionClosed(context, input.peer, input.channel);
    case 'expire-session':
      if (context.layer !== null && context.state.role === 'LEADING') context.layer.expireSession(layerContext(context), input.sessionId);
      return;
  }
}

/** Boot: load the database from disk (latest snapshot + the whole log), then LOOKING. */
function startServer(context: ZabContext): void {
  const { state } = context;
  state.running = true;
  state.clients = [];
  state.unsynced = [];
  state.leader = null;
  state.learner = null;
  state.local = context.layer?.initialLocal() ?? null;
  loadDatabase(context);
  state.lastCommittedZxid = state.disk.snapshots[state.disk.snapshots.length - 1]!.zxid;
  state.txnsSinceSnapshot = 0;
  state.snapshotThreshold = nextSnapshotThreshold(context);
  becomeLooking(context, false);
}

function receiveMessage(context: ZabContext, from: EndpointId, payload: ZabPayload): void {
  const { state } = context;
  if (payload.type === 'NOTIFICATION') return receiveNotification(context, from, payload);
  if (isClientPacket(payload)) return receiveClientPacket(context, from, payload);
  const packet = payload as QuorumPacket;
  if (state.role === 'LEADING') return leaderReceive(context, from, packet);
  if (state.learner !== null) return learnerReceive(context, from, packet);
  if (packet.type === 'FOLLOWERINFO' || packet.type === 'OBSERVERINFO') {
    // Not leading: nobody listens on the quorum port, the connection is refused.
    context.effects.close(from, ZAB_CHANNEL);
  }
}

function fireTimer(context: ZabContext, name: string): void {
  if (name.startsWith(LAYER_TIMER_PREFIX)) {
    if (context.layer !== null) context.layer.onTimer(layerContext(context), name);
    return;
  }
  switch (name) {
    case POLL_TIMER:
      return onPollTimeout(context);
    case FINALIZE_TIMER:
      return onFinalizeTimeout(context);
    case OBSERVER_DELAY_TIMER:
      return onObserverDelay(context);
    case FSYNC_TIMER:
      return acknowledgeLogged(context, flushLog(context).map((entry) => entry.zxid));
    case LEARNER_READ_TIMER:
      if (context.state.learner !== null) restartElection(context, 'no packet from the leader within the read timeout');
      return;
    case LEARNER_RECONNECT_TIMER:
      return onReconnectTimer(context);
    case LEADER_PHASE_TIMER:
      return onPhaseTimeout(context);
    case LEADER_TICK_TIMER:
      return onLeaderTick(context);
    default:
      onHandlerTimeout(context, name);
  }
}

/** After a delayed fsync: the leader acks itself, a follower ACKs the leader. */
function acknowledgeLogged(context: ZabContext, zxids: number[]): void {
  const { state, effects } = context;
  for (const zxid of zxids) {
    if (state.role === 'LEADING') processAck(context, state.id, zxid);
    else if (state.role === 'FOLLOWING' && state.learner?.stage === 'BROADCAST') {
      effects.send(state.learner.leaderId, ZAB_CHANNEL, { type: 'ACK', connection: state.learner.connection, zxid }, true);
    }
  }
}

function connectionClosed(context: ZabContext, peer: EndpointId, channel: string): void {
  const { state } = context;
  if (channel === CLIENT_CHANNEL) return clientClosed(context, peer);
  if (channel !== ZAB_CHANNEL) return;
  if (state.role === 'LEADING' && state.leader !== null) return learnerConnectionClosed(context, peer);
  if (state.learner !== null && state.learner.leaderId === peer) leaderConnectionClosed(context);
}
