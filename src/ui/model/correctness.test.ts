// The invariant panel's rows: each named invariant holds or is broken at the current time; a
// violation met later in the run (after a seek back) is remembered for the timeline.
import { describe, expect, it } from 'vitest';
import { INVARIANTS } from '../../engine/check/catalog';
import type { CorrectnessReport } from '../../engine/check/live-correctness';
import { currentViolations, invariantRows, nextViolationMarks } from './correctness';

const lost: CorrectnessReport = {
  revision: 3, opCount: 2, violations: [{ name: 'RepliesInOrder', timeMs: 900, message: 'RepliesInOrder (a): x' }],
  linearizability: { ok: false, check: 'linearizable', path: '/acked', windowMs: { fromMs: 247, toMs: 45_331 }, ops: [0, 6], steps: 1 },
};

describe('invariant rows', () => {
  it('names each violation by its invariant, earliest first, with the linearizability window end as its time', () => {
    const now = currentViolations({ checked: 10, violations: [
      { name: 'zab', timeMs: 10_479, event: 115, message: 'PrefixConsistency (server 2): committed 0x1 missing' },
      { name: 'zab', timeMs: 10_468, event: 112, message: 'CommittedNeverLost (server 2): lacks 0x1' },
      { name: 'zab', timeMs: 10_500, event: 118, message: 'CommittedNeverLost (server 3): lacks 0x1' },
    ] }, lost);
    expect(now.map((mark) => [mark.name, mark.timeMs, mark.event])).toEqual([
      ['RepliesInOrder', 900, null], ['CommittedNeverLost', 10_468, 112], ['PrefixConsistency', 10_479, 115], ['Linearizability', 45_331, null],
    ]);
    const rows = invariantRows(now, now, lost);
    expect(rows).toHaveLength(INVARIANTS.length);
    expect(rows.filter((row) => row.status === 'broken').map((row) => row.entry.name).sort()).toEqual(['CommittedNeverLost', 'Linearizability', 'PrefixConsistency', 'RepliesInOrder']);
    expect(rows.find((row) => row.entry.name === 'Leadership')).toMatchObject({ status: 'holds', now: null, later: null });
    for (const row of rows) expect(row.entry.source.length).toBeGreaterThan(10);
  });

  it('after a seek back the invariant holds again, and the violation ahead is remembered', () => {
    const later = currentViolations({ checked: 1, violations: [{ name: 'zab', timeMs: 10_468, event: 112, message: 'CommittedNeverLost (server 2): lacks 0x1' }] }, null);
    const seen = nextViolationMarks([], later, false);
    const back = currentViolations({ checked: 1, violations: [] }, null);
    const kept = nextViolationMarks(seen, back, false);
    expect(kept).toBe(seen);
    const row = invariantRows(back, kept, null).find((item) => item.entry.name === 'CommittedNeverLost')!;
    expect(row).toMatchObject({ status: 'holds', now: null, later: { timeMs: 10_468 } });
    // A new run (or a fork) forgets it.
    expect(nextViolationMarks(kept, back, true)).toEqual([]);
  });

  it('a search that gave up is undecided, not broken', () => {
    const rows = invariantRows([], [], { revision: 1, opCount: 9, violations: [], linearizability: { ok: 'unknown', check: 'linearizable', path: '/hot', steps: 9 } });
    expect(rows.find((row) => row.entry.name === 'Linearizability')!.status).toBe('undecided');
  });
});
