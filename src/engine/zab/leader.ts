// The leader (Leader.lead + one LearnerHandler per learner), event-driven. Discovery: a quorum of
// FOLLOWERINFO fixes the new epoch, LEADERINFO/ACKEPOCH make a quorum accept it. Synchronization:
// each learner gets DIFF/TRUNC/SNAP + NEWLEADER; a quorum of NEWLEADER ACKs starts BROADCAST and
// UPTODATE. Each wait is bounded by initLimit ticks; in BROADCAST a quorum must stay in touch
// within syncLimit ticks.
import type { EndpointId } from '../sim/network';
import { note, type ZabContext } from './context';
import { layerContext } from './clients';
import { noteLearnerAck, processAck, proposeRequest } from './broadcast';
import { getEpochToPropose, receiveAckEpoch, receiveNewLeaderAck, sendLeaderInfo } from './leader-establish';
import { ZAB_CHANNEL, type QuorumPacket } from './packets';
import { containsQuorum, isVoter } from './quorum';
import { restartElection } from './roles';
import type { LeaderState, LearnerHandlerState } from './state';
import { formatZxid, zxidEpoch } from './zxid';

export const LEADER_PHASE_TIMER = 'leader-phase';
export const LEADER_TICK_TIMER = 'leader-tick';
const HANDLER_TIMER_PREFIX = 'learner-handler/';

/** Timer name of the read timeout of the handler for `sid`. */
export function handlerTimerName(sid: EndpointId): string {
  // Made on every packet from a learner: built once per sid.
  let name = handlerTimerNames[sid];
  if (name === undefined) name = handlerTimerNames[sid] = HANDLER_TIMER_PREFIX + sid;
  return name;
}
const handlerTimerNames: string[] = [];

/** Leader.lead, start: DISCOVERY, waiting for a quorum of FOLLOWERINFO. */
export function startLeading(context: ZabContext): void {
  const { state } = context;
  state.leader = {
    epoch: -1,
    waitingForNewEpoch: true,
    connectingFollowers: [],
    electingFollowers: [],
    newLeaderAcks: [],
    summaryEpoch: state.disk.currentEpoch,
    summaryZxid: state.lastProcessedZxid,
    handlers: [],
    outstanding: [],
    pendingSyncs: [],
    pendingReconfig: null,
    lastProposedZxid: state.lastProcessedZxid,
    speculativeDb: null,
    tick: 0,
    tickSkip: true,
  };
  armPhaseTimer(context);
  getEpochToPropose(context, state.id, state.disk.acceptedEpoch, false);
}

export function armPhaseTimer(context: ZabContext): void {
  context.effects.setTimer(LEADER_PHASE_TIMER, context.state.config.initLimit * context.state.config.tickMs);
}

/** Leader.shutdown: close every learner connection and stop the leader's timers. */
export function shutdownLeader(context: ZabContext): void {
  const { state, effects } = context;
  const leader = state.leader;
  if (leader === null) return;
  for (const handler of leader.handlers) {
    effects.close(handler.sid, ZAB_CHANNEL);
    effects.cancelTimer(handlerTimerName(handler.sid));
  }
  effects.cancelTimer(LEADER_PHASE_TIMER);
  effects.cancelTimer(LEADER_TICK_TIMER);
  state.leader = null;
}

/** A quorum packet from a learner. One flat switch over the packet type. */
export function leaderReceive(context: ZabContext, from: EndpointId, packet: QuorumPacket): void {
  const leader = context.state.leader!;
  if (packet.type === 'FOLLOWERINFO' || packet.type === 'OBSERVERINFO') {
    acceptLearner(context, from, packet.connection, packet.type === 'OBSERVERINFO', zxidEpoch(packet.zxid));
    return;
  }
  let handler: LearnerHandlerState | undefined;
  for (const entry of leader.handlers) {
    if (entry.sid === from && entry.connection === packet.connection) {
      handler = entry;
      break;
    }
  }
  if (handler === undefined) return; // a packet of a connection we no longer have
  touchHandler(context, handler);
  switch (packet.type) {
    case 'ACKEPOCH':
      receiveAckEpoch(context, handler, packet.zxid, packet.currentEpoch);
      break;
    case 'ACK':
      receiveAck(context, handler, packet.zxid);
      break;
    case 'PING':
      // Besides refreshing the deadline, it carries the learner's session touches.
      if (context.layer !== null && packet.sessions !== undefined) context.layer.onLearnerPing(layerContext(context), from, packet.sessions);
      break;
    case 'REQUEST':
      if (handler.stage === 'BROADCAST') proposeRequest(context, packet.request, packet.origin);
      break;
    case 'REVALIDATE': {
      // Leader.revalidateSession: touch the session; if valid this learner now owns it.
      const valid = context.layer?.revalidateSession?.(layerContext(context), from, packet.sessionId) ?? false;
      context.effects.send(from, ZAB_CHANNEL, { type: 'REVALIDATE', connection: handler.connection, sessionId: packet.sessionId, valid }, true);
      break;
    }
    case 'SYNC':
      break;
    default:
      closeHandler(context, handler, `unexpected ${packet.type} from learner`);
  }
}

/** Every packet from a learner resets its read timeout and its synced deadline. */
function touchHandler(context: ZabContext, handler: LearnerHandlerState): void {
  const { config } = context.state;
  const limit = handler.stage === 'BROADCAST' || handler.stage === 'AWAIT_STARTUP' ? config.syncLimit : config.initLimit;
  context.effects.setTimer(handlerTimerName(handler.sid), limit * config.tickMs);
  if (handler.stage === 'BROADCAST') handler.tickOfNextAckDeadline = context.state.leader!.tick + config.syncLimit;
}

/** A learner connects (LearnerCnxAcceptor + LearnerHandler.run's first packet). */
function acceptLearner(context: ZabContext, sid: EndpointId, connection: number, isObserver: boolean, acceptedEpoch: number): void {
  const { state, effects } = context;
  const leader = state.leader!;
  const previous = leader.handlers.find((entry) => entry.sid === sid);
  if (previous && previous.connection >= connection) return; // a late packet of an old connection
  leader.handlers = leader.handlers.filter((entry) => entry.sid !== sid);
  effects.resetChannel(sid, ZAB_CHANNEL);
  const handler: LearnerHandlerState = {
    sid,
    connection,
    isObserver,
    stage: 'AWAIT_EPOCH',
    learnerAcceptedEpoch: acceptedEpoch,
    peerLastZxid: -1,
    forwarding: false,
    syncStarted: false,
    tickOfNextAckDeadline: leader.tick + state.config.initLimit + state.config.syncLimit,
    unacked: [],
  };
  leader.handlers.push(handler);
  leader.handlers.sort((left, right) => left.sid - right.sid);
  effects.setTimer(handlerTimerName(sid), state.config.initLimit * state.config.tickMs);
  getEpochToPropose(context, sid, acceptedEpoch, !isObserver && isVoter(state.config, sid));
  if (!leader.waitingForNewEpoch && handler.stage === 'AWAIT_EPOCH') sendLeaderInfo(context, handler);
}

function receiveAck(context: ZabContext, handler: LearnerHandlerState, zxid: number): void {
  const leader = context.state.leader!;
  if (handler.stage === 'AWAIT_NEWLEADER_ACK') {
    receiveNewLeaderAck(context, handler, zxid);
    return;
  }
  if (handler.stage !== 'BROADCAST') {
    closeHandler(context, handler, `ACK ${formatZxid(zxid)} in stage ${handler.stage}`);
    return;
  }
  noteLearnerAck(leader, handler.sid, zxid);
  if (!handler.isObserver) processAck(context, handler.sid, zxid);
}

/** LearnerHandler.shutdown: drop the learner and close its connection. */
export function closeHandler(context: ZabContext, handler: LearnerHandlerState, reason: string): void {
  const leader = context.state.leader!;
  note(context, `closing connection to ${handler.sid}: ${reason}`);
  context.effects.close(handler.sid, ZAB_CHANNEL);
  context.effects.cancelTimer(handlerTimerName(handler.sid));
  leader.handlers = leader.handlers.filter((entry) => entry !== handler);
}

/** The learner's side closed the connection. */
export function learnerConnectionClosed(context: ZabContext, sid: EndpointId): void {
  const leader = context.state.leader!;
  leader.handlers = leader.handlers.filter((entry) => entry.sid !== sid);
  context.effects.cancelTimer(handlerTimerName(sid));
}

/** A handler's read timeout fired: no packet from the learner for init/syncLimit ticks. */
export function onHandlerTimeout(context: ZabContext, timerName: string): boolean {
  if (!timerName.startsWith(HANDLER_TIMER_PREFIX)) return false;
  const sid = Number(timerName.slice(HANDLER_TIMER_PREFIX.length));
  const handler = context.state.leader?.handlers.find((entry) => entry.sid === sid);
  if (handler) closeHandler(context, handler, 'read timeout');
  return true;
}

/** A discovery/synchronization wait ran out of initLimit ticks. */
export function onPhaseTimeout(context: ZabContext): void {
  const { state } = context;
  if (state.role !== 'LEADING' || state.phase === 'BROADCAST') return;
  const leader = state.leader!;
  const reason = leader.waitingForNewEpoch
    ? 'Timeout while waiting for epoch from quorum'
    : state.phase === 'DISCOVERY'
      ? 'Timeout while waiting for epoch to be acked by quorum'
      : `Waiting for a quorum of followers, only synced with sids: [ ${leader.newLeaderAcks.join(',')} ]`;
  restartElection(context, reason);
}

/** Leader.lead's loop, every tickMs/2: once per tick check a synced quorum, then ping everyone. */
export function onLeaderTick(context: ZabContext): void {
  const { state, effects } = context;
  const leader = state.leader;
  if (state.role !== 'LEADING' || leader === null || state.phase !== 'BROADCAST') return;
  if (!leader.tickSkip) leader.tick++;
  const synced = [state.id, ...leader.handlers.filter((entry) => leader.tick <= entry.tickOfNextAckDeadline).map((entry) => entry.sid)];
  if (!leader.tickSkip && !containsQuorum(state.config, synced)) {
    restartElection(context, `Not sufficient followers synced, only synced with sids: [ ${synced.sort((a, b) => a - b).join(',')} ]`);
    return;
  }
  leader.tickSkip = !leader.tickSkip;
  effects.setTimer(LEADER_TICK_TIMER, Math.max(1, Math.floor(state.config.tickMs / 2)));
  for (const handler of [...leader.handlers]) pingLearner(context, leader, handler);
}

/** LearnerHandler.ping: PING, unless a proposal has waited longer than syncLimit for its ACK. */
function pingLearner(context: ZabContext, leader: LeaderState, handler: LearnerHandlerState): void {
  if (!handler.syncStarted) return;
  const oldest = handler.unacked[0];
  const syncTimeoutMs = context.state.config.syncLimit * context.state.config.tickMs;
  if (oldest !== undefined && context.effects.nowMs - oldest.sentMs >= syncTimeoutMs) {
    closeHandler(context, handler, 'Closing connection to peer due to transaction timeout');
    return;
  }
  context.effects.send(handler.sid, ZAB_CHANNEL, { type: 'PING', connection: handler.connection, zxid: leader.lastProposedZxid }, true);
}
