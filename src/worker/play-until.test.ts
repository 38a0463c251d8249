// A walkthrough plays to a checkpoint and must stop exactly there, not a frame's worth past it.
import { describe, expect, it } from 'vitest';
import { createWorkerHandler } from './handler';
import { WORKER_PROTOCOL_VERSION, type Batch, type WorkerReply } from './protocol';

const batchOf = (replies: WorkerReply[]): Batch => {
  const reply = replies[0]!;
  if (reply.type !== 'batch') throw new Error('expected a batch');
  return reply;
};

describe('play until', () => {
  it('pauses exactly at untilMs, and a later plain play goes on', () => {
    let now = 0;
    const handler = createWorkerHandler(() => now);
    handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'default' } });
    handler.handle({ type: 'play', speed: 1, untilMs: 250 });
    now += 200;
    expect(batchOf(handler.handle({ type: 'frame' })).view.timeMs).toBe(200);
    now += 200;
    const arrived = batchOf(handler.handle({ type: 'frame' }));
    expect(arrived.view.timeMs).toBe(250);
    expect(arrived.playing).toBe(false);
    now += 200;
    expect(batchOf(handler.handle({ type: 'frame' })).view.timeMs).toBe(250);
    handler.handle({ type: 'play', speed: 1 });
    now += 1000;
    expect(batchOf(handler.handle({ type: 'frame' })).view.timeMs).toBe(1250);
  });

  it('a pause in between forgets the stop', () => {
    let now = 0;
    const handler = createWorkerHandler(() => now);
    handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'default' } });
    handler.handle({ type: 'play', speed: 1, untilMs: 100 });
    handler.handle({ type: 'pause' });
    handler.handle({ type: 'play', speed: 1 });
    now += 500;
    expect(batchOf(handler.handle({ type: 'frame' })).view.timeMs).toBe(500);
  });
});
