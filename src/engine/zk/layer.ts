// ZooKeeperServer's client side on top of Zab: connection handshakes and session creation,
// reads answered from the local tree, writes and syncs sent to the leader, replies in each
// session's order, watches per server, session touches to the leader, and the leader's expiry.
import type { LayerContext, ServerLayer } from '../zab/layer';
import { LAYER_TIMER_PREFIX } from '../zab/layer';
import type { RequestOrigin } from '../zab/packets';
import { CLIENT_CHANNEL, clientPacketLabel, type ClientPayload, type ClientRequest, type ClientToServer, type ReadOp, type ServerToClient } from '../client/packets';
import { authIdFor, connectionAuthIds } from '../server/acl';
import type { ApplyOutcome } from '../server/apply';
import { containerCandidates, DEFAULT_CONTAINER_OPTIONS, minDeleteIntervalMs, type ContainerOptions } from '../server/containers';
import { exceedsPacketLimit } from '../server/packetSize';
import * as reads from '../server/reads';
import { checkSession, createSessionTracker, expireSessions, negotiateTimeoutMs, nextExpiryCheckMs, removeSession, setSessionClosing, setSessionOwner, touchSession, trackSession } from '../server/sessions';
import { ephemeralsOf, type DataTree } from '../server/tree';
import { applyTxn } from '../server/apply';
import type { Txn, WriteOp, WriteRequest } from '../server/txn';
import { addPersistentWatch, addStandardWatch, hasWatches, removeSessionWatches, removeWatches, restoreWatches, triggerWatches, type WatchNotification } from '../server/watches';
import type { EndpointId } from '../sim/network';
import type { LogEntry } from '../zab/state';
import { createLocal, type Connection, type PendingConnect, type ZkLocal } from './local';

const EXPIRY_TIMER = `${LAYER_TIMER_PREFIX}expire`;
/** ContainerManager's fixed-rate check, and its pause after each deletion it submits. */
const CONTAINER_CHECK_TIMER = `${LAYER_TIMER_PREFIX}containers`;
const CONTAINER_NEXT_TIMER = `${LAYER_TIMER_PREFIX}container-next`;
/** requestId of the createSession a connect handshake submits (no client xid). */
const CONNECT_REQUEST_ID = -1;
const WRITE_TYPES: ReadonlySet<string> = new Set(['create', 'delete', 'setData', 'setACL', 'check', 'multi', 'closeSession', 'reconfig']);

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
  for (const entry of local(context).connections) if (entry.client === client) return entry;
  return undefined;
}

function dropConnection(context: LayerContext, client: EndpointId, close: boolean): void {
  const memory = local(context);
  const connection = memory.connections.find((entry) => entry.client === client);
  memory.connections = memory.connections.filter((entry) => entry.client !== client);
  memory.pendingConnects = memory.pendingConnects.filter((entry) => entry.client !== client);
  memory.pendingRevalidations = memory.pendingRevalidations.filter((entry) => entry.client !== client);
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
  const sessionId = connection.sessionId;
  for (const touched of memory.touched) if (touched[0] === sessionId) return;
  const timeoutMs = tree(context).sessions[String(sessionId)]?.timeoutMs ?? 0;
  memory.touched.push([sessionId, timeoutMs]);
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
  // Reconnect (ZooKeeperServer.reopenSession): the leader asks its own tracker; a learner asks
  // the leader with REVALIDATE (a newer one for the same session replaces the older).
  const reopening = { client: from, connection: packet.connection, sessionId: packet.sessionId, timeoutMs: negotiateTimeoutMs(packet.timeoutMs, context.tickMs) };
  if (memory.tracker !== null) return finishSessionInit(context, reopening, revalidateHere(context, packet.sessionId, context.serverId));
  memory.pendingRevalidations = [...memory.pendingRevalidations.filter((entry) => entry.sessionId !== packet.sessionId), reopening];
  context.revalidate(packet.sessionId);
}

/** Leader: the session is valid if touching it works; the server it came through owns it now
 * (LeaderZooKeeperServer.revalidateSession, Leader.revalidateSession -> setOwner). */
function revalidateHere(context: LayerContext, sessionId: number, owner: number): boolean {
  const tracker = local(context).tracker;
  if (tracker === null || !touchSession(tracker, sessionId, context.effects.nowMs)) return false;
  setSessionOwner(tracker, sessionId, owner);
  return true;
}

/** Learner.revalidate: the leader answered for a session waiting here. */
function sessionRevalidated(context: LayerContext, sessionId: number, valid: boolean): void {
  const memory = local(context);
  const pending = memory.pendingRevalidations.find((entry) => entry.sessionId === sessionId);
  if (pending === undefined) return;
  memory.pendingRevalidations = memory.pendingRevalidations.filter((entry) => entry !== pending);
  finishSessionInit(context, pending, valid);
}

/** ZooKeeperServer.finishSessionInit: invalid -> timeout 0 (the client sees Expired); valid -> connected. */
function finishSessionInit(context: LayerContext, pending: PendingConnect, valid: boolean): void {
  const record = tree(context).sessions[String(pending.sessionId)];
  if (!valid) {
    send(context, pending.client, { type: 'ConnectResponse', connection: pending.connection, timeoutMs: 0, sessionId: pending.sessionId });
    return;
  }
  const connection: Connection = { client: pending.client, connection: pending.connection, sessionId: pending.sessionId, authIds: connectionAuthIds(), outstanding: 0, held: [] };
  addConnection(local(context), connection);
  touch(context, connection);
  send(context, pending.client, { type: 'ConnectResponse', connection: pending.connection, timeoutMs: record?.timeoutMs ?? pending.timeoutMs, sessionId: pending.sessionId });
}

/** Writes the tracker checks at prep: all but createSession, closeSession and deleteContainer. */
const OWNER_CHECKED: ReadonlySet<string> = new Set(['create', 'delete', 'setData', 'setACL', 'check', 'multi']);

/**
 * PrepRequestProcessor -> SessionTrackerImpl.checkSession(session, owner): the owner is the
 * server the request came through (its LearnerHandler, or ServerCnxn.me on the leader). A write
 * arriving through another server than the session's owner fails with SESSIONMOVED.
 */
function beforePrepare(context: LayerContext, request: unknown, origin: RequestOrigin | null): unknown {
  const tracker = local(context).tracker;
  const write = request as WriteRequest;
  if (tracker === null || origin === null || !OWNER_CHECKED.has(write.op.type)) return request;
  if (tracker.sessions[String(write.sessionId)] === undefined) return request; // the tree check answers
  const err = checkSession(tracker, write.sessionId, origin.server);
  return err === null ? request : { ...write, sessionError: err };
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
  // Most applies meet no watch at all: skip the auth table and the trigger walk then.
  if (outcome.triggers.length > 0 && hasWatches(memory.watches)) {
    const authIdsBySession: { [session: string]: Connection['authIds'] } = {};
    for (const connection of memory.connections) authIdsBySession[String(connection.sessionId)] = connection.authIds;
    sendNotifications(context, triggerWatches(memory.watches, outcome.triggers, authIdsBySession));
  }
  if (txn.op.type === 'createSession') sessionCreated(context, txn, entry.origin);
  if (txn.op.type === 'closeSession') sessionClosed(context, txn, entry.origin, outcome);
  else answerWrite(context, entry.origin, entry.zxid, outcome);
}

function sessionCreated(context: LayerContext, txn: Txn, origin: RequestOrigin | null): void {
  const memory = local(context);
  const timeoutMs = (txn.op as { timeoutMs: number }).timeoutMs;
  if (memory.tracker !== null) trackSession(memory.tracker, txn.sessionId, timeoutMs, context.effects.nowMs);
  if (memory.tracker !== null && origin !== null) setSessionOwner(memory.tracker, txn.sessionId, origin.server); // PRP createSession: setOwner
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
  // FinalRequestProcessor: SESSIONMOVED is a connection-level error: no reply, the connection closes.
  if (outcome.result.err === 'SESSIONMOVED') return dropConnection(context, connection.client, true);
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
function onStartServing(context: LayerContext, containers: ContainerOptions): void {
  const memory = local(context);
  if (context.role !== 'LEADING') return;
  const nowMs = context.effects.nowMs;
  memory.tracker = createSessionTracker(context.tickMs, nowMs);
  const sessions = tree(context).sessions;
  for (const key of Object.keys(sessions).sort()) trackSession(memory.tracker, sessions[key]!.sessionId, sessions[key]!.timeoutMs, nowMs);
  armExpiry(context);
  // LeaderZooKeeperServer.startup: containerManager.start() (scheduleAtFixedRate, first run after one interval).
  context.effects.setTimer(CONTAINER_CHECK_TIMER, containers.checkIntervalMs);
}

function armExpiry(context: LayerContext): void {
  const tracker = local(context).tracker;
  if (tracker === null) return;
  context.effects.setTimer(EXPIRY_TIMER, Math.max(1, nextExpiryCheckMs(tracker) - context.effects.nowMs));
}

function onTimer(context: LayerContext, name: string, containers: ContainerOptions): void {
  if (context.role !== 'LEADING' || local(context).tracker === null) return;
  if (name === EXPIRY_TIMER) return expireDue(context);
  if (name === CONTAINER_CHECK_TIMER) return containerCheckDue(context, containers);
  if (name === CONTAINER_NEXT_TIMER) return submitNextContainer(context, containers);
}

/** The expirer: every session of a due bucket gets a closeSession from the leader. */
function expireDue(context: LayerContext): void {
  for (const sessionId of expireSessions(local(context).tracker!, context.effects.nowMs)) expire(context, sessionId);
  armExpiry(context);
}

/** ContainerManager's timer task (fixed rate): a run still busy deleting delays the next one
 * (java.util.Timer runs one task at a time and catches up). */
function containerCheckDue(context: LayerContext, containers: ContainerOptions): void {
  const memory = local(context);
  context.effects.setTimer(CONTAINER_CHECK_TIMER, containers.checkIntervalMs);
  if (memory.containerQueue !== null) {
    memory.containerCheckOverdue = true;
    return;
  }
  checkContainers(context, containers);
}

/** checkContainers: the candidates of the committed tree, submitted one by one. */
function checkContainers(context: LayerContext, containers: ContainerOptions): void {
  local(context).containerQueue = containerCandidates(tree(context), context.effects.nowMs, containers);
  submitNextContainer(context, containers);
}

/** Posts the next deleteContainer (session 0, no connection), then sleeps minIntervalMs; after
 * the last one's sleep the run is over. */
function submitNextContainer(context: LayerContext, containers: ContainerOptions): void {
  const memory = local(context);
  const path = memory.containerQueue?.shift();
  if (path === undefined) {
    memory.containerQueue = null;
    if (!memory.containerCheckOverdue) return;
    memory.containerCheckOverdue = false;
    return checkContainers(context, containers);
  }
  context.submit({ sessionId: 0, authIds: [], op: { type: 'deleteContainer', path } }, null);
  context.effects.setTimer(CONTAINER_NEXT_TIMER, minDeleteIntervalMs(containers));
}

function expire(context: LayerContext, sessionId: number): void {
  const tracker = local(context).tracker;
  if (tracker !== null) setSessionClosing(tracker, sessionId);
  context.submit({ sessionId, authIds: [], op: { type: 'closeSession' } }, null);
}

function onLeaveRole(context: LayerContext): void {
  const memory = local(context);
  for (const connection of memory.connections) context.effects.close(connection.client, CLIENT_CHANNEL);
  for (const pending of [...memory.pendingConnects, ...memory.pendingRevalidations]) context.effects.close(pending.client, CLIENT_CHANNEL);
  context.effects.cancelTimer(EXPIRY_TIMER);
  context.effects.cancelTimer(CONTAINER_CHECK_TIMER);
  context.effects.cancelTimer(CONTAINER_NEXT_TIMER);
  context.local = { ...createLocal(), nextSessionId: memory.nextSessionId };
}

/** Settings of the client side that are not Zab's. */
export interface ZooKeeperLayerOptions {
  containers: ContainerOptions;
  /** Bug lab "unreplicated-session-expiry": a follower ends a session itself when its client's
   * connection closes, deleting its ephemerals locally with no txn (ZooKeeper never does: only
   * the leader's closeSession txn ends a session, on every server at once). */
  unreplicatedSessionExpiry: boolean;
}

/** The ZooKeeper server's client side, as a Zab layer. */
export function createZooKeeperLayer(options: Partial<ZooKeeperLayerOptions> = {}): ServerLayer {
  const containers: ContainerOptions = { ...DEFAULT_CONTAINER_OPTIONS, ...options.containers };
  const brokenExpiry = options.unreplicatedSessionExpiry === true;
  return {
    ...zooKeeperLayer,
    onClientClosed: (context, from) => {
      if (brokenExpiry) expireLocally(context, from);
      dropConnection(context, from, false);
    },
    onStartServing: (context) => onStartServing(context, containers),
    onTimer: (context, name) => onTimer(context, name, containers),
  };
}

/** The ZooKeeper server's client side with default settings. */
export const zooKeeperLayer: ServerLayer = {
  initialLocal: createLocal,
  onClientPacket,
  onClientClosed: (context, from) => dropConnection(context, from, false),
  afterApply,
  onStartServing: (context) => onStartServing(context, DEFAULT_CONTAINER_OPTIONS),
  onLeaveRole,
  onTimer: (context, name) => onTimer(context, name, DEFAULT_CONTAINER_OPTIONS),
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
  beforePrepare,
  revalidateSession: (context, from, sessionId) => revalidateHere(context, sessionId, from),
  sessionRevalidated,
  expireSession: (context, sessionId) => {
    if (local(context).tracker !== null) expire(context, sessionId);
  },
  isSync: (request) => (request as { type?: string }).type === 'sync',
  label: (payload) => clientPacketLabel(payload as ClientPayload),
};

/** The bug lab's broken variant: the session's ephemerals vanish from this server's tree only. */
function expireLocally(context: LayerContext, client: EndpointId): void {
  const connection = findConnection(context, client);
  if (!connection || context.role !== 'FOLLOWING') return;
  const db = tree(context);
  const paths = ephemeralsOf(db, connection.sessionId);
  applyTxn(db, { zxid: db.lastProcessedZxid, timeMs: context.effects.nowMs, sessionId: connection.sessionId, op: { type: 'closeSession', paths } });
}
