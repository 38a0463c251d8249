// What the UI shows of one Zab server: plain data, derived, never fed back into the protocol.
import type { ServerSummary } from '../sim/actor';
import type { ServerRole } from '../sim/trace';
import { isServingState } from './serving';
import type { ZabServerState } from './state';

/** How many of the newest log entries the view carries. */
export const VIEW_LOG_ENTRIES_MAX = 200;

export interface ZabServerView {
  id: number;
  role: ServerRole;
  /** Zab phase (QuorumPeer.ZabState), null while DOWN. */
  phase: 'election' | 'discovery' | 'synchronization' | 'broadcast' | null;
  isObserver: boolean;
  /** The membership this server knows (dynamic reconfiguration changes it; a spare believes it
   * is a participant until the leader's membership says so). */
  membership: { voters: number[]; observers: number[]; version: number };
  serving: boolean;
  acceptedEpoch: number;
  currentEpoch: number;
  lastLoggedZxid: number;
  lastProcessedZxid: number;
  lastCommittedZxid: number;
  /** While LOOKING: the proposal and the round; otherwise the vote that made the current leader. */
  vote: { leader: number; zxid: number; peerEpoch: number; electionEpoch: number } | null;
  leaderId: number | null;
  /** The newest txn log entries, oldest first; `fsynced: false` = still in the group-commit buffer. */
  log: { zxid: number; committed: boolean; fsynced: boolean; text: string }[];
  logOmitted: number;
  snapshots: number[];
  /** Leader only: its learner connections. */
  learners: { sid: number; stage: string; isObserver: boolean }[];
  /** Leader only: proposals waiting for a quorum of ACKs. */
  outstanding: { zxid: number; acks: number[] }[];
  /** Learner only: how it is being synchronised. */
  syncMode: 'DIFF' | 'TRUNC' | 'SNAP' | null;
  clients: number[];
}

/** The inspector view of a server; describeTxn labels log entries (default: JSON). */
export function zabView(state: ZabServerState, describeTxn?: (txn: unknown) => string): ZabServerView {
  const describe = describeTxn ?? ((txn: unknown) => JSON.stringify(txn) ?? '');
  const durable = state.disk.log.map((entry) => ({ entry, fsynced: true }));
  const pending = state.unsynced.map((entry) => ({ entry, fsynced: false }));
  const all = [...durable, ...pending];
  const shown = all.slice(Math.max(0, all.length - VIEW_LOG_ENTRIES_MAX));
  const lastSnapshot = state.disk.snapshots[state.disk.snapshots.length - 1];
  const lastLogged = all.length > 0 ? all[all.length - 1]!.entry.zxid : (lastSnapshot?.zxid ?? 0);
  const looking = state.role === 'LOOKING';
  const election = state.election;
  return {
    id: state.id,
    role: state.running ? state.role : 'DOWN',
    phase: state.running ? (state.phase.toLowerCase() as ZabServerView['phase']) : null,
    isObserver: state.config.observers.includes(state.id),
    membership: { voters: [...state.config.voters], observers: [...state.config.observers], version: state.config.version },
    serving: isServingState(state),
    acceptedEpoch: state.disk.acceptedEpoch,
    currentEpoch: state.disk.currentEpoch,
    lastLoggedZxid: lastLogged,
    lastProcessedZxid: state.lastProcessedZxid,
    lastCommittedZxid: state.lastCommittedZxid,
    vote: !state.running ? null : looking ? { ...election.proposal, electionEpoch: election.logicalClock } : { leader: election.currentVote.leader, zxid: election.currentVote.zxid, peerEpoch: election.currentVote.peerEpoch, electionEpoch: election.currentVote.electionEpoch },
    leaderId: state.role === 'LEADING' ? state.id : (state.learner?.leaderId ?? null),
    log: shown.map(({ entry, fsynced }) => ({ zxid: entry.zxid, committed: entry.zxid <= state.lastCommittedZxid, fsynced, text: describe(entry.txn) })),
    logOmitted: all.length - shown.length,
    snapshots: state.disk.snapshots.map((snapshot) => snapshot.zxid),
    learners: (state.leader?.handlers ?? []).map((handler) => ({ sid: handler.sid, stage: handler.stage, isObserver: handler.isObserver })),
    outstanding: (state.leader?.outstanding ?? []).map((proposal) => ({ zxid: proposal.zxid, acks: [...proposal.acks] })),
    syncMode: state.learner?.syncMode ?? null,
    clients: [...state.clients],
  };
}

/** The world's per-server summary (ServerProtocol.summarize). */
export function summarizeServer(state: ZabServerState, describeTxn?: (txn: unknown) => string): ServerSummary {
  const view = zabView(state, describeTxn);
  return { role: view.role, epoch: view.currentEpoch, lastZxid: view.lastLoggedZxid, serving: view.serving, appliedZxid: view.lastProcessedZxid, detail: view as unknown as Record<string, unknown> };
}
