// The world's state: everything a run is at one instant, as plain data (snapshots are copies,
// fingerprints are hashes of it).
import type { Message } from '../sim/network';
import type { RngState } from '../sim/rng';
import type { SchedulerState } from '../sim/scheduler';
import type { NetworkState } from '../sim/network';
import type { Scenario } from '../scenario/types';
import type { Timers } from './timers';

/** Something due at a simulated time. */
export type QueueEvent =
  | { kind: 'deliver'; timeMs: number; seq: number; message: Message; control: 'data' | 'close' }
  | { kind: 'timer'; timeMs: number; seq: number; node: number; name: string; generation: number }
  | { kind: 'step-start'; timeMs: number; seq: number; step: number }
  | { kind: 'step-done'; timeMs: number; seq: number; step: number }
  | { kind: 'resume'; timeMs: number; seq: number; node: number }
  /** The end of a client's "disconnect" fault with a duration. */
  | { kind: 'reconnect-client'; timeMs: number; seq: number; node: number }
  /** A recipe actor's timer (world/actors.ts); stale when its generation differs. */
  | { kind: 'actor-timer'; timeMs: number; seq: number; actor: number; name: string; generation: number };

/** One server: its protocol state plus what the world keeps for it. */
export interface ServerSlot {
  id: number;
  alive: boolean;
  paused: boolean;
  /** Protocol state (opaque to the world). After a crash: what survived it. */
  state: unknown;
  /** Armed timers by name (see timers.ts). */
  timers: Timers;
  /** Deliveries and timers that came due while paused, in order. */
  held: QueueEvent[];
  rng: RngState;
}

/** One client handle (ZooKeeper client) and what the world keeps for it. */
export interface ClientSlot {
  label: string;
  endpoint: number;
  state: import('../client/state').ClientState;
  timers: Timers;
  rng: RngState;
}

/** A recipe actor (world/actors.ts): its config, its recipe's plain-data state, its timers. */
export interface ActorSlot {
  id: string;
  recipe: string;
  client: string;
  config: Record<string, unknown>;
  state: unknown;
  timers: Record<string, number>;
  /** Inputs routed from its client, handed to the recipe after the client's step. */
  inbox: import('../recipes/types').ActorInput[];
  /** Directories still to create before the recipe starts. */
  mkdirs: string[];
  started: boolean;
  /** Its client crashed or was closed: it does nothing more. */
  stopped: boolean;
}

/** An op step whose answer came back: it completes once every watch event it caused arrived. */
export interface Settling {
  tag: number;
  zxid: number | null;
}

export type StepStatus = 'pending' | 'running' | 'done';

export interface ScriptState {
  status: StepStatus[];
  /** await-serving steps waiting for the ensemble. */
  waitingServing: number[];
  /** Op steps waiting for their watch events to arrive. */
  settling: Settling[];
  /** Index in the op list of the op running now (the oracle's afterOp for watch events). */
  currentOpIndex: number;
  /** Watch notifications on their way to clients (an op completes once none is left). */
  watchEventsInFlight: number;
  /** The steps with `at`, fed to the queue one at a time (null: none, or all queued at once). */
  timed: TimedSteps | null;
  /** Index in `timed` of the step whose step-start event is in the queue now. */
  timedNext: number;
}

/** Steps with `at` in the order they come due ((at, seq) order), each with the queue seq it was
 * given when the script was scheduled. Never changed once made (copies share it). Only the next
 * one waits in the queue: a long script would otherwise fill the heap with thousands of far-off
 * events that every push and pop has to climb past. */
export interface TimedSteps {
  steps: number[];
  seqs: number[];
}

export interface WorldState {
  scenario: Scenario;
  timeMs: number;
  queue: SchedulerState<QueueEvent>;
  network: NetworkState;
  networkRng: RngState;
  servers: ServerSlot[];
  clients: ClientSlot[];
  actors: ActorSlot[];
  /** Client label -> index in actors of the actor that owns it. */
  actorOfClient: Record<string, number>;
  script: ScriptState;
  nextTimerGeneration: number;
  /** How many recorded user actions have been applied. */
  inputCursor: number;
  eventsProcessed: number;
  /** Each invariant checker's memory, by checker name. */
  checkerMemory: Record<string, unknown>;
  invariants: { checked: number; violations: { name: string; timeMs: number; event: number; message: string }[] };
}
