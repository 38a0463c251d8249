// The history view's layout: a row per client, bars from call to return wide enough for their
// label, linearization points inside their bars, the offending window around its ops.
import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../../../engine/check/history';
import { layoutHistory, opLabel, ROW_PX, TOP_PX } from './history-layout';

const op = (id: number, client: string, callMs: number, returnMs: number, kind: HistoryOp['kind'], err: string | null, data?: string): HistoryOp => ({
  id, client, callMs, returnMs, path: '/a', kind, input: kind === 'create' ? { data: 'x' } : {},
  output: err === null ? null : { err, ...(data === undefined ? {} : { data }) },
});

describe('history layout', () => {
  const ops = [op(0, 'c3', 247, 270, 'create', 'OK'), op(1, 'c1', 45_270, 45_331, 'sync-then-read', 'NONODE'), op(2, 'c1', 46_000, Number.POSITIVE_INFINITY, 'setData', null)];

  it('one row per client (sorted), each bar on its client\'s row, from its call to its return', () => {
    const layout = layoutHistory(ops, {}, [], null);
    expect(layout.clients).toEqual(['c1', 'c3']);
    expect(layout.bars.map((bar) => bar.y)).toEqual([TOP_PX + ROW_PX, TOP_PX, TOP_PX]);
    for (const bar of layout.bars) expect(bar.x1).toBeGreaterThan(bar.x0);
    // Order in time is kept even though time is not to scale: later calls lie further right.
    expect(layout.bars[1]!.x0).toBeGreaterThan(layout.bars[0]!.x1 - 1);
    expect(layout.bars[2]!.pending).toBe(true);
  });

  it('a bar is wide enough for its label', () => {
    const layout = layoutHistory(ops, {}, [], null);
    for (const bar of layout.bars.filter((item) => !item.pending)) expect(bar.x1 - bar.x0).toBeGreaterThanOrEqual(opLabel(bar.op).length * 6.2);
    expect(opLabel(ops[1]!)).toBe('sync-then-read /a → NONODE'.replace('sync-then-read', 'sync+read'));
  });

  it('points lie within their bars; the offending window covers the offending ops', () => {
    const points = layoutHistory(ops, { 0: 250 }, [], null);
    const bar = points.bars[0]!;
    expect(bar.pointX).not.toBeNull();
    expect(bar.pointX!).toBeGreaterThanOrEqual(bar.x0);
    expect(bar.pointX!).toBeLessThanOrEqual(bar.x1);
    const bad = layoutHistory(ops, {}, [0, 1], { fromMs: 247, toMs: 45_331 });
    expect(bad.bars.filter((item) => item.offending).map((item) => item.op.id)).toEqual([0, 1]);
    expect(bad.window!.x0).toBeLessThanOrEqual(bad.bars[0]!.x0);
    expect(bad.window!.x1).toBeGreaterThanOrEqual(bad.bars[1]!.x0);
  });
});
