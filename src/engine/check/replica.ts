// What the Zab checkers see of one server: a protocol-neutral summary, so that tests can
// hand-make broken states and the checkers never reach into protocol internals.
import { canonicalJson } from '../sim/fingerprint';
import type { ZabBug } from '../zab/options';
import { isServingState } from '../zab/serving';
import type { ZabServerState } from '../zab/state';

export interface ReplicaSummary {
  id: number;
  alive: boolean;
  role: 'LOOKING' | 'FOLLOWING' | 'LEADING' | 'OBSERVING';
  phase: 'ELECTION' | 'DISCOVERY' | 'SYNCHRONIZATION' | 'BROADCAST';
  serving: boolean;
  acceptedEpoch: number;
  currentEpoch: number;
  /** The txn log (fsynced or not), oldest first: zxid and a canonical key of the txn. */
  history: { zxid: number; key: string }[];
  /** Zxids of the snapshots on disk; history at or below the newest lives in it. */
  snapshotZxids: number[];
  lastProcessedZxid: number;
  lastCommittedZxid: number;
  /** "Impossible" events the server itself noticed. */
  violations: string[];
}

const keyCache = new WeakMap<object, string>();

/** Canonical text of a txn, memoised per txn object (servers share txn objects). */
export function txnKey(txn: unknown): string {
  if (txn === null || typeof txn !== 'object') return canonicalJson(txn);
  const cached = keyCache.get(txn);
  if (cached !== undefined) return cached;
  const key = canonicalJson(txn);
  keyCache.set(txn, key);
  return key;
}

type HistoryEntry = { zxid: number; key: string };
const historyCache = new WeakMap<object, HistoryEntry[]>();

/** The log as (zxid, key) pairs. Logs mostly grow at the end, so the pairs of a log array are
 * cached and extended; a log that changed below its end (TRUNC, SNAP) is mapped afresh. */
function historyOf(state: ZabServerState): HistoryEntry[] {
  const log = state.disk.log;
  let cached = historyCache.get(log);
  const intact = cached !== undefined && cached.length <= log.length
    && (cached.length === 0 || (cached[cached.length - 1]!.zxid === log[cached.length - 1]!.zxid && cached[0]!.zxid === log[0]!.zxid));
  if (!intact) cached = [];
  for (let index = cached!.length; index < log.length; index++) cached!.push({ zxid: log[index]!.zxid, key: txnKey(log[index]!.txn) });
  historyCache.set(log, cached!);
  if (state.unsynced.length === 0) return cached!;
  return [...cached!, ...state.unsynced.map((entry) => ({ zxid: entry.zxid, key: txnKey(entry.txn) }))];
}

/** Summarises a Zab server for the checkers (`bugs`: the variant it runs, for `serving`). */
export function summarizeZab(state: ZabServerState, alive: boolean, bugs: readonly ZabBug[] = []): ReplicaSummary {
  return {
    id: state.id,
    alive: alive && state.running,
    role: state.role,
    phase: state.phase,
    serving: isServingState(state, bugs),
    acceptedEpoch: state.disk.acceptedEpoch,
    currentEpoch: state.disk.currentEpoch,
    history: historyOf(state),
    snapshotZxids: state.disk.snapshots.map((snapshot) => snapshot.zxid),
    lastProcessedZxid: state.lastProcessedZxid,
    lastCommittedZxid: state.lastCommittedZxid,
    violations: [...state.violations],
  };
}
