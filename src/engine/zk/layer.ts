// ZooKeeperServer's client side on top of Zab: connection handshakes and session creation,
// reads answered from the local tree, writes and syncs sent to the leader, replies in each
// session's order, watches per server, session touches to the leader, and the leader's expiry.
import type { LayerContext, ServerLayer } from '../zab/layer';
import { LAYER_TIMER_PREFIX } from '../zab/layer';
import type { RequestOrigin } from '../zab/packets';
import { CLIENT_CHANNEL, clientPacketLabel, type ClientPayload, type ClientRequest, type ClientToServer, type ReadOp, type ServerToClient } from '../client/packets';
import { authIdFor, connectionAuthIds } from '../server/acl';
import type { ApplyOutcome } from '../server/apply';
import { exceedsPacketLimit } from '../server/packetSize';
import * as reads from '../server/reads';
import { createSessionTracker, expireSessions, negotiateTimeoutMs, nextExpiryCheckMs, removeSession, setSessionClosing, touchSession, trackSession } from '../server/sessions';
import type { DataTree } from '../server/tree';
import type { Txn, WriteOp } from '../server/txn';
import { addPersistentWatch, addStandardWatch, removeSessionWatches, removeWatches, restoreWatches, triggerWatches, type WatchNotification } from '../server/watches';
import type { EndpointId } from '../sim/network';
import type { LogEntry } from '../zab/state';
import { createLocal, type Connection, type ZkLocal } from './local';

const EXPIRY_TIMER = `${LAYER_TIMER_PREFIX}expire`;
/** requestId of the createSession a connect handshake submits (no client xid). */
const CONNECT_REQUEST_ID = -1;
const WRITE_TYPES: ReadonlySet<string> = new Set(['create', 'delete', 'setData', 'setACL', 'check', 'multi', 'closeSession']);

function local(context: LayerContext): ZkLocal {
  return context.local as ZkLocal;
}

function tree(context: LayerContext): DataTree {
  return context.db as DataTree;
}

function send(context: LayerContext, client: EndpointId, packet: ServerToClient): void {
  context.effects.send(client, CLIENT_CHANNEL, packet, true);
}

function findConnection(context: LayerContext, client: EndpointId): Connection | undefined {
  return local(context).connections.find((entry) => entry.client === client);
}

function dropConnection(context: LayerContext, client: EndpointId, close: boolean): void {
  const memory = local(context);
  const connection = memory.connections.find((entry) => entry.client === client);
  memory.connections = memory.connections.filter((entry) => entry.client !== client);
  memory.pendingConnects = memory.pendingConnects.filter((entry) => entry.client !== client);
  if (connection) removeSessionWatches(memory.watches, connection.sessionId);
  if (close) context.effects.close(client, CLIENT_CHANNEL);
}

/** Any packet of a session counts as a touch: the leader's tracker, or the learner's PING table. */
function touch(context: LayerContext, connection: Connection): void {
  const memory = local(context);
  if (memory.tracker !== null) {
    touchSession(memory.tracker, connection.sessionId, context.effects.nowMs);
    return;
  }
  const timeoutMs = tree(context).sessions[String(connection.sessionId)]?.timeoutMs ?? 0;
  if (!memory.touched.some(([id]) => id === connection.sessionId)) memory.touched.push([connection.sessionId, timeoutMs]);
}

function onConnect(context: LayerContext, from: EndpointId, packet: Extract<ClientToServer, { type: 'ConnectRequest' }>): void {
  // ZooKeeperServer.processConnectRequest: never let a client go back in time.
  if (packet.lastZxidSeen > context.lastProcessedZxid) return dropConnection(context, from, true);
  dropConnection(context, from, false);
  context.effects.resetChannel(from, CLIENT_CHANNEL);
  const memory = local(context);
  if (packet.sessionId === 0) {
    const timeoutMs = negotiateTimeoutMs(packet.timeoutMs, context.tickMs);
    const sessionId = allocateSessionId(context);
    memory.pendingConnects.push({ client: from, connection: packet.connection, sessionId, timeoutMs });
    context.submit({ sessionId, authIds: [], op: { type: 'createSession', timeoutMs } }, { server: context.serverId, client: from, requestId: CONNECT_REQUEST_ID });
    return;
  }
  // Reconnect: the session is valid if the replicated session table still has it.
  const record = tree(context).sessions[String(packet.sessionId)];
  if (record === undefined) {
    send(context, from, { type: 'ConnectResponse', connection: packet.connection, timeoutMs: 0, sessionId: packet.sessionId });
    return;
  }
  const connection: Connection = { client: from, connection: packet.connection, sessionId: packet.sessionId, authIds: connectionAuthIds(), outstanding: 0, held: [] };
  addConnection(memory, connection);
  touch(context, connection);
  send(context, from, { type: 'ConnectResponse', connection: packet.connection, timeoutMs: record.timeoutMs, sessionId: packet.sessionId });
}

function addConnection(memory: ZkLocal, connection: Connection): void {
  memory.connections = [...memory.connections.filter((entry) => entry.client !== connection.client), connection].sort((a, b) => a.client - b.client);
}

/** Session ids: this server's id in the high bits, then a counter seeded from the clock at start. */
function allocateSessionId(context: LayerContext): number {
  const memory = local(context);
  if (memory.nextSessionId === 0) memory.nextSessionId = context.serverId * 2 ** 40 + (context.effects.nowMs % 2 ** 20) * 2 ** 20 + 1;
  return memory.nextSessionId++;
}

function onRequest(context: LayerContext, connection: Connection, xid: number, request: ClientRequest): void {
  const origin: RequestOrigin = { server: context.serverId, client: connection.client, requestId: xid };
  if (request.type === 'sync') {
    connection.outstanding++;
    return context.sync(origin);
  }
  if (WRITE_TYPES.has(request.type)) {
    // A request larger than jute.maxbuffer makes the server drop the connection.
    if (exceedsPacketLimit(request as WriteOp)) return dropConnection(context, connection.client, true);
    connection.outstanding++;
    return context.submit({ sessionId: connection.sessionId, authIds: connection.authIds, op: request as WriteOp }, origin);
  }
  if (connection.outstanding > 0) connection.held.push({ xid, request });
  else answerRead(context, connection, xid, request as ReadOp);
}

function answerRead(context: LayerContext, connection: Connection, xid: number, request: ReadOp): void {
  const db = tree(context);
  const memory = local(context);
  const reply = (err: string, result: unknown): void => send(context, connection.client, { type: 'Reply', connection: connection.connection, xid, zxid: context.lastProcessedZxid, err: err as never, result });
  switch (request.type) {
    case 'getData':
    case 'exists':
    case 'getChildren': {
      const result = request.type === 'getData' ? reads.getData(db, request.path, connection.authIds)
        : request.type === 'exists' ? reads.exists(db, request.path, connection.authIds)
          : reads.getChildren(db, request.path, connection.authIds);
      const kind = request.watch ? reads.readWatchKind(request.type, result.err) : null;
      if (kind !== null) addStandardWatch(memory.watches, connection.sessionId, request.path, kind);
      return reply(result.err, result);
    }
    case 'getACL': {
      const result = reads.getAcl(db, request.path, connection.authIds);
      return reply(result.err, result);
    }
    case 'addWatch':
      addPersistentWatch(memory.watches, connection.sessionId, request.path, request.mode);
      return reply('OK', { type: 'addWatch' });
    case 'removeWatches':
      return reply(removeWatches(memory.watches, connection.sessionId, request.path, request.watcherType), { type: 'removeWatches' });
    case 'sync':
      return reply('OK', { type: 'sync' });
  }
}

/** Answers what waited behind a session's writes, up to its next outstanding write. */
function releaseHeld(context: LayerContext, connection: Connection): void {
  while (connection.outstanding === 0 && connection.held.length > 0) {
    const next = connection.held.shift()!;
    if (next.request === 'ping') send(context, connection.client, { type: 'Pong', connection: connection.connection, zxid: context.lastProcessedZxid });
    else if (WRITE_TYPES.has(next.request.type) || next.request.type === 'sync') onRequest(context, connection, next.xid, next.request);
    else answerRead(context, connection, next.xid, next.request as ReadOp);
  }
}

function sendNotifications(context: LayerContext, notifications: readonly WatchNotification[]): void {
  for (const notification of notifications) {
    const connection = local(context).connections.find((entry) => entry.sessionId === notification.sessionId);
    if (connection) send(context, connection.client, { type: 'WatcherEvent', connection: connection.connection, event: notification.event, path: notification.path, zxid: notification.zxid });
  }
}

function onClientPacket(context: LayerContext, from: EndpointId, payload: unknown): void {
  const packet = payload as ClientToServer;
  if (!context.serving) return dropConnection(context, from, true); // "ZooKeeperServer not running"
  if (packet.type === 'ConnectRequest') return onConnect(context, from, packet);
  const connection = findConnection(context, from);
  if (!connection || connection.connection !== packet.connection) return;
  touch(context, connection);
  switch (packet.type) {
    case 'Request':
      return onRequest(context, connection, packet.xid, packet.request);
    case 'Ping':
      if (connection.outstanding > 0) connection.held.push({ xid: -2, request: 'ping' });
      else send(context, from, { type: 'Pong', connection: connection.connection, zxid: context.lastProcessedZxid });
      return;
    case 'SetWatches':
      return sendNotifications(context, restoreWatches(local(context).watches, tree(context), connection.sessionId, { relativeZxid: packet.relativeZxid, ...packet.watches }));
    case 'AuthPacket': {
      // ZooKeeperServer.processPacket: an auth packet is answered at once (xid -4). A scheme with
      // no provider gets AUTHFAILED and the connection is closed (its watches go with it); the
      // session is not closed and expires by timeout.
      const id = authIdFor(packet.scheme, packet.auth);
      if (id !== null) {
        if (!connection.authIds.some((entry) => entry.scheme === id.scheme && entry.id === id.id)) connection.authIds.push(id);
        return send(context, from, { type: 'AuthReply', connection: connection.connection, err: 'OK' });
      }
      send(context, from, { type: 'AuthReply', connection: connection.connection, err: 'AUTHFAILED' });
      return dropConnection(context, from, true);
    }
  }
}

function afterApply(context: LayerContext, entry: LogEntry, result: unknown): void {
  const memory = local(context);
  const txn = entry.txn as Txn;
  const outcome = result as ApplyOutcome;
  const authIdsBySession: { [session: string]: Connection['authIds'] } = {};
  for (const connection of memory.connections) authIdsBySession[String(connection.sessionId)] = connection.authIds;
  sendNotifications(context, triggerWatches(memory.watches, outcome.triggers, authIdsBySession));
  if (txn.op.type === 'createSession') sessionCreated(context, txn, entry.origin);
  if (txn.op.type === 'closeSession') sessionClosed(context, txn, entry.origin, outcome);
  else answerWrite(context, entry.origin, entry.zxid, outcome);
}

function sessionCreated(context: LayerContext, txn: Txn, origin: RequestOrigin | null): void {
  const memory = local(context);
  const timeoutMs = (txn.op as { timeoutMs: number }).timeoutMs;
  if (memory.tracker !== null) trackSession(memory.tracker, txn.sessionId, timeoutMs, context.effects.nowMs);
  if (origin === null || origin.server !== context.serverId) return;
  const pending = memory.pendingConnects.find((entry) => entry.client === origin.client && entry.sessionId === txn.sessionId);
  if (!pending) return;
  memory.pendingConnects = memory.pendingConnects.filter((entry) => entry !== pending);
  addConnection(memory, { client: pending.client, connection: pending.connection, sessionId: txn.sessionId, authIds: connectionAuthIds(), outstanding: 0, held: [] });
  send(context, pending.client, { type: 'ConnectResponse', connection: pending.connection, timeoutMs, sessionId: txn.sessionId });
}

/** closeSession committed: answer the closer, close every connection of the session here. */
function sessionClosed(context: LayerContext, txn: Txn, origin: RequestOrigin | null, outcome: ApplyOutcome): void {
  const memory = local(context);
  if (memory.tracker !== null) removeSession(memory.tracker, txn.sessionId);
  answerWrite(context, origin, txn.zxid, outcome);
  removeSessionWatches(memory.watches, txn.sessionId);
  for (const connection of memory.connections.filter((entry) => entry.sessionId === txn.sessionId)) dropConnection(context, connection.client, true);
}

function answerWrite(context: LayerContext, origin: RequestOrigin | null, zxid: number, outcome: ApplyOutcome): void {
  if (origin === null || origin.server !== context.serverId) return;
  const connection = findConnection(context, origin.client);
  if (!connection || origin.requestId === CONNECT_REQUEST_ID) return;
  send(context, connection.client, { type: 'Reply', connection: connection.connection, xid: origin.requestId, zxid, err: outcome.result.err, result: outcome.result });
  connection.outstanding = Math.max(0, connection.outstanding - 1);
  releaseHeld(context, connection);
}

function syncDone(context: LayerContext, origin: RequestOrigin): void {
  const connection = findConnection(context, origin.client);
  if (!connection) return;
  send(context, connection.client, { type: 'Reply', connection: connection.connection, xid: origin.requestId, zxid: context.lastProcessedZxid, err: 'OK', result: { type: 'sync' } });
  connection.outstanding = Math.max(0, connection.outstanding - 1);
  releaseHeld(context, connection);
}

/** A new leader re-tracks every session of its database with a full timeout (SessionTrackerImpl). */
function onStartServing(context: LayerContext): void {
  const memory = local(context);
  if (context.role !== 'LEADING') return;
  const nowMs = context.effects.nowMs;
  memory.tracker = createSessionTracker(context.tickMs, nowMs);
  const sessions = tree(context).sessions;
  for (const key of Object.keys(sessions).sort()) trackSession(memory.tracker, sessions[key]!.sessionId, sessions[key]!.timeoutMs, nowMs);
  armExpiry(context);
}

function armExpiry(context: LayerContext): void {
  const tracker = local(context).tracker;
  if (tracker === null) return;
  context.effects.setTimer(EXPIRY_TIMER, Math.max(1, nextExpiryCheckMs(tracker) - context.effects.nowMs));
}

/** The expirer: every session of a due bucket gets a closeSession from the leader. */
function onTimer(context: LayerContext, name: string): void {
  const tracker = local(context).tracker;
  if (name !== EXPIRY_TIMER || tracker === null || context.role !== 'LEADING') return;
  for (const sessionId of expireSessions(tracker, context.effects.nowMs)) expire(context, sessionId);
  armExpiry(context);
}

function expire(context: LayerContext, sessionId: number): void {
  const tracker = local(context).tracker;
  if (tracker !== null) setSessionClosing(tracker, sessionId);
  context.submit({ sessionId, authIds: [], op: { type: 'closeSession' } }, null);
}

function onLeaveRole(context: LayerContext): void {
  const memory = local(context);
  for (const connection of memory.connections) context.effects.close(connection.client, CLIENT_CHANNEL);
  for (const pending of memory.pendingConnects) context.effects.close(pending.client, CLIENT_CHANNEL);
  context.effects.cancelTimer(EXPIRY_TIMER);
  context.local = { ...createLocal(), nextSessionId: memory.nextSessionId };
}

/** The ZooKeeper server's client side, as a Zab layer. */
export const zooKeeperLayer: ServerLayer = {
  initialLocal: createLocal,
  onClientPacket,
  onClientClosed: (context, from) => dropConnection(context, from, false),
  afterApply,
  onStartServing,
  onLeaveRole,
  onTimer,
  pingPayload(context) {
    const memory = local(context);
    const touched = memory.touched;
    memory.touched = [];
    return touched;
  },
  onLearnerPing(context, _from, payload) {
    const tracker = local(context).tracker;
    if (tracker === null) return;
    for (const [sessionId] of payload as [number, number][]) touchSession(tracker, sessionId, context.effects.nowMs);
  },
  syncDone,
  expireSession: (context, sessionId) => {
    if (local(context).tracker !== null) expire(context, sessionId);
  },
  isSync: (request) => (request as { type?: string }).type === 'sync',
  label: (payload) => clientPacketLabel(payload as ClientPayload),
};
