// How a leader gets established (Leader.getEpochToPropose, waitForEpochAck, waitForNewLeaderAck,
// startZkServer and the matching LearnerHandler steps): discovery fixes and acks the new epoch,
// synchronization sends each learner DIFF/TRUNC/SNAP + NEWLEADER, a quorum of NEWLEADER ACKs
// starts BROADCAST and UPTODATE.
import type { EndpointId } from '../sim/network';
import { addSorted, hasBug, note, type ZabContext } from './context';
import { layerContext } from './clients';
import { armPhaseTimer, closeHandler, handlerTimerName, LEADER_PHASE_TIMER, LEADER_TICK_TIMER } from './leader';
import { ZAB_CHANNEL, PROTOCOL_VERSION, type QuorumPacket } from './packets';
import { containsQuorum, isVoter } from './quorum';
import { updateElectionVote } from './roles';
import type { LearnerHandlerState } from './state';
import { planSync } from './sync';
import { committedWindow } from './txnlog';
import { makeZxid, formatZxid } from './zxid';

/** Leader.getEpochToPropose: e' = 1 + max acceptedEpoch seen; fixed once a quorum connected. */
export function getEpochToPropose(context: ZabContext, sid: EndpointId, acceptedEpoch: number, isParticipant: boolean): void {
  const { state } = context;
  const leader = state.leader!;
  if (!leader.waitingForNewEpoch) return;
  if (acceptedEpoch >= leader.epoch) leader.epoch = acceptedEpoch + 1;
  if (sid === state.id || isParticipant) addSorted(leader.connectingFollowers, sid);
  if (!leader.connectingFollowers.includes(state.id) || !containsQuorum(state.config, leader.connectingFollowers)) return;
  leader.waitingForNewEpoch = false;
  state.disk.acceptedEpoch = leader.epoch;
  leader.lastProposedZxid = makeZxid(leader.epoch, 0);
  note(context, `new epoch ${leader.epoch} (FOLLOWERINFO from ${leader.connectingFollowers.join(',')})`);
  armPhaseTimer(context);
  for (const handler of leader.handlers) if (handler.stage === 'AWAIT_EPOCH') sendLeaderInfo(context, handler);
  waitForEpochAck(context, state.id);
}

export function sendLeaderInfo(context: ZabContext, handler: LearnerHandlerState): void {
  const leader = context.state.leader!;
  handler.stage = 'AWAIT_ACKEPOCH';
  const packet = { type: 'LEADERINFO' as const, connection: handler.connection, zxid: makeZxid(leader.epoch, 0), protocolVersion: PROTOCOL_VERSION };
  context.effects.send(handler.sid, ZAB_CHANNEL, packet, true);
}

export function receiveAckEpoch(context: ZabContext, handler: LearnerHandlerState, lastZxid: number, currentEpoch: number): void {
  if (handler.stage !== 'AWAIT_ACKEPOCH') {
    closeHandler(context, handler, 'ACKEPOCH out of order');
    return;
  }
  handler.peerLastZxid = lastZxid;
  handler.stage = 'AWAIT_EPOCH_QUORUM';
  const leader = context.state.leader!;
  if (context.state.phase === 'DISCOVERY') {
    const refuseAhead = !hasBug(context, 'election-ignores-zxid');
    if (refuseAhead && currentEpoch !== -1 && isMoreRecent(currentEpoch, lastZxid, leader.summaryEpoch, leader.summaryZxid)) {
      closeHandler(context, handler, `Follower is ahead of the leader (${currentEpoch}, ${formatZxid(lastZxid)})`);
      return;
    }
    if (currentEpoch !== -1 && !handler.isObserver && isVoter(context.state.config, handler.sid)) addSorted(leader.electingFollowers, handler.sid);
    checkEpochAckQuorum(context);
  } else {
    syncLearner(context, handler);
  }
}

/** StateSummary.isMoreRecentThan: lexicographic on (currentEpoch, lastZxid). */
function isMoreRecent(epoch: number, zxid: number, otherEpoch: number, otherZxid: number): boolean {
  return epoch > otherEpoch || (epoch === otherEpoch && zxid > otherZxid);
}

/** Leader.waitForEpochAck for the leader itself. */
function waitForEpochAck(context: ZabContext, sid: EndpointId): void {
  addSorted(context.state.leader!.electingFollowers, sid);
  checkEpochAckQuorum(context);
}

/** A quorum acked the epoch: persist currentEpoch, move to SYNCHRONIZATION, sync the learners. */
function checkEpochAckQuorum(context: ZabContext): void {
  const { state } = context;
  const leader = state.leader!;
  if (state.phase !== 'DISCOVERY' || leader.waitingForNewEpoch) return;
  if (!leader.electingFollowers.includes(state.id) || !containsQuorum(state.config, leader.electingFollowers)) return;
  state.disk.currentEpoch = leader.epoch;
  state.phase = 'SYNCHRONIZATION';
  armPhaseTimer(context);
  leader.newLeaderAcks = [state.id];
  for (const handler of leader.handlers) if (handler.stage === 'AWAIT_EPOCH_QUORUM') syncLearner(context, handler);
  checkNewLeaderQuorum(context);
}

/** LearnerHandler: DIFF/TRUNC/SNAP + PROPOSAL/COMMIT pairs, startForwarding, then NEWLEADER. */
function syncLearner(context: ZabContext, handler: LearnerHandlerState): void {
  const { state, effects, machine } = context;
  const leader = state.leader!;
  const newestSnapshot = state.disk.snapshots[state.disk.snapshots.length - 1]!;
  const plan = planSync({
    peerLastZxid: handler.peerLastZxid, committedLog: committedWindow(state), lastProcessedZxid: state.lastProcessedZxid, skipTrunc: hasBug(context, 'skip-trunc'),
    txnLog: state.disk.log, snapshotBytes: serializedBytes(newestSnapshot.db), txnBytes: (entry) => serializedBytes(entry.txn) + LOG_ENTRY_HEADER_BYTES,
    snapshotSizeFactor: context.options.snapshotSizeFactor,
  });
  note(context, `sync ${handler.sid}: ${plan.mode} ${formatZxid(plan.zxid)} (+${plan.proposals.length} txns, peer at ${formatZxid(handler.peerLastZxid)})`);
  const connection = handler.connection;
  const send = (packet: QuorumPacket) => effects.send(handler.sid, ZAB_CHANNEL, packet, true);
  if (plan.mode === 'SNAP') send({ type: 'SNAP', connection, zxid: plan.zxid, db: machine.clone(state.db) });
  else send({ type: plan.mode, connection, zxid: plan.zxid });
  for (const entry of plan.proposals) {
    send({ type: 'PROPOSAL', connection, zxid: entry.zxid, txn: entry.txn, origin: entry.origin });
    send({ type: 'COMMIT', connection, zxid: entry.zxid });
  }
  // startForwarding: participants also get the proposals still in flight.
  if (!handler.isObserver) {
    for (const proposal of leader.outstanding) {
      if (proposal.zxid > plan.lastQueuedZxid) send({ type: 'PROPOSAL', connection, zxid: proposal.zxid, txn: proposal.txn, origin: proposal.origin });
    }
  }
  handler.forwarding = true;
  handler.syncStarted = true;
  const { voters, observers, version } = state.config;
  send({ type: 'NEWLEADER', connection, zxid: makeZxid(leader.epoch, 0), configVersion: version, config: { voters, observers, version } });
  handler.stage = 'AWAIT_NEWLEADER_ACK';
}

/** waitForNewLeaderAck: count participants' NEWLEADER ACKs; UPTODATE once the leader serves. */
export function receiveNewLeaderAck(context: ZabContext, handler: LearnerHandlerState, zxid: number): void {
  const { state } = context;
  const leader = state.leader!;
  handler.stage = 'AWAIT_STARTUP';
  context.effects.setTimer(handlerTimerName(handler.sid), state.config.syncLimit * state.config.tickMs);
  if (state.phase === 'SYNCHRONIZATION' && zxid === makeZxid(leader.epoch, 0) && !handler.isObserver && isVoter(state.config, handler.sid)) {
    addSorted(leader.newLeaderAcks, handler.sid);
    checkNewLeaderQuorum(context);
  }
  if (state.phase === 'BROADCAST' && handler.stage === 'AWAIT_STARTUP') sendUpToDate(context, handler);
}

function checkNewLeaderQuorum(context: ZabContext): void {
  const { state } = context;
  if (state.phase !== 'SYNCHRONIZATION' || !containsQuorum(state.config, state.leader!.newLeaderAcks)) return;
  startBroadcast(context);
}

/** Leader.startZkServer: the leader's whole history is now committed; serve and ping. */
function startBroadcast(context: ZabContext): void {
  const { state, effects, machine } = context;
  const leader = state.leader!;
  const newLeaderZxid = makeZxid(leader.epoch, 0);
  state.lastCommittedZxid = Math.max(state.lastProcessedZxid, newLeaderZxid);
  state.lastProcessedZxid = newLeaderZxid;
  state.phase = 'BROADCAST';
  leader.speculativeDb = machine.clone(state.db);
  leader.tick = 0;
  leader.tickSkip = true;
  updateElectionVote(context, leader.epoch);
  effects.cancelTimer(LEADER_PHASE_TIMER);
  effects.setTimer(LEADER_TICK_TIMER, Math.max(1, Math.floor(state.config.tickMs / 2)));
  note(context, `established as leader of epoch ${leader.epoch} (NEWLEADER acked by ${leader.newLeaderAcks.join(',')})`);
  for (const handler of leader.handlers) if (handler.stage === 'AWAIT_STARTUP') sendUpToDate(context, handler);
  if (context.layer !== null) context.layer.onStartServing(layerContext(context));
}

function sendUpToDate(context: ZabContext, handler: LearnerHandlerState): void {
  handler.stage = 'BROADCAST';
  handler.tickOfNextAckDeadline = context.state.leader!.tick + context.state.config.syncLimit;
  context.effects.send(handler.sid, ZAB_CHANNEL, { type: 'UPTODATE', connection: handler.connection }, true);
}

/** TxnHeader + checksum overhead per logged txn (FileTxnLog), roughly, in bytes. */
const LOG_ENTRY_HEADER_BYTES = 40;

/** The size of a value as serialized, standing in for file sizes on disk. */
function serializedBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}
