// The worker judges the run's client history live and sends the verdict in each batch: after
// playing forward, after a seek back (history up to the new time) and after a fork.
import { describe, expect, it } from 'vitest';
import { createWorkerHandler } from './handler';
import { BUG_LAB, DEMOS } from '../engine/scenario/demos';
import { WORKER_PROTOCOL_VERSION, type Batch, type WorkerReply } from './protocol';

function only(replies: WorkerReply[]): Batch {
  expect(replies).toHaveLength(1);
  const reply = replies[0]!;
  if (reply.type !== 'batch') throw new Error(`expected a batch, got ${JSON.stringify(reply)}`);
  return reply;
}

const lostWrite = BUG_LAB.find((demo) => demo.id === 'bug-commit-before-quorum')!;

describe('worker handler: live linearizability', () => {
  it('a lost acknowledged write turns the verdict non-linearizable; seeking back before the read clears it', () => {
    const handler = createWorkerHandler(() => 0);
    const loaded = only(handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'json', json: lostWrite.scenario } }));
    expect(loaded.correctness?.linearizability).toBeNull();
    const end = only(handler.handle({ type: 'seek', timeMs: 50_000 }));
    expect(end.correctness?.linearizability).toMatchObject({ ok: false, check: 'linearizable', path: '/acked' });
    // The picture has c3's acknowledged create and c1's sync-then-read that did not see it.
    const rows = end.history!.ops.map((op) => [op.client, op.kind, op.path, op.output?.err]);
    expect(rows).toEqual([['c3', 'create', '/acked', 'OK'], ['c1', 'sync-then-read', '/acked', 'NONODE']]);
    const back = only(handler.handle({ type: 'seek', timeMs: 20_000 }));
    expect(back.correctness?.linearizability).toMatchObject({ ok: true });
    expect(back.history!.ops.map((op) => op.client)).toEqual(['c3']);
    // Forward again: the same verdict, from the history rebuilt up to the new time.
    const again = only(handler.handle({ type: 'seek', timeMs: 50_000 }));
    expect(again.correctness?.linearizability).toMatchObject({ ok: false, path: '/acked' });
  });

  it('after a fork (an action in the past) the verdict is on the new run\'s history only', () => {
    const handler = createWorkerHandler(() => 0);
    handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'json', json: lostWrite.scenario } });
    expect(only(handler.handle({ type: 'seek', timeMs: 50_000 })).correctness?.linearizability?.ok).toBe(false);
    handler.handle({ type: 'seek', timeMs: 20_000 });
    const forked = only(handler.handle({ type: 'act', action: { kind: 'op', client: 'c1', op: 'getData', path: '/elsewhere' } }));
    expect(forked.headTimeMs).toBe(20_000);
    expect(forked.correctness?.linearizability).toMatchObject({ ok: true });
    const ops = forked.history!.ops.map((op) => [op.client, op.path]);
    expect(ops).toEqual([['c3', '/acked']]);
  });

  it('a correct run stays linearizable while it plays, and a console op enters the history', () => {
    const clock = { now: 0 };
    const handler = createWorkerHandler(() => clock.now);
    const demo = DEMOS.find((entry) => entry.id === 'stale-read-sync')!;
    only(handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'json', json: demo.scenario } }));
    handler.handle({ type: 'play', speed: 10 });
    let last: Batch | null = null;
    for (let frame = 0; frame < 200; frame++) {
      clock.now += 16;
      last = only(handler.handle({ type: 'frame' }));
      if (last.correctness?.linearizability !== null) expect(last.correctness?.linearizability?.ok).toBe(true);
    }
    expect(last!.correctness!.opCount).toBeGreaterThan(0);
    handler.handle({ type: 'pause' });
    const client = last!.view.clients[0]!.id;
    handler.handle({ type: 'act', action: { kind: 'op', client, op: 'create', path: '/from-console', data: 'typed' } });
    let seen = false;
    for (let step = 0; step < 400 && !seen; step++) {
      const batch = only(handler.handle({ type: 'step', granularity: 'event' }));
      seen = batch.history?.ops.some((op) => op.path === '/from-console' && op.output?.err === 'OK') ?? false;
      expect(batch.records.some((record) => record.type === 'op-call')).toBe(false);
    }
    expect(seen).toBe(true);
  });
});
