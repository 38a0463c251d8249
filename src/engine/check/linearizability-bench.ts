// The linearizability checker's benchmark: a 10,000-op history that looks like a busy ensemble
// (8 clients, 20 znodes, overlapping calls, stale plain reads from lagging replicas, conditional
// writes that lose, a few ops that never return), built deterministically from a seed, and the
// time to check it. The engine reads no clock, so the caller passes one (bench/ passes the platform's clock).
import { createRng, intInRange, type RngState } from '../sim/rng';
import type { HistoryOp, OpKind, OpOutput } from './history';
import { checkLinearizable } from './linearizability';
import { ABSENT_ZNODE, stepZnode, type ZnodeState } from './znode-model';

export interface BenchHistoryShape {
  opCount: number;
  clientCount: number;
  pathCount: number;
}

export const BENCH_SHAPE_10K: BenchHistoryShape = { opCount: 10_000, clientCount: 8, pathCount: 20 };

/** An op, the moment it takes effect in the generating execution, and (plain reads) the lag of the replica that answers it. */
interface Planned {
  op: HistoryOp;
  pointMs: number;
  takesEffect: boolean;
  lagMs: number;
}

/** Builds a linearizable (and, for plain reads, ordered-sequentially consistent) history from a seed. */
export function buildBenchHistory(seed: number, shape: BenchHistoryShape = BENCH_SHAPE_10K): HistoryOp[] {
  const rng = createRng(seed, 'linearizability-bench');
  const planned = planOps(rng, shape);
  executePlan(planned, shape);
  return planned.map((item) => item.op);
}

/** Checks the 10k-op bench history once and returns the milliseconds it took (by the caller's clock). */
export function linearizability10kMs(nowMs: () => number, seed = 1): number {
  const history = buildBenchHistory(seed);
  const startMs = nowMs();
  const result = checkLinearizable(history);
  const elapsedMs = nowMs() - startMs;
  if (result.ok !== true) throw new Error(`linearizability bench: the generated history did not check: ${JSON.stringify(result)}`);
  return elapsedMs;
}

const KIND_WEIGHTS: [OpKind, number][] = [['setData', 44], ['create', 8], ['delete', 4], ['read', 32], ['sync-then-read', 12]];

function pickKind(rng: RngState): OpKind {
  let roll = intInRange(rng, 1, 100);
  for (const [kind, weight] of KIND_WEIGHTS) {
    if (roll <= weight) return kind;
    roll -= weight;
  }
  return 'read';
}

/** Calls, returns and effect points: each client issues one op at a time (after a think time). */
function planOps(rng: RngState, shape: BenchHistoryShape): Planned[] {
  const clockMs = new Array<number>(shape.clientCount).fill(0);
  const planned: Planned[] = [];
  for (let id = 0; id < shape.opCount; id++) {
    const client = intInRange(rng, 0, shape.clientCount - 1);
    const callMs = clockMs[client]! + intInRange(rng, 0, 10);
    const durationMs = intInRange(rng, 1, 25);
    const kind = pickKind(rng);
    const neverReturns = kind !== 'read' && kind !== 'sync-then-read' && intInRange(rng, 1, 200) === 1;
    clockMs[client] = callMs + durationMs + (neverReturns ? 40 : 0);
    const data = `v${intInRange(rng, 0, 9)}`;
    const conditional = intInRange(rng, 0, 1) === 1;
    const op: HistoryOp = {
      id, client: `c${client}`, callMs, returnMs: neverReturns ? Number.POSITIVE_INFINITY : callMs + durationMs,
      path: `/bench/n${intInRange(rng, 0, shape.pathCount - 1)}`, kind,
      input: kind === 'create' ? { data } : kind === 'setData' ? { data, expectedVersion: conditional ? -2 : -1 } : kind === 'delete' ? { expectedVersion: conditional ? -2 : -1 } : {},
      output: null,
    };
    planned.push({ op, pointMs: callMs + intInRange(rng, 0, durationMs * 8) / 8, takesEffect: !neverReturns || intInRange(rng, 0, 1) === 1, lagMs: intInRange(rng, 0, 30) });
  }
  return planned;
}

/**
 * Runs the plan in effect order. Writes and sync-then-reads act at their point; a plain read is
 * answered from a replica that lags by `lagMs` but never behind what its client already saw (or
 * wrote). A conditional write (-2 in the plan) expects the version its client last saw.
 */
function executePlan(planned: Planned[], shape: BenchHistoryShape): void {
  const versions = new Map<string, { pointMs: number; state: ZnodeState }[]>();
  const seen = new Map<string, number>();
  for (const item of [...planned].sort((a, b) => a.pointMs - b.pointMs || a.op.id - b.op.id)) {
    const op = item.op;
    const history = versions.get(op.path) ?? [{ pointMs: Number.NEGATIVE_INFINITY, state: ABSENT_ZNODE }];
    versions.set(op.path, history);
    const seenKey = `${op.client} ${op.path}`;
    const seenIndex = seen.get(seenKey) ?? 0;
    if (op.input.expectedVersion === -2) op.input = { ...op.input, expectedVersion: history[seenIndex]!.state.exists ? history[seenIndex]!.state.version : 0 };
    const current = history[history.length - 1]!.state;
    if (op.kind === 'read') {
      const index = Math.max(seenIndex, lastIndexAtOrBefore(history, item.pointMs - item.lagMs));
      op.output = readOutput(history[index]!.state);
      seen.set(seenKey, index);
      continue;
    }
    if (!Number.isFinite(op.returnMs)) {
      if (item.takesEffect) appendIfChanged(history, item.pointMs, current, stepZnode(current, op).newState);
      continue;
    }
    const { output, state } = execute(current, op);
    op.output = output;
    appendIfChanged(history, item.pointMs, current, state);
    seen.set(seenKey, history.length - 1);
  }
  if (planned.length !== shape.opCount) throw new Error('bench plan lost ops');
}

function appendIfChanged(history: { pointMs: number; state: ZnodeState }[], pointMs: number, before: ZnodeState, after: ZnodeState): void {
  if (after !== before) history.push({ pointMs, state: after });
}

function lastIndexAtOrBefore(history: readonly { pointMs: number }[], pointMs: number): number {
  let index = history.length - 1;
  while (index > 0 && history[index]!.pointMs > pointMs) index--;
  return index;
}

function readOutput(state: ZnodeState): OpOutput {
  return state.exists ? { err: 'OK', data: state.data, version: state.version } : { err: 'NONODE' };
}

/** The model's answer to a write or sync-then-read in `state`, and the state after it. */
function execute(state: ZnodeState, op: HistoryOp): { output: OpOutput; state: ZnodeState } {
  if (op.kind === 'sync-then-read') return { output: readOutput(state), state };
  for (const err of ['OK', 'NONODE', 'NODEEXISTS', 'BADVERSION']) {
    const result = stepZnode(state, { ...op, output: { err } });
    if (!result.ok) continue;
    const output: OpOutput = err === 'OK' && op.kind === 'setData' ? { err, version: result.newState.version } : { err };
    return { output, state: result.newState };
  }
  throw new Error(`bench: no legal outcome for op ${op.id}`);
}
