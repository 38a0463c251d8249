// A small deterministic driver for Zab tests (the world replaces it in the app). It follows the
// actor contract as the world does: timers are replaced by name (a generation per name), a close
// travels as a control message behind the data on its channel, a crash closes every live
// connection of the crashed server at once and keeps only protocol.crash(state), a restart
// forgets the server's channels and sends {type:'start'}.
import type { Effects, ServerProtocol } from '../../sim/actor';
import {
  arrivalVerdict, createNetwork, forgetChannelsOf, resetChannel, sendMessage, setDown, setPartition,
  type EndpointId, type Message, type NetworkState,
} from '../../sim/network';
import { createRng, type RngState } from '../../sim/rng';
import { createScheduler, pop, schedule, type SchedulerState } from '../../sim/scheduler';
import type { TraceRecord } from '../../sim/trace';
import type { ReplicatedMachine } from '../machine';
import type { ZabOptions } from '../options';
import type { ZabPayload } from '../packets';
import { createZabProtocol } from '../protocol';
import type { ZabServerState } from '../state';

type HarnessEvent =
  | { kind: 'deliver'; timeMs: number; seq: number; message: Message<ZabPayload | null>; control: 'data' | 'close' }
  | { kind: 'timer'; timeMs: number; seq: number; node: EndpointId; name: string; generation: number };

export interface HarnessOptions {
  seed: number;
  servers: number;
  observers: number;
  /** Servers after the observers that run as joiners, not yet members (for reconfig). */
  spares: number;
  tickMs: number;
  initLimit: number;
  syncLimit: number;
  latencyMsMin: number;
  latencyMsMax: number;
  zab: Partial<ZabOptions>;
}

export const DEFAULT_HARNESS_OPTIONS: HarnessOptions = {
  seed: 1, servers: 3, observers: 0, spares: 0, tickMs: 2000, initLimit: 10, syncLimit: 5, latencyMsMin: 1, latencyMsMax: 5, zab: {},
};

/** Something that happened, for transcripts and tests. */
export type HarnessRecord =
  | { kind: 'deliver'; t: number; from: EndpointId; to: EndpointId; payload: ZabPayload }
  | { kind: 'drop'; t: number; from: EndpointId; to: EndpointId; payload: ZabPayload; reason: string }
  | { kind: 'close'; t: number; from: EndpointId; to: EndpointId; channel: string }
  | { kind: 'trace'; record: TraceRecord }
  | { kind: 'fault'; t: number; text: string };

export interface Harness<Db = unknown, Request = unknown, Txn = unknown, Result = unknown> {
  options: HarnessOptions;
  protocol: ServerProtocol<ZabServerState<Db, Txn>, ZabPayload<Db, Request, Txn, Result>>;
  machine: ReplicatedMachine<Db, Request, Txn, Result>;
  nowMs: number;
  network: NetworkState;
  networkRng: RngState;
  queue: SchedulerState<HarnessEvent>;
  /** Server id -> state (index id - 1). */
  servers: ZabServerState<Db, Txn>[];
  alive: boolean[];
  rngs: RngState[];
  timers: Record<string, number>[];
  nextGeneration: number;
  records: HarnessRecord[];
  /** What clients received, in order. */
  clientInbox: { t: number; client: EndpointId; from: EndpointId; payload: ZabPayload | null; closed: boolean }[];
}

/** Builds an ensemble: servers 1..servers are voters, the next `observers` ids are observers. */
export function createHarness<Db, Request, Txn, Result>(
  machine: ReplicatedMachine<Db, Request, Txn, Result>,
  partial: Partial<HarnessOptions> = {},
): Harness<Db, Request, Txn, Result> {
  const options = { ...DEFAULT_HARNESS_OPTIONS, ...partial };
  const protocol = createZabProtocol(machine, options.zab);
  const ids = Array.from({ length: options.servers + options.observers + options.spares }, (_, index) => index + 1);
  const observers = ids.slice(options.servers, options.servers + options.observers);
  const spares = ids.slice(options.servers + options.observers);
  const protocolOptions = { observers, spares, tickMs: options.tickMs, initLimit: options.initLimit, syncLimit: options.syncLimit };
  return {
    options, protocol, machine, nowMs: 0,
    network: createNetwork(options.latencyMsMin, options.latencyMsMax),
    networkRng: createRng(options.seed, 'network'),
    queue: createScheduler<HarnessEvent>(),
    servers: ids.map((id) => protocol.create(id, ids, protocolOptions)),
    alive: ids.map(() => false),
    rngs: ids.map((id) => createRng(options.seed, `server-${id}`)),
    timers: ids.map(() => ({})),
    nextGeneration: 1,
    records: [],
    clientInbox: [],
  };
}

/** The server ids of the ensemble. */
export function serverIds(harness: Harness): EndpointId[] {
  return harness.servers.map((state) => state.id);
}

function send(harness: Harness, from: EndpointId, to: EndpointId, channel: string, payload: ZabPayload | null, stream: boolean, control: 'data' | 'close'): void {
  if (from >= 1000) harness.network.attachment[from] = to;
  const message = sendMessage(harness.network, harness.networkRng, harness.nowMs, from, to, channel, stream, payload);
  schedule(harness.queue, { kind: 'deliver', timeMs: message.deliverTimeMs, message, control });
}

function effectsFor(harness: Harness, id: EndpointId): Effects<ZabPayload> {
  const index = id - 1;
  return {
    get nowMs() { return harness.nowMs; },
    rng: harness.rngs[index]!,
    send: (to, channel, payload, stream = false) => send(harness, id, to, channel, payload, stream, 'data'),
    resetChannel: (to, channel) => resetChannel(harness.network, id, to, channel),
    close: (to, channel) => send(harness, id, to, channel, null, false, 'close'),
    setTimer: (name, delayMs) => {
      const generation = harness.nextGeneration++;
      harness.timers[index]![name] = generation;
      schedule(harness.queue, { kind: 'timer', timeMs: harness.nowMs + Math.max(0, Math.round(delayMs)), node: id, name, generation });
    },
    cancelTimer: (name) => { delete harness.timers[index]![name]; },
    trace: (record) => harness.records.push({ kind: 'trace', record }),
  };
}

function dispatch(harness: Harness, id: EndpointId, input: Parameters<Harness['protocol']['step']>[1]): void {
  harness.protocol.step(harness.servers[id - 1]!, input, effectsFor(harness, id));
}

/** Boots (or reboots after a crash) the given servers. */
export function startServers(harness: Harness, ids: EndpointId[] = serverIds(harness)): void {
  for (const id of ids) {
    if (harness.alive[id - 1]) continue;
    forgetChannelsOf(harness.network, id);
    setDown(harness.network, id, false);
    harness.alive[id - 1] = true;
    harness.records.push({ kind: 'fault', t: harness.nowMs, text: `start ${id}` });
    dispatch(harness, id, { type: 'start' });
  }
}

/** Kills a server: peers' connections close at once, only its disk survives. */
export function crashServer(harness: Harness, id: EndpointId): void {
  if (!harness.alive[id - 1]) return;
  harness.records.push({ kind: 'fault', t: harness.nowMs, text: `crash ${id}` });
  const peers = new Set<string>();
  for (const key of Object.keys(harness.network.channels).sort()) {
    const [link, channel] = key.split('#') as [string, string];
    const [from, to] = link.split('>').map(Number) as [number, number];
    const peer = from === id ? to : to === id ? from : null;
    if (peer !== null && peer !== id && !harness.network.channels[key]!.broken) peers.add(`${peer}#${channel}`);
  }
  for (const entry of [...peers].sort()) {
    const [peer, channel] = entry.split('#') as [string, string];
    send(harness, id, Number(peer), channel, null, false, 'close');
  }
  setDown(harness.network, id, true);
  harness.alive[id - 1] = false;
  harness.timers[id - 1] = {};
  harness.servers[id - 1] = harness.protocol.crash(harness.servers[id - 1]!);
}

/** Splits the servers into groups (null heals). */
export function partition(harness: Harness, groups: EndpointId[][] | null): void {
  harness.records.push({ kind: 'fault', t: harness.nowMs, text: groups === null ? 'heal' : `partition ${groups.map((group) => group.join(',')).join(' | ')}` });
  setPartition(harness.network, groups);
}

/** A client endpoint sends a packet to a server. */
export function clientSend(harness: Harness, client: EndpointId, server: EndpointId, payload: ZabPayload): void {
  send(harness, client, server, 'client', payload, true, 'data');
}

/** Runs one event; returns false when the queue is empty or the next event is after untilMs. */
export function stepOnce(harness: Harness, untilMs: number): boolean {
  const next = harness.queue.heap[0];
  if (next === undefined || next.timeMs > untilMs) return false;
  const event = pop(harness.queue)!;
  harness.nowMs = event.timeMs;
  if (event.kind === 'timer') {
    if (harness.alive[event.node - 1] && harness.timers[event.node - 1]![event.name] === event.generation) {
      delete harness.timers[event.node - 1]![event.name];
      dispatch(harness, event.node, { type: 'timer', name: event.name });
    }
    return true;
  }
  deliver(harness, event.message, event.control);
  return true;
}

function deliver(harness: Harness, message: Message<ZabPayload | null>, control: 'data' | 'close'): void {
  const verdict = arrivalVerdict(harness.network, message);
  const { from, to, payload } = message;
  if (to >= 1000) {
    if (verdict !== null) return;
    harness.clientInbox.push({ t: harness.nowMs, client: to, from, payload, closed: control === 'close' });
    if (control === 'close') harness.records.push({ kind: 'close', t: harness.nowMs, from, to, channel: message.channel });
    else harness.records.push({ kind: 'deliver', t: harness.nowMs, from, to, payload: payload! });
    return;
  }
  if (verdict !== null) {
    if (payload !== null) harness.records.push({ kind: 'drop', t: harness.nowMs, from, to, payload, reason: verdict });
    return;
  }
  if (!harness.alive[to - 1]) return;
  if (control === 'close') {
    harness.records.push({ kind: 'close', t: harness.nowMs, from, to, channel: message.channel });
    dispatch(harness, to, { type: 'closed', peer: from, channel: message.channel });
    return;
  }
  harness.records.push({ kind: 'deliver', t: harness.nowMs, from, to, payload: payload! });
  dispatch(harness, to, { type: 'message', from, channel: message.channel, payload: payload! });
}

/** Advances simulated time by durationMs, running every event due; `afterEach` runs after each. */
export function runFor(harness: Harness, durationMs: number, afterEach?: () => void): void {
  const untilMs = harness.nowMs + durationMs;
  for (let guard = 0; guard < 10_000_000 && stepOnce(harness, untilMs); guard++) afterEach?.();
  harness.nowMs = untilMs;
}

/** Runs until `predicate` holds (checked after each event) or limitMs passes; returns the time. */
export function runUntil(harness: Harness, predicate: () => boolean, limitMs: number): number | null {
  const untilMs = harness.nowMs + limitMs;
  for (let guard = 0; guard < 10_000_000; guard++) {
    if (predicate()) return harness.nowMs;
    if (!stepOnce(harness, untilMs)) break;
  }
  if (predicate()) return harness.nowMs;
  harness.nowMs = untilMs;
  return null;
}
