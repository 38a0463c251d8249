// Client histories for the linearizability checker: what each client asked, when, and what it
// was told. A history is plain data; the builder turns the world's call/return records into one.
// The world's {type:'op'} trace records carry only the completion, so the call side is a new
// record (OpCallRecord) the world can emit when a client issues an op; the builder pairs them.
import { dataOf } from '../client/requests';
import type { OpOutcome } from '../sim/trace';
import type { ZnodeState } from './znode-model';

/**
 * What an op does to its znode. A conditional setData/delete is the same kind with
 * `input.expectedVersion` set (-1 or absent = any version). 'sync-then-read' is a sync followed
 * by a read of the same client: it must see every write acknowledged before the sync was called.
 */
export type OpKind = 'create' | 'delete' | 'setData' | 'read' | 'sync-then-read';

export interface OpInput {
  /** create / setData: the data written. */
  data?: string | null;
  /** setData / delete: the expected version; -1 or absent = any. */
  expectedVersion?: number;
}

export interface OpOutput {
  /** Error name: OK, NONODE, NODEEXISTS, BADVERSION, NOTEMPTY. */
  err: string;
  /** Reads: the data returned (absent = not recorded, e.g. exists()). */
  data?: string | null;
  /** Reads: stat.version; setData: the new stat.version (absent = not recorded). */
  version?: number;
}

/** One client operation on one znode. */
export interface HistoryOp {
  id: number;
  client: string;
  callMs: number;
  /** Infinity when the op never returned (or its outcome is unknown): it may or may not have taken effect. */
  returnMs: number;
  path: string;
  kind: OpKind;
  input: OpInput;
  /** null exactly when the outcome is unknown. */
  output: OpOutput | null;
}

/** The call side of an op: the record the world emits when a client is handed an op
 * ({type:'op-call'} in sim/trace.ts; `seq` is unique in a run, absent in hand-made records). */
export interface OpCallRecord {
  type: 'op-call';
  t: number;
  client: string;
  opIndex: number;
  /** The op as given (ClientOp of the scenario). */
  op: Record<string, unknown> & { op: string };
  seq?: number;
}

/** The return side: the world's existing {type:'op'} trace record. */
export interface OpReturnRecord {
  type?: 'op';
  t: number;
  client: string;
  outcome: OpOutcome;
}

/** A call and its return (null: it never returned). */
export interface CallReturnPair {
  call: OpCallRecord;
  return: OpReturnRecord | null;
}

/** A path the builder left out, and why (its history is not complete enough to check). */
export interface SkippedPath {
  path: string;
  reason: string;
}

export interface BuiltHistory {
  ops: HistoryOp[];
  skipped: SkippedPath[];
}

/** Errors that say the op certainly did not take effect and give no fact about this znode. */
const NO_EFFECT_NO_FACT: ReadonlySet<string> = new Set([
  'CLIENT_REJECTED', 'NOAUTH', 'BADARGUMENTS', 'INVALIDACL', 'NOCHILDRENFOREPHEMERALS', 'UNIMPLEMENTED',
  'THROTTLEDOP', 'QUOTAEXCEEDED', 'EPHEMERALONLOCALSESSION', 'NOTREADONLY',
]);

/** Errors the znode model understands; any other error (CONNECTIONLOSS, SESSIONEXPIRED, timeouts...) = unknown outcome. */
const MODEL_ERRORS: ReadonlySet<string> = new Set(['OK', 'NONODE', 'NODEEXISTS', 'BADVERSION', 'NOTEMPTY']);

/**
 * Pairs call records with the {type:'op'} records that completed them, by (client, opIndex).
 * Console actions and recipe actors share one opIndex per client (-1, the actor index): among
 * those, a completion goes to the oldest pending call of that client with the same op (replies
 * come back in the order the client sent its requests). The completion of an implicit connect
 * (a session opened for an op) carries the op's index but is not that op's answer.
 */
export function pairCallsWithReturns(records: readonly { type?: string }[]): CallReturnPair[] {
  const pending = new Map<string, CallReturnPair[]>();
  const pairs: CallReturnPair[] = [];
  for (const record of records) {
    if (record.type === 'op-call') {
      const call = record as OpCallRecord;
      const pair: CallReturnPair = { call, return: null };
      const key = `${call.client}#${call.opIndex}`;
      const queue = pending.get(key);
      if (queue === undefined) pending.set(key, [pair]);
      else queue.push(pair);
      pairs.push(pair);
    } else if (record.type === 'op') {
      const completion = record as OpReturnRecord;
      if (completion.outcome.implicit === true) continue;
      const key = `${completion.client}#${completion.outcome.opIndex}`;
      const queue = pending.get(key);
      if (queue === undefined) continue;
      const at = queue.length === 1 ? 0 : queue.findIndex((pair) => sameOp(pair.call.op, completion.outcome.op));
      if (at < 0) continue;
      queue[at]!.return = completion;
      queue.splice(at, 1);
      if (queue.length === 0) pending.delete(key);
    }
  }
  return pairs;
}

function sameOp(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Builds a history from call/return pairs: keeps create/delete/setData/getData/exists, merges a
 * sync with the same client's next read into one sync-then-read, turns an unknown outcome into a
 * pending op (reads with unknown outcome are dropped: they tell nothing), and skips the paths whose
 * writes it cannot see (ephemeral/container/TTL nodes, multi, an unknown sequential create).
 */
export function buildHistory(pairs: readonly CallReturnPair[]): BuiltHistory {
  const sorted = [...pairs].sort((a, b) => a.call.t - b.call.t || (a.call.opIndex - b.call.opIndex));
  const ops: HistoryOp[] = [];
  const skippedReasons = new Map<string, string>();
  const uncertainPrefixes: string[] = [];
  const syncOf = new Map<string, CallReturnPair>();
  const ids = new IdAllocator(sorted);
  for (const pair of sorted) {
    const name = pair.call.op.op;
    const client = pair.call.client;
    const sync = syncOf.get(client);
    syncOf.delete(client);
    if (name === 'sync') {
      if (pair.return !== null && pair.return.outcome.err === 'OK') syncOf.set(client, pair);
      continue;
    }
    if (name === 'multi') {
      for (const sub of (pair.call.op.ops as { path?: string }[] | undefined) ?? []) {
        if (typeof sub.path === 'string') skippedReasons.set(sub.path, 'touched by a multi (atomic across paths)');
      }
      continue;
    }
    const op = historyOpOf(pair, ids.next(pair.call.opIndex, pair.call.seq), sync ?? null, skippedReasons, uncertainPrefixes);
    if (op !== null) ops.push(op);
  }
  return finishHistory(ops, skippedReasons, uncertainPrefixes);
}

/** Ids: the op's opIndex when it is a fresh non-negative integer, else the next free number. */
class IdAllocator {
  private readonly used = new Set<number>();
  private free: number;

  /** Records from a world carry `seq` (unique, stable as the run grows): it is the id then. */
  private readonly bySeq: boolean;

  constructor(pairs: readonly CallReturnPair[]) {
    this.bySeq = pairs.length > 0 && pairs.every((pair) => typeof pair.call.seq === 'number');
    this.free = pairs.reduce((max, pair) => Math.max(max, pair.call.opIndex + 1), 0);
  }

  next(opIndex: number, seq?: number): number {
    if (this.bySeq) return seq!;
    const id = Number.isInteger(opIndex) && opIndex >= 0 && !this.used.has(opIndex) ? opIndex : this.free++;
    this.used.add(id);
    return id;
  }
}

function historyOpOf(pair: CallReturnPair, id: number, sync: CallReturnPair | null, skipped: Map<string, string>, uncertainPrefixes: string[]): HistoryOp | null {
  const call = pair.call.op as Record<string, unknown> & { op: string; path: string };
  const name = call.op;
  if (typeof call.path !== 'string') return null;
  const err = pair.return?.outcome.err ?? null;
  if (err !== null && NO_EFFECT_NO_FACT.has(err)) return null;
  const known = err !== null && MODEL_ERRORS.has(err);
  const base = { id, client: pair.call.client, callMs: pair.call.t, returnMs: known ? pair.return!.t : Number.POSITIVE_INFINITY };
  const result = (known ? pair.return!.outcome.result : null) as Record<string, unknown> | null;
  switch (name) {
    case 'create':
      return createOpOf(base, call, known ? err : null, result, skipped, uncertainPrefixes);
    case 'delete':
      return { ...base, path: call.path, kind: 'delete', input: { expectedVersion: versionInput(call) }, output: known ? { err: err! } : null };
    case 'setData': {
      const output: OpOutput | null = known ? { err: err!, ...statVersion(result) } : null;
      return { ...base, path: call.path, kind: 'setData', input: { data: dataOf(call as { data?: string | null; dataB64?: string }), expectedVersion: versionInput(call) }, output };
    }
    case 'getData':
    case 'exists':
      if (!known) return null;
      return { ...base, callMs: sync?.call.t ?? base.callMs, path: call.path, kind: sync === null ? 'read' : 'sync-then-read', input: {}, output: readOutput(name, err!, result) };
    default:
      return null;
  }
}

function createOpOf(base: Pick<HistoryOp, 'id' | 'client' | 'callMs' | 'returnMs'>, call: Record<string, unknown> & { path: string }, err: string | null, result: Record<string, unknown> | null, skipped: Map<string, string>, uncertainPrefixes: string[]): HistoryOp | null {
  const mode = call.mode ?? 'PERSISTENT';
  const sequential = mode === 'PERSISTENT_SEQUENTIAL' || mode === 2;
  if (!sequential && mode !== 'PERSISTENT' && mode !== 0) {
    const reason = `created with mode ${String(mode)}: the server may delete it with no client op`;
    skipped.set(call.path, reason);
    // A sequential one lands under another name (the recipes' locks and latches): every name
    // with this prefix is such a node.
    if (String(mode).includes('SEQUENTIAL') || mode === 3) {
      uncertainPrefixes.push(call.path);
      if (err === 'OK' && typeof result?.path === 'string') skipped.set(result.path, reason);
    }
    return null;
  }
  let path = call.path;
  if (sequential) {
    const created = err === 'OK' && result !== null && typeof result.path === 'string' ? result.path : null;
    if (created === null) {
      // Where an unknown (or failed) sequential create landed is not known; if it did land, a
      // later read of that name would look like a read of a never-written node.
      if (err === null) uncertainPrefixes.push(call.path);
      return null;
    }
    path = created;
  }
  const input = { data: dataOf(call as { data?: string | null; dataB64?: string }) };
  return { ...base, path, kind: 'create', input, output: err === null ? null : { err } };
}

function versionInput(call: Record<string, unknown>): number {
  return typeof call.version === 'number' ? call.version : -1;
}

function statVersion(result: Record<string, unknown> | null): { version?: number } {
  const stat = result?.stat as { version?: unknown } | null | undefined;
  return typeof stat?.version === 'number' ? { version: stat.version } : {};
}

function readOutput(name: string, err: string, result: Record<string, unknown> | null): OpOutput {
  if (err !== 'OK') return { err };
  if (name === 'exists') return result?.stat === null || result?.stat === undefined ? { err: 'NONODE' } : { err: 'OK', ...statVersion(result) };
  return { err: 'OK', data: (result?.data ?? null) as string | null, ...statVersion(result) };
}

/** Nodes every ensemble starts with (the root; /zookeeper is the server's own, see below). */
export const ENSEMBLE_INITIAL_STATES: Readonly<Record<string, ZnodeState>> = { '/': { exists: true, data: '', version: 0 } };

/** The server writes under /zookeeper itself (reconfig, quotas): no client history is complete there. */
const SERVER_OWNED = /^\/zookeeper(\/|$)/;

function finishHistory(ops: HistoryOp[], skippedReasons: Map<string, string>, uncertainPrefixes: readonly string[]): BuiltHistory {
  const created = new Set(ops.filter((op) => op.kind === 'create').map((op) => op.path));
  for (const op of ops) {
    if (skippedReasons.has(op.path)) continue;
    if (SERVER_OWNED.test(op.path)) {
      skippedReasons.set(op.path, 'written by the server itself (reconfig, quotas)');
      continue;
    }
    if (created.has(op.path)) continue;
    if (uncertainPrefixes.some((prefix) => op.path.startsWith(prefix))) skippedReasons.set(op.path, 'may be the name of a sequential create whose outcome is unknown');
  }
  const skipped = [...skippedReasons].map(([path, reason]) => ({ path, reason })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ops: ops.filter((op) => !skippedReasons.has(op.path)), skipped };
}
