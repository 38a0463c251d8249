// Fast Leader Election (FastLeaderElection.java), event-driven: lookForLeader's loop becomes a
// handler per notification plus two timers (the poll timeout and the finalize window); the
// WorkerReceiver's immediate answers are in `receiveNotification`.
import type { EndpointId } from '../sim/network';
import { hasBug, type ZabContext } from './context';
import { ELECTION_CHANNEL, type Notification, type PeerState } from './packets';
import { containsQuorum, isVoter } from './quorum';
import { decideLeader } from './roles';
import type { ReceivedVote, Vote } from './state';

export const POLL_TIMER = 'election-poll';
export const FINALIZE_TIMER = 'election-finalize';

/** What a non-voter proposes: Long.MIN_VALUE everywhere, so it can never be chosen. */
export const NO_CANDIDATE = Number.MIN_SAFE_INTEGER;

/** The version FLE notifications carry (ZOOKEEPER-1732). */
const NOTIFICATION_VERSION = 2;

type Proposal = { leader: number; zxid: number; peerEpoch: number };

/** getInitId/getInitLastLoggedZxid/getPeerEpoch: myself, or nobody for a non-voter. */
export function initialProposal(context: ZabContext): Proposal {
  const { state } = context;
  if (!isVoter(state.config, state.id)) return { leader: NO_CANDIDATE, zxid: NO_CANDIDATE, peerEpoch: NO_CANDIDATE };
  return { leader: state.id, zxid: state.lastProcessedZxid, peerEpoch: state.disk.currentEpoch };
}

/** totalOrderPredicate: does vote `a` beat vote `b`? Lexicographic on (peerEpoch, zxid, sid);
 * a candidate that is not a voter never wins. */
export function beats(context: ZabContext, a: Proposal, b: Proposal): boolean {
  if (!isVoter(context.state.config, a.leader)) return false;
  if (hasBug(context, 'election-ignores-zxid')) {
    return a.peerEpoch > b.peerEpoch || (a.peerEpoch === b.peerEpoch && a.leader > b.leader);
  }
  return (
    a.peerEpoch > b.peerEpoch ||
    (a.peerEpoch === b.peerEpoch && a.zxid > b.zxid) ||
    (a.peerEpoch === b.peerEpoch && a.zxid === b.zxid && a.leader > b.leader)
  );
}

/** Vote.equals: all four fields if either vote is LOOKING, else leader id (and peerEpoch when
 * both votes have the same version). */
export function votesEqual(a: Vote, b: Vote): boolean {
  if (a.state === 'LOOKING' || b.state === 'LOOKING') {
    return a.leader === b.leader && a.zxid === b.zxid && a.electionEpoch === b.electionEpoch && a.peerEpoch === b.peerEpoch;
  }
  if (a.version > 0 !== b.version > 0) return a.leader === b.leader;
  return a.leader === b.leader && a.peerEpoch === b.peerEpoch;
}

function putVote(votes: ReceivedVote[], sid: EndpointId, vote: Vote): void {
  const index = votes.findIndex((entry) => entry.sid === sid);
  if (index >= 0) votes[index] = { sid, vote };
  else {
    votes.push({ sid, vote });
    votes.sort((left, right) => left.sid - right.sid);
  }
}

function agreeing(votes: ReceivedVote[], target: Vote): EndpointId[] {
  return votes.filter((entry) => votesEqual(target, entry.vote)).map((entry) => entry.sid);
}

function notificationOf(state: PeerState, vote: Proposal, electionEpoch: number): Notification {
  return { type: 'NOTIFICATION', state, leader: vote.leader, zxid: vote.zxid, electionEpoch, peerEpoch: vote.peerEpoch, configVersion: 0 };
}

/** sendNotifications: my proposal to every voter; to myself through the local loopback. */
function sendNotifications(context: ZabContext): void {
  const { state, effects } = context;
  const election = state.election;
  for (const voter of state.config.voters) {
    if (voter === state.id) {
      election.selfQueue.push({ ...election.proposal, electionEpoch: election.logicalClock, state: 'LOOKING', version: NOTIFICATION_VERSION });
    } else {
      effects.send(voter, ELECTION_CHANNEL, notificationOf('LOOKING', election.proposal, election.logicalClock));
    }
  }
}

function armPoll(context: ZabContext): void {
  context.effects.setTimer(POLL_TIMER, context.state.election.notTimeoutMs);
}

/** lookForLeader, start: new round, propose myself, tell everyone. */
export function startElection(context: ZabContext): void {
  const election = context.state.election;
  election.logicalClock++;
  election.proposal = initialProposal(context);
  election.recvset = [];
  election.outofelection = [];
  election.notTimeoutMs = context.options.minNotificationIntervalMs;
  election.finalizing = false;
  election.running = true;
  election.selfQueue = [];
  sendNotifications(context);
  armPoll(context);
}

/** Stops the election machinery (on a decision or when the server stops). */
export function stopElection(context: ZabContext): void {
  const election = context.state.election;
  election.running = false;
  election.finalizing = false;
  election.selfQueue = [];
  context.effects.cancelTimer(POLL_TIMER);
  context.effects.cancelTimer(FINALIZE_TIMER);
}

/** A notification arrives (WorkerReceiver): answer at once where FLE does, and feed the loop. */
export function receiveNotification(context: ZabContext, from: EndpointId, notification: Notification): void {
  const { state, effects } = context;
  const election = state.election;
  if (!isVoter(state.config, from)) {
    // A non-voter (observer) only learns from us: answer with my current vote and state.
    effects.send(from, ELECTION_CHANNEL, notificationOf(state.role, election.currentVote, election.logicalClock));
    return;
  }
  if (state.role === 'LOOKING') {
    if (notification.state === 'LOOKING' && notification.electionEpoch < election.logicalClock) {
      effects.send(from, ELECTION_CHANNEL, notificationOf('LOOKING', election.proposal, election.logicalClock));
    }
    if (election.running) {
      pollNotification(context, from, { ...notification, version: NOTIFICATION_VERSION });
      drainSelfQueue(context);
    }
    return;
  }
  if (notification.state === 'LOOKING') {
    // Someone is looking while I have a leader: tell it who leads and which round made it.
    const vote = election.currentVote;
    effects.send(from, ELECTION_CHANNEL, notificationOf(state.role, vote, vote.electionEpoch));
  }
}

/** Handles my own loopback notifications queued while handling the current input. */
export function drainSelfQueue(context: ZabContext): void {
  const election = context.state.election;
  for (let guard = 0; guard < 16 && election.selfQueue.length > 0 && election.running; guard++) {
    const vote = election.selfQueue.shift()!;
    pollNotification(context, context.state.id, vote);
  }
  election.selfQueue = [];
}

/** One iteration of lookForLeader's loop for a received notification. */
function pollNotification(context: ZabContext, from: EndpointId, vote: Vote): void {
  const election = context.state.election;
  if (election.finalizing) {
    // Inside the finalize window: only a better vote reopens the election; others are consumed.
    if (!beats(context, vote, election.proposal)) {
      context.effects.setTimer(FINALIZE_TIMER, context.options.finalizeWaitMs);
      return;
    }
    election.finalizing = false;
    context.effects.cancelTimer(FINALIZE_TIMER);
  }
  if (!isVoter(context.state.config, from) || !isVoter(context.state.config, vote.leader)) return;
  switch (vote.state) {
    case 'LOOKING':
      receivedLookingVote(context, from, vote);
      break;
    case 'OBSERVING':
      break;
    case 'FOLLOWING':
    case 'LEADING':
      receivedDecidedVote(context, from, vote);
      break;
  }
  if (context.state.role === 'LOOKING' && election.running && !election.finalizing) armPoll(context);
}

function receivedLookingVote(context: ZabContext, from: EndpointId, vote: Vote): void {
  const election = context.state.election;
  if (vote.electionEpoch > election.logicalClock) {
    election.logicalClock = vote.electionEpoch;
    election.recvset = [];
    const initial = initialProposal(context);
    election.proposal = beats(context, vote, initial) ? pickProposal(vote) : initial;
    sendNotifications(context);
  } else if (vote.electionEpoch < election.logicalClock) {
    return;
  } else if (beats(context, vote, election.proposal)) {
    election.proposal = pickProposal(vote);
    sendNotifications(context);
  }
  putVote(election.recvset, from, { ...vote, state: 'LOOKING', version: 0 });
  const target: Vote = { ...election.proposal, electionEpoch: election.logicalClock, state: 'LOOKING', version: 0 };
  if (containsQuorum(context.state.config, agreeing(election.recvset, target))) {
    // A quorum agrees with me: wait finalizeWait for anything better before deciding.
    election.finalizing = true;
    context.effects.cancelTimer(POLL_TIMER);
    context.effects.setTimer(FINALIZE_TIMER, context.options.finalizeWaitMs);
  }
}

function pickProposal(vote: Vote): Proposal {
  return { leader: vote.leader, zxid: vote.zxid, peerEpoch: vote.peerEpoch };
}

/** receivedFollowingNotification / receivedLeadingNotification: join an established leader. */
function receivedDecidedVote(context: ZabContext, from: EndpointId, vote: Vote): void {
  const election = context.state.election;
  const config = context.state.config;
  if (vote.electionEpoch === election.logicalClock) {
    putVote(election.recvset, from, { ...vote, version: 0 });
    if (containsQuorum(config, agreeing(election.recvset, vote)) && checkLeader(context, election.recvset, vote)) {
      decide(context, vote);
      return;
    }
  }
  // Votes of any round from servers out of the election: how a late server joins (ZOOKEEPER-1732).
  putVote(election.outofelection, from, vote);
  if (containsQuorum(config, agreeing(election.outofelection, vote)) && checkLeader(context, election.outofelection, vote)) {
    election.logicalClock = vote.electionEpoch;
    decide(context, vote);
  }
}

/** checkLeader: never follow a leader we have not heard claim LEADING itself. */
function checkLeader(context: ZabContext, votes: ReceivedVote[], vote: Vote): boolean {
  if (vote.leader !== context.state.id) {
    const fromLeader = votes.find((entry) => entry.sid === vote.leader);
    return fromLeader !== undefined && fromLeader.vote.state === 'LEADING';
  }
  return context.state.election.logicalClock === vote.electionEpoch;
}

/** The poll timed out with nothing received: re-send and back off (doubling, capped). */
export function onPollTimeout(context: ZabContext): void {
  const election = context.state.election;
  if (context.state.role !== 'LOOKING' || !election.running || election.finalizing) return;
  sendNotifications(context);
  election.notTimeoutMs = Math.min(election.notTimeoutMs * 2, context.options.maxNotificationIntervalMs);
  armPoll(context);
  drainSelfQueue(context);
}

/** finalizeWait passed with nothing better: the proposal is final. */
export function onFinalizeTimeout(context: ZabContext): void {
  const election = context.state.election;
  if (context.state.role !== 'LOOKING' || !election.finalizing) return;
  decide(context, { ...election.proposal, electionEpoch: election.logicalClock, state: 'LOOKING', version: 0 });
}

function decide(context: ZabContext, vote: Vote): void {
  stopElection(context);
  const election = context.state.election;
  election.currentVote = { leader: vote.leader, zxid: vote.zxid, electionEpoch: vote.electionEpoch, peerEpoch: vote.peerEpoch, state: 'LOOKING', version: 0 };
  decideLeader(context, vote.leader);
}
