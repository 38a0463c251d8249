// A linearizability checker for client histories, in the spirit of Porcupine (Wing & Gong's
// search with memoisation of (set of linearized ops, model state), Lowe's refinement). Ideas
// only; no code is taken from it.
// - P-compositionality: a history of independent znodes is linearizable iff each path's
//   sub-history is, so each path is checked alone (small bitsets, small searches).
// - Two checks per path (facts 4.9; see znode-model.ts for why):
//   'linearizable': the writes (also failed ones: they observed the node) and the sync-then-reads
//     have a legal total order that respects real time (a returned before b was called => a first).
//   'ordered-sequential': all ops, plain reads included, have ONE legal total order that respects
//     real time among those writes and sync-then-reads and each client's issue order (FIFO client
//     order, read-your-writes, never back in time). A plain read is only half bound by real time:
//     it may be placed before writes that returned before it was called (a stale read is fine:
//     its server's replica lagged), but never after a write called after it returned (a replica
//     holds a prefix of what was committed, and that write was not even sent yet). It implies the
//     first check; the first runs first so that a lost write is reported as such. (Per path this
//     is a necessary condition for ZooKeeper's guarantee: sequential consistency, unlike
//     linearizability, is not compositional.)
// - An op that never returned may or may not have taken effect: it may be placed anywhere after
//   its call, or nowhere; the search succeeds once every op that returned is placed.
// - Ops that change nothing (reads, failed writes) never branch: a ready one that is legal in the
//   current state is placed at once, which loses no linearization (moving an op that changes
//   nothing earlier keeps every other op legal, and its own constraints hold once it is ready).
// Each search has a step bound. When the depth-first search of the 'linearizable' check hits it
// (a violation deep in a path with many concurrent writers makes it backtrack far), the
// breadth-first sweep of linearizability-sweep.ts tries; if that hits it too, or the
// 'ordered-sequential' search does, the verdict is 'unknown', never a guess.
import type { HistoryOp } from './history';
import { sweepLinearizable } from './linearizability-sweep';
import { ABSENT_ZNODE, mayChangeState, stepZnode, type ZnodeState } from './znode-model';

export type CheckMode = 'linearizable' | 'ordered-sequential';

export interface OffendingWindow {
  fromMs: number;
  toMs: number;
}

/** One path's verdict. `ops` and `windowMs`: the ops the longest partial order could not place,
 * plus the write that set the state they saw (for the UI to highlight). */
export type PathVerdict =
  | { ok: true; steps: number }
  | { ok: false; check: CheckMode; path: string; windowMs: OffendingWindow; ops: number[]; steps: number }
  | { ok: 'unknown'; check: CheckMode; path: string; steps: number };

export type LinearizabilityResult =
  | { ok: true; paths: number; steps: number }
  | { ok: false; check: CheckMode; path: string; windowMs: OffendingWindow; ops: number[]; steps: number }
  | { ok: 'unknown'; check: CheckMode; path: string; steps: number };

export interface CheckOptions {
  /** Search steps allowed per path and check before the verdict is 'unknown'. */
  stepsMaxPerPath?: number;
  /** Also check plain reads (ordered sequential consistency). Default true. */
  checkReads?: boolean;
  /** The state of a path before the history starts; default: absent. */
  initialStates?: Readonly<Record<string, ZnodeState>>;
}

export const STEPS_MAX_PER_PATH_DEFAULT = 250_000;

/** Checks a whole history: each path alone, in path order; the first violation (or unknown) wins. */
export function checkLinearizable(history: readonly HistoryOp[], options: CheckOptions = {}): LinearizabilityResult {
  const byPath = partitionByPath(history);
  let steps = 0;
  let unknown: PathVerdict | null = null;
  for (const [path, ops] of byPath) {
    const verdict = checkPath(path, ops, options);
    steps += verdict.steps;
    if (verdict.ok === false) return verdict;
    if (verdict.ok === 'unknown' && unknown === null) unknown = verdict;
  }
  if (unknown !== null && unknown.ok === 'unknown') return unknown;
  return { ok: true, paths: byPath.size, steps };
}

/** Checks one path's ops: the linearizable check, then (unless turned off) the one with reads. */
export function checkPath(path: string, ops: readonly HistoryOp[], options: CheckOptions = {}): PathVerdict {
  const initial = options.initialStates?.[path] ?? ABSENT_ZNODE;
  const stepsMax = options.stepsMaxPerPath ?? STEPS_MAX_PER_PATH_DEFAULT;
  let first = searchPath(path, ops, 'linearizable', initial, stepsMax);
  if (first.ok === 'unknown') {
    const swept = sweepLinearizable(path, ops, initial, stepsMax);
    first = { ...swept, steps: first.steps + swept.steps };
  }
  if (first.ok !== true || options.checkReads === false || !clientOrderAddsConstraints(ops)) return first;
  const second = searchPath(path, ops, 'ordered-sequential', initial, stepsMax);
  return { ...second, steps: first.steps + second.steps };
}

/** False when the second check would repeat the first: no plain reads, and each client's order
 * is already real-time order (every completed op returned strictly before its client's next call). */
function clientOrderAddsConstraints(ops: readonly HistoryOp[]): boolean {
  if (ops.some((op) => op.kind === 'read')) return true;
  const lastReturnMs = new Map<string, number>();
  for (const op of [...ops].sort((a, b) => a.callMs - b.callMs || a.id - b.id)) {
    const previous = lastReturnMs.get(op.client);
    if (previous !== undefined && previous >= op.callMs) return true;
    if (Number.isFinite(op.returnMs)) lastReturnMs.set(op.client, op.returnMs);
  }
  return false;
}

/** The history split by path, paths in sorted order (deterministic reports). */
export function partitionByPath(history: readonly HistoryOp[]): Map<string, HistoryOp[]> {
  const byPath = new Map<string, HistoryOp[]>();
  for (const op of history) {
    const list = byPath.get(op.path);
    if (list === undefined) byPath.set(op.path, [op]);
    else list.push(op);
  }
  const paths = [...byPath.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(paths.map((path) => [path, byPath.get(path)!]));
}

/** A checker fed op by op during a live run. */
export interface IncrementalChecker {
  /** Adds an op, or replaces the op with the same id (a pending op that completed). */
  record(op: HistoryOp): void;
  /** The verdict over everything recorded so far; `steps` counts only the paths searched again. */
  check(): LinearizabilityResult;
}

/**
 * An incremental checker for a live run: record ops as they are called and completed, and
 * check() re-searches only the paths that changed since the last check (the others keep their
 * verdicts), so a check after one new op costs one path's search, not the whole history's.
 */
export function createIncrementalChecker(options: CheckOptions = {}): IncrementalChecker {
  const opsByPath = new Map<string, Map<number, HistoryOp>>();
  const verdicts = new Map<string, PathVerdict>();
  const pathOfId = new Map<number, string>();
  return {
    record(op: HistoryOp): void {
      const oldPath = pathOfId.get(op.id);
      if (oldPath !== undefined && oldPath !== op.path) {
        opsByPath.get(oldPath)?.delete(op.id);
        verdicts.delete(oldPath);
      }
      pathOfId.set(op.id, op.path);
      let ops = opsByPath.get(op.path);
      if (ops === undefined) opsByPath.set(op.path, (ops = new Map()));
      const previous = ops.get(op.id);
      if (verdicts.get(op.path)?.ok !== false || !violationSurvives(ops, previous, op)) verdicts.delete(op.path);
      ops.set(op.id, op);
    },
    check(): LinearizabilityResult {
      const paths = [...opsByPath.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      let steps = 0;
      let unknown: LinearizabilityResult | null = null;
      for (const path of paths) {
        let verdict = verdicts.get(path);
        if (verdict === undefined) {
          verdict = checkPath(path, [...opsByPath.get(path)!.values()], options);
          verdicts.set(path, verdict);
          steps += verdict.steps;
        }
        if (verdict.ok === false) return verdict;
        if (verdict.ok === 'unknown' && unknown === null) unknown = verdict;
      }
      return unknown ?? { ok: true, paths: paths.length, steps };
    },
  };
}

/**
 * True when a path's violation must survive this change, so it need not be searched again: an
 * op that never returned now returned (its outcome and return only add constraints), or a new
 * op called after every op of the path returned (every completed op must precede it, so a
 * linearization with it, minus it, would be one without it).
 */
function violationSurvives(ops: ReadonlyMap<number, HistoryOp>, previous: HistoryOp | undefined, op: HistoryOp): boolean {
  if (previous !== undefined) {
    return !Number.isFinite(previous.returnMs) && previous.callMs === op.callMs && previous.kind === op.kind && previous.client === op.client && JSON.stringify(previous.input) === JSON.stringify(op.input);
  }
  for (const other of ops.values()) if (Number.isFinite(other.returnMs) && other.returnMs >= op.callMs) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// The search over one path.

/** The ops of one path, prepared for the search (indices into `ops`, sorted by call time). */
interface Prepared {
  ops: HistoryOp[];
  /** Takes part in real time (writes, sync-then-reads); false for plain reads. */
  realTime: Uint8Array;
  changes: Uint8Array;
  completed: Uint8Array;
  /** Real-time ops in call order; all completed ops in return order. */
  realTimeByCall: Int32Array;
  completedByReturn: Int32Array;
  clientOf: Int32Array;
  /** How many completed ops of the same client were issued before (0 when order is not checked). */
  clientBefore: Int32Array;
  /** Per client, its completed ops in issue order. */
  chains: Int32Array[];
  completedCount: number;
}

function prepare(ops: readonly HistoryOp[], mode: CheckMode): Prepared {
  const kept = ops
    .filter((op) => (mode === 'ordered-sequential' || op.kind !== 'read') && (Number.isFinite(op.returnMs) || mayChangeState(op)))
    .sort((a, b) => a.callMs - b.callMs || a.id - b.id);
  const count = kept.length;
  const realTime = new Uint8Array(count);
  const changes = new Uint8Array(count);
  const completed = new Uint8Array(count);
  const clientOf = new Int32Array(count);
  const clientBefore = new Int32Array(count);
  const clientIds = new Map<string, number>();
  const chainLists: number[][] = [];
  kept.forEach((op, index) => {
    realTime[index] = op.kind === 'read' ? 0 : 1;
    changes[index] = mayChangeState(op) ? 1 : 0;
    completed[index] = Number.isFinite(op.returnMs) ? 1 : 0;
    if (!clientIds.has(op.client)) {
      clientIds.set(op.client, clientIds.size);
      chainLists.push([]);
    }
    const client = clientIds.get(op.client)!;
    clientOf[index] = client;
    if (mode === 'ordered-sequential') clientBefore[index] = chainLists[client]!.length;
    if (completed[index] === 1) chainLists[client]!.push(index);
  });
  const indices = kept.map((_, index) => index);
  const realTimeByCall = Int32Array.from(indices.filter((index) => realTime[index] === 1));
  // Every completed op bounds the writes called after it returned; plain reads are in this list
  // too (a read cannot see a write called after it returned) but are never bounded by it.
  const completedByReturn = Int32Array.from(
    indices.filter((index) => completed[index] === 1).sort((a, b) => kept[a]!.returnMs - kept[b]!.returnMs || a - b),
  );
  const completedCount = indices.filter((index) => completed[index] === 1).length;
  return { ops: kept, realTime, changes, completed, realTimeByCall, completedByReturn, clientOf, clientBefore, chains: chainLists.map((list) => Int32Array.from(list)), completedCount };
}

/** Interned znode states: the search and its memo work on small integers. */
class StateTable {
  readonly states: ZnodeState[] = [];
  private readonly ids = new Map<string, number>();

  intern(state: ZnodeState): number {
    const key = state.exists ? `+${state.version}|${state.data === null ? '' : `"${state.data}`}` : '-';
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.states.length;
      this.states.push(state);
      this.ids.set(key, id);
    }
    return id;
  }

  /** The state id after `op`, or -1 when the op's output is not legal in `stateId`. */
  step(stateId: number, op: HistoryOp): number {
    const before = this.states[stateId]!;
    const result = stepZnode(before, op);
    if (!result.ok) return -1;
    return result.newState === before ? stateId : this.intern(result.newState);
  }
}

/** 32-bit mixing (splitmix32 finaliser) for the memo's Zobrist keys. */
function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Configurations already explored (and failed): exact keys behind a 64-bit Zobrist hash. */
class Memo {
  private readonly buckets = new Map<number, { low: number; state: number; bits: Uint32Array }[]>();

  /** Adds the configuration; false when it was already there. */
  add(high: number, low: number, state: number, bits: Uint32Array): boolean {
    const key = (high ^ Math.imul(state + 1, 0x9e3779b1)) >>> 0;
    const bucket = this.buckets.get(key);
    if (bucket !== undefined) {
      for (const entry of bucket) if (entry.low === low && entry.state === state && sameBits(entry.bits, bits)) return false;
      bucket.push({ low, state, bits: bits.slice() });
    } else {
      this.buckets.set(key, [{ low, state, bits: bits.slice() }]);
    }
    return true;
  }
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** One search of one path in one mode. */
export function searchPath(path: string, ops: readonly HistoryOp[], mode: CheckMode, initial: ZnodeState, stepsMax: number): PathVerdict {
  const search = new PathSearch(prepare(ops, mode), initial);
  const outcome = search.run(stepsMax);
  if (outcome === 'ok') return { ok: true, steps: search.steps };
  if (outcome === 'unknown') return { ok: 'unknown', check: mode, path, steps: search.steps };
  const involved = search.deepestInvolved.map((index) => search.prepared.ops[index]!);
  if (involved.length === 0) throw new Error(`linearizability search on ${path}: a violation with no stuck op`);
  const fromMs = Math.min(...involved.map((op) => op.callMs));
  const finite = involved.map((op) => op.returnMs).filter((ms) => Number.isFinite(ms));
  const toMs = finite.length > 0 ? Math.max(...finite) : fromMs;
  const ids = [...new Set(involved.map((op) => op.id))].sort((a, b) => a - b);
  return { ok: false, check: mode, path, windowMs: { fromMs, toMs }, ops: ids, steps: search.steps };
}

/**
 * One linearization of a path's writes and sync-then-reads (op ids in order; ops that never
 * returned appear only if the order needed them), or null when there is none (or the search
 * ran out of steps). For drawing linearization points; the verdict comes from checkPath.
 */
export function linearizationOf(ops: readonly HistoryOp[], initial: ZnodeState = ABSENT_ZNODE, stepsMax = STEPS_MAX_PER_PATH_DEFAULT): number[] | null {
  const search = new PathSearch(prepare(ops, 'linearizable'), initial);
  return search.run(stepsMax) === 'ok' ? search.order() : null;
}

/** A node of the depth-first search: the state-changing ops to try, and how to undo getting here. */
interface Frame {
  candidates: number[];
  next: number;
  trailMark: number;
  stateBefore: number;
  writerBefore: number;
  callHeadBefore: number;
  returnHeadBefore: number;
}

const SEARCH_DEPTH_MAX = 1 << 24;

class PathSearch {
  steps = 0;
  /** Ops of the deepest partial order's stuck point (indices into prepared.ops). */
  deepestInvolved: number[] = [];
  private deepestPlaced = -1;
  private readonly table = new StateTable();
  private readonly memo = new Memo();
  private readonly placed: Uint8Array;
  private readonly bits: Uint32Array;
  private readonly zobristHigh: Uint32Array;
  private readonly zobristLow: Uint32Array;
  private readonly clientDone: Int32Array;
  private readonly trail: number[] = [];
  private hashHigh = 0;
  private hashLow = 0;
  private state: number;
  /** The op that set the current state (-1: the initial state). */
  private writer = -1;
  private callHead = 0;
  private returnHead = 0;
  private completedLeft: number;

  constructor(readonly prepared: Prepared, initial: ZnodeState) {
    const count = prepared.ops.length;
    this.placed = new Uint8Array(count);
    this.bits = new Uint32Array(Math.max(1, Math.ceil(count / 32)));
    this.zobristHigh = Uint32Array.from({ length: count }, (_, index) => mix32(index * 2));
    this.zobristLow = Uint32Array.from({ length: count }, (_, index) => mix32(index * 2 + 1));
    this.clientDone = new Int32Array(prepared.chains.length);
    this.state = this.table.intern(initial);
    this.completedLeft = prepared.completedCount;
  }

  /** The ops placed so far, as ids, in the order they were placed (after 'ok': a linearization). */
  order(): number[] {
    return this.trail.map((index) => this.prepared.ops[index]!.id);
  }

  /** Depth-first search; 'ok' as soon as every completed op is placed. */
  run(stepsMax: number): 'ok' | 'violation' | 'unknown' {
    this.placeReadyNonChanging();
    if (this.completedLeft === 0) return 'ok';
    this.memo.add(this.hashHigh, this.hashLow, this.state, this.bits);
    this.noteDepth();
    const root = this.frame(0, this.state, this.writer, this.callHead, this.returnHead);
    root.candidates = this.readyChanging();
    const frames: Frame[] = [root];
    while (frames.length > 0) {
      if (frames.length > SEARCH_DEPTH_MAX) throw new Error('linearizability search: depth bound exceeded');
      const top = frames[frames.length - 1]!;
      if (top.next >= top.candidates.length) {
        frames.pop();
        this.undoTo(top);
        continue;
      }
      const candidate = top.candidates[top.next++]!;
      if (++this.steps > stepsMax) return 'unknown';
      const after = this.table.step(this.state, this.prepared.ops[candidate]!);
      if (after === -1) continue;
      const child = this.frame(this.trail.length, this.state, this.writer, this.callHead, this.returnHead);
      this.place(candidate);
      this.state = after;
      this.writer = candidate;
      this.placeReadyNonChanging();
      if (this.completedLeft === 0) return 'ok';
      if (!this.memo.add(this.hashHigh, this.hashLow, this.state, this.bits)) {
        this.undoTo(child);
        continue;
      }
      this.noteDepth();
      child.candidates = this.readyChanging();
      frames.push(child);
    }
    return 'violation';
  }

  private frame(trailMark: number, stateBefore: number, writerBefore: number, callHeadBefore: number, returnHeadBefore: number): Frame {
    return { candidates: [], next: 0, trailMark, stateBefore, writerBefore, callHeadBefore, returnHeadBefore };
  }

  /** The earliest return among unplaced completed ops (Infinity if none): no real-time op called later is ready. */
  private minReturnMs(): number {
    const byReturn = this.prepared.completedByReturn;
    while (this.returnHead < byReturn.length && this.placed[byReturn[this.returnHead]!] === 1) this.returnHead++;
    return this.returnHead < byReturn.length ? this.prepared.ops[byReturn[this.returnHead]!]!.returnMs : Number.POSITIVE_INFINITY;
  }

  /** Calls `visit` for each unplaced real-time op whose real-time and client-order predecessors are placed. */
  private forEachReadyRealTime(visit: (index: number) => void): void {
    const byCall = this.prepared.realTimeByCall;
    while (this.callHead < byCall.length && this.placed[byCall[this.callHead]!] === 1) this.callHead++;
    const limitMs = this.minReturnMs();
    for (let position = this.callHead; position < byCall.length; position++) {
      const index = byCall[position]!;
      if (this.prepared.ops[index]!.callMs > limitMs) break;
      if (this.placed[index] === 0 && this.clientOrderAllows(index)) visit(index);
    }
  }

  private clientOrderAllows(index: number): boolean {
    return this.clientDone[this.prepared.clientOf[index]!]! >= this.prepared.clientBefore[index]!;
  }

  private readyChanging(): number[] {
    const ready: number[] = [];
    this.forEachReadyRealTime((index) => {
      if (this.prepared.changes[index] === 1) ready.push(index);
    });
    return ready;
  }

  /** Places every ready op that changes nothing and is legal now, until none is left (no branching). */
  private placeReadyNonChanging(): void {
    const prepared = this.prepared;
    for (let progress = true; progress; ) {
      progress = false;
      this.forEachReadyRealTime((index) => {
        if (prepared.changes[index] === 0 && this.placed[index] === 0 && this.table.step(this.state, prepared.ops[index]!) !== -1) {
          this.place(index);
          progress = true;
        }
      });
      for (let client = 0; client < prepared.chains.length; client++) {
        const chain = prepared.chains[client]!;
        for (let next = chain[this.clientDone[client]!]; next !== undefined && prepared.realTime[next] === 0; next = chain[this.clientDone[client]!]) {
          if (this.table.step(this.state, prepared.ops[next]!) === -1) break;
          this.place(next);
          progress = true;
        }
      }
    }
  }

  private place(index: number): void {
    this.placed[index] = 1;
    this.bits[index >>> 5]! |= 1 << (index & 31);
    this.hashHigh ^= this.zobristHigh[index]!;
    this.hashLow ^= this.zobristLow[index]!;
    if (this.prepared.completed[index] === 1) {
      this.completedLeft--;
      this.clientDone[this.prepared.clientOf[index]!]!++;
    }
    this.trail.push(index);
  }

  private undoTo(frame: Frame): void {
    while (this.trail.length > frame.trailMark) {
      const index = this.trail.pop()!;
      this.placed[index] = 0;
      this.bits[index >>> 5]! &= ~(1 << (index & 31));
      this.hashHigh ^= this.zobristHigh[index]!;
      this.hashLow ^= this.zobristLow[index]!;
      if (this.prepared.completed[index] === 1) {
        this.completedLeft++;
        this.clientDone[this.prepared.clientOf[index]!]!--;
      }
    }
    this.state = frame.stateBefore;
    this.writer = frame.writerBefore;
    this.callHead = frame.callHeadBefore;
    this.returnHead = frame.returnHeadBefore;
  }

  /** Remembers the stuck point of the longest partial order: what was ready, what was due, who wrote the state. */
  private noteDepth(): void {
    const placedCount = this.prepared.completedCount - this.completedLeft;
    if (placedCount <= this.deepestPlaced) return;
    this.deepestPlaced = placedCount;
    const involved: number[] = [];
    this.forEachReadyRealTime((index) => {
      if (this.prepared.completed[index] === 1) involved.push(index);
    });
    for (let client = 0; client < this.prepared.chains.length; client++) {
      const next = this.prepared.chains[client]![this.clientDone[client]!];
      if (next !== undefined && this.prepared.realTime[next] === 0) involved.push(next);
    }
    this.minReturnMs();
    const due = this.prepared.completedByReturn[this.returnHead];
    if (due !== undefined) involved.push(due);
    if (this.writer !== -1) involved.push(this.writer);
    this.deepestInvolved = involved;
  }
}
