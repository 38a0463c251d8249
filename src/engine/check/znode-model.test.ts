// The one-znode specification, answer by answer (facts 4.6, 4.7).
import { describe, expect, test } from 'vitest';
import type { ModelOp } from './znode-model';
import { ABSENT_ZNODE, mayChangeState, stepZnode, type ZnodeState } from './znode-model';

const node = (data: string | null, version: number): ZnodeState => ({ exists: true, data, version });
const create = (data: string, err: string | null): ModelOp => ({ kind: 'create', input: { data }, output: err === null ? null : { err } });
const setData = (data: string, expectedVersion: number, err: string | null, version?: number): ModelOp => ({
  kind: 'setData', input: { data, expectedVersion }, output: err === null ? null : { err, ...(version === undefined ? {} : { version }) },
});
const remove = (expectedVersion: number, err: string | null): ModelOp => ({ kind: 'delete', input: { expectedVersion }, output: err === null ? null : { err } });
const read = (err: string, data?: string | null, version?: number): ModelOp => ({
  kind: 'read', input: {}, output: { err, ...(data === undefined ? {} : { data }), ...(version === undefined ? {} : { version }) },
});

describe('znode model', () => {
  test('create: OK on an absent node, NODEEXISTS on a present one, NONODE (no parent) only when absent', () => {
    expect(stepZnode(ABSENT_ZNODE, create('a', 'OK'))).toEqual({ ok: true, newState: node('a', 0) });
    expect(stepZnode(node('a', 0), create('b', 'OK')).ok).toBe(false);
    expect(stepZnode(node('a', 3), create('b', 'NODEEXISTS'))).toEqual({ ok: true, newState: node('a', 3) });
    expect(stepZnode(ABSENT_ZNODE, create('b', 'NODEEXISTS')).ok).toBe(false);
    expect(stepZnode(ABSENT_ZNODE, create('b', 'NONODE'))).toEqual({ ok: true, newState: ABSENT_ZNODE });
    expect(stepZnode(node('a', 0), create('b', 'NONODE')).ok).toBe(false);
  });

  test('setData: version -1 = any; a version mismatch is BADVERSION; the reply carries the new version', () => {
    expect(stepZnode(node('a', 0), setData('b', -1, 'OK', 1))).toEqual({ ok: true, newState: node('b', 1) });
    expect(stepZnode(node('a', 0), setData('b', 0, 'OK'))).toEqual({ ok: true, newState: node('b', 1) });
    expect(stepZnode(node('a', 0), setData('b', 0, 'OK', 7)).ok).toBe(false);
    expect(stepZnode(node('a', 1), setData('b', 0, 'OK')).ok).toBe(false);
    expect(stepZnode(node('a', 1), setData('b', 0, 'BADVERSION'))).toEqual({ ok: true, newState: node('a', 1) });
    expect(stepZnode(node('a', 1), setData('b', 1, 'BADVERSION')).ok).toBe(false);
    expect(stepZnode(node('a', 1), setData('b', -1, 'BADVERSION')).ok).toBe(false);
    expect(stepZnode(ABSENT_ZNODE, setData('b', 0, 'NONODE')).ok).toBe(true);
    expect(stepZnode(ABSENT_ZNODE, setData('b', 0, 'BADVERSION')).ok).toBe(false);
  });

  test('delete: NONODE before BADVERSION; version before NOTEMPTY', () => {
    expect(stepZnode(node('a', 2), remove(2, 'OK'))).toEqual({ ok: true, newState: ABSENT_ZNODE });
    expect(stepZnode(node('a', 2), remove(1, 'BADVERSION')).ok).toBe(true);
    expect(stepZnode(ABSENT_ZNODE, remove(1, 'BADVERSION')).ok).toBe(false);
    expect(stepZnode(ABSENT_ZNODE, remove(1, 'NONODE')).ok).toBe(true);
    expect(stepZnode(node('a', 2), remove(-1, 'NOTEMPTY'))).toEqual({ ok: true, newState: node('a', 2) });
    expect(stepZnode(node('a', 2), remove(1, 'NOTEMPTY')).ok).toBe(false);
  });

  test('reads: NONODE iff absent; data and version when recorded', () => {
    expect(stepZnode(ABSENT_ZNODE, read('NONODE')).ok).toBe(true);
    expect(stepZnode(node('a', 0), read('NONODE')).ok).toBe(false);
    expect(stepZnode(node('a', 4), read('OK', 'a', 4)).ok).toBe(true);
    expect(stepZnode(node('a', 4), read('OK', 'a', 3)).ok).toBe(false);
    expect(stepZnode(node('a', 4), read('OK', 'b')).ok).toBe(false);
    expect(stepZnode(node(null, 0), read('OK', null)).ok).toBe(true);
    expect(stepZnode(node('a', 4), read('OK')).ok).toBe(true);
    expect(stepZnode(ABSENT_ZNODE, read('OK')).ok).toBe(false);
  });

  test('an unknown outcome takes effect exactly when the write would succeed', () => {
    expect(stepZnode(ABSENT_ZNODE, create('a', null))).toEqual({ ok: true, newState: node('a', 0) });
    expect(stepZnode(node('x', 5), create('a', null))).toEqual({ ok: true, newState: node('x', 5) });
    expect(stepZnode(node('x', 5), setData('a', 4, null))).toEqual({ ok: true, newState: node('x', 5) });
    expect(stepZnode(node('x', 5), setData('a', 5, null))).toEqual({ ok: true, newState: node('a', 6) });
    expect(stepZnode(node('x', 5), remove(-1, null))).toEqual({ ok: true, newState: ABSENT_ZNODE });
  });

  test('version wraps past Integer.MAX_VALUE but never to -1 (ZOOKEEPER-4743)', () => {
    expect(stepZnode(node('a', 2147483647), setData('b', -1, 'OK')).newState.version).toBe(-2147483648);
    expect(stepZnode(node('a', -2), setData('b', -1, 'OK')).newState.version).toBe(0);
  });

  test('only successful or unknown writes may change the node', () => {
    expect(mayChangeState(create('a', 'OK'))).toBe(true);
    expect(mayChangeState(create('a', null))).toBe(true);
    expect(mayChangeState(create('a', 'NODEEXISTS'))).toBe(false);
    expect(mayChangeState(read('OK', 'a'))).toBe(false);
  });
});
