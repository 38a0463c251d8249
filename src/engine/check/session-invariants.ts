// Session and client invariants (facts 9.2, "client-level"), checked after every event like
// Zab's: the protocol under test never grades itself.
//  - EphemeralsDieWithSession: once a session's closeSession is applied on a server, that server
//    holds none of its ephemerals (DataTree.killSession deletes them in the same txn).
//  - ClientZxidMonotonic: a client never sees a zxid go backwards, also across reconnects (the
//    server refuses a client that has seen more than it has: ZooKeeperServer.processConnectRequest).
//  - ReplicasAgree: replica state = apply(committed prefix): two servers that applied the same
//    txns hold the same tree (compared by a digest of its nodes and sessions).
// Two more are judged on the client history (op calls, completions, watch events; the world's
// history log) rather than on state, since what they speak of is the order things happened in:
//  - WatchFiresOnce: a one-time watch (getData/exists/getChildren with watch) is consumed by the
//    event it fires (ZKWatchManager.materialize removes it): one registration, at most one event.
//  - RepliesInOrder: a client's requests are answered in the order it sent them (facts 4.9,
//    "FIFO client order"; ClientCnxn matches each reply to the head of its pending queue).
import { pairCallsWithReturns, type OpCallRecord, type OpReturnRecord } from './history';

/** The parts of a server's data tree the checks read. */
export interface TreeSummary {
  id: number;
  alive: boolean;
  /** Sessions the tree knows (open sessions). */
  sessions: string[];
  /** Sessions that own ephemeral nodes in the tree, with the paths. */
  ephemeralOwners: { session: string; paths: string[] }[];
}

/** The parts of a client the checks read. */
export interface ClientSummary {
  label: string;
  sessionId: number;
  lastZxid: number;
}

export interface SessionLedger {
  /** Last zxid seen per (client, session). */
  lastZxid: Record<string, number>;
  /** The digest of the tree at each applied zxid, as the first server to reach it had it. */
  digests: Record<string, { digest: string; server: number }>;
  /** The zxid each server's tree was last compared at. */
  compared: Record<string, number>;
}

export function createSessionLedger(): SessionLedger {
  return { lastZxid: {}, digests: {}, compared: {} };
}

/** A server's tree as ReplicasAgree reads it: the zxid it has applied, and its digest (computed
 * only when that zxid is new for the server). */
export interface ReplicaTree {
  id: number;
  alive: boolean;
  appliedZxid: number;
  digest(): string;
}

const DIGESTS_KEPT_MAX = 4096;

/** ReplicasAgree: at every applied zxid, every server's tree matches the first one's. */
export function checkReplicasAgree(ledger: SessionLedger, replicas: readonly ReplicaTree[]): string[] {
  const violations: string[] = [];
  for (const replica of replicas) {
    if (!replica.alive || ledger.compared[replica.id] === replica.appliedZxid) continue;
    ledger.compared[replica.id] = replica.appliedZxid;
    const key = String(replica.appliedZxid);
    const digest = replica.digest();
    const known = ledger.digests[key];
    if (known === undefined) ledger.digests[key] = { digest, server: replica.id };
    else if (known.digest !== digest) violations.push(`ReplicasAgree (server ${replica.id}): at 0x${replica.appliedZxid.toString(16)} its tree is ${digest}, server ${known.server}'s was ${known.digest}`);
  }
  const keys = Object.keys(ledger.digests);
  if (keys.length > DIGESTS_KEPT_MAX) {
    for (const key of keys.map(Number).sort((a, b) => a - b).slice(0, keys.length - DIGESTS_KEPT_MAX / 2)) delete ledger.digests[String(key)];
  }
  return violations;
}

/** EphemeralsDieWithSession on every live server. */
export function checkEphemeralsDieWithSession(trees: readonly TreeSummary[]): string[] {
  const violations: string[] = [];
  for (const tree of trees) {
    if (!tree.alive) continue;
    for (const owner of tree.ephemeralOwners) {
      if (owner.paths.length > 0 && !tree.sessions.includes(owner.session)) {
        violations.push(`EphemeralsDieWithSession (server ${tree.id}): closed session ${owner.session} still owns ${owner.paths.join(', ')}`);
      }
    }
  }
  return violations;
}

/** ClientZxidMonotonic: remembers each client's last zxid per session. */
export function checkClientZxidMonotonic(ledger: SessionLedger, clients: readonly ClientSummary[]): string[] {
  const violations: string[] = [];
  for (const client of clients) {
    if (client.sessionId === 0) continue;
    const key = `${client.label}#${client.sessionId}`;
    const seen = ledger.lastZxid[key] ?? 0;
    if (client.lastZxid < seen) violations.push(`ClientZxidMonotonic (${client.label}): saw 0x${seen.toString(16)}, now 0x${client.lastZxid.toString(16)}`);
    else ledger.lastZxid[key] = client.lastZxid;
  }
  return violations;
}

/** A violation found in the client history, with the simulated time it shows at. */
export interface TimedViolation {
  name: 'WatchFiresOnce' | 'RepliesInOrder';
  timeMs: number;
  message: string;
}

/** The records these checks read: op calls, op completions, watch events (in the order they happened). */
export type ClientHistoryRecord =
  | OpCallRecord
  | OpReturnRecord
  | { type: 'watch'; t: number; client: string; event: string; path: string; fired: number[] };

const ONE_TIME_WATCH_OPS: ReadonlySet<string> = new Set(['getData', 'exists', 'getChildren']);

/**
 * WatchFiresOnce over a history. A registration is (client, opIndex) of a scenario op that asked
 * for a one-time watch; console and actor ops share an opIndex per client, so they are not
 * told apart and not checked.
 */
export function checkWatchFiresOnce(records: readonly { type?: string }[]): TimedViolation[] {
  const oneTime = new Set<string>();
  const fires = new Map<string, number>();
  const violations: TimedViolation[] = [];
  for (const record of records) {
    if (record.type === 'op-call') {
      const call = record as OpCallRecord;
      if (call.opIndex >= 0 && call.op.watch === true && ONE_TIME_WATCH_OPS.has(call.op.op)) oneTime.add(`${call.client}#${call.opIndex}`);
    } else if (record.type === 'watch') {
      const watch = record as Extract<ClientHistoryRecord, { type: 'watch' }>;
      for (const opIndex of watch.fired) {
        const key = `${watch.client}#${opIndex}`;
        if (!oneTime.has(key)) continue;
        const count = (fires.get(key) ?? 0) + 1;
        fires.set(key, count);
        if (count === 2) violations.push({ name: 'WatchFiresOnce', timeMs: watch.t, message: `WatchFiresOnce (${watch.client}): the watch set by op ${opIndex} fired again (${watch.event} ${watch.path})` });
      }
    }
  }
  return violations;
}

/** Ops whose answers do not queue behind the others (auth is answered at once) or open a session. */
const OUT_OF_QUEUE_OPS: ReadonlySet<string> = new Set(['connect', 'addAuth']);

/**
 * RepliesInOrder over a history: among the answers a server sent (zxid set; local outcomes such
 * as CONNECTIONLOSS carry none), each client gets them in the order it issued the ops.
 */
export function checkRepliesInOrder(records: readonly { type?: string }[]): TimedViolation[] {
  const order = new Map<OpCallRecord, number>();
  records.forEach((record, index) => {
    if (record.type === 'op-call') order.set(record as OpCallRecord, (record as OpCallRecord).seq ?? index);
  });
  const callOf = new Map<OpReturnRecord, OpCallRecord>();
  for (const pair of pairCallsWithReturns(records)) if (pair.return !== null) callOf.set(pair.return, pair.call);
  const lastAnswered = new Map<string, { seq: number; op: string }>();
  const violations: TimedViolation[] = [];
  for (const record of records) {
    if (record.type !== 'op') continue;
    const completion = record as OpReturnRecord;
    const call = callOf.get(completion);
    if (call === undefined || completion.outcome.zxid === null || OUT_OF_QUEUE_OPS.has(call.op.op)) continue;
    const seq = order.get(call)!;
    const last = lastAnswered.get(call.client);
    if (last !== undefined && seq < last.seq) {
      violations.push({ name: 'RepliesInOrder', timeMs: completion.t, message: `RepliesInOrder (${call.client}): ${call.op.op} was answered after ${last.op}, which it issued later` });
      continue;
    }
    lastAnswered.set(call.client, { seq, op: call.op.op });
  }
  return violations;
}
