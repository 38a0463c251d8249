// Role transitions (QuorumPeer.run's state loop): become* functions and leaving a role.
import { note, type ZabContext } from './context';
import { drainSelfQueue, startElection, stopElection } from './election';
import { closeAllClients } from './clients';
import { shutdownLeader, startLeading } from './leader';
import { shutdownLearner, startLearning } from './learner';
import type { ZabRole } from './state';
import { fastForward } from './txnlog';
import { intInRange } from '../sim/rng';

export const OBSERVER_DELAY_TIMER = 'observer-election-delay';

function setRole(context: ZabContext, role: ZabRole): void {
  const { state, effects } = context;
  state.role = role;
  state.phase = role === 'LOOKING' ? 'ELECTION' : 'DISCOVERY';
  effects.trace({ type: 'role', t: effects.nowMs, server: state.id, role, epoch: state.disk.currentEpoch });
}

/** FLE decided: lead, follow or observe. */
export function decideLeader(context: ZabContext, leaderId: number): void {
  const { state } = context;
  if (leaderId === state.id) {
    setRole(context, 'LEADING');
    startLeading(context);
  } else {
    // QuorumPeer.learningState: observers observe; a participant the membership does not list
    // (removed by a reconfig, or a joiner) follows without a vote.
    setRole(context, state.config.observers.includes(state.id) ? 'OBSERVING' : 'FOLLOWING');
    startLearning(context, leaderId);
  }
}

/** Enters LOOKING and starts an election (an observer first waits its re-election delay). */
export function becomeLooking(context: ZabContext, afterObserving: boolean): void {
  setRole(context, 'LOOKING');
  const delayMax = context.options.observerElectionDelayMs;
  if (afterObserving && delayMax > 0) {
    context.state.election.running = false;
    context.effects.setTimer(OBSERVER_DELAY_TIMER, intInRange(context.effects.rng, 0, delayMax - 1));
    return;
  }
  startElection(context);
  drainSelfQueue(context);
}

/** The observer's re-election delay is over. */
export function onObserverDelay(context: ZabContext): void {
  if (context.state.role !== 'LOOKING' || context.state.election.running) return;
  startElection(context);
  drainSelfQueue(context);
}

/** Leaves the current role for LOOKING: tears down connections, closes clients, fast-forwards
 * the db over the log (Leader.shutdown / Learner.shutdown + ZooKeeperServer.shutdown). */
export function restartElection(context: ZabContext, reason: string): void {
  const { state } = context;
  const wasObserving = state.role === 'OBSERVING';
  note(context, `${state.role} -> LOOKING: ${reason}`);
  if (state.role === 'LEADING') shutdownLeader(context);
  if (state.role === 'FOLLOWING' || state.role === 'OBSERVING') shutdownLearner(context);
  stopElection(context);
  closeAllClients(context);
  fastForward(context);
  becomeLooking(context, wasObserving);
}

/** QuorumPeer.updateElectionVote: once established, answer late joiners with the new epoch. */
export function updateElectionVote(context: ZabContext, epoch: number): void {
  context.state.election.currentVote = { ...context.state.election.currentVote, peerEpoch: epoch };
}
