// The world's side of the clients: their slots, the effects they act through, scenario ops
// handed to them, and when an op step counts as complete ("every watch event it caused was
// delivered", CONTRACT.md section 1).
import { stepClient, type ClientEffects, type ClientInput } from '../client/client';
import { createClientState } from '../client/state';
import { createClientWatchTable } from '../client/watches';
import { serverCountOf, type ClientOp, type Scenario, type Step } from '../scenario/types';
import { CLIENT_ID_BASE, type EndpointId } from '../sim/network';
import { createRng } from '../sim/rng';
import type { TraceRecord } from '../sim/trace';
import { emit, NodeEffects, type Runtime } from './runtime';
import type { ClientSlot, WorldState } from './state';
import { completeStep } from './script';
import { drainActors, routeClientRecord } from './actors';

/** Client slots for a scenario: labels sorted, endpoints from CLIENT_ID_BASE up. */
export function createClientSlots(scenario: Scenario): ClientSlot[] {
  const serverIds = Array.from({ length: serverCountOf(scenario.ensemble) }, (_, index) => index + 1);
  return Object.keys(scenario.clients).sort().map((label, index) => {
    const config = scenario.clients[label]!;
    const endpoint = CLIENT_ID_BASE + index;
    const first = serverIds.indexOf(config.server);
    // An op list runs as the oracle does: one server in the connect string. A scenario's client
    // knows every server, starting with its own (the real client shuffles; we rotate).
    const connectString = scenario.oracleMode ? [config.server] : [...serverIds.slice(first), ...serverIds.slice(0, first)];
    return {
      label, endpoint, timers: {}, rng: createRng(scenario.seed, `client:${label}`),
      state: createClientState(label, endpoint, connectString, config.sessionTimeoutMs, createClientWatchTable()),
    };
  });
}

/** The slot of a client by endpoint or label. */
export function clientSlot(state: WorldState, key: EndpointId | string): ClientSlot | undefined {
  if (typeof key === 'string') return state.clients.find((slot) => slot.label === key);
  const slot = state.clients[key - CLIENT_ID_BASE];
  return slot && slot.endpoint === key ? slot : undefined;
}

class ClientEffectsImpl extends NodeEffects<ClientSlot> implements ClientEffects {
  constructor(runtime: Runtime) {
    super(runtime, (slot) => slot.endpoint);
  }
  override trace(record: TraceRecord): void {
    emit(this.runtime, record);
    // Recipe actors hear their client here, not from the sink (which is null while seeking).
    if (this.runtime.state.actors.length > 0) routeClientRecord(this.runtime, this.current, record);
  }
  opDone(tag: number, zxid: number | null): void {
    if (tag < 0) return;
    // An op list waits, as the oracle does, until every watch event the op caused has arrived;
    // a scenario's op is done when its answer is (so a lagging follower can serve a stale read).
    if (this.runtime.state.scenario.oracleMode) this.runtime.state.script.settling.push({ tag, zxid });
    else completeStep(this.runtime, tag);
  }
}

/** Hands one input to a client, then keeps the network's view of where it is attached. */
export function dispatchToClient(runtime: Runtime, slot: ClientSlot, input: ClientInput): void {
  let effects = runtime.clientEffects as ClientEffectsImpl | undefined;
  if (effects === undefined) {
    effects = new ClientEffectsImpl(runtime);
    runtime.clientEffects = effects;
  }
  const previous = effects.slot;
  effects.slot = slot;
  try {
    stepClient(slot.state, input, effects);
  } finally {
    effects.slot = previous;
  }
  const attachment = runtime.state.network.attachment;
  if (slot.state.server !== null && slot.state.status !== 'CRASHED') attachment[slot.endpoint] = slot.state.server;
  else delete attachment[slot.endpoint];
  if (previous === null) drainActors(runtime);
}

/** Starts an op step (or a UI action, tag -1) on its client. */
export function startClientOp(runtime: Runtime, tag: number, step: Extract<Step, { kind: 'op' }>): void {
  const slot = clientSlot(runtime.state, step.client);
  if (!slot) throw new Error(`unknown client ${step.client}`);
  const { kind: _kind, at: _at, ...op } = step;
  const opIndex = tag < 0 ? -1 : opIndexOf(runtime.state, tag);
  if (tag >= 0) runtime.state.script.currentOpIndex = opIndex;
  emitOpCall(runtime, step.client, opIndex, op);
  dispatchToClient(runtime, slot, { type: 'op', tag, opIndex, op });
}

/** The call side of an op (history.ts pairs it with the {type:'op'} record that completes it). */
export function emitOpCall(runtime: Runtime, client: string, opIndex: number, op: ClientOp | (Record<string, unknown> & { op: string })): void {
  emit(runtime, { type: 'op-call', t: runtime.state.timeMs, client, opIndex, op: op as Record<string, unknown> & { op: string }, seq: -1 });
}

/** The index of step `tag` in the op list (form A lists start after the await-serving step). */
export function opIndexOf(state: WorldState, tag: number): number {
  return state.scenario.oracleMode ? tag - 1 : tag;
}

/** Completes op steps whose answers came back once no watch event is left on its way. */
export function checkSettled(runtime: Runtime, appliedZxidOf: (server: number) => number | null): void {
  const state = runtime.state;
  if (state.script.settling.length === 0 || state.script.watchEventsInFlight > 0) return;
  // Runs after every event: look first, without building arrays, whether any op is done.
  let anyDone = false;
  for (const settling of state.script.settling) {
    if (settling.zxid === null || serversCaughtUp(state, settling.zxid, appliedZxidOf)) {
      anyDone = true;
      break;
    }
  }
  if (!anyDone) return;
  const still = state.script.settling.filter((settling) => settling.zxid !== null && !serversCaughtUp(state, settling.zxid, appliedZxidOf));
  const done = state.script.settling.filter((settling) => !still.includes(settling));
  state.script.settling = still;
  for (const settling of done) completeStep(runtime, settling.tag);
}

/** Every server that has a connected client has applied `zxid` (so it sent its watch events). */
function serversCaughtUp(state: WorldState, zxid: number, appliedZxidOf: (server: number) => number | null): boolean {
  for (const client of state.clients) {
    if (client.state.status !== 'CONNECTED' || client.state.server === null) continue;
    const applied = appliedZxidOf(client.state.server);
    if (applied !== null && applied < zxid) return false;
  }
  return true;
}

