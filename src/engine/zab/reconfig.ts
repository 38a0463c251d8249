// Dynamic reconfiguration (ZooKeeper 3.5+, facts 7.2): the leader decides a reconfig request
// (PrepRequestProcessor's reconfig checks), proposals made while it is pending need a quorum of
// both the old and the new membership (Leader.propose), and its commit activates the new
// membership everywhere: COMMITANDACTIVATE to followers, INFORMANDACTIVATE to observers, with a
// designated leader (Leader.getDesignatedLeader). Simplification: when the leader is not a voter
// of the new membership, everyone runs a new election in it (ZooKeeper hands over to the
// designated leader without one).
import { note, type ZabContext } from './context';
import type { ReconfigDecision, ReconfigRequest } from './machine';
import { containsQuorum } from './quorum';
import { restartElection } from './roles';
import type { LeaderState, MemberConfig, ZabServerState } from './state';

/** Majority of `voters` among `sids`. */
export function quorumOf(voters: readonly number[], sids: readonly number[]): boolean {
  let count = 0;
  for (const sid of voters) if (sids.includes(sid)) count++;
  return count > Math.floor(voters.length / 2);
}

/** The membership after applying a request to the current one. */
function nextMembership(state: ZabServerState, request: ReconfigRequest): { voters: number[]; observers: number[] } {
  const leaving = new Set(request.leaving);
  const joining = new Map(request.joining.map((entry) => [entry.id, entry.role] as const));
  const keep = (id: number) => !leaving.has(id) && !joining.has(id);
  const voters = state.config.voters.filter(keep);
  const observers = state.config.observers.filter(keep);
  for (const [id, role] of joining) (role === 'observer' ? observers : voters).push(id);
  return { voters: voters.sort((a, b) => a - b), observers: observers.sort((a, b) => a - b) };
}

/** PrepRequestProcessor's reconfig checks, in its order, plus the new membership at `zxid`. */
export function decideReconfig(context: ZabContext, leader: LeaderState, request: ReconfigRequest, zxid: number): ReconfigDecision {
  const { state } = context;
  if (!context.options.reconfigEnabled) return { err: 'RECONFIGDISABLED' };
  if (leader.pendingReconfig !== null) return { err: 'RECONFIGINPROGRESS' };
  if (request.fromConfig !== -1 && request.fromConfig !== state.config.version) return { err: 'BADVERSION' };
  const next = nextMembership(state, request);
  // standaloneEnabled=true (the default) refuses a membership of fewer than two voters.
  if (next.voters.length < 2) return { err: 'BADARGUMENTS' };
  // A quorum of the new membership must already be connected and synced with this leader.
  const synced = [state.id, ...leader.handlers.filter((handler) => handler.stage === 'BROADCAST').map((handler) => handler.sid)];
  if (!quorumOf(next.voters, synced)) return { err: 'NEWCONFIGNOQUORUM' };
  return { err: null, config: { ...next, version: zxid } };
}

/** Leader.getDesignatedLeader: itself if it votes in the new membership, else the new voter
 * with the most acknowledged proposals (simplified: the highest id among those that acked). */
export function designatedLeader(state: ZabServerState, config: MemberConfig, acks: readonly number[]): number {
  if (config.voters.includes(state.id)) return state.id;
  const candidates = acks.filter((sid) => config.voters.includes(sid)).sort((a, b) => b - a);
  return candidates[0] ?? config.voters[config.voters.length - 1]!;
}

/** Installs a committed membership (QuorumPeer.processReconfig); restarts the election when this
 * server's part changes or the leader changes. */
export function activateConfig(context: ZabContext, config: MemberConfig, newLeader: number): void {
  const { state } = context;
  if (config.version <= state.config.version) return;
  const wasVoter = state.config.voters.includes(state.id);
  const wasObserver = state.config.observers.includes(state.id);
  state.config = { ...state.config, voters: [...config.voters], observers: [...config.observers], version: config.version };
  note(context, `reconfig 0x${config.version.toString(16)} active: voters ${config.voters.join(',')}${config.observers.length > 0 ? `, observers ${config.observers.join(',')}` : ''}`);
  const isVoter = config.voters.includes(state.id);
  const isObserver = config.observers.includes(state.id);
  const roleChanged = (state.role === 'OBSERVING' && isVoter) || (state.role === 'FOLLOWING' && isObserver && !wasObserver);
  const leaderChanged = state.role === 'LEADING' ? newLeader !== state.id : state.learner !== null && state.learner.leaderId !== newLeader;
  if (roleChanged || leaderChanged) restartElection(context, `reconfig: ${leaderChanged ? `designated leader ${newLeader}` : 'new role'}`);
  else if (wasVoter && !isVoter && !isObserver) note(context, 'reconfig: removed, now a non-voting follower');
}

/** Whether the proposal's ACKs suffice: a quorum of the membership, and of the next one if any. */
export function proposalHasQuorum(state: ZabServerState, acks: readonly number[], next: MemberConfig | null): boolean {
  return containsQuorum(state.config, acks) && (next === null || quorumOf(next.voters, acks));
}
