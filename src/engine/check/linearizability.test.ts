// The linearizability checker against a brute-force one (every order that respects real time and
// client order, for tiny histories), on thousands of random histories from model executions and
// their mutations; and the classic examples by hand (facts 4.9: writes linearizable, plain reads
// only sequentially consistent, a stale read is fine, a lost acknowledged write is not).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { HistoryOp, OpKind, OpOutput } from './history';
import { checkLinearizable, createIncrementalChecker, partitionByPath, searchPath, type CheckMode } from './linearizability';
import { sweepLinearizable } from './linearizability-sweep';
import { ABSENT_ZNODE, mayChangeState, stepZnode, type ZnodeState } from './znode-model';

const INF = Number.POSITIVE_INFINITY;

// ---------------------------------------------------------------------------------------------
// The brute-force reference: try every order, no memo, no shortcuts.

function precedes(a: HistoryOp, b: HistoryOp, mode: CheckMode): boolean {
  if (!Number.isFinite(a.returnMs)) return false;
  // Real time binds writes and sync-then-reads both ways, plain reads only towards later writes.
  if (b.kind !== 'read' && a.returnMs < b.callMs) return true;
  return mode === 'ordered-sequential' && a.client === b.client && (a.callMs < b.callMs || (a.callMs === b.callMs && a.id < b.id));
}

function bruteForcePath(ops: readonly HistoryOp[], mode: CheckMode, initial: ZnodeState = ABSENT_ZNODE): boolean {
  const kept = ops.filter((op) => (mode === 'ordered-sequential' || op.kind !== 'read') && (Number.isFinite(op.returnMs) || mayChangeState(op)));
  const placed = kept.map(() => false);
  const completedCount = kept.filter((op) => Number.isFinite(op.returnMs)).length;
  const search = (state: ZnodeState, left: number): boolean => {
    if (left === 0) return true;
    for (let index = 0; index < kept.length; index++) {
      if (placed[index]) continue;
      const op = kept[index]!;
      if (kept.some((other, otherIndex) => !placed[otherIndex] && otherIndex !== index && precedes(other, op, mode))) continue;
      const result = stepZnode(state, op);
      if (!result.ok) continue;
      placed[index] = true;
      const found = search(result.newState, left - (Number.isFinite(op.returnMs) ? 1 : 0));
      placed[index] = false;
      if (found) return true;
    }
    return false;
  };
  return search(initial, completedCount);
}

function bruteForce(history: readonly HistoryOp[]): boolean {
  return [...partitionByPath(history).values()].every((ops) => bruteForcePath(ops, 'linearizable') && bruteForcePath(ops, 'ordered-sequential'));
}

// ---------------------------------------------------------------------------------------------
// Random histories: a random model execution (each op takes effect at a random point of its
// interval; an op that never returns takes effect after its call, or not at all), then mutations.

const KINDS: OpKind[] = ['create', 'delete', 'setData', 'setData', 'read', 'read', 'sync-then-read'];
const VALUES = ['a', 'b', 'c'];

const planArbitrary = fc.array(
  fc.record({
    client: fc.nat(2), path: fc.nat(1), kind: fc.constantFrom(...KINDS), data: fc.constantFrom(...VALUES),
    expectedVersion: fc.constantFrom(-1, -1, 0, 1, 2), gapMs: fc.nat(6), durationMs: fc.nat(8),
    pending: fc.nat(7), pointPercent: fc.nat(100), pendingTakesEffect: fc.boolean(),
  }),
  { minLength: 1, maxLength: 7 },
);
type Plan = typeof planArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The output the model gives `op` in `state` (and the state after). */
function execute(state: ZnodeState, op: HistoryOp): { output: OpOutput; state: ZnodeState } {
  if (op.kind === 'read' || op.kind === 'sync-then-read') {
    return { output: state.exists ? { err: 'OK', data: state.data, version: state.version } : { err: 'NONODE' }, state };
  }
  for (const err of ['OK', 'NONODE', 'NODEEXISTS', 'BADVERSION']) {
    const output: OpOutput = { err };
    const result = stepZnode(state, { ...op, output });
    if (result.ok) return { output: err === 'OK' && op.kind === 'setData' ? { err, version: result.newState.version } : output, state: result.newState };
  }
  throw new Error('no legal outcome');
}

/** A history from a plan: every op's output comes from one execution, so it is linearizable. */
function historyFromPlan(plan: Plan): HistoryOp[] {
  const clock = [0, 0, 0];
  const points: { op: HistoryOp; pointMs: number; takesEffect: boolean }[] = [];
  plan.forEach((step, id) => {
    const callMs = clock[step.client]! + step.gapMs;
    const pending = step.pending === 0 && step.kind !== 'read' && step.kind !== 'sync-then-read';
    clock[step.client] = callMs + step.durationMs;
    const op: HistoryOp = {
      id, client: `c${step.client}`, callMs, returnMs: pending ? INF : callMs + step.durationMs, path: `/p${step.path}`, kind: step.kind,
      input: step.kind === 'delete' ? { expectedVersion: step.expectedVersion } : step.kind === 'setData' ? { data: step.data, expectedVersion: step.expectedVersion } : step.kind === 'create' ? { data: step.data } : {},
      output: null,
    };
    points.push({ op, pointMs: callMs + (step.durationMs * step.pointPercent) / 100, takesEffect: !pending || step.pendingTakesEffect });
  });
  const states = new Map<string, ZnodeState>();
  for (const point of [...points].sort((a, b) => a.pointMs - b.pointMs || a.op.id - b.op.id)) {
    const before = states.get(point.op.path) ?? ABSENT_ZNODE;
    if (!Number.isFinite(point.op.returnMs)) {
      if (point.takesEffect) states.set(point.op.path, stepZnode(before, point.op).newState);
      continue;
    }
    const result = execute(before, point.op);
    point.op.output = result.output;
    states.set(point.op.path, result.state);
  }
  return points.map((point) => point.op);
}

const mutationArbitrary = fc.array(
  fc.record({ target: fc.nat(6), how: fc.constantFrom('data', 'err', 'kind', 'version', 'time', 'writeErr', 'client', 'pending'), value: fc.nat(3) }),
  { maxLength: 2 },
);
type Mutation = { target: number; how: string; value: number };

/** Changes one op of the history (a copy) so that it may or may not stay linearizable. */
function mutate(history: HistoryOp[], mutation: Mutation): HistoryOp[] {
  const copy = history.map((op) => ({ ...op }));
  const op = copy[mutation.target % copy.length]!;
  const output = op.output;
  switch (mutation.how) {
    case 'data': if (output !== null && output.err === 'OK' && (op.kind === 'read' || op.kind === 'sync-then-read')) op.output = { ...output, data: [...VALUES, 'never'][mutation.value]! }; break;
    case 'err': if (op.kind === 'read' || op.kind === 'sync-then-read') op.output = output?.err === 'OK' ? { err: 'NONODE' } : { err: 'OK', data: VALUES[mutation.value % 3]! }; break;
    case 'kind': if (op.kind === 'read' || op.kind === 'sync-then-read') op.kind = op.kind === 'read' ? 'sync-then-read' : 'read'; break;
    case 'version': if (output !== null && output.version !== undefined) op.output = { ...output, version: output.version + 1 }; break;
    case 'time': op.callMs += mutation.value * 3; op.returnMs = Math.max(op.returnMs, op.callMs); break;
    case 'writeErr': if (output !== null && op.kind !== 'read' && op.kind !== 'sync-then-read') op.output = { err: ['OK', 'NONODE', 'NODEEXISTS', 'BADVERSION'][mutation.value]! }; break;
    case 'client': op.client = `c${mutation.value % 3}`; break;
    case 'pending': if (op.kind !== 'read' && op.kind !== 'sync-then-read') { op.returnMs = INF; op.output = null; } break;
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------

let ids = 0;
function op(client: string, kind: OpKind, callMs: number, returnMs: number, fields: Partial<HistoryOp> = {}): HistoryOp {
  return { id: ids++, client, callMs, returnMs, path: '/x', kind, input: {}, output: { err: 'OK' }, ...fields };
}
const created = (data: string) => ({ input: { data }, output: { err: 'OK' } });
const wrote = (data: string, version?: number, expectedVersion = -1) => ({ input: { data, expectedVersion }, output: { err: 'OK', ...(version === undefined ? {} : { version }) } });
const saw = (data: string | null) => ({ output: data === null ? { err: 'NONODE' } : { err: 'OK', data } });

describe('checker agrees with brute force', () => {
  test('random model executions are accepted by both', () => {
    fc.assert(fc.property(planArbitrary, (plan) => {
      const history = historyFromPlan(plan);
      expect(bruteForce(history)).toBe(true);
      expect(checkLinearizable(history).ok).toBe(true);
    }), { numRuns: 1500, seed: 42 });
  });

  test('mutated executions: same verdict for each path and check', () => {
    let violations = 0;
    fc.assert(fc.property(planArbitrary, mutationArbitrary, (plan, mutations) => {
      const history = mutations.reduce(mutate, historyFromPlan(plan));
      for (const [path, ops] of partitionByPath(history)) {
        for (const mode of ['linearizable', 'ordered-sequential'] as const) {
          const fast = searchPath(path, ops, mode, ABSENT_ZNODE, 1_000_000);
          const expected = bruteForcePath(ops, mode);
          expect(fast.ok === true, `${mode} ${JSON.stringify(ops)}`).toBe(expected);
          if (mode === 'linearizable') expect(sweepLinearizable(path, ops, ABSENT_ZNODE, 1_000_000).ok === true, `sweep ${JSON.stringify(ops)}`).toBe(expected);
        }
      }
      const verdict = checkLinearizable(history);
      expect(verdict.ok === true).toBe(bruteForce(history));
      if (verdict.ok === false) {
        violations++;
        expect(verdict.ops.length).toBeGreaterThan(0);
        expect(verdict.windowMs.fromMs).toBeLessThanOrEqual(verdict.windowMs.toMs);
        const onPath = new Set(history.filter((item) => item.path === verdict.path).map((item) => item.id));
        for (const id of verdict.ops) expect(onPath.has(id)).toBe(true);
      }
    }), { numRuns: 4000, seed: 7 });
    expect(violations).toBeGreaterThan(200);
  });

  test('a read of a value nobody wrote is always caught', () => {
    fc.assert(fc.property(planArbitrary, fc.nat(), fc.boolean(), (plan, pick, synced) => {
      const history = historyFromPlan(plan);
      const last = Math.max(0, ...history.map((item) => (Number.isFinite(item.returnMs) ? item.returnMs : item.callMs)));
      history.push({ id: 100, client: `c${pick % 3}`, callMs: (pick % (last + 2)), returnMs: last + 5, path: '/p0', kind: synced ? 'sync-then-read' : 'read', input: {}, output: { err: 'OK', data: 'never' } });
      expect(checkLinearizable(history).ok).toBe(false);
    }), { numRuns: 500, seed: 3 });
  });

  test('after an acknowledged create, a sync-then-read must see it; a plain read of another client may not; of the writer must', () => {
    fc.assert(fc.property(planArbitrary.map((plan) => plan.map((step) => ({ ...step, pending: 1 }))), (plan) => {
      const history = historyFromPlan(plan);
      const endMs = Math.max(0, ...history.map((item) => item.returnMs)) + 1;
      const tail = (reader: string, kind: OpKind): HistoryOp[] => [
        { id: 100, client: 'c0', callMs: endMs, returnMs: endMs + 1, path: '/p0', kind: 'delete', input: { expectedVersion: -1 }, output: null },
        { id: 101, client: 'c0', callMs: endMs + 2, returnMs: endMs + 3, path: '/p0', kind: 'create', input: { data: 'fresh' }, output: { err: 'OK' } },
        { id: 102, client: reader, callMs: endMs + 4, returnMs: endMs + 5, path: '/p0', kind, input: {}, output: { err: 'NONODE' } },
      ];
      // The delete's outcome: whatever the execution's final state gives (it then surely leaves /p0 absent).
      const withTail = (reader: string, kind: OpKind) => {
        const ops = [...history, ...tail(reader, kind)];
        const finalState = finalStateOf(history, '/p0');
        ops[history.length]!.output = finalState.exists ? { err: 'OK' } : { err: 'NONODE' };
        return ops;
      };
      const lost = checkLinearizable(withTail('c1', 'sync-then-read'));
      expect(lost.ok).toBe(false);
      if (lost.ok === false) expect(lost.check).toBe('linearizable');
      expect(checkLinearizable(withTail('c0', 'read')).ok).toBe(false);
      const stale = withTail('c1', 'read');
      expect(checkLinearizable(stale).ok).toBe(bruteForce(stale));
    }), { numRuns: 500, seed: 11 });
  });
});

/** A final state of the path's writes under some linearization (the brute-force search's first). */
function finalStateOf(history: readonly HistoryOp[], path: string): ZnodeState {
  const ops = history.filter((item) => item.path === path && item.kind !== 'read');
  let found: ZnodeState = ABSENT_ZNODE;
  const placed = ops.map(() => false);
  const search = (state: ZnodeState, left: number): boolean => {
    if (left === 0) { found = state; return true; }
    for (let index = 0; index < ops.length; index++) {
      if (placed[index] || ops.some((other, otherIndex) => !placed[otherIndex] && otherIndex !== index && precedes(other, ops[index]!, 'linearizable'))) continue;
      const result = stepZnode(state, ops[index]!);
      if (!result.ok) continue;
      placed[index] = true;
      const done = search(result.newState, left - 1);
      placed[index] = false;
      if (done) return true;
    }
    return false;
  };
  search(ABSENT_ZNODE, ops.length);
  return found;
}

describe('classic examples', () => {
  test('one client, in order: create, setData, read', () => {
    const history = [
      op('a', 'create', 0, 1, created('v0')),
      op('a', 'setData', 2, 3, wrote('v1', 1)),
      op('a', 'read', 4, 5, { output: { err: 'OK', data: 'v1', version: 1 } }),
    ];
    expect(checkLinearizable(history)).toMatchObject({ ok: true, paths: 1 });
  });

  test('concurrent writes may land in either order, but a reader cannot see both orders (Herlihy & Wing)', () => {
    const base = [op('a', 'create', 0, 1, created('v0')), op('a', 'setData', 10, 20, wrote('1')), op('b', 'setData', 15, 25, wrote('2'))];
    expect(checkLinearizable([...base, op('c', 'sync-then-read', 22, 30, saw('2')), op('c', 'sync-then-read', 31, 40, saw('2'))]).ok).toBe(true);
    expect(checkLinearizable([...base, op('c', 'sync-then-read', 22, 30, saw('1')), op('c', 'sync-then-read', 31, 40, saw('2'))]).ok).toBe(true);
    const result = checkLinearizable([...base, op('c', 'sync-then-read', 22, 30, saw('2')), op('c', 'sync-then-read', 31, 40, saw('1'))]);
    expect(result).toMatchObject({ ok: false, check: 'linearizable', path: '/x' });
  });

  test('a lost acknowledged write is a violation, with its window and ops', () => {
    const create = op('a', 'create', 0, 10, created('v'));
    const read = op('b', 'sync-then-read', 20, 30, saw(null));
    expect(checkLinearizable([create, read])).toEqual({ ok: false, check: 'linearizable', path: '/x', windowMs: { fromMs: 0, toMs: 30 }, ops: [create.id, read.id], steps: 1 });
  });

  test('a stale plain read of another client is fine; of the writer itself it is not (read-your-writes)', () => {
    const create = op('a', 'create', 0, 10, created('v'));
    expect(checkLinearizable([create, op('b', 'read', 20, 30, saw(null))]).ok).toBe(true);
    const result = checkLinearizable([create, op('a', 'read', 20, 30, saw(null))]);
    expect(result).toMatchObject({ ok: false, check: 'ordered-sequential' });
  });

  test('a client never reads back in time: v2 then v1 is caught, v1 then v2 is a stale read', () => {
    const writes = [op('a', 'create', 0, 1, created('v1')), op('a', 'setData', 2, 3, wrote('v2'))];
    expect(checkLinearizable([...writes, op('b', 'read', 10, 11, saw('v1')), op('b', 'read', 12, 13, saw('v2'))]).ok).toBe(true);
    expect(checkLinearizable([...writes, op('b', 'read', 10, 11, saw('v2')), op('b', 'read', 12, 13, saw('v1'))])).toMatchObject({ ok: false, check: 'ordered-sequential' });
  });

  test('a plain read cannot see a write called after it returned', () => {
    const history = [op('a', 'read', 0, 5, saw('v')), op('b', 'create', 10, 20, created('v'))];
    expect(checkLinearizable(history)).toMatchObject({ ok: false, check: 'ordered-sequential' });
    expect(checkLinearizable([op('a', 'read', 0, 12, saw('v')), op('b', 'create', 10, 20, created('v'))]).ok).toBe(true);
  });

  test('two readers disagreeing on the order of writes are caught even if each is only stale', () => {
    const writes = [op('a', 'create', 0, 1, created('v0')), op('a', 'setData', 2, 3, wrote('v1')), op('b', 'setData', 4, 5, wrote('v2'))];
    const history = [...writes, op('c', 'read', 6, 7, saw('v2')), op('c', 'read', 8, 9, saw('v1'))];
    expect(checkLinearizable(history).ok).toBe(false);
  });

  test('a write that never returned may take effect late, or never, but cannot be undone', () => {
    const pending = op('a', 'create', 0, INF, { input: { data: 'v' }, output: null });
    expect(checkLinearizable([pending, op('b', 'sync-then-read', 50, 60, saw(null))]).ok).toBe(true);
    expect(checkLinearizable([pending, op('b', 'sync-then-read', 50, 60, saw('v'))]).ok).toBe(true);
    expect(checkLinearizable([pending, op('b', 'sync-then-read', 50, 60, saw('v')), op('b', 'sync-then-read', 70, 80, saw(null))]).ok).toBe(false);
  });

  test('conditional setData: only one of two writers with the same expected version succeeds', () => {
    const base = [op('a', 'create', 0, 1, created('v0'))];
    const both = [...base, op('a', 'setData', 10, 20, wrote('x', 1, 0)), op('b', 'setData', 10, 20, wrote('y', 1, 0))];
    expect(checkLinearizable(both).ok).toBe(false);
    const oneLoses = [...base, op('a', 'setData', 10, 20, wrote('x', 1, 0)), op('b', 'setData', 10, 20, { input: { data: 'y', expectedVersion: 0 }, output: { err: 'BADVERSION' } })];
    expect(checkLinearizable(oneLoses).ok).toBe(true);
  });

  test('paths are independent: a violation is reported on its own path', () => {
    const history = [op('a', 'create', 0, 1, created('v')), op('b', 'create', 0, 1, { ...created('w'), path: '/y' }), op('b', 'sync-then-read', 5, 6, { ...saw('zz'), path: '/y' })];
    expect(checkLinearizable(history)).toMatchObject({ ok: false, path: '/y' });
  });

  test('the step bound gives unknown, never a guess', () => {
    const writes = Array.from({ length: 12 }, (_, index) => op(`c${index}`, 'setData', 10, 100, wrote(`v${index}`)));
    const history = [op('a', 'create', 0, 1, created('v')), ...writes, op('r', 'sync-then-read', 200, 210, saw('nobody'))];
    expect(checkLinearizable(history, { stepsMaxPerPath: 50 })).toMatchObject({ ok: 'unknown', path: '/x', check: 'linearizable' });
    expect(checkLinearizable(history)).toMatchObject({ ok: false });
  });

  test('the breadth-first sweep reports the return at which no configuration survives', () => {
    const create = op('a', 'create', 0, 10, created('v'));
    const pending = op('c', 'setData', 1, INF, { input: { data: 'w', expectedVersion: -1 }, output: null });
    const read = op('b', 'sync-then-read', 20, 30, saw(null));
    expect(sweepLinearizable('/x', [create, pending, read], ABSENT_ZNODE, 1000)).toEqual({ ok: false, check: 'linearizable', path: '/x', windowMs: { fromMs: 20, toMs: 30 }, ops: [read.id], steps: expect.any(Number) });
    expect(sweepLinearizable('/x', [create, pending, op('b', 'sync-then-read', 20, 30, saw('w'))], ABSENT_ZNODE, 1000).ok).toBe(true);
  });

  test('checkReads: false leaves plain reads unchecked', () => {
    const history = [op('a', 'create', 0, 10, created('v')), op('a', 'read', 20, 30, saw(null))];
    expect(checkLinearizable(history, { checkReads: false }).ok).toBe(true);
  });

  test('initial states: a history that starts mid-run', () => {
    const history = [op('a', 'sync-then-read', 0, 1, { output: { err: 'OK', data: 'old', version: 4 } })];
    expect(checkLinearizable(history).ok).toBe(false);
    expect(checkLinearizable(history, { initialStates: { '/x': { exists: true, data: 'old', version: 4 } } }).ok).toBe(true);
  });
});

describe('incremental checker', () => {
  test('re-checks only changed paths and agrees with the batch checker', () => {
    const checker = createIncrementalChecker();
    const create = op('a', 'create', 0, INF, { input: { data: 'v' }, output: null });
    checker.record(create);
    checker.record(op('b', 'create', 0, 1, { ...created('w'), path: '/y' }));
    expect(checker.check()).toMatchObject({ ok: true, paths: 2 });
    const again = checker.check();
    expect(again).toMatchObject({ ok: true, steps: 0 });
    checker.record({ ...create, returnMs: 5, output: { err: 'NODEEXISTS' } });
    expect(checker.check().ok).toBe(false);
    checker.record({ ...create, returnMs: 5, output: { err: 'OK' } });
    expect(checker.check().ok).toBe(true);
  });

  test('a violation stays without a new search while the history only grows after it', () => {
    const checker = createIncrementalChecker();
    checker.record(op('a', 'create', 0, 10, created('v')));
    checker.record(op('b', 'sync-then-read', 20, 30, saw(null)));
    expect(checker.check()).toMatchObject({ ok: false, steps: 1 });
    checker.record(op('c', 'sync-then-read', 40, 50, saw(null)));
    expect(checker.check()).toMatchObject({ ok: false, steps: 1 });
    // A write concurrent with the read could explain it: searched again, and now fine.
    checker.record(op('d', 'delete', 25, 26, { input: { expectedVersion: -1 }, output: { err: 'OK' } }));
    expect(checker.check().ok).toBe(true);
  });
});
