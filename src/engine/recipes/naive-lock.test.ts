// The interview notes' lock as a state machine: its CONNECTIONLOSS race, input by input.
import { describe, expect, it } from 'vitest';
import { naiveLockRecipe, stepNaiveLock } from './naive-lock';
import { fakeContext } from './fake-context';

describe('naive lock', () => {
  it('a create whose reply was lost but which landed leaves it waiting on its own node', () => {
    const state = naiveLockRecipe.create({ id: 'N1', recipe: 'naive-lock', client: 'c1', path: '/naive/lock', holdMs: 500 });
    const ctx = fakeContext('N1');
    stepNaiveLock(state, { type: 'start' }, ctx);
    expect(ctx.ops[0]).toEqual({ op: 'create', path: '/naive/lock', mode: 'EPHEMERAL', data: 'N1' });
    // The node was created, the reply lost with the connection.
    stepNaiveLock(state, { type: 'reply', op: 'create', path: '/naive/lock', err: 'CONNECTIONLOSS', result: null }, ctx);
    stepNaiveLock(state, { type: 'timer', name: 'retry' }, ctx);
    stepNaiveLock(state, { type: 'reply', op: 'create', path: '/naive/lock', err: 'NODEEXISTS', result: null }, ctx);
    expect(ctx.ops[2]).toEqual({ op: 'exists', path: '/naive/lock', watch: true });
    stepNaiveLock(state, { type: 'reply', op: 'exists', path: '/naive/lock', err: 'OK', result: { exists: true } }, ctx);
    // It owns the lock node, so nobody else can take the lock, and it does not know: a deadlock
    // until its session ends. The recipe lock avoids this with protected (guid) names.
    expect(state.phase).toBe('waiting');
    expect(state.holds).toBe(false);
    expect(ctx.events.map((event) => event.name)).toEqual(['waiting']);
  });

  it('every waiter retries on NodeDeleted (the herd)', () => {
    const state = naiveLockRecipe.create({ id: 'N2', recipe: 'naive-lock', client: 'c2', path: '/naive/lock' });
    const ctx = fakeContext('N2');
    stepNaiveLock(state, { type: 'start' }, ctx);
    stepNaiveLock(state, { type: 'reply', op: 'create', path: '/naive/lock', err: 'NODEEXISTS', result: null }, ctx);
    stepNaiveLock(state, { type: 'reply', op: 'exists', path: '/naive/lock', err: 'OK', result: { exists: true } }, ctx);
    stepNaiveLock(state, { type: 'watch', event: 'NodeDeleted', path: '/naive/lock' }, ctx);
    expect(ctx.ops[ctx.ops.length - 1]).toMatchObject({ op: 'create', path: '/naive/lock' });
    expect(state.wakeups).toBe(1);
  });
});
