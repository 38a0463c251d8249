// The UI's side of the worker boundary: owns the Web Worker, sends commands, applies every reply
// to the store, and drives the frame loop. The worker advances its playback clock on each 'frame'
// command, so the client sends one only when every earlier command has been answered: at most one
// batch per animation frame, and never a backlog when the worker is slower than the screen.
// If the worker fails, the client stops, keeps the run's share fragment, and can start a fresh
// worker on the same run at the same time (nothing the user did is lost: it is all in the fragment).
import type { InputAction } from '../engine/world';
import { WORKER_PROTOCOL_VERSION, type RunSource, type StepGranularity, type WorkerCommand, type WorkerReply } from '../worker/protocol';
import type { DrawTracker } from './draw-tracker';
import type { FrameLoop } from './frame-loop';
import type { ZooStoreApi } from './store';

/** The parts of a Worker the client uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(command: WorkerCommand): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

/** The real worker, bundled by Vite as an ES module worker. */
export const createBrowserWorker: WorkerFactory = () =>
  new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'zooscope-engine' }) as unknown as WorkerLike;

export interface StartOptions {
  atMs?: number;
  /** Start playing once loaded (at the store's speed). */
  play?: boolean;
}

export interface ZooClient {
  start(source: RunSource, options?: StartOptions): Promise<void>;
  /** Plays; with untilMs the worker pauses exactly at that simulated time. */
  play(speed?: number, untilMs?: number): Promise<void>;
  pause(): Promise<void>;
  togglePlay(): void;
  setSpeed(speed: number): void;
  step(granularity: StepGranularity): Promise<void>;
  /** Shows the run at `timeMs`; resolves when that view has been drawn. Rapid calls coalesce. */
  seek(timeMs: number): Promise<void>;
  act(action: InputAction): Promise<void>;
  /** Asks for one server's own tree with every batch (null: only the leader's, in the view). */
  showTree(server: number | null): Promise<void>;
  /** Asks for one message's full detail with every batch (null: stop). */
  showMessage(id: number | null): Promise<void>;
  /** After a worker failure: a new worker, the same run, the same time. */
  reloadSameRun(): Promise<void>;
  dispose(): void;
}

interface ClientOptions {
  store: ZooStoreApi;
  loop: FrameLoop;
  tracker: DrawTracker;
  createWorker?: WorkerFactory;
}

interface QueuedSeek {
  timeMs: number;
  waiters: (() => void)[];
}

/** Creates the client; nothing runs until start(). */
export function createWorkerClient(options: ClientOptions): ZooClient {
  const { store, loop, tracker } = options;
  const createWorker = options.createWorker ?? createBrowserWorker;
  let worker: WorkerLike | null = null;
  /** One entry per command sent and not yet answered, in order (the worker answers in order). */
  let awaiting: ((seq: number) => void)[] = [];
  let seekInFlight = false;
  let queuedSeek: QueuedSeek | null = null;
  let nextSeekId = 1;
  let disposed = false;

  const settleAll = (): void => {
    const pending = awaiting;
    awaiting = [];
    for (const resolve of pending) resolve(-1);
    const queued = queuedSeek;
    queuedSeek = null;
    seekInFlight = false;
    for (const resolve of queued?.waiters ?? []) resolve();
  };

  const fail = (message: string, shareFragment: string | null, timeMs: number | null): void => {
    const state = store.getState();
    worker?.terminate();
    worker = null;
    settleAll();
    store.setState({ playing: false });
    state.setError({ kind: 'worker', message, shareFragment: shareFragment ?? state.shareFragment, timeMs: timeMs ?? state.view?.timeMs ?? 0 });
  };

  const onReply = (reply: WorkerReply): void => {
    const resolve = awaiting.shift();
    if (reply.type === 'error') {
      fail(reply.message, reply.shareFragment, reply.timeMs);
      return;
    }
    const seq = store.getState().applyBatch(reply);
    loop.wake();
    resolve?.(seq);
  };

  const spawn = (): WorkerLike => {
    const created = createWorker();
    created.onmessage = (event) => {
      if (created === worker) onReply(event.data);
    };
    created.onerror = (event) => {
      event.preventDefault?.();
      if (created === worker) fail(event.message || 'the worker stopped unexpectedly', null, null);
    };
    created.onmessageerror = () => {
      if (created === worker) fail('a message from the worker could not be read', null, null);
    };
    return created;
  };

  /** Sends a command; resolves with the sequence number of the batch that answers it (-1: none). */
  const send = (command: WorkerCommand): Promise<number> => {
    if (!worker || disposed) return Promise.resolve(-1);
    return new Promise((resolve) => {
      awaiting.push(resolve);
      worker!.postMessage(command);
    });
  };

  const drawn = async (reply: Promise<number>): Promise<void> => {
    const seq = await reply;
    if (seq > 0) await tracker.whenDrawn(seq);
  };

  const runSeek = (timeMs: number, waiters: (() => void)[]): void => {
    seekInFlight = true;
    const requestId = nextSeekId++;
    void drawn(send({ type: 'seek', timeMs, requestId })).then(() => {
      seekInFlight = false;
      for (const resolve of waiters) resolve();
      const queued = queuedSeek;
      queuedSeek = null;
      if (queued) runSeek(queued.timeMs, queued.waiters);
    });
  };

  const frame = (): boolean => {
    const playing = worker !== null && store.getState().playing;
    if (playing && awaiting.length === 0) void send({ type: 'frame' });
    return playing;
  };
  const removeFrame = loop.add(frame);

  const client: ZooClient = {
    async start(source, startOptions = {}) {
      worker?.terminate();
      settleAll();
      worker = spawn();
      const load: WorkerCommand = { type: 'load', version: WORKER_PROTOCOL_VERSION, source };
      if (startOptions.atMs !== undefined) load.atMs = startOptions.atMs;
      const loaded = send(load);
      if (startOptions.play) void send({ type: 'play', speed: store.getState().speed });
      await drawn(loaded);
    },
    async play(speed, untilMs) {
      if (speed !== undefined) store.getState().setSpeed(speed);
      const command: WorkerCommand = { type: 'play', speed: store.getState().speed };
      if (untilMs !== undefined) command.untilMs = untilMs;
      await drawn(send(command));
    },
    pause: () => drawn(send({ type: 'pause' })),
    togglePlay() {
      void (store.getState().playing ? client.pause() : client.play());
    },
    setSpeed(speed) {
      store.getState().setSpeed(speed);
      void send({ type: 'set-speed', speed });
    },
    step: (granularity) => drawn(send({ type: 'step', granularity })),
    seek(timeMs) {
      return new Promise((resolve) => {
        if (!worker) return resolve();
        if (seekInFlight) {
          queuedSeek = { timeMs, waiters: [...(queuedSeek?.waiters ?? []), resolve] };
          return;
        }
        runSeek(timeMs, [resolve]);
      });
    },
    act: (action) => drawn(send({ type: 'act', action })),
    showTree: (server) => drawn(send({ type: 'tree', server })),
    showMessage: (id) => drawn(send({ type: 'message', id })),
    async reloadSameRun() {
      const state = store.getState();
      const error = state.error?.kind === 'worker' ? state.error : null;
      const fragment = error?.shareFragment ?? state.shareFragment;
      const atMs = error?.timeMs ?? state.view?.timeMs;
      state.setError(null);
      const source: RunSource = fragment ? { kind: 'fragment', fragment } : { kind: 'default' };
      await client.start(source, atMs === undefined ? {} : { atMs });
    },
    dispose() {
      disposed = true;
      removeFrame();
      worker?.terminate();
      worker = null;
      settleAll();
    },
  };
  return client;
}
