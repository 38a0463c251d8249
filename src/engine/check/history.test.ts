// Building a history from call/return records: what is kept, merged, made pending or skipped.
import { describe, expect, test } from 'vitest';
import type { OpOutcome } from '../sim/trace';
import { buildHistory, pairCallsWithReturns, type CallReturnPair, type OpCallRecord, type OpReturnRecord } from './history';
import { checkLinearizable } from './linearizability';

let opIndex = 0;
function pair(client: string, callMs: number, op: Record<string, unknown> & { op: string }, returned: { t: number; err: string; result?: unknown } | null): CallReturnPair {
  const call: OpCallRecord = { type: 'op-call', t: callMs, client, opIndex: opIndex++, op };
  if (returned === null) return { call, return: null };
  const outcome: OpOutcome = { opIndex: call.opIndex, op, err: returned.err, zxid: 1, result: returned.result ?? null };
  return { call, return: { type: 'op', t: returned.t, client, outcome } };
}
const stat = (version: number) => ({ version });

describe('history builder', () => {
  test('pairs calls with the op records that completed them; an op with no record never returned', () => {
    const call = (client: string, index: number, t: number): OpCallRecord => ({ type: 'op-call', t, client, opIndex: index, op: { op: 'getData', path: '/a' } });
    const done = (client: string, index: number, t: number): OpReturnRecord => ({ type: 'op', t, client, outcome: { opIndex: index, op: { op: 'getData' }, err: 'NONODE', zxid: 0, result: null } });
    const pairs = pairCallsWithReturns([call('a', 0, 1), call('b', 1, 2), { type: 'commit' }, done('b', 1, 5), done('a', 0, 6), call('a', 2, 7)]);
    expect(pairs.map((item) => [item.call.opIndex, item.return?.t ?? null])).toEqual([[0, 6], [1, 5], [2, null]]);
  });

  test('writes and reads become history ops with their outputs', () => {
    const { ops, skipped } = buildHistory([
      pair('a', 0, { op: 'create', path: '/a', data: 'x' }, { t: 2, err: 'OK', result: { type: 'create', path: '/a' } }),
      pair('a', 3, { op: 'setData', path: '/a', data: 'y', version: 0 }, { t: 5, err: 'OK', result: { type: 'setData', stat: stat(1) } }),
      pair('b', 4, { op: 'getData', path: '/a' }, { t: 6, err: 'OK', result: { type: 'getData', data: 'y', stat: stat(1) } }),
      pair('b', 7, { op: 'exists', path: '/a' }, { t: 8, err: 'OK', result: { type: 'exists', stat: null } }),
      pair('b', 9, { op: 'delete', path: '/a', version: 3 }, { t: 10, err: 'BADVERSION' }),
    ]);
    expect(skipped).toEqual([]);
    expect(ops.map(({ kind, input, output, callMs, returnMs }) => ({ kind, input, output, callMs, returnMs }))).toEqual([
      { kind: 'create', input: { data: 'x' }, output: { err: 'OK' }, callMs: 0, returnMs: 2 },
      { kind: 'setData', input: { data: 'y', expectedVersion: 0 }, output: { err: 'OK', version: 1 }, callMs: 3, returnMs: 5 },
      { kind: 'read', input: {}, output: { err: 'OK', data: 'y', version: 1 }, callMs: 4, returnMs: 6 },
      { kind: 'read', input: {}, output: { err: 'NONODE' }, callMs: 7, returnMs: 8 },
      { kind: 'delete', input: { expectedVersion: 3 }, output: { err: 'BADVERSION' }, callMs: 9, returnMs: 10 },
    ]);
  });

  test('an unknown outcome (connection loss, no reply) makes a write pending and drops a read', () => {
    const { ops } = buildHistory([
      pair('a', 0, { op: 'setData', path: '/a', data: 'y' }, { t: 9, err: 'CONNECTIONLOSS' }),
      pair('a', 1, { op: 'delete', path: '/a' }, null),
      pair('a', 2, { op: 'getData', path: '/a' }, { t: 9, err: 'CONNECTIONLOSS' }),
      pair('a', 3, { op: 'create', path: '/a', data: 'z' }, { t: 4, err: 'CLIENT_REJECTED' }),
    ]);
    expect(ops.map(({ kind, returnMs, output }) => ({ kind, returnMs, output }))).toEqual([
      { kind: 'setData', returnMs: Number.POSITIVE_INFINITY, output: null },
      { kind: 'delete', returnMs: Number.POSITIVE_INFINITY, output: null },
    ]);
  });

  test('a sync and the same client\'s next read become one sync-then-read from the sync\'s call', () => {
    const { ops } = buildHistory([
      pair('a', 0, { op: 'sync', path: '/' }, { t: 3, err: 'OK' }),
      pair('b', 1, { op: 'getData', path: '/a' }, { t: 2, err: 'NONODE' }),
      pair('a', 4, { op: 'getData', path: '/a' }, { t: 5, err: 'NONODE' }),
      pair('a', 6, { op: 'getData', path: '/a' }, { t: 7, err: 'NONODE' }),
    ]);
    expect(ops.map(({ client, kind, callMs }) => [client, kind, callMs])).toEqual([['b', 'read', 1], ['a', 'sync-then-read', 0], ['a', 'read', 6]]);
  });

  test('skips paths whose writes it cannot see: ephemerals, multi, an unknown sequential create', () => {
    const { ops, skipped } = buildHistory([
      pair('a', 0, { op: 'create', path: '/e', mode: 'EPHEMERAL' }, { t: 1, err: 'OK', result: { path: '/e' } }),
      pair('a', 2, { op: 'getData', path: '/e' }, { t: 3, err: 'OK', result: { data: null, stat: stat(0) } }),
      pair('a', 4, { op: 'multi', ops: [{ op: 'create', path: '/m' }] }, { t: 5, err: 'OK' }),
      pair('a', 6, { op: 'create', path: '/q/n-', mode: 'PERSISTENT_SEQUENTIAL' }, null),
      pair('b', 7, { op: 'getData', path: '/q/n-0000000000' }, { t: 8, err: 'OK', result: { data: null, stat: stat(0) } }),
      pair('b', 9, { op: 'create', path: '/q/n-', mode: 'PERSISTENT_SEQUENTIAL' }, { t: 10, err: 'OK', result: { path: '/q/n-0000000001' } }),
    ]);
    expect(skipped.map((item) => item.path)).toEqual(['/e', '/m', '/q/n-0000000000']);
    expect(ops.map((op) => [op.path, op.kind])).toEqual([['/q/n-0000000001', 'create']]);
  });

  test('end to end: a history from records checks', () => {
    const { ops } = buildHistory([
      pair('a', 0, { op: 'create', path: '/a', data: 'x' }, { t: 2, err: 'OK', result: { path: '/a' } }),
      pair('b', 3, { op: 'sync', path: '/' }, { t: 4, err: 'OK' }),
      pair('b', 4, { op: 'getData', path: '/a' }, { t: 5, err: 'NONODE' }),
    ]);
    expect(checkLinearizable(ops)).toMatchObject({ ok: false, check: 'linearizable', path: '/a' });
  });
});
