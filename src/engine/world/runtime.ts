// The runtime: state plus the code that moves it (the protocol) and where trace records go.
// Functions here take a Runtime; the state inside stays plain data.
import type { Effects, NodeInput, ServerProtocol } from '../sim/actor';
import { resetChannel, sendMessage, type EndpointId } from '../sim/network';
import { schedule, type Unsequenced } from '../sim/scheduler';
import { armTimer, type Timers } from './timers';
import type { RngState } from '../sim/rng';
import type { TraceRecord } from '../sim/trace';
import type { QueueEvent, ServerSlot, WorldState } from './state';
import type { Step } from '../scenario/types';
import { isWatchNotification } from '../client/packets';
import { isHistoryRecord, logHistory, type HistoryLog } from './history-log';

export interface Runtime {
  state: WorldState;
  protocol: ServerProtocol<unknown, unknown>;
  /** Trace records since the last drain; null while replaying silently (seek). */
  sink: TraceRecord[] | null;
  /** Whether send/deliver/drop records are wanted (the UI: yes; a benchmark: no). */
  traceMessages: boolean;
  /** Set when a role changed: conditions that wait for "serving" are re-checked. */
  rolesChanged: boolean;
  /** Starts a client operation step (provided by the client layer). */
  startOp?: (runtime: Runtime, stepIndex: number, op: Extract<Step, { kind: 'op' }>) => void;
  /** The client history (op calls, completions, watch events), recorded even while seeking. */
  history?: HistoryLog;
  /** The Effects objects reused by every dispatch to a server / a client (made on first use;
   * a field rather than a WeakMap entry: it is read on every event). Not state. */
  serverEffects?: unknown;
  clientEffects?: unknown;
}

/** Emits a trace record if anyone listens. */
export function emit(runtime: Runtime, record: TraceRecord): void {
  if (record.type === 'role') runtime.rolesChanged = true;
  if (record.type === 'watch' || record.type === 'client') record.afterOp = runtime.state.script.currentOpIndex;
  if (runtime.history !== undefined && isHistoryRecord(record)) logHistory(runtime.history, record);
  if (runtime.sink !== null) runtime.sink.push(record);
}

/** Sends a message from `from`, scheduling its delivery (or its visible drop). */
export function sendFrom(runtime: Runtime, from: EndpointId, to: EndpointId, channel: string, payload: unknown, stream: boolean, control: 'data' | 'close'): void {
  const state = runtime.state;
  const message = sendMessage(state.network, state.networkRng, state.timeMs, from, to, channel, stream, payload);
  // seq is filled in by schedule; made here with the event so that it is not a property added later.
  schedule(state.queue, { kind: 'deliver', timeMs: message.deliverTimeMs, message, control, seq: 0 } as Unsequenced<QueueEvent>);
  if (control === 'data' && isWatchNotification(channel, payload)) state.script.watchEventsInFlight++;
  if (runtime.traceMessages && runtime.sink !== null) {
    runtime.sink.push({
      type: 'send', t: state.timeMs, id: message.id, from, to, label: control === 'close' ? 'CLOSE' : runtime.protocol.label(payload),
      sendTimeMs: message.sendTimeMs, deliverTimeMs: message.deliverTimeMs, dropped: message.dropped, retransmits: message.retransmits,
    });
  }
}

/** What any node (server or client) acting through Effects keeps: its timers and randomness. */
interface EffectsSlot {
  timers: Timers;
  rng: RngState;
}

/** The Effects object of a runtime, pointed at whichever node is handling an input. Reused
 * rather than rebuilt per event: the hot path allocates no closures. */
export class NodeEffects<Slot extends EffectsSlot> implements Effects<unknown> {
  slot: Slot | null = null;
  constructor(protected readonly runtime: Runtime, private readonly endpointOf: (slot: Slot) => EndpointId) {}
  protected get current(): Slot {
    if (this.slot === null) throw new Error('effects used outside a dispatch');
    return this.slot;
  }
  get nowMs(): number {
    return this.runtime.state.timeMs;
  }
  get rng(): RngState {
    return this.current.rng;
  }
  send(to: EndpointId, channel: string, payload: unknown, stream = false): void {
    sendFrom(this.runtime, this.endpointOf(this.current), to, channel, payload, stream, 'data');
  }
  resetChannel(to: EndpointId, channel: string): void {
    resetChannel(this.runtime.state.network, this.endpointOf(this.current), to, channel);
  }
  close(to: EndpointId, channel: string): void {
    sendFrom(this.runtime, this.endpointOf(this.current), to, channel, null, false, 'close');
  }
  setTimer(name: string, delayMs: number): void {
    const state = this.runtime.state;
    armTimer(this.current.timers, state.queue, this.endpointOf(this.current), name, state.timeMs + Math.max(0, Math.round(delayMs)), state);
  }
  cancelTimer(name: string): void {
    delete this.current.timers[name];
  }
  trace(record: TraceRecord): void {
    emit(this.runtime, record);
  }
}

type ServerEffects = NodeEffects<ServerSlot>;

/** Hands one input to a live server's protocol. */
export function dispatchToServer(runtime: Runtime, slot: ServerSlot, input: NodeInput<unknown>): void {
  let effects = runtime.serverEffects as ServerEffects | undefined;
  if (effects === undefined) {
    effects = new NodeEffects<ServerSlot>(runtime, (slot) => slot.id);
    runtime.serverEffects = effects;
  }
  const previous = effects.slot;
  effects.slot = slot;
  try {
    runtime.protocol.step(slot.state, input, effects);
  } finally {
    effects.slot = previous;
  }
}

/** The slot of server `id`, or undefined for a client endpoint. */
export function serverSlot(state: WorldState, id: EndpointId): ServerSlot | undefined {
  const slot = state.servers[id - 1];
  return slot && slot.id === id ? slot : undefined;
}
