// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { WORKER_PROTOCOL_VERSION, type Batch, type WorkerCommand, type WorkerReply } from '../worker/protocol';
import type { WorldView } from '../engine/world/view';
import { createDrawTracker, type DrawTracker } from './draw-tracker';
import { createFrameLoop, type FrameLoop, type FrameScheduler } from './frame-loop';
import { createZooStore, type ZooStoreApi } from './store';
import { createWorkerClient, type WorkerLike, type ZooClient } from './worker-client';

class FakeWorker implements WorkerLike {
  sent: WorkerCommand[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(command: WorkerCommand): void {
    this.sent.push(command);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(reply: WorkerReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>);
  }
  types(): string[] {
    return this.sent.map((command) => command.type);
  }
}

class ManualScheduler implements FrameScheduler {
  queue: ((nowMs: number) => void)[] = [];
  nowMs = 0;
  request(callback: (nowMs: number) => void): number {
    this.queue.push(callback);
    return this.queue.length;
  }
  cancel(): void {
    this.queue = [];
  }
  /** Runs one animation frame. */
  frame(): void {
    this.nowMs += 16;
    const due = this.queue;
    this.queue = [];
    for (const callback of due) callback(this.nowMs);
  }
}

function view(timeMs: number): WorldView {
  return {
    timeMs, title: 't', protocol: 'heartbeat', clients: [], znodes: [], messages: [],
    servers: [{ id: 1, role: 'LOOKING', epoch: 0, lastZxid: 0, alive: true, paused: false, serving: false, observer: false, detail: {} }],
    network: { partition: null, cuts: [], slowLinks: [], lossRatio: 0 },
  };
}

function batch(timeMs: number, extra: Partial<Batch> = {}): Batch {
  return {
    type: 'batch', version: WORKER_PROTOCOL_VERSION, playing: false, speed: 1, headTimeMs: timeMs, records: [], truncated: 0,
    view: view(timeMs), invariants: { checked: 0, violations: [] }, shareFragment: '#s=1.abc', ...extra,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('worker client', () => {
  let workers: FakeWorker[];
  let scheduler: ManualScheduler;
  let loop: FrameLoop;
  let tracker: DrawTracker;
  let store: ZooStoreApi;
  let client: ZooClient;
  const worker = () => workers[workers.length - 1]!;

  beforeEach(() => {
    workers = [];
    scheduler = new ManualScheduler();
    loop = createFrameLoop(scheduler);
    tracker = createDrawTracker();
    store = createZooStore();
    client = createWorkerClient({ store, loop, tracker, createWorker: () => { const created = new FakeWorker(); workers.push(created); return created; } });
    // Stands in for the painter: marks each batch drawn on the next frame.
    loop.add(() => { tracker.markDrawn(store.getState().batchSeq); return store.getState().playing; });
  });

  it('loads, then plays: one frame command per animation frame, only after the previous batch arrived', async () => {
    void client.start({ kind: 'default' }, { play: true });
    expect(worker().types()).toEqual(['load', 'play']);
    scheduler.frame();
    expect(worker().types()).toEqual(['load', 'play']); // replies outstanding: no frame yet
    worker().reply(batch(0, { loaded: { ok: true } }));
    worker().reply(batch(0, { playing: true }));
    scheduler.frame();
    expect(worker().types()).toEqual(['load', 'play', 'frame']);
    scheduler.frame();
    scheduler.frame();
    expect(worker().types().filter((type) => type === 'frame')).toHaveLength(1); // still waiting for the batch
    worker().reply(batch(16, { playing: true }));
    scheduler.frame();
    expect(worker().types().filter((type) => type === 'frame')).toHaveLength(2);
    expect(store.getState().view?.timeMs).toBe(16);
  });

  it('sends no frames while paused, and the loop goes to sleep', () => {
    void client.start({ kind: 'default' });
    worker().reply(batch(0, { loaded: { ok: true } }));
    scheduler.frame();
    scheduler.frame();
    expect(worker().types()).toEqual(['load']);
    expect(scheduler.queue).toHaveLength(0);
  });

  it('seek resolves once the answering batch has been drawn; rapid seeks coalesce', async () => {
    void client.start({ kind: 'default' });
    worker().reply(batch(0, { loaded: { ok: true } }));
    let firstDone = false;
    let lastDone = false;
    void client.seek(100).then(() => { firstDone = true; });
    void client.seek(200);
    void client.seek(300).then(() => { lastDone = true; });
    const seeks = () => worker().sent.filter((command) => command.type === 'seek');
    expect(seeks()).toHaveLength(1);
    const first = seeks()[0] as Extract<WorkerCommand, { type: 'seek' }>;
    worker().reply(batch(100, { seekDone: first.requestId! }));
    await flush();
    expect(firstDone).toBe(false); // not drawn yet
    scheduler.frame();
    await flush();
    expect(firstDone).toBe(true);
    expect(seeks().map((command) => (command as { timeMs: number }).timeMs)).toEqual([100, 300]);
    const second = seeks()[1] as Extract<WorkerCommand, { type: 'seek' }>;
    worker().reply(batch(300, { seekDone: second.requestId! }));
    scheduler.frame();
    await flush();
    expect(lastDone).toBe(true);
    expect(store.getState().view?.timeMs).toBe(300);
  });

  it('on a worker error: stops, keeps the share fragment, and reloads the same run at the same time', async () => {
    void client.start({ kind: 'default' }, { play: true });
    worker().reply(batch(0, { loaded: { ok: true } }));
    worker().reply(batch(0, { playing: true }));
    scheduler.frame();
    worker().reply({ type: 'error', version: WORKER_PROTOCOL_VERSION, message: 'boom', shareFragment: '#s=1.run', timeMs: 1234 });
    expect(worker().terminated).toBe(true);
    expect(store.getState().error).toEqual({ kind: 'worker', message: 'boom', shareFragment: '#s=1.run', timeMs: 1234 });
    expect(store.getState().playing).toBe(false);
    const sentBefore = worker().sent.length;
    void client.act({ kind: 'fault', fault: 'crash', server: 1 });
    scheduler.frame();
    expect(worker().sent.length).toBe(sentBefore); // a stopped client sends nothing

    void client.reloadSameRun();
    expect(workers).toHaveLength(2);
    expect(worker().sent[0]).toEqual({ type: 'load', version: WORKER_PROTOCOL_VERSION, source: { kind: 'fragment', fragment: '#s=1.run' }, atMs: 1234 });
    expect(store.getState().error).toBeNull();
  });

  it("treats the worker's onerror like an error reply, using the last known fragment and time", () => {
    void client.start({ kind: 'default' });
    worker().reply(batch(500, { loaded: { ok: true }, shareFragment: '#s=1.last' }));
    worker().onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    expect(store.getState().error).toEqual({ kind: 'worker', message: 'out of memory', shareFragment: '#s=1.last', timeMs: 500 });
  });

  it('reports a load that fell back to the default scenario', () => {
    void client.start({ kind: 'fragment', fragment: '#s=1.garbage' });
    worker().reply(batch(0, { loaded: { ok: false, error: 'share URL: payload is corrupt' } }));
    expect(store.getState().error).toEqual({ kind: 'load', message: 'share URL: payload is corrupt' });
    expect(store.getState().view).not.toBeNull();
  });

  it('play(speed) records the speed and sends it', () => {
    void client.start({ kind: 'default' });
    void client.play(0.5);
    expect(worker().sent[1]).toEqual({ type: 'play', speed: 0.5 });
    expect(store.getState().speed).toBe(0.5);
  });
});
