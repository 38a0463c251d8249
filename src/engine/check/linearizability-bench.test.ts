// The bench history: deterministic from its seed, and it checks (a failing check would time nothing useful).
import { describe, expect, test } from 'vitest';
import { BENCH_SHAPE_10K, buildBenchHistory, linearizability10kMs } from './linearizability-bench';
import { checkLinearizable } from './linearizability';

describe('linearizability bench', () => {
  test('the same seed gives the same history; another seed another', () => {
    const shape = { opCount: 2000, clientCount: 8, pathCount: 20 };
    expect(buildBenchHistory(5, shape)).toEqual(buildBenchHistory(5, shape));
    expect(buildBenchHistory(6, shape)).not.toEqual(buildBenchHistory(5, shape));
  });

  test('the history has stale reads, losing conditional writes and ops that never return, and checks', () => {
    const history = buildBenchHistory(1);
    expect(history).toHaveLength(BENCH_SHAPE_10K.opCount);
    expect(new Set(history.map((op) => op.path)).size).toBe(BENCH_SHAPE_10K.pathCount);
    expect(history.some((op) => op.output?.err === 'BADVERSION')).toBe(true);
    expect(history.some((op) => op.output === null)).toBe(true);
    expect(checkLinearizable(history)).toMatchObject({ ok: true, paths: 20 });
    // Without the plain reads' freedom to be stale, some read is caught: the history does exercise it.
    const readsAsSynced = history.map((op) => (op.kind === 'read' ? { ...op, kind: 'sync-then-read' as const } : op));
    expect(checkLinearizable(readsAsSynced).ok).toBe(false);
  });

  test('reports the time by the clock it is given', () => {
    let nowMs = 0;
    expect(linearizability10kMs(() => (nowMs += 7))).toBe(7);
  });
});
