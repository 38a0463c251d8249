import { describe, expect, it } from 'vitest';
import { createWorkerHandler } from './handler';
import { createWorld } from '../engine/world';
import { heartbeatProtocol } from '../engine/demo/heartbeat';
import type { ServerProtocol } from '../engine/sim/actor';
import { WORKER_PROTOCOL_VERSION, type Batch, type WorkerReply } from './protocol';

function fakeClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

function only(replies: WorkerReply[]): Batch {
  expect(replies).toHaveLength(1);
  const reply = replies[0]!;
  if (reply.type !== 'batch') throw new Error(`expected a batch, got ${JSON.stringify(reply)}`);
  return reply;
}

describe('worker handler', () => {
  it('loads the default run and advances the clock only while playing, one batch per frame', () => {
    const clock = fakeClock();
    const handler = createWorkerHandler(clock.now);
    const loaded = only(handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'default' } }));
    expect(loaded.loaded).toEqual({ ok: true });
    expect(loaded.view.servers).toHaveLength(5);
    clock.advance(100);
    expect(only(handler.handle({ type: 'frame' })).view.timeMs).toBe(0);
    handler.handle({ type: 'play', speed: 2 });
    clock.advance(16);
    const frame = only(handler.handle({ type: 'frame' }));
    expect(frame.view.timeMs).toBe(32);
    expect(frame.playing).toBe(true);
    handler.handle({ type: 'pause' });
    clock.advance(1000);
    expect(only(handler.handle({ type: 'frame' })).view.timeMs).toBe(32);
  });

  it('a bad fragment opens the default scenario and says why', () => {
    const handler = createWorkerHandler(() => 0);
    const loaded = only(handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'fragment', fragment: '#s=1.@@@' } }));
    expect(loaded.loaded?.ok).toBe(false);
    expect(loaded.loaded?.error).toMatch(/base64url/);
    expect(loaded.view.servers).toHaveLength(5);
  });

  it('actions enter the share fragment, which replays the same run', () => {
    const clock = fakeClock();
    const handler = createWorkerHandler(clock.now);
    handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'default' } });
    handler.handle({ type: 'seek', timeMs: 1500 });
    const acted = only(handler.handle({ type: 'act', action: { kind: 'fault', fault: 'crash', server: 3 } }));
    const atCrash = only(handler.handle({ type: 'seek', timeMs: 4000, requestId: 7 }));
    expect(atCrash.seekDone).toBe(7);
    const replay = createWorkerHandler(() => 0);
    const replayed = only(replay.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'fragment', fragment: acted.shareFragment! }, atMs: 4000 }));
    expect(replayed.view).toEqual(atCrash.view);
    expect(replayed.view.servers[2]!.alive).toBe(false);
  });

  it('sends the share fragment with the first batch and when it changes, not with every batch', () => {
    const handler = createWorkerHandler(() => 0);
    const first = only(handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'default' } }));
    expect(first.shareFragment).toMatch(/^#s=1\./);
    const unchanged = only(handler.handle({ type: 'seek', timeMs: 1500 }));
    expect(unchanged.shareFragment).toBeUndefined();
    const acted = only(handler.handle({ type: 'act', action: { kind: 'fault', fault: 'crash', server: 3 } }));
    expect(acted.shareFragment).toMatch(/^#s=1\./);
    expect(acted.shareFragment).not.toBe(first.shareFragment);
    expect(only(handler.handle({ type: 'seek', timeMs: 2500 })).shareFragment).toBeUndefined();
    // A new load starts over: its first batch carries the fragment again, even the same one.
    expect(only(handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'default' } })).shareFragment).toBe(first.shareFragment);
  });

  it('steps one event at a time, and seeks back', () => {
    const handler = createWorkerHandler(() => 0);
    handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'default' } });
    const first = only(handler.handle({ type: 'step', granularity: 'event' }));
    expect(first.records.length).toBeGreaterThan(0);
    // A jump into a stretch never run reports its landmarks (the timeline needs the election)
    // but not its messages; a jump back reports nothing.
    const ahead = only(handler.handle({ type: 'seek', timeMs: 10_000 }));
    expect(ahead.records.some((record) => record.type === 'role' && record.role === 'LEADING')).toBe(true);
    expect(ahead.records.some((record) => record.type === 'send' || record.type === 'deliver')).toBe(false);
    const back = only(handler.handle({ type: 'seek', timeMs: 2_000 }));
    expect(back.view.timeMs).toBe(2_000);
    expect(back.headTimeMs).toBe(10_000);
    expect(back.records).toEqual([]);
  });

  it('reports an engine failure as an error reply carrying the run to reload', () => {
    const brokenOnCrash = { ...heartbeatProtocol, crash: () => { throw new Error('disk on fire'); } } as unknown as ServerProtocol<unknown, unknown>;
    const handler = createWorkerHandler(() => 0, { openWorld: (run) => createWorld(run.scenario, run.inputs, { protocol: brokenOnCrash }) });
    handler.handle({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'default' } });
    handler.handle({ type: 'seek', timeMs: 1234 });
    const reply = handler.handle({ type: 'act', action: { kind: 'fault', fault: 'crash', server: 1 } })[0]!;
    expect(reply.type).toBe('error');
    if (reply.type !== 'error') throw new Error('unreachable');
    expect(reply.message).toBe('disk on fire');
    expect(reply.timeMs).toBe(1234);
    expect(reply.shareFragment).toMatch(/^#s=1\./);
  });

  it('refuses a command from another protocol version', () => {
    const handler = createWorkerHandler(() => 0);
    const reply = handler.handle({ type: 'load', version: 99, source: { kind: 'default' } })[0]!;
    expect(reply.type).toBe('error');
  });
});
