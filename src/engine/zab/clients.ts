// The client side of a server, reduced to the request path Zab needs (see ClientPacket):
// reads are served locally, writes go to the leader, replies leave when the txn is applied.
import type { EndpointId } from '../sim/network';
import { addSorted, type ZabContext } from './context';
import { isServingState } from './serving';
import { proposeRequest } from './broadcast';
import { CLIENT_CHANNEL, ZAB_CHANNEL, type ClientPacket, type RequestOrigin } from './packets';
import type { LogEntry } from './state';
import type { LayerContext } from './layer';

/** Whether this server runs its ZooKeeperServer: a leader in BROADCAST, a learner after UPTODATE. */
export function isServing(context: ZabContext): boolean {
  return isServingState(context.state, context.options.bugs);
}

/** A client packet arrives. */
export function receiveClientPacket(context: ZabContext, from: EndpointId, packet: ClientPacket): void {
  const { state, effects } = context;
  if (!isServing(context)) {
    // No ZooKeeperServer running: the connection is refused/closed.
    effects.close(from, CLIENT_CHANNEL);
    state.clients = state.clients.filter((client) => client !== from);
    return;
  }
  if (!state.clients.includes(from)) {
    effects.resetChannel(from, CLIENT_CHANNEL);
    addSorted(state.clients, from);
  }
  switch (packet.type) {
    case 'CLIENT_READ':
      effects.send(from, CLIENT_CHANNEL, { type: 'CLIENT_REPLY', requestId: packet.requestId, zxid: state.lastProcessedZxid, result: context.machine.read(state.db, packet.request) }, true);
      break;
    case 'CLIENT_WRITE':
      submitWrite(context, { server: state.id, client: from, requestId: packet.requestId }, packet.request);
      break;
    case 'CLIENT_REPLY':
      break;
  }
}

/** A write goes to the leader: proposed here if we lead, else forwarded as REQUEST. */
export function submitWrite(context: ZabContext, origin: RequestOrigin, request: unknown): void {
  const { state, effects } = context;
  if (state.role === 'LEADING') {
    proposeRequest(context, request, origin);
    return;
  }
  const learner = state.learner!;
  effects.send(learner.leaderId, ZAB_CHANNEL, { type: 'REQUEST', connection: learner.connection, origin, request }, true);
}

/** After applying a committed txn: answer its client if it is connected here. */
export function replyToOrigin(context: ZabContext, entry: LogEntry, result: unknown): void {
  if (context.layer !== null) return context.layer.afterApply(layerContext(context), entry, result);
  const { state, effects } = context;
  const origin = entry.origin;
  if (origin === null || origin.server !== state.id || !state.clients.includes(origin.client)) return;
  effects.send(origin.client, CLIENT_CHANNEL, { type: 'CLIENT_REPLY', requestId: origin.requestId, zxid: entry.zxid, result }, true);
}

/** A client connection closed by the client's side. */
export function clientClosed(context: ZabContext, client: EndpointId): void {
  if (context.layer !== null) return context.layer.onClientClosed(layerContext(context), client);
  context.state.clients = context.state.clients.filter((id) => id !== client);
}

/** Leaving a role: every client connection is closed (closeAllConnections). */
export function closeAllClients(context: ZabContext): void {
  if (context.layer !== null) context.layer.onLeaveRole(layerContext(context));
  for (const client of context.state.clients) context.effects.close(client, CLIENT_CHANNEL);
  context.state.clients = [];
}

/** The layer's view of this server during one input (a class: no closures per call). */
class ServerLayerContext implements LayerContext {
  constructor(private readonly context: ZabContext) {}
  get local(): unknown { return this.context.state.local; }
  set local(value: unknown) { this.context.state.local = value; }
  get serverId(): EndpointId { return this.context.state.id; }
  get db(): unknown { return this.context.state.db; }
  get lastProcessedZxid(): number { return this.context.state.lastProcessedZxid; }
  get role(): LayerContext['role'] { return this.context.state.role; }
  get serving(): boolean { return isServing(this.context); }
  get tickMs(): number { return this.context.state.config.tickMs; }
  get effects(): LayerContext['effects'] { return this.context.effects as unknown as LayerContext['effects']; }
  submit(request: unknown, origin: RequestOrigin | null): void {
    submitWrite(this.context, origin ?? { server: this.context.state.id, client: -1, requestId: -1 }, request);
  }
  sync(origin: RequestOrigin): void {
    submitWrite(this.context, origin, { type: 'sync' });
  }
  revalidate(sessionId: number): void {
    const learner = this.context.state.learner;
    if (learner !== null) this.context.effects.send(learner.leaderId, ZAB_CHANNEL, { type: 'REVALIDATE', connection: learner.connection, sessionId, valid: false }, true);
  }
}

/** What the client-facing layer sees of this server while it handles one input. */
export function layerContext(context: ZabContext): LayerContext {
  return (context.layerContext ??= new ServerLayerContext(context));
}

/** A packet on the client channel: the layer's, when there is one. */
export function receiveLayerPacket(context: ZabContext, from: EndpointId, payload: unknown): void {
  context.layer!.onClientPacket(layerContext(context), from, payload);
}
