// The lock recipe as a state machine (Curator LockInternals), input by input.
import { describe, expect, it } from 'vitest';
import { createLockState, stepLock } from './lock';
import { fakeContext } from './fake-context';
import { guid, sortedBySequence, sequenceOf, findProtected } from './common';
import { createRng } from '../sim/rng';

const config = { id: 'L1', recipe: 'lock', client: 'c1', path: '/locks/job', holdMs: 500, rounds: 1 };

describe('common', () => {
  it('orders by the sequence suffix, not by the protected prefix', () => {
    const children = ['_c_ffff-lock-0000000002', '_c_0000-lock-0000000010', 'other', '_c_aaaa-lock-0000000001'];
    expect(sortedBySequence(children, 'lock-')).toEqual(['_c_aaaa-lock-0000000001', '_c_ffff-lock-0000000002', '_c_0000-lock-0000000010']);
    expect(sequenceOf('x-0000000042')).toBe(42);
    expect(sequenceOf('ready')).toBe(-1);
  });

  it('makes UUID-shaped guids from the seeded stream, the same for the same seed', () => {
    const first = guid(createRng(1, 'client:c1'));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guid(createRng(1, 'client:c1'))).toBe(first);
    expect(findProtected(['a', `_c_${first}-lock-0000000003`], `_c_${first}-`)).toBe(`_c_${first}-lock-0000000003`);
  });
});

describe('lock state machine', () => {
  it('creates a protected EPHEMERAL_SEQUENTIAL node, then lists children without a watch', () => {
    const state = createLockState(config);
    const ctx = fakeContext('L1');
    stepLock(state, { type: 'start' }, ctx);
    expect(ctx.ops[0]).toMatchObject({ op: 'create', mode: 'EPHEMERAL_SEQUENTIAL' });
    expect(String(ctx.ops[0]!.path)).toMatch(/^\/locks\/job\/_c_[0-9a-f-]{36}-lock-$/);
    const name = `${String(ctx.ops[0]!.path).slice('/locks/job/'.length)}0000000003`;
    stepLock(state, { type: 'reply', op: 'create', path: '', err: 'OK', result: { path: `/locks/job/${name}` } }, ctx);
    expect(ctx.ops[1]).toEqual({ op: 'getChildren', path: '/locks/job' });
  });

  it('watches only its predecessor, with getData, and re-checks when it goes', () => {
    const state = createLockState(config);
    const ctx = fakeContext('L1');
    stepLock(state, { type: 'start' }, ctx);
    const ours = `${String(ctx.ops[0]!.path).slice('/locks/job/'.length)}0000000003`;
    stepLock(state, { type: 'reply', op: 'create', path: '', err: 'OK', result: { path: `/locks/job/${ours}` } }, ctx);
    stepLock(state, { type: 'reply', op: 'getChildren', path: '', err: 'OK', result: { children: ['_c_x-lock-0000000001', ours, '_c_y-lock-0000000002'] } }, ctx);
    expect(ctx.ops[2]).toEqual({ op: 'getData', path: '/locks/job/_c_y-lock-0000000002', watch: true });
    expect(ctx.events).toEqual([{ name: 'waiting', fields: { node: ours, watching: '_c_y-lock-0000000002', ahead: 2 } }]);
    stepLock(state, { type: 'reply', op: 'getData', path: '', err: 'OK', result: { data: '' } }, ctx);
    stepLock(state, { type: 'watch', event: 'NodeDeleted', path: '/locks/job/_c_x-lock-0000000001' }, ctx);
    expect(ctx.ops).toHaveLength(3);
    stepLock(state, { type: 'watch', event: 'NodeDeleted', path: '/locks/job/_c_y-lock-0000000002' }, ctx);
    expect(ctx.ops[3]).toEqual({ op: 'getChildren', path: '/locks/job' });
    stepLock(state, { type: 'reply', op: 'getChildren', path: '', err: 'OK', result: { children: [ours] } }, ctx);
    expect(state.holds).toBe(true);
    expect(ctx.timers.hold).toBe(500);
  });

  it('after a lost create reply, finds its node by the protected name instead of creating another', () => {
    const state = createLockState(config);
    const ctx = fakeContext('L1');
    stepLock(state, { type: 'start' }, ctx);
    const prefix = String(ctx.ops[0]!.path).slice('/locks/job/'.length);
    stepLock(state, { type: 'reply', op: 'create', path: '', err: 'CONNECTIONLOSS', result: null }, ctx);
    expect(ctx.ops[1]).toEqual({ op: 'getChildren', path: '/locks/job' });
    stepLock(state, { type: 'reply', op: 'getChildren', path: '', err: 'OK', result: { children: [`${prefix}0000000000`] } }, ctx);
    expect(ctx.ops).toHaveLength(2);
    expect(state.holds).toBe(true);
    expect(state.node).toBe(`${prefix}0000000000`);
  });

  it('deletes its own stray node (a lost create that landed after all) before going on', () => {
    const state = createLockState(config);
    const ctx = fakeContext('L1');
    stepLock(state, { type: 'start' }, ctx);
    const prefix = String(ctx.ops[0]!.path).slice('/locks/job/'.length);
    stepLock(state, { type: 'reply', op: 'create', path: '', err: 'OK', result: { path: `/locks/job/${prefix}0000000002` } }, ctx);
    stepLock(state, { type: 'reply', op: 'getChildren', path: '', err: 'OK', result: { children: [`${prefix}0000000001`, `${prefix}0000000002`] } }, ctx);
    expect(ctx.ops[2]).toEqual({ op: 'delete', path: `/locks/job/${prefix}0000000001`, version: -1 });
    expect(state.holds).toBe(false);
  });

  it('on session expiry it reports the lost lock and starts over on the new session', () => {
    const state = createLockState(config);
    const ctx = fakeContext('L1');
    stepLock(state, { type: 'start' }, ctx);
    const prefix = String(ctx.ops[0]!.path).slice('/locks/job/'.length);
    stepLock(state, { type: 'reply', op: 'create', path: '', err: 'OK', result: { path: `/locks/job/${prefix}0000000000` } }, ctx);
    stepLock(state, { type: 'reply', op: 'getChildren', path: '', err: 'OK', result: { children: [`${prefix}0000000000`] } }, ctx);
    stepLock(state, { type: 'session', status: 'EXPIRED' }, ctx);
    expect(state.holds).toBe(false);
    expect(ctx.events.map((event) => event.name)).toEqual(['acquired', 'lost']);
    stepLock(state, { type: 'session', status: 'CONNECTED' }, ctx);
    expect(ctx.ops[ctx.ops.length - 1]).toMatchObject({ op: 'create', mode: 'EPHEMERAL_SEQUENTIAL' });
  });
});
