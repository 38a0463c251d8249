// The per-server tree: the worker sends one server's own tree only after the UI asks, and stops
// when told; a server that missed writes while down shows a lower lastZxid and fewer nodes.
import { describe, expect, it } from 'vitest';
import { createWorkerHandler } from './handler';
import { WORKER_PROTOCOL_VERSION, type Batch, type WorkerReply } from './protocol';

function only(replies: WorkerReply[]): Batch {
  const reply = replies[0]!;
  if (replies.length !== 1 || reply.type !== 'batch') throw new Error(`expected one batch, got ${JSON.stringify(replies)}`);
  return reply;
}

const SCENARIO = {
  version: 1, title: 'lagging replica', seed: 5, ensemble: { servers: 3 },
  clients: { c1: { server: 2, connectAtStart: false } },
  steps: [
    { await: 'serving' }, { sleep: 500 }, { fault: 'crash', server: 1 },
    { client: 'c1', op: 'create', path: '/while-1-was-down', data: 'x' }, { sleep: 500 },
  ],
};

describe('per-server tree requests', () => {
  it('sends nothing by default, one server\'s tree on request, and nothing again after null', () => {
    const handler = createWorkerHandler(() => 0);
    const loaded = only(handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'json', json: SCENARIO }, atMs: 5000 }));
    expect(loaded.serverTree).toBeUndefined();
    expect(loaded.view.znodes.some((node) => node.path === '/while-1-was-down')).toBe(true);

    const downTree = only(handler.handle({ type: 'tree', server: 1 })).serverTree!;
    expect(downTree).toMatchObject({ server: 1, alive: false, znodes: null });

    handler.handle({ type: 'act', action: { kind: 'fault', fault: 'restart', server: 1 } });
    const justRestarted = only(handler.handle({ type: 'frame' })).serverTree!;
    const leader = loaded.view.servers.find((server) => server.role === 'LEADING')!;
    expect(justRestarted.alive).toBe(true);
    expect(justRestarted.lastZxid).toBeLessThan(leader.lastZxid);
    expect(justRestarted.znodes!.some((node) => node.path === '/while-1-was-down')).toBe(false);

    handler.handle({ type: 'seek', timeMs: 9000 });
    const caughtUp = only(handler.handle({ type: 'frame' })).serverTree!;
    expect(caughtUp.znodes!.some((node) => node.path === '/while-1-was-down')).toBe(true);

    expect(only(handler.handle({ type: 'tree', server: null })).serverTree).toBeUndefined();
  });
});
