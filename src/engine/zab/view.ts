// What the UI shows of one Zab server: plain data, derived, never fed back into the protocol.
import type { ServerSummary } from '../sim/actor';
import type { ServerRole } from '../sim/trace';
import { isServingState } from './serving';
import type { LogEntry, ZabServerState } from './state';

/** How many of the newest log entries the view carries: more than the UI draws (14), few enough
 * that a view (built and sent to the UI for every frame it draws) stays small on a long log. */
export const VIEW_LOG_ENTRIES_MAX = 40;

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
  /** Older entries not in `log`. */
  logOmitted: number;
  /** Entries in the whole log (logged, fsynced or not) and how many of them are committed. */
  logEntries: number;
  logCommitted: number;
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
  // Only the newest entries are shown: take them without walking the whole log (which grows for
  // the whole run between snapshots, and a view is built for every frame the UI draws).
  const durableLog = state.disk.log;
  const total = durableLog.length + state.unsynced.length;
  const shown: { entry: LogEntry; fsynced: boolean }[] = [];
  for (let index = Math.max(0, total - VIEW_LOG_ENTRIES_MAX); index < total; index++) {
    shown.push(index < durableLog.length ? { entry: durableLog[index]!, fsynced: true } : { entry: state.unsynced[index - durableLog.length]!, fsynced: false });
  }
  const lastSnapshot = state.disk.snapshots[state.disk.snapshots.length - 1];
  const lastLogged = shown.length > 0 ? shown[shown.length - 1]!.entry.zxid : (lastSnapshot?.zxid ?? 0);
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
    logOmitted: total - shown.length,
    logEntries: total,
    logCommitted: total - uncommittedTail(state),
    snapshots: state.disk.snapshots.map((snapshot) => snapshot.zxid),
    learners: (state.leader?.handlers ?? []).map((handler) => ({ sid: handler.sid, stage: handler.stage, isObserver: handler.isObserver })),
    outstanding: (state.leader?.outstanding ?? []).map((proposal) => ({ zxid: proposal.zxid, acks: [...proposal.acks] })),
    syncMode: state.learner?.syncMode ?? null,
    clients: [...state.clients],
  };
}

/** Entries at the end of the log (the uncommitted ones are always the newest) above the commit point. */
function uncommittedTail(state: ZabServerState): number {
  let count = 0;
  for (let index = state.unsynced.length - 1; index >= 0 && state.unsynced[index]!.zxid > state.lastCommittedZxid; index--) count++;
  if (count < state.unsynced.length) return count;
  for (let index = state.disk.log.length - 1; index >= 0 && state.disk.log[index]!.zxid > state.lastCommittedZxid; index--) count++;
  return count;
}

/** The world's per-server summary (ServerProtocol.summarize). */
export function summarizeServer(state: ZabServerState, describeTxn?: (txn: unknown) => string): ServerSummary {
  const view = zabView(state, describeTxn);
  return { role: view.role, epoch: view.currentEpoch, lastZxid: view.lastLoggedZxid, serving: view.serving, appliedZxid: view.lastProcessedZxid, detail: view as unknown as Record<string, unknown> };
}
