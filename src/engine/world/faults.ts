// Faults: what the user (or a scenario) does to the servers and the network.
import type { FaultAction } from '../scenario/types';
import { forgetChannelsOf, setCut, setDown, setLinkRule, setPartition, type EndpointId } from '../sim/network';
import { schedule } from '../sim/scheduler';
import { dispatchToServer, emit, sendFrom, serverSlot, type Runtime } from './runtime';
import { resumeServer } from './events';
import { clientSlot, dispatchToClient } from './clients';

/** Applies a fault now and reports it in the trace. */
export function applyFault(runtime: Runtime, action: FaultAction): void {
  const state = runtime.state;
  emit(runtime, { type: 'fault', t: state.timeMs, action: { fault: action.fault, ...withoutFault(action) } });
  switch (action.fault) {
    case 'crash': return crashServer(runtime, action.server!);
    case 'restart': return restartServer(runtime, action.server!);
    case 'partition': return setPartition(state.network, action.groups!);
    case 'heal': return heal(runtime);
    case 'isolate': return isolate(runtime, action.server!);
    case 'cut': return setCut(state.network, action.from!, action.to!, true);
    case 'uncut': return setCut(state.network, action.from!, action.to!, false);
    case 'loss': return setLoss(runtime, action);
    case 'delay': return setDelay(runtime, action);
    case 'pause': return pauseServer(runtime, action.server!, action.durationMs);
    case 'resume': return resumeServer(runtime, action.server!);
    case 'disconnect':
      return disconnectClient(runtime, action.client!, action.durationMs);
    case 'expire':
      return expireSession(runtime, action.client!);
  }
}

function withoutFault(action: FaultAction): Record<string, unknown> {
  const { fault: _fault, ...rest } = action as FaultAction & { kind?: string; at?: number };
  delete (rest as { kind?: string }).kind;
  return rest;
}

/** A killed process: its peers' connections close at once; only its disks survive. */
export function crashServer(runtime: Runtime, id: EndpointId): void {
  const state = runtime.state;
  const slot = serverSlot(state, id);
  if (!slot || !slot.alive) return;
  for (const [peer, channel] of connectionsOf(runtime, id)) sendFrom(runtime, id, peer, channel, null, false, 'close');
  setDown(state.network, id, true);
  slot.alive = false;
  slot.paused = false;
  slot.held = [];
  slot.timers = {};
  slot.state = runtime.protocol.crash(slot.state);
  emit(runtime, { type: 'role', t: state.timeMs, server: id, role: 'DOWN', epoch: runtime.protocol.status(slot.state).epoch });
}

/** Starts a crashed server again from what it had on disk. */
export function restartServer(runtime: Runtime, id: EndpointId): void {
  const state = runtime.state;
  const slot = serverSlot(state, id);
  if (!slot || slot.alive) return;
  forgetChannelsOf(state.network, id);
  setDown(state.network, id, false);
  slot.alive = true;
  dispatchToServer(runtime, slot, { type: 'start' });
}

/** (peer, channel) pairs of the live connections touching `id`, in a stable order. */
function connectionsOf(runtime: Runtime, id: EndpointId): [EndpointId, string][] {
  const pairs = new Map<string, [EndpointId, string]>();
  for (const key of Object.keys(runtime.state.network.channels).sort()) {
    const [link, channel] = key.split('#') as [string, string];
    const [from, to] = link.split('>').map(Number) as [number, number];
    const peer = from === id ? to : to === id ? from : null;
    if (peer === null || peer === id) continue;
    if (!runtime.state.network.channels[key]!.broken) pairs.set(`${peer}#${channel}`, [peer, channel]);
  }
  return [...pairs.keys()].sort().map((key) => pairs.get(key)!);
}

function heal(runtime: Runtime): void {
  const network = runtime.state.network;
  setPartition(network, null);
  network.isolated = [];
  network.cuts = [];
  network.links = [];
  network.lossPerMillion = 0;
}

/** Cuts one server off from every other (clients attached to it go with it). */
function isolate(runtime: Runtime, id: EndpointId): void {
  const others = runtime.state.servers.map((slot) => slot.id).filter((other) => other !== id);
  setPartition(runtime.state.network, [[id], others]);
}

function linkPairs(runtime: Runtime, from: number | undefined, to: number | undefined): [number, number][] {
  const ids = runtime.state.servers.map((slot) => slot.id);
  const pairs: [number, number][] = [];
  for (const a of ids) for (const b of ids) {
    if (a === b) continue;
    if ((from === undefined || a === from) && (to === undefined || b === to)) pairs.push([a, b]);
  }
  return pairs;
}

function setLoss(runtime: Runtime, action: FaultAction): void {
  const lossPerMillion = Math.round((action.ratio ?? 0) * 1_000_000);
  const network = runtime.state.network;
  if (action.from === undefined && action.to === undefined) {
    network.lossPerMillion = lossPerMillion;
    return;
  }
  for (const [from, to] of linkPairs(runtime, action.from, action.to)) {
    const existing = network.links.find((rule) => rule.from === from && rule.to === to);
    setLinkRule(network, {
      from, to, lossPerMillion,
      latencyMsMin: existing?.latencyMsMin ?? network.latencyMsMin,
      latencyMsMax: existing?.latencyMsMax ?? network.latencyMsMax,
    });
  }
}

function setDelay(runtime: Runtime, action: FaultAction): void {
  const network = runtime.state.network;
  for (const [from, to] of linkPairs(runtime, action.from, action.to)) {
    const existing = network.links.find((rule) => rule.from === from && rule.to === to);
    setLinkRule(network, {
      from, to, lossPerMillion: existing?.lossPerMillion ?? network.lossPerMillion,
      latencyMsMin: action.latencyMsMin!, latencyMsMax: action.latencyMsMax!,
    });
  }
}

/** A GC-like pause: the server handles nothing until resumed; its peers see only silence. */
function pauseServer(runtime: Runtime, id: EndpointId, durationMs: number | undefined): void {
  const slot = serverSlot(runtime.state, id);
  if (!slot || !slot.alive || slot.paused) return;
  slot.paused = true;
  if (durationMs !== undefined) schedule(runtime.state.queue, { kind: 'resume', timeMs: runtime.state.timeMs + durationMs, node: id });
}

/** Expires a client's session as the leader's session tracker would (it submits closeSession). */
function expireSession(runtime: Runtime, label: string): void {
  const client = clientSlot(runtime.state, label);
  if (!client || client.state.sessionId === 0) return;
  for (const slot of runtime.state.servers) {
    if (slot.alive && runtime.protocol.status(slot.state).role === 'LEADING') {
      dispatchToServer(runtime, slot, { type: 'expire-session', sessionId: client.state.sessionId });
    }
  }
}

/** The client's connection drops; with a duration, its network stays cut off that long (it
 * keeps trying, and reaches nobody), which is how a client outlives its session. */
function disconnectClient(runtime: Runtime, label: string, durationMs: number | undefined): void {
  const client = clientSlot(runtime.state, label);
  if (!client) return;
  const network = runtime.state.network;
  if (durationMs !== undefined) {
    network.isolated = [...network.isolated.filter((id) => id !== client.endpoint), client.endpoint].sort((a, b) => a - b);
    schedule(runtime.state.queue, { kind: 'reconnect-client', timeMs: runtime.state.timeMs + durationMs, node: client.endpoint });
  }
  dispatchToClient(runtime, client, { type: 'drop-connection' });
}
