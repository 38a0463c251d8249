// The data directory and the in-memory database (FileTxnSnapLog + ZKDatabase): logging with
// group-commit fsync, fuzzy snapshots by txn count, load (latest snapshot + replay of the whole
// log, committed or not), truncation, and the committedLog window used for DIFF.
import { markImmutable } from '../sim/clone';
import { flagViolation, type ZabContext } from './context';
import type { LogEntry, ZabServerState } from './state';
import { intInRange } from '../sim/rng';

export const FSYNC_TIMER = 'fsync';

/** The zxid of the last txn in the log (fsynced or not), or the snapshot's if the log is empty. */
export function lastLoggedZxid(context: ZabContext): number {
  const { state } = context;
  const unsynced = state.unsynced[state.unsynced.length - 1];
  if (unsynced) return unsynced.zxid;
  const logged = state.disk.log[state.disk.log.length - 1];
  const snapshot = state.disk.snapshots[state.disk.snapshots.length - 1]!;
  return Math.max(logged ? logged.zxid : 0, snapshot.zxid);
}

/** Queues a txn for the log (SyncRequestProcessor). Returns the entries made durable now:
 * all pending ones when fsync is immediate, none when an fsync timer is running. */
export function logTxn(context: ZabContext, entry: LogEntry): LogEntry[] {
  // A logged entry (and its txn) never changes: world snapshots share it rather than copy it.
  markImmutable(entry);
  const state = context.state;
  if (context.options.fsyncDelayMs <= 0 && state.unsynced.length === 0) {
    // Immediate fsync, nothing pending: what flushLog does for this one entry, without passing
    // it through the pending list (one array fewer per txn on every server).
    appendDurable(context, entry);
    state.txnsSinceSnapshot++;
    if (state.txnsSinceSnapshot > state.snapshotThreshold) takeSnapshot(context);
    return [entry];
  }
  state.unsynced.push(entry);
  if (context.options.fsyncDelayMs <= 0) return flushLog(context);
  if (context.state.unsynced.length === 1) context.effects.setTimer(FSYNC_TIMER, context.options.fsyncDelayMs);
  return [];
}

/** fsync: makes every pending entry durable, in order; may start a snapshot. */
export function flushLog(context: ZabContext): LogEntry[] {
  const { state } = context;
  const flushed = state.unsynced;
  state.unsynced = [];
  for (const entry of flushed) {
    appendDurable(context, entry);
    state.txnsSinceSnapshot++;
    if (state.txnsSinceSnapshot > state.snapshotThreshold) takeSnapshot(context);
  }
  return flushed;
}

/** Writes one entry straight to the durable log (ZKDatabase.append + commit). */
export function appendDurable(context: ZabContext, entry: LogEntry): void {
  markImmutable(entry);
  const log = context.state.disk.log;
  const last = log[log.length - 1];
  if (last && entry.zxid <= last.zxid) {
    // FileTxnLog only warns ("Current zxid is <= ..."); our checkers would then see it.
    flagViolation(context, `log append 0x${entry.zxid.toString(16)} after 0x${last.zxid.toString(16)}`);
  }
  log.push(entry);
}

/** Draws the next snapshot trigger: snapCount/2 + random[0, snapCount/2) (SyncRequestProcessor). */
export function nextSnapshotThreshold(context: ZabContext): number {
  const half = Math.floor(context.options.snapCount / 2);
  return half + intInRange(context.effects.rng, 0, Math.max(0, half - 1));
}

/** Takes a (here atomic) snapshot of the in-memory db at lastProcessedZxid, keeps the newest
 * snapRetainCount and purges log entries no kept snapshot needs. */
export function takeSnapshot(context: ZabContext): void {
  const { state, machine } = context;
  const snapshots = state.disk.snapshots;
  const zxid = state.lastProcessedZxid;
  while (snapshots.length > 0 && snapshots[snapshots.length - 1]!.zxid >= zxid) snapshots.pop();
  snapshots.push(markImmutable({ zxid, db: machine.clone(state.db) }));
  while (snapshots.length > context.options.snapRetainCount) snapshots.shift();
  const oldest = snapshots[0]!.zxid;
  state.disk.log = state.disk.log.filter((entry) => entry.zxid > oldest);
  state.txnsSinceSnapshot = 0;
  state.snapshotThreshold = nextSnapshotThreshold(context);
}

/** Remembers an applied txn in the committedLog window (ZKDatabase.addCommittedProposal). */
export function rememberCommitted(context: ZabContext, entry: LogEntry): void {
  const state = context.state;
  const log = state.committedLog;
  log.push(entry);
  const count = context.options.commitLogCount;
  let start = state.committedLogStart;
  if (log.length - start > count) start = log.length - count;
  // Entries that left the window go in one batch once there are as many as the window holds:
  // amortized O(1) per commit, and the array never grows past twice the window size.
  if (start > 0 && start >= count) {
    log.splice(0, start);
    start = 0;
  }
  state.committedLogStart = start;
}

/** The committedLog window itself, oldest first (a copy when entries before it are kept). */
export function committedWindow(state: ZabServerState): readonly LogEntry[] {
  return state.committedLogStart === 0 ? state.committedLog : state.committedLog.slice(state.committedLogStart);
}

/** Applies a txn without telling anyone (load/replay, fast-forward, sync before NEWLEADER). */
export function applySilently(context: ZabContext, entry: LogEntry): unknown {
  const { state, machine } = context;
  const result = machine.apply(state.db, entry.txn, entry.zxid);
  state.lastProcessedZxid = entry.zxid;
  rememberCommitted(context, entry);
  return result;
}

/** ZKDatabase.loadDataBase: newest snapshot, then every logged txn after it, committed or not. */
export function loadDatabase(context: ZabContext): void {
  const { state, machine } = context;
  const snapshot = state.disk.snapshots[state.disk.snapshots.length - 1]!;
  state.db = machine.clone(snapshot.db);
  state.lastProcessedZxid = snapshot.zxid;
  state.committedLog = [];
  state.committedLogStart = 0;
  for (const entry of state.disk.log) {
    if (entry.zxid > state.lastProcessedZxid) applySilently(context, entry);
  }
}

/** Role change: flush pending writes and fast-forward the db over every logged txn it lacks
 * (ZooKeeperServer.fastForwardDataBase), so the next vote carries the last logged zxid. */
export function fastForward(context: ZabContext): void {
  const { state } = context;
  if (state.unsynced.length > 0) {
    flushLog(context);
    context.effects.cancelTimer(FSYNC_TIMER);
  }
  for (const entry of state.disk.log) {
    if (entry.zxid > state.lastProcessedZxid) applySilently(context, entry);
  }
}

/** ZKDatabase.truncateLog: drop log entries after zxid, then reload from disk. Snapshots past
 * zxid are dropped too, so a reload never sees truncated txns (cf. ZOOKEEPER-1549). */
export function truncateLog(context: ZabContext, zxid: number): void {
  const disk = context.state.disk;
  disk.log = disk.log.filter((entry) => entry.zxid <= zxid);
  const kept = disk.snapshots.filter((snapshot) => snapshot.zxid <= zxid);
  if (kept.length === 0) {
    flagViolation(context, `TRUNC to 0x${zxid.toString(16)} below every snapshot`);
  } else {
    disk.snapshots = kept;
  }
  loadDatabase(context);
}
