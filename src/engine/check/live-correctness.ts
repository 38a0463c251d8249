// Correctness of a live run, judged on its client history as it grows: the linearizability
// verdict (fed op by op into the incremental checker) and the invariants that read the history
// (WatchFiresOnce, RepliesInOrder). The worker calls update() after each step of the run; a seek
// back or a fork gives a shorter history (or a new generation), and the checker starts over on
// the history up to where the run stands.
import type { HistoryLogView } from '../world/history-log';
import { buildHistory, ENSEMBLE_INITIAL_STATES, pairCallsWithReturns, type HistoryOp, type SkippedPath } from './history';
import { createIncrementalChecker, linearizationOf, partitionByPath, type IncrementalChecker, type LinearizabilityResult } from './linearizability';
import { checkRepliesInOrder, checkWatchFiresOnce, type TimedViolation } from './session-invariants';

export interface CorrectnessReport {
  /** Changes whenever the history's ops change (the history picture is resent then). */
  revision: number;
  /** Ops in the checked history. */
  opCount: number;
  /** The verdict on the history so far; null while it has no op. */
  linearizability: LinearizabilityResult | null;
  /** What the history-based invariants found (first of each kind first). */
  violations: TimedViolation[];
}

/** What the history view draws: the ops, where each took effect, what was left out. */
export interface HistoryPicture {
  revision: number;
  ops: HistoryOp[];
  /** Op id -> the simulated ms of its linearization point (writes and sync-then-reads of paths
   * that are linearizable). */
  points: Record<number, number>;
  skipped: SkippedPath[];
  /** Ops left out of the picture (the oldest ones) when the history is too long to draw. */
  omitted: number;
}

export interface LiveCorrectness {
  update(history: HistoryLogView): CorrectnessReport;
  /** The picture of the history at the last update (ops capped at `opsMax`, the newest kept). */
  picture(opsMax: number): HistoryPicture;
}

export function createLiveCorrectness(): LiveCorrectness {
  let generation = -1;
  let length = -1;
  const options = { initialStates: ENSEMBLE_INITIAL_STATES };
  let checker: IncrementalChecker = createIncrementalChecker(options);
  let fed = new Map<number, string>();
  let built: { ops: HistoryOp[]; skipped: SkippedPath[] } = { ops: [], skipped: [] };
  let report: CorrectnessReport = { revision: 0, opCount: 0, linearizability: null, violations: [] };

  const restart = (): void => {
    checker = createIncrementalChecker(options);
    fed = new Map();
  };

  return {
    update(history) {
      if (history.generation === generation && history.length === length) return report;
      if (history.generation !== generation || history.length < length) restart();
      generation = history.generation;
      length = history.length;
      const records = history.records.slice(0, history.length);
      built = buildHistory(pairCallsWithReturns(records));
      const ids = new Set(built.ops.map((op) => op.id));
      // An op that left the history (its path turned out unverifiable) cannot be taken back
      // from the checker: start it over.
      for (const id of fed.keys()) {
        if (!ids.has(id)) {
          restart();
          break;
        }
      }
      let changed = false;
      for (const op of built.ops) {
        const key = JSON.stringify([op.path, op.kind, op.callMs, op.returnMs, op.input, op.output]);
        if (fed.get(op.id) === key) continue;
        fed.set(op.id, key);
        checker.record(op);
        changed = true;
      }
      const violations = [...checkWatchFiresOnce(records), ...checkRepliesInOrder(records)].sort((a, b) => a.timeMs - b.timeMs);
      report = {
        revision: changed || built.ops.length !== report.opCount ? report.revision + 1 : report.revision,
        opCount: built.ops.length,
        linearizability: built.ops.length === 0 ? null : checker.check(),
        violations,
      };
      return report;
    },
    picture(opsMax) {
      const points: Record<number, number> = {};
      const bad = report.linearizability !== null && report.linearizability.ok !== true ? report.linearizability.path : null;
      for (const [path, ops] of partitionByPath(built.ops)) {
        if (path === bad) continue;
        const order = linearizationOf(ops, ENSEMBLE_INITIAL_STATES[path]);
        if (order === null) continue;
        Object.assign(points, pointsOf(order, ops));
      }
      const sorted = [...built.ops].sort((a, b) => a.callMs - b.callMs || a.id - b.id);
      const kept = sorted.slice(Math.max(0, sorted.length - opsMax));
      return { revision: report.revision, ops: kept, points, skipped: built.skipped, omitted: sorted.length - kept.length };
    },
  };
}

/**
 * Times for a linearization: each op's point is the latest of its call and the point before it.
 * That is never after its return: an op placed after one called later than it returned would
 * break real-time order, which the order respects.
 */
function pointsOf(order: readonly number[], ops: readonly HistoryOp[]): Record<number, number> {
  const byId = new Map(ops.map((op) => [op.id, op]));
  const points: Record<number, number> = {};
  let previous = Number.NEGATIVE_INFINITY;
  for (const id of order) {
    const op = byId.get(id)!;
    if (op.kind === 'read') continue;
    previous = Math.max(previous, op.callMs);
    points[id] = previous;
  }
  return points;
}
