// What ../shared/tools/realzk/ensemble-test.sh shows of a real ZooKeeper 3.8 ensemble (three
// servers on loopback, measured here on 2026-11-25): s3 is elected first (equal zxids: highest
// myid); a write through follower s1 takes 0x100000002 (createSession took 0x100000001); after
// SIGKILL of s3, s2 leads after 0.55 s and the epoch moves to 2 (reads answer 0x2000000xx). The
// simulator must do the same, with timings of the same order.
import { describe, expect, it } from 'vitest';
import { parseRunJson } from '../src/engine/scenario/run-input';
import { createWorld } from '../src/engine/world';
import type { TraceRecord } from '../src/engine/sim/trace';

describe('like real ZooKeeper 3.8 (ensemble-test.sh)', () => {
  it('elects s3, then s2 well under a second after s3 is killed; the write survives in epoch 2', () => {
    const input = parseRunJson({
      version: 1, seed: 1, ensemble: { servers: 3, tickMs: 2000, syncLimit: 5, latencyMsMin: 1, latencyMsMax: 5 },
      clients: { c1: { server: 1, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'create', path: '/before-failover', data: 'v1' },
        { client: 'c1', op: 'setData', path: '/before-failover', data: 'v2', version: 0 },
        { fault: 'crash', server: 3 },
        { await: 'serving' },
        { client: 'c1', op: 'getData', path: '/before-failover' },
      ],
    });
    const world = createWorld(input.scenario, input.inputs);
    const records: TraceRecord[] = [];
    for (let guard = 0; guard < 1_000_000 && !world.scriptDone(); guard++) {
      if (!world.stepEvent()) break;
      records.push(...world.drain());
    }
    const leaders = records.filter((record) => record.type === 'role' && record.role === 'LEADING');
    expect(leaders.map((record) => (record.type === 'role' ? record.server : 0))).toEqual([3, 2]);
    const crashAt = records.find((record) => record.type === 'fault')!.t;
    const newLeaderServing = records.find((record) => record.type === 'op' && record.outcome.op.op === 'getData')!;
    expect(leaders[1]!.t - crashAt).toBeLessThan(1000);
    const ops = records.flatMap((record) => (record.type === 'op' ? [record.outcome] : []));
    expect(ops.find((outcome) => outcome.op.op === 'create')!.zxid).toBe(0x100000002);
    const read = ops.find((outcome) => outcome.op.op === 'getData')!;
    expect((read.result as { data: string }).data).toBe('v2');
    expect(Math.floor(read.zxid! / 2 ** 32)).toBe(2);
    expect(newLeaderServing.t - crashAt).toBeLessThan(2000);
  });
});
