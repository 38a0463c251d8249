// The message inspector's payload comes on demand: the worker sends one message in full only
// after the UI asks, says when it is no longer in flight, and stops when told.
import { describe, expect, it } from 'vitest';
import { createWorkerHandler } from './handler';
import { WORKER_PROTOCOL_VERSION, type Batch, type WorkerReply } from './protocol';

function only(replies: WorkerReply[]): Batch {
  const reply = replies[0]!;
  if (replies.length !== 1 || reply.type !== 'batch') throw new Error(`expected one batch, got ${JSON.stringify(replies)}`);
  return reply;
}

const SCENARIO = { version: 1, title: 'election', seed: 1, ensemble: { servers: 3 }, steps: [{ await: 'serving' }, { sleep: 500 }] };

describe('message requests', () => {
  it('sends nothing by default, the asked message in full, null once delivered, nothing after null', () => {
    const handler = createWorkerHandler(() => 0);
    const loaded = only(handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'json', json: SCENARIO }, atMs: 1 }));
    expect(loaded.message).toBeUndefined();
    const notification = loaded.view.messages.find((message) => message.label === 'NOTIFICATION')!;

    const asked = only(handler.handle({ type: 'message', id: notification.id })).message!;
    expect(asked.id).toBe(notification.id);
    expect(asked.detail).toMatchObject({ from: notification.from, to: notification.to, label: 'NOTIFICATION', sendTimeMs: notification.sendTimeMs });
    expect(asked.detail!.fields.map((entry) => entry.name)).toEqual(expect.arrayContaining(['state', 'leader', 'zxid', 'electionEpoch', 'peerEpoch']));
    expect(asked.detail!.vote).not.toBeNull();
    expect(structuredClone(asked)).toEqual(asked);

    const delivered = only(handler.handle({ type: 'seek', timeMs: notification.deliverTimeMs + 1 })).message!;
    expect(delivered).toEqual({ id: notification.id, detail: null });

    expect(only(handler.handle({ type: 'message', id: null })).message).toBeUndefined();

    // A new run forgets the request (its message ids start again).
    handler.handle({ type: 'message', id: notification.id });
    const reloaded = only(handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'json', json: SCENARIO }, atMs: 1 }));
    expect(reloaded.message).toBeUndefined();
  });
});
