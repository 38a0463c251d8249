// Dynamic reconfiguration (facts 7.2; ZooKeeper's Reconfig guide, Leader, PrepRequestProcessor):
// spares join as non-voting followers, a reconfig adds or removes voters, proposals in between
// need both quorums, and the new membership is what counts afterwards.
import { describe, expect, it } from 'vitest';
import { runScenario } from './helpers/run-scenario';

import type { World } from '../src/engine/world';

function run(json: object) {
  return runScenario({ seed: 3, ...json });
}

const configOf = (world: World) => world.view().znodes.find((node) => node.path === '/zookeeper/config')!.data ?? '';

describe('reconfig', () => {
  it('is refused with RECONFIGDISABLED unless the ensemble enables it (ZooKeeper 3.5.3+ default)', () => {
    const { ops } = run({
      ensemble: { servers: 3, spares: 1 },
      clients: { admin: { server: 1, connectAtStart: false } },
      steps: [{ await: 'serving' }, { client: 'admin', op: 'reconfig', joining: [{ server: 4 }] }],
    });
    expect(ops.find((op) => op.op.op === 'reconfig')!.err).toBe('RECONFIGDISABLED');
  });

  it('adds two spares as voters: the ensemble then survives two of the old three crashing', () => {
    const { world, ops } = run({
      ensemble: { servers: 3, spares: 2, reconfigEnabled: true },
      clients: { admin: { server: 3, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { sleep: 1000 },
        { client: 'admin', op: 'reconfig', joining: [{ server: 4 }, { server: 5 }] },
        { sleep: 1000 },
        { fault: 'crash', server: 1 }, { fault: 'crash', server: 2 },
        { sleep: 3000 },
        { client: 'admin', op: 'create', path: '/after', data: 'with 3 of 5' },
      ],
    });
    expect(ops.find((op) => op.op.op === 'reconfig')!.err).toBe('OK');
    expect(configOf(world)).toMatch(/server\.4=s4:2888:3888:participant;2181/);
    expect(configOf(world)).toMatch(/server\.5=s5:2888:3888:participant;2181/);
    expect(ops.find((op) => op.op.path === '/after')!.err).toBe('OK');
    expect(world.view().znodes.some((node) => node.path === '/after')).toBe(true);
  });

  it('without the reconfig, the same crashes stop the ensemble (the spares do not vote)', () => {
    const { world } = run({
      ensemble: { servers: 3, spares: 2, reconfigEnabled: true },
      steps: [{ await: 'serving' }, { sleep: 1000 }, { fault: 'crash', server: 1 }, { fault: 'crash', server: 2 }, { sleep: 15_000 }],
    });
    expect(world.view().servers.some((server) => server.role === 'LEADING' && server.serving)).toBe(false);
  });

  it("answers a reconfig sent through an observer when the observer applies it (INFORMANDACTIVATE names the request's origin)", () => {
    const { ops } = run({
      ensemble: { servers: 3, observers: 1, spares: 1, reconfigEnabled: true },
      clients: { admin: { server: 4, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { sleep: 1000 },
        { client: 'admin', op: 'reconfig', joining: [{ server: 5 }] },
        { client: 'admin', op: 'create', path: '/after', data: 'x' },
      ],
    });
    const reconfig = ops.find((op) => op.op.op === 'reconfig')!;
    expect(reconfig.err).toBe('OK');
    expect(ops.find((op) => op.op.path === '/after')!.err).toBe('OK');
  });

  it('removing the leader hands leadership to a remaining voter', () => {
    const { world, ops } = run({
      ensemble: { servers: 5, reconfigEnabled: true },
      clients: { admin: { server: 1, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'admin', op: 'reconfig', leaving: [5] },
        { sleep: 3000 }, { await: 'serving' },
        { client: 'admin', op: 'create', path: '/after', data: 'x' },
      ],
    });
    expect(ops.find((op) => op.op.op === 'reconfig')!.err).toBe('OK');
    const leader = world.view().servers.find((server) => server.role === 'LEADING' && server.serving)!;
    expect(leader.id).not.toBe(5);
    expect(configOf(world)).not.toMatch(/server\.5=/);
    expect(ops.find((op) => op.op.path === '/after')!.err).toBe('OK');
  });

  it("checks in ZooKeeper's order: a stale fromConfig is BADVERSION; a new membership without a synced quorum is NEWCONFIGNOQUORUM", () => {
    const { ops } = run({
      ensemble: { servers: 3, spares: 2, reconfigEnabled: true },
      clients: { admin: { server: 3, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'admin', op: 'reconfig', joining: [{ server: 4 }], fromConfig: 12345 },
        { fault: 'crash', server: 4 }, { fault: 'crash', server: 5 }, { fault: 'crash', server: 1 },
        { sleep: 100 },
        { client: 'admin', op: 'reconfig', joining: [{ server: 4 }, { server: 5 }] },
      ],
    });
    const reconfigs = ops.filter((op) => op.op.op === 'reconfig').map((op) => op.err);
    expect(reconfigs).toEqual(['BADVERSION', 'NEWCONFIGNOQUORUM']);
  });
});
