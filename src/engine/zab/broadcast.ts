// The leader in BROADCAST (Leader.propose / processAck / tryToCommit / commit / inform):
// PROPOSAL to forwarding followers, ACK quorum with the leader counting itself, COMMIT strictly
// in zxid order, INFORM (the txn itself) to observers.
import type { EndpointId } from '../sim/network';
import { addSorted, hasBug, type ZabContext } from './context';
import { deliverCommitted } from './deliver';
import { markImmutable } from '../sim/clone';
import { layerContext } from './clients';
import { ZAB_CHANNEL, type RequestOrigin } from './packets';
import { isVoter } from './quorum';
import { activateConfig, decideReconfig, designatedLeader, proposalHasQuorum } from './reconfig';
import { restartElection } from './roles';
import type { LeaderState, LearnerHandlerState, OutstandingProposal } from './state';
import { logTxn } from './txnlog';
import { COUNTER_MAX, zxidCounter } from './zxid';

/** Turns a client write into a proposal (PrepRequestProcessor + Leader.propose). */
export function proposeRequest(context: ZabContext, request: unknown, origin: RequestOrigin | null): void {
  const { state, machine, effects } = context;
  const leader = state.leader!;
  if (state.phase !== 'BROADCAST' || leader.speculativeDb === null) return;
  if (context.layer !== null && origin !== null && context.layer.isSync(request)) return processSync(context, leader, origin);
  if (zxidCounter(leader.lastProposedZxid) >= COUNTER_MAX) {
    // ZOOKEEPER-1277: the counter would roll over; force a new epoch.
    restartElection(context, 'zxid lower 32 bits have rolled over, forcing re-election');
    return;
  }
  const zxid = leader.lastProposedZxid + 1;
  let checked = context.layer?.beforePrepare ? context.layer.beforePrepare(layerContext(context), request, origin) : request;
  let nextConfig = leader.pendingReconfig?.config ?? null;
  const reconfig = machine.reconfig?.requestOf(checked) ?? null;
  if (reconfig !== null) {
    const decision = decideReconfig(context, leader, reconfig, zxid);
    checked = machine.reconfig!.withDecision(checked, decision);
    if (decision.err === null) {
      leader.pendingReconfig = { zxid, config: decision.config };
      nextConfig = decision.config;
    }
  }
  // A prepared txn never changes (many logs share it), so world snapshots share it too.
  const txn = markImmutable(machine.prepare(leader.speculativeDb, checked, zxid, effects.nowMs) as object);
  machine.apply(leader.speculativeDb, txn, zxid);
  leader.lastProposedZxid = zxid;
  const proposal: OutstandingProposal = { zxid, txn, origin, acks: [], nextConfig };
  leader.outstanding.push(proposal);
  for (const handler of leader.handlers) {
    if (!handler.forwarding || handler.isObserver) continue;
    effects.send(handler.sid, ZAB_CHANNEL, { type: 'PROPOSAL', connection: handler.connection, zxid, txn, origin }, true);
    if (handler.stage === 'BROADCAST' || handler.stage === 'AWAIT_STARTUP') handler.unacked.push({ zxid, sentMs: effects.nowMs });
  }
  if (hasBug(context, 'commit-before-quorum')) {
    leader.outstanding = leader.outstanding.filter((entry) => entry !== proposal);
    commitProposal(context, proposal);
  }
  // The leader logs its own proposal and acks itself once it is fsynced (SyncRequestProcessor ->
  // AckRequestProcessor).
  for (const entry of logTxn(context, { zxid, txn, origin })) processAck(context, state.id, entry.zxid);
}

/** Leader.processAck: count an ACK, then commit every head proposal that has a quorum. */
export function processAck(context: ZabContext, sid: EndpointId, zxid: number): void {
  const { state } = context;
  const leader = state.leader;
  if (leader === null || zxidCounter(zxid) === 0) return; // NEWLEADER/UPTODATE acks carry (e, 0)
  let proposal: OutstandingProposal | undefined;
  for (const entry of leader.outstanding) {
    if (entry.zxid === zxid) {
      proposal = entry;
      break;
    }
  }
  if (proposal === undefined) return; // already committed, or never proposed by this leader
  if (isVoter(state.config, sid) || proposal.nextConfig?.voters.includes(sid)) addSorted(proposal.acks, sid);
  commitReadyProposals(context, leader);
}

/** tryToCommit, strictly in zxid order: only the oldest outstanding proposal may commit. */
function commitReadyProposals(context: ZabContext, leader: LeaderState): void {
  for (let guard = 0; guard < 1_000_000; guard++) {
    if (context.state.leader !== leader) return; // a reconfig made it step down
    const head = leader.outstanding[0];
    if (head === undefined || !proposalHasQuorum(context.state, head.acks, head.nextConfig)) return;
    leader.outstanding.shift();
    commitProposal(context, head);
  }
}

/** Leader.commit + inform: COMMIT to followers, INFORM to observers, apply locally. */
function commitProposal(context: ZabContext, proposal: OutstandingProposal): void {
  const { state, effects } = context;
  const leader = state.leader!;
  const activating = leader.pendingReconfig !== null && leader.pendingReconfig.zxid === proposal.zxid ? leader.pendingReconfig.config : null;
  const designated = activating === null ? state.id : designatedLeader(state, activating, proposal.acks);
  for (const handler of leader.handlers) {
    if (!handler.forwarding) continue;
    const { connection } = handler;
    const packet = handler.isObserver
      ? activating === null
        ? { type: 'INFORM' as const, connection, zxid: proposal.zxid, txn: proposal.txn, origin: proposal.origin }
        : { type: 'INFORMANDACTIVATE' as const, connection, zxid: proposal.zxid, txn: proposal.txn, origin: proposal.origin, designatedLeader: designated }
      : activating === null
        ? { type: 'COMMIT' as const, connection, zxid: proposal.zxid }
        : { type: 'COMMITANDACTIVATE' as const, connection, zxid: proposal.zxid, designatedLeader: designated };
    effects.send(handler.sid, ZAB_CHANNEL, packet, true);
  }
  deliverCommitted(context, { zxid: proposal.zxid, txn: proposal.txn, origin: proposal.origin });
  if (activating !== null) {
    leader.pendingReconfig = null;
    activateConfig(context, activating, designated);
    if (state.leader === null) return; // it handed over leadership
  }
  if (leader.pendingSyncs.length === 0) return;
  const ready = leader.pendingSyncs.filter((sync) => sync.zxid <= proposal.zxid);
  leader.pendingSyncs = leader.pendingSyncs.filter((sync) => sync.zxid > proposal.zxid);
  for (const sync of ready) sendSync(context, sync.origin);
}

/** Leader.processSync: answered at once when nothing is outstanding, else after the last
 * proposal issued before it commits. */
function processSync(context: ZabContext, leader: LeaderState, origin: RequestOrigin): void {
  if (leader.outstanding.length === 0) return sendSync(context, origin);
  leader.pendingSyncs.push({ zxid: leader.lastProposedZxid, origin });
}

/** Leader.sendSync: to the learner the client is on, or to our own layer. */
function sendSync(context: ZabContext, origin: RequestOrigin): void {
  const { state, effects } = context;
  if (origin.server === state.id) {
    context.layer?.syncDone(layerContext(context), origin);
    return;
  }
  const handler = state.leader!.handlers.find((entry) => entry.sid === origin.server && entry.forwarding);
  if (handler) effects.send(handler.sid, ZAB_CHANNEL, { type: 'SYNC', connection: handler.connection, zxid: state.lastProcessedZxid, origin }, true);
}

/** SyncLimitCheck.updateAck: the learner acked zxid (and, acks being in order, all before it). */
export function noteLearnerAck(leader: LeaderState, sid: EndpointId, zxid: number): void {
  let handler: LearnerHandlerState | undefined;
  for (const entry of leader.handlers) {
    if (entry.sid === sid) {
      handler = entry;
      break;
    }
  }
  if (handler === undefined) return;
  // Filtered in place (this runs on every ACK): keeps the entries after zxid, in order.
  const unacked = handler.unacked;
  let kept = 0;
  for (let index = 0; index < unacked.length; index++) {
    const entry = unacked[index]!;
    if (entry.zxid > zxid) unacked[kept++] = entry;
  }
  while (unacked.length > kept) unacked.pop(); // cheaper than setting length
}
