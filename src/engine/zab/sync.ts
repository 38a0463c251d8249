// The leader's choice of how to synchronise one learner (LearnerHandler.syncFollower and
// queueCommittedProposals), as a pure function of the learner's last zxid and the leader's
// committedLog window; the rules in ZooKeeper's order (facts 2.4):
//  1. peerLastZxid == lastProcessedZxid              -> empty DIFF
//  2. peerLastZxid > maxCommittedLog (counter != 0)  -> TRUNC to maxCommittedLog
//  3. minCommittedLog <= peerLastZxid <= max         -> DIFF + pairs, or TRUNC + pairs, or SNAP when
//                                                       that TRUNC would cross an epoch boundary
//  4. peerLastZxid < minCommittedLog, txn-log sync on -> DIFF from the on-disk txn log + the
//                                                       committedLog, if the log reaches back to the
//                                                       peer, has no gap, and is smaller than
//                                                       snapshotSizeFactor x the newest snapshot
//  5. otherwise                                      -> SNAP
import type { LogEntry } from './state';
import { zxidCounter, zxidEpoch } from './zxid';

export interface SyncPlan {
  mode: 'DIFF' | 'TRUNC' | 'SNAP';
  /** The zxid the DIFF/TRUNC/SNAP packet carries. */
  zxid: number;
  /** Committed txns to send as PROPOSAL + COMMIT pairs after the mode packet. */
  proposals: LogEntry[];
  /** The last zxid queued for the learner; live forwarding starts after it (startForwarding). */
  lastQueuedZxid: number;
}

export interface SyncInput {
  peerLastZxid: number;
  /** The leader's committedLog window, oldest first. */
  committedLog: readonly LogEntry[];
  lastProcessedZxid: number;
  /** Bug lab 'skip-trunc': answer DIFF where TRUNC is due. */
  skipTrunc?: boolean;
  /** The leader's on-disk txn log (oldest first) for rule 4; omitted = txn-log sync off. */
  txnLog?: readonly LogEntry[];
  /** Size of the newest snapshot and of each logged txn, in the same (serialized) unit. */
  snapshotBytes?: number;
  txnBytes?: (entry: LogEntry) => number;
  /** zookeeper.snapshotSizeFactor (0.33); negative turns txn-log sync off. */
  snapshotSizeFactor?: number;
}

/** Decides DIFF / TRUNC / TRUNC+DIFF / SNAP for a learner whose last logged zxid is peerLastZxid. */
export function planSync(input: SyncInput): SyncPlan {
  const { peerLastZxid, committedLog, lastProcessedZxid } = input;
  const isPeerNewEpochZxid = zxidCounter(peerLastZxid) === 0;
  const first = committedLog[0];
  const last = committedLog[committedLog.length - 1];
  const minCommittedLog = first ? first.zxid : lastProcessedZxid;
  const maxCommittedLog = last ? last.zxid : lastProcessedZxid;
  const snap: SyncPlan = { mode: 'SNAP', zxid: lastProcessedZxid, proposals: [], lastQueuedZxid: lastProcessedZxid };
  if (peerLastZxid === lastProcessedZxid) {
    return { mode: 'DIFF', zxid: peerLastZxid, proposals: [], lastQueuedZxid: peerLastZxid };
  }
  if (peerLastZxid > maxCommittedLog && !isPeerNewEpochZxid) {
    const mode = input.skipTrunc ? 'DIFF' : 'TRUNC';
    return { mode, zxid: maxCommittedLog, proposals: [], lastQueuedZxid: maxCommittedLog };
  }
  if (minCommittedLog <= peerLastZxid && peerLastZxid <= maxCommittedLog) {
    return walkCommittedLog(input, maxCommittedLog) ?? snap;
  }
  if (peerLastZxid < minCommittedLog) return syncFromTxnLog(input, minCommittedLog, maxCommittedLog) ?? snap;
  return snap;
}

/** Rule 4 (ZKDatabase.getProposalsFromTxnLog + calculateTxnLogSizeLimit): older committed txns
 * read back from the txn log, then the committedLog. Null when it cannot serve: the log does not
 * reach back to the peer, is larger than the limit, or leaves a gap before the committedLog. */
function syncFromTxnLog(input: SyncInput, minCommittedLog: number, maxCommittedLog: number): SyncPlan | null {
  const { txnLog, peerLastZxid } = input;
  const factor = input.snapshotSizeFactor ?? 0.33;
  if (txnLog === undefined || factor < 0 || input.snapshotBytes === undefined || input.txnBytes === undefined) return null;
  // The log must start at or before the peer's zxid: it is then strictly the next txn it lacks.
  let start = -1;
  for (let index = 0; index < txnLog.length && txnLog[index]!.zxid <= peerLastZxid; index++) start = index;
  if (start === -1) return null;
  const fromLog = txnLog.slice(start);
  const sizeLimit = Math.floor(input.snapshotBytes * factor);
  let size = 0;
  for (const entry of fromLog) size += input.txnBytes(entry);
  if (size > sizeLimit) return null;
  // A gap between the end of the txn log and the committedLog forces a SNAP (LearnerHandler:
  // "Detected gap between end of txnlog and start of committedLog").
  if (!fromLog.some((entry) => entry.zxid >= minCommittedLog)) return null;
  const older = fromLog.filter((entry) => entry.zxid < minCommittedLog);
  return walkCommittedLog({ ...input, committedLog: [...older, ...input.committedLog] }, maxCommittedLog);
}

/** queueCommittedProposals: finds the learner's zxid in the window and queues what follows.
 * Returns null when only a SNAP can help (TRUNC across an epoch boundary). */
function walkCommittedLog(input: SyncInput, maxCommittedLog: number): SyncPlan | null {
  const { peerLastZxid, committedLog } = input;
  const isPeerNewEpochZxid = zxidCounter(peerLastZxid) === 0;
  let mode: SyncPlan['mode'] | null = null;
  let modeZxid = 0;
  let queuedZxid = peerLastZxid;
  let previousZxid = -1;
  const proposals: LogEntry[] = [];
  for (const entry of committedLog) {
    if (entry.zxid < peerLastZxid) {
      previousZxid = entry.zxid;
      continue;
    }
    if (mode === null) {
      if (entry.zxid === peerLastZxid) {
        // The learner's last zxid is in our history: it only lacks what follows.
        mode = 'DIFF';
        modeZxid = maxCommittedLog;
        continue;
      }
      if (isPeerNewEpochZxid) {
        mode = 'DIFF';
        modeZxid = maxCommittedLog;
      } else {
        // The learner has a txn we never had (an old leader's uncommitted proposal).
        if (zxidEpoch(entry.zxid) !== zxidEpoch(peerLastZxid)) return null; // a TRUNC may not cross epochs
        mode = input.skipTrunc ? 'DIFF' : 'TRUNC';
        modeZxid = input.skipTrunc ? maxCommittedLog : previousZxid;
      }
    }
    if (entry.zxid <= queuedZxid) continue;
    proposals.push(entry);
    queuedZxid = entry.zxid;
  }
  if (mode === null && isPeerNewEpochZxid) {
    mode = 'DIFF';
    modeZxid = maxCommittedLog;
  }
  if (mode === null) return null;
  return { mode, zxid: modeZxid, proposals, lastQueuedZxid: queuedZxid };
}
