// The world: the one entry point for the worker and the CLI (DESIGN.md). A run is a function of
// (scenario, input log); the input log holds the user's actions stamped with simulated time.
// The world keeps snapshots so that seek(t) = nearest snapshot + deterministic replay, and an
// action taken while viewing the past forks the run.
import { createZooKeeperProtocol } from './zk/protocol';
import { serverCountOf, type ClientOp, type FaultAction, type Scenario } from './scenario/types';
import type { ServerProtocol } from './sim/actor';
import { clonePlain, markImmutable } from './sim/clone';
import { fingerprint as hashState } from './sim/fingerprint';
import { createNetwork } from './sim/network';
import { createRng } from './sim/rng';
import { createScheduler, peek, pop, queuedInOrder } from './sim/scheduler';
import type { TraceRecord } from './sim/trace';
import { processEvent } from './world/events';
import { applyFault } from './world/faults';
import { dispatchToServer, type Runtime } from './world/runtime';
import { checkServing, scheduleScript, scriptFinished } from './world/script';
import { checkSettled, createClientSlots, dispatchToClient, startClientOp } from './world/clients';
import type { ServerSlot, WorldState } from './world/state';
import { buildView, serverTreeView, type ServerTreeView, type WorldView } from './world/view';
import { messageDetailView, type MessageDetailView } from './world/message-detail';
import { actorOfClientMap, actorsDone, createActorSlots, startActors } from './world/actors';
import { createHistoryLog, forkHistory, type HistoryLogView } from './world/history-log';

/** A user action: a fault, or a client operation typed in the console. */
export type InputAction = ({ kind: 'fault' } & FaultAction) | ({ kind: 'op' } & ClientOp);

/** One entry of the input log. */
export interface InputEntry {
  atMs: number;
  action: InputAction;
}

/** Everything needed to continue a run elsewhere: its state and its input log. */
export interface WorldSnapshot {
  state: WorldState;
  inputs: InputEntry[];
}

export interface WorldOptions {
  protocol?: ServerProtocol<unknown, unknown>;
  /** Report send/deliver/drop records (default true). */
  traceMessages?: boolean;
  /** Simulated ms between automatic snapshots used by seek (default 2000). */
  snapshotEveryMs?: number;
  /** Invariant checkers run after every event (src/engine/check). */
  checkers?: readonly InvariantChecker[];
}

/** What a checker sees: every server's protocol state, alive or not. */
export interface CheckedServer {
  id: number;
  alive: boolean;
  state: unknown;
}

/** What a checker sees of a client: its handle's state. */
export interface CheckedClient {
  label: string;
  state: unknown;
}

/** A named invariant, checked after every event; returns a description of each violation.
 * Its memory (a ledger of what was ever committed, say) lives in the world state, so it is
 * snapshotted, restored and replayed with the run. */
export interface InvariantChecker {
  name: string;
  createMemory(): unknown;
  check(memory: unknown, servers: readonly CheckedServer[], timeMs: number, clients: readonly CheckedClient[]): string[];
}

export interface InvariantViolation {
  name: string;
  timeMs: number;
  event: number;
  message: string;
}

export interface InvariantReport {
  checked: number;
  violations: InvariantViolation[];
}

const VIOLATIONS_KEPT_MAX = 100;

const EVENTS_PER_INSTANT_MAX = 1_000_000;
const SNAPSHOTS_MAX = 256;

export interface World {
  readonly scenario: Scenario;
  timeMs(): number;
  /** The furthest simulated time this run has reached (seeking back does not lower it). */
  headTimeMs(): number;
  inputs(): readonly InputEntry[];
  /** Runs every event due at or before t, then stands at t. */
  runUntil(timeMs: number): void;
  /** Runs the next single event (or user action); returns false when nothing is left. */
  stepEvent(): boolean;
  /** Time of the next event or action, or null when nothing is scheduled. */
  nextEventTimeMs(): number | null;
  /** Records and applies a user action now; in the past, it forks the run. */
  act(action: InputAction): void;
  /** Shows the run as it was (or will be) at t. */
  seek(timeMs: number): void;
  snapshot(): WorldSnapshot;
  fingerprint(): string;
  /** Trace records produced since the last drain. */
  drain(): TraceRecord[];
  view(): WorldView;
  /** One server's own tree and last zxid (null for an unknown id). */
  serverTree(id: number): ServerTreeView | null;
  /** One message in flight in full (payload fields, vote judgement), or null once delivered. */
  messageDetail(id: number): MessageDetailView | null;
  /** Every scenario step has completed. */
  scriptDone(): boolean;
  /** Every recipe actor has nothing left to do on its own (true without actors). */
  actorsDone(): boolean;
  /** Total events processed (for benchmarks). */
  eventsProcessed(): number;
  /** How many invariant checks ran in this run so far, and what broke (and when). */
  invariants(): InvariantReport;
  /** The client history (op calls, completions, watch events) up to where the run stands:
   * records[0, length). A run restored from a snapshot has it from the restore point on. */
  history(): HistoryLogView;
}

/** ZooKeeper (Zab + data tree + client side), with the scenario's bug-lab variants if any. */
function defaultProtocol(scenario: Scenario): ServerProtocol<unknown, unknown> {
  // Scenarios saved before extendedTypes existed lack it: off, ZooKeeper's default. Bug-lab
  // variants go to the part of the server they break (Zab, or the client side).
  const zabBugs = scenario.bugs.filter((bug) => bug !== 'unreplicated-session-expiry');
  return createZooKeeperProtocol(
    { bugs: zabBugs as never, reconfigEnabled: scenario.ensemble.reconfigEnabled === true },
    { extendedTypesEnabled: scenario.ensemble.extendedTypes === true, unreplicatedSessionExpiry: scenario.bugs.includes('unreplicated-session-expiry') },
  );
}

/** The fresh state of a scenario at time 0, before anything runs. */
function initialState(scenario: Scenario, protocol: ServerProtocol<unknown, unknown>): WorldState {
  const { ensemble, seed } = scenario;
  const ids = Array.from({ length: serverCountOf(ensemble) }, (_, index) => index + 1);
  const observers = ids.slice(ensemble.servers, ensemble.servers + ensemble.observers);
  const spares = ids.slice(ensemble.servers + ensemble.observers);
  const options = { observers, spares, tickMs: ensemble.tickMs, initLimit: ensemble.initLimit, syncLimit: ensemble.syncLimit };
  const servers: ServerSlot[] = ids.map((id) => ({
    id, alive: true, paused: false, timers: {}, held: [],
    state: protocol.create(id, ids, options),
    rng: createRng(seed, `server:${id}`),
  }));
  return {
    // The scenario never changes during a run: snapshots share it.
    scenario: markImmutable(scenario),
    timeMs: 0,
    queue: createScheduler(),
    network: createNetwork(ensemble.latencyMsMin, ensemble.latencyMsMax),
    networkRng: createRng(seed, 'network'),
    servers,
    clients: createClientSlots(scenario),
    actors: createActorSlots(scenario.actors),
    actorOfClient: actorOfClientMap(scenario.actors),
    script: { status: scenario.steps.map(() => 'pending'), waitingServing: [], settling: [], currentOpIndex: -1, watchEventsInFlight: 0, timed: null, timedNext: 0 },
    nextTimerGeneration: 1,
    inputCursor: 0,
    eventsProcessed: 0,
    checkerMemory: {},
    invariants: { checked: 0, violations: [] },
  };
}

/** Starts a run of `scenario` that will replay `inputs` as their times come. */
export function createWorld(scenario: Scenario, inputs: InputEntry[] = [], options: WorldOptions = {}): World {
  const protocol = options.protocol ?? defaultProtocol(scenario);
  const runtime: Runtime = { state: initialState(scenario, protocol), protocol, sink: [], traceMessages: options.traceMessages ?? true, rolesChanged: false, startOp: startClientOp, history: createHistoryLog() };
  for (const slot of runtime.state.servers) dispatchToServer(runtime, slot, { type: 'start' });
  for (const slot of runtime.state.clients) {
    if (scenario.clients[slot.label]!.connectAtStart) dispatchToClient(runtime, slot, { type: 'start' });
  }
  scheduleScript(runtime);
  startActors(runtime);
  return wrap(runtime, [...inputs], options);
}

/** Continues a run from a snapshot (made by snapshot(), possibly in another process). */
export function restoreWorld(snapshot: WorldSnapshot, options: WorldOptions = {}): World {
  const protocol = options.protocol ?? defaultProtocol(snapshot.state.scenario);
  const runtime: Runtime = { state: clonePlain(snapshot.state), protocol, sink: [], traceMessages: options.traceMessages ?? true, rolesChanged: false, startOp: startClientOp, history: createHistoryLog() };
  return wrap(runtime, clonePlain(snapshot.inputs), options);
}

function wrap(runtime: Runtime, inputs: InputEntry[], options: WorldOptions): World {
  const snapshotEveryMs = options.snapshotEveryMs ?? 2000;
  const history = runtime.history ?? (runtime.history = createHistoryLog());
  // Each snapshot remembers where the history log stood, so a seek puts the log's cursor there.
  let snapshots: { timeMs: number; state: WorldState; historyLength: number }[] = [{ timeMs: runtime.state.timeMs, state: clonePlain(runtime.state), historyLength: history.cursor }];
  let headTimeMs = runtime.state.timeMs;
  /** How far along its timeline the run has been while reporting (events + actions applied):
   * a seek replays silently up to here and reports what lies beyond. */
  let reportedProgress = 0;
  const progress = (): number => runtime.state.eventsProcessed + runtime.state.inputCursor;
  const noteReported = (): void => {
    if (runtime.sink !== null) reportedProgress = Math.max(reportedProgress, progress());
  };

  const applyInput = (entry: InputEntry): void => {
    const state = runtime.state;
    state.timeMs = entry.atMs;
    state.inputCursor++;
    const action = entry.action;
    if (action.kind === 'fault') applyFault(runtime, action);
    else if (runtime.startOp) runtime.startOp(runtime, -1, { ...action, kind: 'op' });
    else throw new Error('client operations need the client layer');
    afterEvent();
  };

  const checkers = options.checkers ?? [];
  const runCheckers = (): void => {
    const state = runtime.state;
    const report = state.invariants;
    const servers = state.servers.map((slot) => ({ id: slot.id, alive: slot.alive, state: slot.state }));
    const clients = state.clients.map((slot) => ({ label: slot.label, state: slot.state }));
    for (const checker of checkers) {
      report.checked++;
      const memory = state.checkerMemory[checker.name] ?? (state.checkerMemory[checker.name] = checker.createMemory());
      for (const message of checker.check(memory, servers, state.timeMs, clients)) {
        if (report.violations.length < VIOLATIONS_KEPT_MAX) report.violations.push({ name: checker.name, timeMs: state.timeMs, event: state.eventsProcessed, message });
      }
    }
  };

  const appliedZxidOf = (server: number): number | null => {
    const slot = runtime.state.servers[server - 1];
    if (!slot || !slot.alive) return null;
    const protocol = runtime.protocol;
    return protocol.appliedZxid !== undefined ? protocol.appliedZxid(slot.state) : protocol.status(slot.state).appliedZxid;
  };

  const afterEvent = (): void => {
    if (checkers.length > 0) runCheckers();
    if (runtime.rolesChanged || runtime.state.script.waitingServing.length > 0) {
      runtime.rolesChanged = false;
      checkServing(runtime);
    }
    checkSettled(runtime, appliedZxidOf);
  };

  const takeSnapshot = (): void => {
    snapshots.push({ timeMs: runtime.state.timeMs, state: clonePlain(runtime.state), historyLength: history.cursor });
    if (snapshots.length > SNAPSHOTS_MAX) snapshots = snapshots.filter((_, index) => index === 0 || index % 2 === 1);
  };

  /** Runs one thing due at or before `limitMs`; false if nothing is. */
  const runOne = (limitMs: number): boolean => {
    const state = runtime.state;
    const next = peek(state.queue);
    const input = inputs[state.inputCursor];
    const nextEventMs = next ? next.timeMs : Infinity;
    const inputMs = input ? input.atMs : Infinity;
    const dueMs = Math.min(nextEventMs, inputMs);
    if (dueMs > limitMs) return false;
    const lastSnapshotMs = snapshots[snapshots.length - 1]!.timeMs;
    const boundary = lastSnapshotMs + snapshotEveryMs;
    if (dueMs > boundary && boundary >= state.timeMs) {
      state.timeMs = boundary;
      takeSnapshot();
    }
    // A user action at t comes after every event due at t (as it did live: the user acted
    // while the run stood at t).
    if (input && inputMs < nextEventMs) {
      applyInput(input);
      return true;
    }
    pop(state.queue);
    state.timeMs = next!.timeMs;
    processEvent(runtime, next!);
    afterEvent();
    return true;
  };

  const runUntil = (timeMs: number): void => {
    let sameInstant = 0;
    let instant = runtime.state.timeMs;
    while (runOne(timeMs)) {
      if (runtime.state.timeMs === instant) {
        if (++sameInstant > EVENTS_PER_INSTANT_MAX) throw new Error(`more than ${EVENTS_PER_INSTANT_MAX} events at t=${instant} ms: a protocol loops without time passing`);
      } else {
        instant = runtime.state.timeMs;
        sameInstant = 0;
      }
    }
    if (timeMs > runtime.state.timeMs) runtime.state.timeMs = timeMs;
    headTimeMs = Math.max(headTimeMs, runtime.state.timeMs);
    noteReported();
  };

  const world: World = {
    scenario: runtime.state.scenario,
    timeMs: () => runtime.state.timeMs,
    headTimeMs: () => headTimeMs,
    inputs: () => inputs,
    runUntil,
    stepEvent: () => {
      const ran = runOne(Infinity);
      headTimeMs = Math.max(headTimeMs, runtime.state.timeMs);
      noteReported();
      return ran;
    },
    nextEventTimeMs: () => {
      const next = peek(runtime.state.queue);
      const input = inputs[runtime.state.inputCursor];
      const due = Math.min(next ? next.timeMs : Infinity, input ? input.atMs : Infinity);
      return due === Infinity ? null : due;
    },
    act: (action) => {
      const now = runtime.state.timeMs;
      if (runtime.state.inputCursor < inputs.length || now < headTimeMs) {
        inputs = inputs.slice(0, runtime.state.inputCursor);
        snapshots = snapshots.filter((snapshot) => snapshot.timeMs <= now);
        headTimeMs = now;
        reportedProgress = progress();
        forkHistory(history);
      }
      const entry = { atMs: now, action: clonePlain(action) };
      inputs.push(entry);
      applyInput(entry);
    },
    seek: (timeMs) => {
      const target = Math.max(0, Math.round(timeMs));
      let base = snapshots[0]!;
      for (const snapshot of snapshots) if (snapshot.timeMs <= target) base = snapshot;
      // Back in time: restore the nearest snapshot. Forward: jump to a snapshot if one is
      // nearer the target than where we stand (the run has been there before).
      if (target < runtime.state.timeMs || base.timeMs > runtime.state.timeMs) {
        runtime.state = clonePlain(base.state);
        history.cursor = base.historyLength;
      }
      // Up to the head the run has been reported before: replay it silently. Beyond the head it
      // is new, so report its landmarks (roles, commits, faults, ops, watches) but not every
      // message: a run opened at 8 s (a link, a walkthrough checkpoint) then has a timeline of
      // what led there, as if it had been played.
      const sink = runtime.sink;
      runtime.sink = null;
      try {
        while (progress() < reportedProgress && runOne(target));
      } finally {
        runtime.sink = sink ?? [];
      }
      const traceMessages = runtime.traceMessages;
      runtime.traceMessages = false;
      try {
        runUntil(target);
      } finally {
        runtime.traceMessages = traceMessages;
      }
    },
    snapshot: () => ({ state: clonePlain(runtime.state), inputs: clonePlain(inputs) }),
    // The queue is hashed as its events in run order, not as the heap's array layout: two
    // states holding the same events are the same state, however the heap got there.
    fingerprint: () => hashState({ ...runtime.state, queue: { events: queuedInOrder(runtime.state.queue), nextSeq: runtime.state.queue.nextSeq } }),
    drain: () => {
      const records = runtime.sink ?? [];
      runtime.sink = [];
      return records;
    },
    view: () => buildView(runtime),
    serverTree: (id) => serverTreeView(runtime, id),
    messageDetail: (id) => messageDetailView(runtime, id),
    scriptDone: () => scriptFinished(runtime),
    actorsDone: () => actorsDone(runtime.state),
    eventsProcessed: () => runtime.state.eventsProcessed,
    invariants: () => ({ checked: runtime.state.invariants.checked, violations: [...runtime.state.invariants.violations] }),
    history: () => ({ records: history.records, length: history.cursor, generation: history.generation }),
  };
  return world;
}
