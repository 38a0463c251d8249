// A second search for the 'linearizable' check, breadth-first along real time (just-in-time
// linearization, after Lowe): it keeps every configuration (model state, which of the ops in
// flight are already placed) at the current moment and, at each return, keeps those in which
// the returning op can be placed. It never backtracks into the past, so a violation deep in a
// long history with many concurrent writers costs no more than a success; the depth-first search
// (linearizability.ts) is faster on histories that check, and this one runs when that search hits
// its step bound. Its report is the exact return at which no configuration survives.
import type { HistoryOp } from './history';
import type { PathVerdict } from './linearizability';
import { mayChangeState, stepZnode, type ZnodeState } from './znode-model';

interface Configuration {
  state: ZnodeState;
  /** Op indices placed among those in flight, ascending. */
  placed: number[];
}

const keyOf = (state: ZnodeState, placed: readonly number[]): string =>
  `${state.exists ? `+${state.version}|${state.data === null ? '' : `"${state.data}`}` : '-'}#${placed.join(',')}`;

/** Sweeps one path's writes and sync-then-reads in time order; 'unknown' past `stepsMax` steps. */
export function sweepLinearizable(path: string, ops: readonly HistoryOp[], initial: ZnodeState, stepsMax: number): PathVerdict {
  const kept = ops.filter((op) => op.kind !== 'read' && (Number.isFinite(op.returnMs) || mayChangeState(op)));
  const events: [number, number, number][] = [];
  kept.forEach((op, index) => {
    events.push([op.callMs, 0, index]);
    if (Number.isFinite(op.returnMs)) events.push([op.returnMs, 1, index]);
  });
  // Calls before returns at the same time: ops that touch in time are concurrent.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const open: number[] = [];
  let configurations: Configuration[] = [{ state: initial, placed: [] }];
  const counter = { steps: 0 };
  for (const [, type, index] of events) {
    if (type === 0) {
      open.push(index);
      continue;
    }
    const next = closeOp(kept, open, configurations, index, counter, stepsMax);
    if (next === null) return { ok: 'unknown', check: 'linearizable', path, steps: counter.steps };
    if (next.length === 0) return violation(path, kept, open, index, counter.steps);
    configurations = next;
    open.splice(open.indexOf(index), 1);
  }
  return { ok: true, steps: counter.steps };
}

/** The configurations after `closing` returns (it is placed in each); null past the step bound. */
function closeOp(kept: readonly HistoryOp[], open: readonly number[], configurations: readonly Configuration[], closing: number, counter: { steps: number }, stepsMax: number): Configuration[] | null {
  const results = new DominanceSet(kept);
  const visited = new DominanceSet(kept);
  const keep = (state: ZnodeState, placed: readonly number[]): void => {
    results.add({ state, placed: placed.filter((index) => index !== closing) });
  };
  const explore = (state: ZnodeState, placedIn: readonly number[]): boolean => {
    const placed = placeNonChanging(kept, open, state, placedIn, closing);
    if (placed.includes(closing)) {
      keep(state, placed);
      return true;
    }
    if (!visited.add({ state, placed })) return true;
    for (const candidate of open) {
      if (placed.includes(candidate)) continue;
      if (candidate !== closing && !mayChangeState(kept[candidate]!)) continue;
      if (++counter.steps > stepsMax) return false;
      const result = stepZnode(state, kept[candidate]!);
      if (!result.ok) continue;
      const after = [...placed, candidate].sort((a, b) => a - b);
      if (candidate === closing) keep(result.newState, after);
      else if (!explore(result.newState, after)) return false;
    }
    return true;
  };
  for (const configuration of configurations) {
    if (!explore(configuration.state, configuration.placed)) return null;
  }
  return results.values();
}

/**
 * Configurations without the dominated ones: of two with the same state and the same placed
 * completed ops, the one that also placed more never-returning ops can do nothing the other
 * cannot (those ops may still be placed later), so it is dropped. Without this, every op that
 * never returns would double the configurations.
 */
class DominanceSet {
  private readonly groups = new Map<string, Configuration[]>();

  constructor(private readonly kept: readonly HistoryOp[]) {}

  /** Adds the configuration; false (and nothing changes) when one already there dominates it. */
  add(configuration: Configuration): boolean {
    const pendingOf = (placed: readonly number[]) => placed.filter((index) => !Number.isFinite(this.kept[index]!.returnMs));
    const completed = configuration.placed.filter((index) => Number.isFinite(this.kept[index]!.returnMs));
    const key = keyOf(configuration.state, completed);
    const group = this.groups.get(key) ?? [];
    const pending = pendingOf(configuration.placed);
    if (group.some((other) => isSubset(pendingOf(other.placed), pending))) return false;
    const survivors = group.filter((other) => !isSubset(pending, pendingOf(other.placed)));
    survivors.push(configuration);
    this.groups.set(key, survivors);
    return true;
  }

  values(): Configuration[] {
    return [...this.groups.values()].flat();
  }
}

function isSubset(small: readonly number[], large: readonly number[]): boolean {
  return small.every((index) => large.includes(index));
}

/** Places every open op that changes nothing and is legal in `state` (it loses nothing, see linearizability.ts). */
function placeNonChanging(kept: readonly HistoryOp[], open: readonly number[], state: ZnodeState, placed: readonly number[], closing: number): number[] {
  let result: number[] | null = null;
  for (const index of open) {
    if (mayChangeState(kept[index]!) || placed.includes(index)) continue;
    if (!stepZnode(state, kept[index]!).ok) continue;
    result ??= [...placed];
    result.push(index);
    if (index === closing) break;
  }
  return result === null ? [...placed] : result.sort((a, b) => a - b);
}

function violation(path: string, kept: readonly HistoryOp[], open: readonly number[], closing: number, steps: number): PathVerdict {
  const involved = open.filter((index) => Number.isFinite(kept[index]!.returnMs) || index === closing).map((index) => kept[index]!);
  const fromMs = Math.min(...involved.map((op) => op.callMs));
  return { ok: false, check: 'linearizable', path, windowMs: { fromMs, toMs: kept[closing]!.returnMs }, ops: involved.map((op) => op.id).sort((a, b) => a - b), steps };
}
