// Follower and Observer (Learner.registerWithLeader, syncWithLeader, Follower/Observer
// .processPacket), event-driven. The learner is silent towards clients until UPTODATE.
import type { EndpointId } from '../sim/network';
import { flagViolation, note, type ZabContext } from './context';
import { layerContext } from './clients';
import { activateConfig } from './reconfig';
import { deliverCommitted } from './deliver';
import { PROTOCOL_VERSION, ZAB_CHANNEL, type QuorumPacket } from './packets';
import { restartElection, updateElectionVote } from './roles';
import type { LearnerState, LogEntry } from './state';
import { appendDurable, logTxn, takeSnapshot, truncateLog } from './txnlog';
import { formatZxid, makeZxid, zxidEpoch } from './zxid';

export const LEARNER_READ_TIMER = 'learner-read';
export const LEARNER_RECONNECT_TIMER = 'learner-reconnect';

/** connectToLeader: tries and the pause between them (leaderConnectDelayDuringRetryMs). */
const CONNECT_TRIES_MAX = 5;
const CONNECT_RETRY_DELAY_MS = 100;

/** Follower.followLeader / Observer.observeLeader, start: connect and send FOLLOWERINFO. */
export function startLearning(context: ZabContext, leaderId: EndpointId): void {
  const { state } = context;
  state.learner = {
    leaderId,
    connection: 0,
    connectAttempts: 0,
    stage: 'REGISTERING',
    newEpoch: -1,
    syncMode: null,
    snapshotNeeded: true,
    writeToTxnLog: false,
    packetsNotLogged: [],
    packetsCommitted: [],
    pendingTxns: [],
    lastQueuedZxid: 0,
  };
  armReadTimeout(context);
  connectToLeader(context);
}

/** Opens a fresh connection to the leader and registers (FOLLOWERINFO / OBSERVERINFO). */
function connectToLeader(context: ZabContext): void {
  const { state, effects } = context;
  const learner = state.learner!;
  // Qualified by the learner's id: a number is unique per TCP connection across the ensemble, so
  // a late packet of an old connection in the other direction is never taken for a current one.
  learner.connection = state.id * 1_000_000 + ++state.disk.connectionsOpened;
  learner.connectAttempts++;
  const type = state.config.observers.includes(state.id) ? 'OBSERVERINFO' : 'FOLLOWERINFO';
  effects.resetChannel(learner.leaderId, ZAB_CHANNEL);
  const packet = { type, connection: learner.connection, zxid: makeZxid(state.disk.acceptedEpoch, 0), sid: state.id, protocolVersion: PROTOCOL_VERSION, configVersion: 0 } as const;
  effects.send(learner.leaderId, ZAB_CHANNEL, packet, true);
}

/** The leader's side closed the connection. Refused before any answer (the peer is not leading
 * yet): retry like connectToLeader; otherwise the learner gives up and goes LOOKING. */
export function leaderConnectionClosed(context: ZabContext): void {
  const learner = context.state.learner!;
  if (learner.stage === 'REGISTERING' && learner.connectAttempts < CONNECT_TRIES_MAX) {
    context.effects.setTimer(LEARNER_RECONNECT_TIMER, CONNECT_RETRY_DELAY_MS);
    return;
  }
  restartElection(context, 'connection to the leader closed');
}

/** The pause between connection attempts is over. */
export function onReconnectTimer(context: ZabContext): void {
  if (context.state.learner?.stage === 'REGISTERING') connectToLeader(context);
}

/** The socket read timeout: initLimit ticks until NEWLEADER is processed, syncLimit after. */
function armReadTimeout(context: ZabContext): void {
  const { config } = context.state;
  const stage = context.state.learner!.stage;
  const limit = stage === 'AWAIT_UPTODATE' || stage === 'BROADCAST' ? config.syncLimit : config.initLimit;
  context.effects.setTimer(LEARNER_READ_TIMER, limit * config.tickMs);
}

/** Learner.shutdown: close the connection to the leader. */
export function shutdownLearner(context: ZabContext): void {
  const learner = context.state.learner;
  if (learner === null) return;
  context.effects.close(learner.leaderId, ZAB_CHANNEL);
  context.effects.cancelTimer(LEARNER_READ_TIMER);
  context.effects.cancelTimer(LEARNER_RECONNECT_TIMER);
  context.state.learner = null;
}

/** A quorum packet from the leader. One flat switch over the packet type. */
export function learnerReceive(context: ZabContext, from: EndpointId, packet: QuorumPacket): void {
  const learner = context.state.learner!;
  if (from !== learner.leaderId || packet.connection !== learner.connection) return; // stale connection
  armReadTimeout(context);
  switch (packet.type) {
    case 'LEADERINFO':
      return receiveLeaderInfo(context, learner, packet.zxid);
    case 'DIFF':
    case 'TRUNC':
    case 'SNAP':
      return receiveSyncMode(context, learner, packet);
    case 'PROPOSAL':
      return receiveProposal(context, learner, { zxid: packet.zxid, txn: packet.txn, origin: packet.origin });
    case 'COMMIT':
      return receiveCommit(context, learner, packet.zxid);
    case 'INFORM':
      return receiveInform(context, learner, { zxid: packet.zxid, txn: packet.txn, origin: packet.origin });
    case 'COMMITANDACTIVATE':
      return receiveCommitAndActivate(context, learner, packet.zxid, packet.designatedLeader);
    case 'INFORMANDACTIVATE':
      // Like INFORM it names the request's origin: an observer answers its own client's
      // reconfig when it applies it (Observer INFORMANDACTIVATE -> commitRequest).
      return receiveInformAndActivate(context, learner, { zxid: packet.zxid, txn: packet.txn, origin: packet.origin }, packet.designatedLeader);
    case 'NEWLEADER':
      // The leader's membership comes with NEWLEADER (QuorumPeer.setLastSeenQuorumVerifier).
      if (packet.config !== undefined && packet.config.version > context.state.config.version) {
        context.state.config = { ...context.state.config, ...packet.config };
      }
      return receiveNewLeader(context, learner, packet.zxid);
    case 'UPTODATE':
      return receiveUpToDate(context, learner);
    case 'PING':
      if (learner.stage === 'BROADCAST') {
        const sessions = context.layer === null ? undefined : context.layer.pingPayload(layerContext(context));
        context.effects.send(learner.leaderId, ZAB_CHANNEL, { type: 'PING', connection: learner.connection, zxid: context.state.lastProcessedZxid, ...(sessions === undefined ? {} : { sessions }) }, true);
      }
      return;
    case 'SYNC':
      // Everything the leader committed before the sync arrived earlier on this FIFO stream
      // and is applied: the sync is done here (Learner SYNC -> FollowerZooKeeperServer.sync).
      if (context.layer !== null) context.layer.syncDone(layerContext(context), packet.origin);
      return;
    case 'REVALIDATE':
      if (context.layer !== null) context.layer.sessionRevalidated?.(layerContext(context), packet.sessionId, packet.valid);
      return;
    default:
      return protocolError(context, `unexpected ${packet.type} from the leader`);
  }
}

function protocolError(context: ZabContext, text: string): void {
  flagViolation(context, text);
  restartElection(context, text);
}

/** registerWithLeader: accept the new epoch (persisting acceptedEpoch) and answer ACKEPOCH. */
function receiveLeaderInfo(context: ZabContext, learner: LearnerState, newEpochZxid: number): void {
  const { state, effects } = context;
  if (learner.stage !== 'REGISTERING') return protocolError(context, 'LEADERINFO after registration');
  const newEpoch = zxidEpoch(newEpochZxid);
  let ackedCurrentEpoch = -1;
  if (newEpoch > state.disk.acceptedEpoch) {
    ackedCurrentEpoch = state.disk.currentEpoch;
    state.disk.acceptedEpoch = newEpoch;
  } else if (newEpoch < state.disk.acceptedEpoch) {
    restartElection(context, `Leaders epoch, ${newEpoch} is less than accepted epoch, ${state.disk.acceptedEpoch}`);
    return;
  }
  learner.newEpoch = newEpoch;
  learner.stage = 'AWAIT_SYNC_MODE';
  state.phase = 'SYNCHRONIZATION';
  effects.send(learner.leaderId, ZAB_CHANNEL, { type: 'ACKEPOCH', connection: learner.connection, zxid: state.lastProcessedZxid, currentEpoch: ackedCurrentEpoch }, true);
}

/** The first sync packet: DIFF keeps the db, TRUNC cuts the log back, SNAP replaces the db. */
function receiveSyncMode(context: ZabContext, learner: LearnerState, packet: Extract<QuorumPacket, { type: 'DIFF' | 'TRUNC' | 'SNAP' }>): void {
  const { state, machine } = context;
  if (learner.stage !== 'AWAIT_SYNC_MODE') return protocolError(context, `${packet.type} outside synchronization`);
  learner.syncMode = packet.type;
  learner.stage = 'SYNCING';
  if (packet.type === 'DIFF') {
    learner.snapshotNeeded = false;
  } else if (packet.type === 'SNAP') {
    state.db = machine.clone(packet.db);
    state.lastProcessedZxid = packet.zxid;
    state.committedLog = [];
    state.committedLogStart = 0;
  } else {
    truncateLog(context, packet.zxid);
    state.lastProcessedZxid = packet.zxid;
  }
  learner.writeToTxnLog = !learner.snapshotNeeded;
  note(context, `${packet.type} ${formatZxid(packet.zxid)} from ${learner.leaderId}`);
}

function receiveProposal(context: ZabContext, learner: LearnerState, entry: LogEntry): void {
  const { state, effects } = context;
  if (learner.stage === 'SYNCING' || learner.stage === 'AWAIT_UPTODATE') {
    learner.packetsNotLogged.push(entry);
    learner.lastQueuedZxid = entry.zxid;
    return;
  }
  if (learner.stage !== 'BROADCAST') return protocolError(context, 'PROPOSAL before synchronization');
  if (state.role === 'OBSERVING') return; // observers ignore proposals (they get INFORM)
  // Follower.processPacket -> logRequest: log it, ACK once it is fsynced.
  learner.lastQueuedZxid = entry.zxid;
  learner.pendingTxns.push(entry);
  for (const logged of logTxn(context, entry)) {
    effects.send(learner.leaderId, ZAB_CHANNEL, { type: 'ACK', connection: learner.connection, zxid: logged.zxid }, true);
  }
}

function receiveCommit(context: ZabContext, learner: LearnerState, zxid: number): void {
  if (learner.stage === 'SYNCING' || learner.stage === 'AWAIT_UPTODATE') {
    if (learner.writeToTxnLog) {
      learner.packetsCommitted.push(zxid);
      return;
    }
    const head = learner.packetsNotLogged[0];
    if (head === undefined || head.zxid !== zxid) {
      note(context, `Committing ${formatZxid(zxid)}, but next proposal is ${head ? formatZxid(head.zxid) : 'none'}`);
      return;
    }
    learner.packetsNotLogged.shift();
    deliverCommitted(context, head); // in memory only: the NEWLEADER snapshot persists it
    return;
  }
  if (learner.stage !== 'BROADCAST') return protocolError(context, 'COMMIT before synchronization');
  if (context.state.role === 'OBSERVING') return;
  commitPending(context, learner, zxid);
}

/** FollowerZooKeeperServer.commit: the COMMIT must match the oldest pending txn. */
function commitPending(context: ZabContext, learner: LearnerState, zxid: number): void {
  const head = learner.pendingTxns[0];
  if (head === undefined || head.zxid !== zxid) {
    // ZooKeeper exits the process here (UNMATCHED_TXN_COMMIT).
    return protocolError(context, `Committing ${formatZxid(zxid)}, but next pending txn ${head ? formatZxid(head.zxid) : 'none'}`);
  }
  learner.pendingTxns.shift();
  deliverCommitted(context, head);
}

/** COMMITANDACTIVATE: a COMMIT of a reconfig, then its membership becomes active (Follower). */
function receiveCommitAndActivate(context: ZabContext, learner: LearnerState, zxid: number, designated: number): void {
  const pending = learner.pendingTxns.find((entry) => entry.zxid === zxid) ?? learner.packetsNotLogged.find((entry) => entry.zxid === zxid);
  const config = pending === undefined ? null : context.machine.reconfig?.configOf(pending.txn) ?? null;
  receiveCommit(context, learner, zxid);
  if (config !== null && context.state.learner === learner) activateConfig(context, config, designated);
}

/** INFORMANDACTIVATE: an observer's INFORM of a reconfig, then its membership (Observer). */
function receiveInformAndActivate(context: ZabContext, learner: LearnerState, entry: LogEntry, designated: number): void {
  const config = context.machine.reconfig?.configOf(entry.txn) ?? null;
  receiveInform(context, learner, entry);
  if (config !== null && context.state.learner === learner) activateConfig(context, config, designated);
}

/** Observer: INFORM carries a committed txn; log it and apply it. */
function receiveInform(context: ZabContext, learner: LearnerState, entry: LogEntry): void {
  if (learner.stage === 'SYNCING' || learner.stage === 'AWAIT_UPTODATE') {
    if (!learner.writeToTxnLog) {
      deliverCommitted(context, entry);
    } else {
      learner.packetsNotLogged.push(entry);
      learner.packetsCommitted.push(entry.zxid);
    }
    return;
  }
  if (learner.stage !== 'BROADCAST' || context.state.role !== 'OBSERVING') return protocolError(context, 'unexpected INFORM');
  logTxn(context, entry);
  deliverCommitted(context, entry);
}

/** NEWLEADER: snapshot after TRUNC/SNAP, log + apply the committed txns received, persist
 * currentEpoch, then ACK. */
function receiveNewLeader(context: ZabContext, learner: LearnerState, newLeaderZxid: number): void {
  const { state, effects } = context;
  if (learner.stage !== 'SYNCING') return protocolError(context, `NEWLEADER in stage ${learner.stage}`);
  if (learner.snapshotNeeded) takeSnapshot(context);
  if (learner.syncMode === 'SNAP') {
    // The old log files are superseded by the snapshot: restore never replays entries at or
    // below it, and purge would delete them. Drop them so the log shows only live history.
    const snapshotZxid = state.lastProcessedZxid;
    state.disk.log = state.disk.log.filter((entry) => entry.zxid > snapshotZxid);
  }
  learner.writeToTxnLog = true;
  if (state.role === 'FOLLOWING') {
    for (const zxid of learner.packetsCommitted) {
      const head = learner.packetsNotLogged[0];
      if (head === undefined || head.zxid !== zxid) continue;
      learner.packetsNotLogged.shift();
      appendDurable(context, head);
      deliverCommitted(context, head);
    }
    learner.packetsCommitted = [];
  }
  state.disk.currentEpoch = learner.newEpoch;
  learner.stage = 'AWAIT_UPTODATE';
  armReadTimeout(context);
  effects.send(learner.leaderId, ZAB_CHANNEL, { type: 'ACK', connection: learner.connection, zxid: newLeaderZxid }, true);
}

/** UPTODATE: start serving; log what is still in flight and apply what was committed meanwhile. */
function receiveUpToDate(context: ZabContext, learner: LearnerState): void {
  const { state, effects } = context;
  if (learner.stage !== 'AWAIT_UPTODATE') return protocolError(context, `UPTODATE in stage ${learner.stage}`);
  learner.stage = 'BROADCAST';
  state.phase = 'BROADCAST';
  state.lastCommittedZxid = Math.max(state.lastCommittedZxid, state.lastProcessedZxid);
  effects.send(learner.leaderId, ZAB_CHANNEL, { type: 'ACK', connection: learner.connection, zxid: makeZxid(learner.newEpoch, 0) }, true);
  updateElectionVote(context, learner.newEpoch);
  if (context.layer !== null) context.layer.onStartServing(layerContext(context));
  const notLogged = learner.packetsNotLogged;
  const committed = learner.packetsCommitted;
  learner.packetsNotLogged = [];
  learner.packetsCommitted = [];
  if (state.role === 'FOLLOWING') {
    for (const entry of notLogged) receiveProposal(context, learner, entry);
    for (const zxid of committed) if (state.learner === learner) commitPending(context, learner, zxid);
    return;
  }
  for (const entry of notLogged) {
    if (committed[0] !== entry.zxid) continue;
    committed.shift();
    logTxn(context, entry);
    deliverCommitted(context, entry);
  }
}
