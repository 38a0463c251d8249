// The worker's logic, as a pure-enough function of (command, real time): the world runs here,
// the playback clock advances on each "frame" request, and every reply is one batch. Only
// worker.ts touches `self`; this file is tested in Node.
import { decodeShareFragment, encodeShareFragment } from '../engine/scenario/codec';
import { defaultRun } from '../engine/scenario/library';
import { parseRunJson, toInputEntries, type RunInput } from '../engine/scenario/run-input';
import type { TraceRecord } from '../engine/sim/trace';
import { createWorld, type World } from '../engine/world';
import { allCheckers } from '../engine/check/world-checkers';
import { createLiveCorrectness, type CorrectnessReport, type LiveCorrectness } from '../engine/check/live-correctness';
import { advance, clampSpeed, type PlaybackState } from './playback';
import { WORKER_PROTOCOL_VERSION, type Batch, type LoadOutcome, type RunSource, type WorkerCommand, type WorkerReply } from './protocol';

/** Records kept per batch; a long jump (seek, fast play) reports how many were left out. */
const RECORDS_PER_BATCH_MAX = 5000;
/** Ops drawn in the history view (the newest); the verdict covers them all. */
const HISTORY_PICTURE_OPS_MAX = 400;
/** While playing, the history is re-judged at most this often (real ms): a long run's history
 * is rebuilt from its records each time. Seeks, steps and actions re-judge at once. */
const CORRECTNESS_EVERY_REAL_MS = 200;
/** Events one "interesting" step may run before it gives up. */
const INTERESTING_STEP_EVENTS_MAX = 200_000;

/** Kept even past RECORDS_PER_BATCH_MAX: few, and the timeline's leader bands and fault marks
 * are wrong without them. */
const LANDMARKS: ReadonlySet<TraceRecord['type']> = new Set(['role', 'fault']);
const INTERESTING: ReadonlySet<TraceRecord['type']> = new Set(['role', 'commit', 'fault', 'op', 'watch', 'client']);

export interface WorkerHandler {
  handle(command: WorkerCommand): WorkerReply[];
}

interface Session {
  world: World;
  run: RunInput;
  pending: TraceRecord[];
  truncated: number;
  seekDone?: number;
  loaded?: LoadOutcome;
  /** The share fragment, recomputed only when the input log changes. */
  share: { inputsLength: number; lastAtMs: number; fragment: string } | null;
  /** The fragment the UI last received in a batch (null before the first batch). */
  sentFragment: string | null;
  /** The run's client history, checked as it grows (and again after a seek or fork). */
  correctness: LiveCorrectness;
  /** The history revision last sent to the UI. */
  pictureRevision: number;
  /** The last verdict, and when (real ms) it was made. */
  lastCorrectness: { report: CorrectnessReport; atRealMs: number } | null;
  /** A seek or an action happened: judge the history in the next batch even while playing. */
  judgeNow?: boolean;
}

export interface HandlerOptions {
  /** Makes the world for a run (tests inject broken protocols here). */
  openWorld?: (run: RunInput) => World;
}

/** Creates the handler; `realNowMs` is the worker's clock (performance.now in the browser). */
export function createWorkerHandler(realNowMs: () => number, options: HandlerOptions = {}): WorkerHandler {
  const openWorld = options.openWorld ?? ((run: RunInput) => createWorld(run.scenario, run.inputs, { checkers: allCheckers(run.scenario.bugs as never) }));
  const playback: PlaybackState = { playing: false, speed: 1, lastRealMs: null, carryMs: 0 };
  let session: Session | null = null;
  /** The server whose own tree goes with every batch (the per-server tree selector), or null. */
  let treeServer: number | null = null;
  /** The message whose full detail goes with every batch (the message inspector), or null. */
  let detailMessage: number | null = null;
  /** Where the current play stops by itself (a walkthrough checkpoint), or null. */
  let stopAtMs: number | null = null;

  const keep = (target: Session, record: TraceRecord): void => {
    // Op calls reach the UI as the history picture, not as events.
    if (record.type === 'op-call') return;
    if (target.pending.length < RECORDS_PER_BATCH_MAX || LANDMARKS.has(record.type)) target.pending.push(record);
    else target.truncated++;
  };

  const collect = (target: Session): void => {
    for (const record of target.world.drain()) keep(target, record);
  };

  const batch = (target: Session): Batch => {
    collect(target);
    const reply: Batch = {
      type: 'batch', version: WORKER_PROTOCOL_VERSION, playing: playback.playing, speed: playback.speed,
      headTimeMs: target.world.headTimeMs(), records: target.pending, truncated: target.truncated,
      view: target.world.view(), invariants: target.world.invariants(),
    };
    const fragment = shareFragment(target);
    if (fragment !== target.sentFragment) {
      reply.shareFragment = fragment;
      target.sentFragment = fragment;
    }
    const nowReal = realNowMs();
    const last = target.lastCorrectness;
    if (last === null || !playback.playing || target.judgeNow === true || nowReal - last.atRealMs >= CORRECTNESS_EVERY_REAL_MS) {
      delete target.judgeNow;
      target.lastCorrectness = { report: target.correctness.update(target.world.history()), atRealMs: nowReal };
    }
    reply.correctness = target.lastCorrectness!.report;
    if (reply.correctness.revision !== target.pictureRevision) {
      reply.history = target.correctness.picture(HISTORY_PICTURE_OPS_MAX);
      target.pictureRevision = reply.correctness.revision;
    }
    if (target.seekDone !== undefined) reply.seekDone = target.seekDone;
    if (target.loaded !== undefined) reply.loaded = target.loaded;
    if (treeServer !== null) {
      const tree = target.world.serverTree(treeServer);
      if (tree) reply.serverTree = tree;
    }
    if (detailMessage !== null) reply.message = { id: detailMessage, detail: target.world.messageDetail(detailMessage) };
    target.pending = [];
    target.truncated = 0;
    delete target.seekDone;
    delete target.loaded;
    return reply;
  };

  const load = (source: RunSource, atMs: number | undefined): Session => {
    let outcome: LoadOutcome = { ok: true };
    let run: RunInput;
    let startMs = atMs;
    try {
      const opened = openSource(source);
      run = opened.run;
      startMs = startMs ?? opened.timeMs;
    } catch (error) {
      outcome = { ok: false, error: (error as Error).message };
      run = defaultRun();
      startMs = undefined;
    }
    const world = openWorld(run);
    const next: Session = { world, run, pending: [], truncated: 0, loaded: outcome, share: null, sentFragment: null, correctness: createLiveCorrectness(), pictureRevision: -1, lastCorrectness: null };
    if (startMs !== undefined) world.seek(startMs);
    return next;
  };

  const stepInteresting = (target: Session): void => {
    for (let count = 0; count < INTERESTING_STEP_EVENTS_MAX; count++) {
      if (!target.world.stepEvent()) return;
      const records = target.world.drain();
      for (const record of records) keep(target, record);
      if (records.some((record) => INTERESTING.has(record.type))) return;
    }
  };

  const handle = (command: WorkerCommand): WorkerReply[] => {
    if (command.type === 'load') {
      if (command.version !== WORKER_PROTOCOL_VERSION) return [protocolError(`worker protocol ${command.version} is not ${WORKER_PROTOCOL_VERSION}`)];
      playback.playing = false;
      playback.lastRealMs = null;
      stopAtMs = null;
      // Message ids restart with every run: a selected message does not carry over.
      detailMessage = null;
      session = load(command.source, command.atMs);
      return [batch(session)];
    }
    if (session === null) return [protocolError('no run loaded yet')];
    const current = session;
    switch (command.type) {
      case 'play':
        playback.playing = true;
        playback.speed = clampSpeed(command.speed);
        playback.lastRealMs = realNowMs();
        stopAtMs = command.untilMs ?? null;
        return [batch(current)];
      case 'pause':
        playback.playing = false;
        stopAtMs = null;
        playback.lastRealMs = null;
        return [batch(current)];
      case 'set-speed':
        playback.speed = clampSpeed(command.speed);
        return [batch(current)];
      case 'step':
        playback.playing = false;
        stopAtMs = null;
        playback.lastRealMs = null;
        if (command.granularity === 'event') current.world.stepEvent();
        else stepInteresting(current);
        return [batch(current)];
      case 'seek':
        playback.lastRealMs = playback.playing ? realNowMs() : null;
        // What was pending belongs to before the jump; what the seek reports (the landmarks of
        // a stretch never run before: roles, commits, faults) is news for the timeline.
        current.world.drain();
        current.pending = [];
        current.world.seek(command.timeMs);
        collect(current);
        current.judgeNow = true;
        if (command.requestId !== undefined) current.seekDone = command.requestId;
        return [batch(current)];
      case 'act':
        current.world.act(command.action);
        current.judgeNow = true;
        return [batch(current)];
      case 'tree':
        treeServer = command.server;
        return [batch(current)];
      case 'message':
        detailMessage = command.id;
        return [batch(current)];
      case 'frame': {
        const advanceMs = advance(playback, realNowMs());
        let targetMs = current.world.timeMs() + advanceMs;
        if (stopAtMs !== null && targetMs >= stopAtMs) {
          // Arrived: stand exactly at the stop, paused (not a frame's worth past it).
          targetMs = Math.max(stopAtMs, current.world.timeMs());
          playback.playing = false;
          playback.lastRealMs = null;
          stopAtMs = null;
        }
        if (targetMs > current.world.timeMs()) current.world.runUntil(targetMs);
        return [batch(current)];
      }
    }
  };

  return {
    handle(command) {
      try {
        return handle(command);
      } catch (error) {
        playback.playing = false;
        return [{
          type: 'error', version: WORKER_PROTOCOL_VERSION, message: (error as Error).message ?? String(error),
          shareFragment: session ? shareFragment(session) : null, timeMs: session ? session.world.timeMs() : 0,
        }];
      }
    },
  };
}

function openSource(source: RunSource): { run: RunInput; timeMs?: number } {
  switch (source.kind) {
    case 'default':
      return { run: defaultRun() };
    case 'json':
      return { run: parseRunJson(source.json) };
    case 'fragment': {
      const shared = decodeShareFragment(source.fragment);
      const run = { scenario: shared.scenario, inputs: toInputEntries(shared.scenario, shared.inputs) };
      return shared.timeMs === undefined ? { run } : { run, timeMs: shared.timeMs };
    }
  }
}

function shareFragment(target: Session): string {
  const log = target.world.inputs();
  const lastAtMs = log.length > 0 ? log[log.length - 1]!.atMs : -1;
  if (target.share && target.share.inputsLength === log.length && target.share.lastAtMs === lastAtMs) return target.share.fragment;
  const inputs = log.map((entry) => {
    const { kind: _kind, ...action } = entry.action as { kind: string };
    return { atMs: entry.atMs, action };
  });
  const fragment = encodeShareFragment({ scenario: target.run.scenario, inputs });
  target.share = { inputsLength: log.length, lastAtMs, fragment };
  return fragment;
}

function protocolError(message: string): WorkerReply {
  return { type: 'error', version: WORKER_PROTOCOL_VERSION, message, shareFragment: null, timeMs: 0 };
}
