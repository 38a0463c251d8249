// The client handle as a state machine (ClientCnxn + ZooKeeper.java): it opens its session,
// sends requests in order, pings when idle, notices a silent server after 2/3 of the session
// timeout, reconnects to the next server of its connect string (keeping its session), re-registers
// its watches, and learns of expiry only when a server tells it. Inputs: ops from the scenario or
// the UI, packets, timers, closed connections. Outputs only through ClientEffects.
import type { Effects, NodeInput } from '../sim/actor';
import type { ClientOp } from '../scenario/types';
import type { OpOutcome } from '../sim/trace';
import { intInRange } from '../sim/rng';
import { CLIENT_CHANNEL, type ClientPayload, type ClientRequest, type ServerToClient } from './packets';
import { buildRequest, clientRejection, multiPathProblem } from './requests';
import type { ClientState, PendingOp } from './state';
import { createClientWatchTable, forgetWatches, hasWatches, materialize, registerWatch, watchPaths } from './watches';

export type ClientInput = NodeInput<ClientPayload> | { type: 'op'; tag: number; opIndex: number; op: ClientOp } | { type: 'drop-connection' };

export interface ClientEffects extends Effects<ClientPayload> {
  /** The op of scenario step `tag` has its answer (the world then waits for its watch events). */
  opDone(tag: number, zxid: number | null): void;
}

/** ClientCnxn: a ping is due after readTimeout/2 of silence from our side, at most 10 s. */
const PING_INTERVAL_MS_MAX = 10_000;
/** ClientCnxn: a random sleep of up to 1 s before every reconnect attempt after the first. */
const RECONNECT_JITTER_MS_MAX = 1000;

/** Handles one input. */
export function stepClient(state: ClientState, input: ClientInput, fx: ClientEffects): void {
  switch (input.type) {
    case 'start':
      if (state.status === 'IDLE') startSession(state, null, fx);
      return;
    case 'op':
      return onOp(state, { tag: input.tag, opIndex: input.opIndex, op: input.op, request: null, xid: 0 }, fx);
    case 'message':
      if (input.from !== state.server) return;
      return onPacket(state, input.payload as ServerToClient, fx);
    case 'timer':
      return onTimer(state, input.name, fx);
    case 'closed':
      if (input.peer === state.server && (state.status === 'CONNECTED' || isConnecting(state))) loseConnection(state, fx);
      return;
    case 'drop-connection':
      if (state.status === 'CONNECTED' || isConnecting(state)) loseConnection(state, fx);
      return;
  }
}

function isConnecting(state: ClientState): boolean {
  return state.status === 'CONNECTING' || state.status === 'DISCONNECTED';
}

function isFinished(state: ClientState): boolean {
  return state.status === 'CLOSED' || state.status === 'EXPIRED' || state.status === 'CRASHED';
}

function outcome(fx: ClientEffects, state: ClientState, pending: PendingOp, fields: Omit<OpOutcome, 'opIndex' | 'op'>): void {
  fx.trace({ type: 'op', t: fx.nowMs, client: state.label, outcome: { opIndex: pending.opIndex, op: pending.op as unknown as OpOutcome['op'], ...fields } });
  fx.opDone(pending.tag, fields.zxid);
}

function localOutcome(fx: ClientEffects, state: ClientState, pending: PendingOp, err: string, message?: string): void {
  outcome(fx, state, pending, { err, zxid: null, result: null, ...(message === undefined ? {} : { message }) });
}

function onOp(state: ClientState, pending: PendingOp, fx: ClientEffects): void {
  const op = pending.op;
  if (op.op === 'connect') return connect(state, pending, fx);
  if (state.status === 'IDLE') startSession(state, { ...pending }, fx, true);
  // oracle.mjs opens a label's session (implicitly or by a connect op) before it runs the next op.
  if (state.connectOp !== null) {
    state.queued.push(pending);
    return;
  }
  // The library's argument checks come before it looks at its connection (index.js), and oracle.mjs
  // checks multi sub-op paths itself before calling it: a closed client refuses the same way.
  const multiProblem = multiPathProblem(op);
  if (multiProblem !== null) return localOutcome(fx, state, pending, 'ORACLE_ERROR', multiProblem);
  const rejection = clientRejection(op);
  if (rejection !== null) return localOutcome(fx, state, pending, 'CLIENT_REJECTED', rejection);
  switch (op.op) {
    case 'crash': return crash(state, pending, fx);
    case 'close': return close(state, pending, fx);
    case 'addAuth': return addAuth(state, pending, fx);
    default: return request(state, pending, fx);
  }
}

/** oracle.mjs connect: a label whose client is closed (close, crash, expiry, AUTH_FAILED) gets a new
 * client, hence a new session; a live label cannot connect again. */
function connect(state: ClientState, pending: PendingOp, fx: ClientEffects): void {
  if (state.status === 'IDLE') return startSession(state, pending, fx);
  if (!isFinished(state)) return localOutcome(fx, state, pending, 'ORACLE_ALREADY_CONNECTED');
  Object.assign(state, {
    status: 'IDLE', server: null, connectedOnce: false, sessionId: 0, requestedTimeoutMs: state.configuredTimeoutMs,
    negotiatedTimeoutMs: 0, lastZxid: 0, nextXid: 1, inFlight: [], queued: [], watches: createClientWatchTable(),
    auth: [], authWaiting: [], closing: false,
  } satisfies Partial<ClientState>);
  startSession(state, pending, fx);
}

/** Opens the session: implicitly before the first op, or for an explicit connect op. */
function startSession(state: ClientState, connectOp: PendingOp | null, fx: ClientEffects, implicit = false): void {
  if (connectOp?.op.sessionTimeout !== undefined) state.requestedTimeoutMs = connectOp.op.sessionTimeout;
  state.connectOp = connectOp;
  state.implicitConnect = implicit;
  state.status = 'CONNECTING';
  emitState(state, fx);
  connectToCurrent(state, fx);
}

function connectToCurrent(state: ClientState, fx: ClientEffects): void {
  const server = state.servers[state.serverCursor % state.servers.length]!;
  state.server = server;
  state.connection++;
  fx.resetChannel(server, CLIENT_CHANNEL);
  send(state, fx, { type: 'ConnectRequest', connection: state.connection, lastZxidSeen: state.lastZxid, timeoutMs: state.requestedTimeoutMs, sessionId: state.sessionId });
  const timeoutMs = state.negotiatedTimeoutMs || state.requestedTimeoutMs;
  fx.setTimer('connect-timeout', Math.max(1, Math.floor(timeoutMs / state.servers.length)));
}

function send(state: ClientState, fx: ClientEffects, payload: ClientPayload): void {
  if (state.server === null) return;
  state.lastSentMs = fx.nowMs;
  fx.send(state.server, CLIENT_CHANNEL, payload, true);
}

function request(state: ClientState, pending: PendingOp, fx: ClientEffects): void {
  // ConnectionManager.queue: once CLOSED (after close, a crash, an expiry or AUTH_FAILED, the
  // library ends in CLOSED) every request fails at once with CONNECTION_LOSS.
  if (isFinished(state)) return localOutcome(fx, state, pending, 'CONNECTIONLOSS');
  const built = buildRequest(pending.op);
  if (!built.ok) return localOutcome(fx, state, pending, 'CLIENT_REJECTED', built.reason);
  pending.request = built.request;
  if (state.status === 'CONNECTED') sendRequest(state, pending, fx);
  else state.queued.push(pending);
}

function sendRequest(state: ClientState, pending: PendingOp, fx: ClientEffects): void {
  pending.xid = state.nextXid++;
  state.inFlight.push(pending);
  send(state, fx, { type: 'Request', connection: state.connection, xid: pending.xid, request: pending.request! });
}

function close(state: ClientState, pending: PendingOp, fx: ClientEffects): void {
  if (isFinished(state)) return localOutcome(fx, state, pending, 'ORACLE_ALREADY_CLOSED');
  state.closing = true;
  pending.request = { type: 'closeSession' };
  if (state.status === 'CONNECTED') sendRequest(state, pending, fx);
  else state.queued.push(pending);
}

/** The process dies: its socket closes (the server notices), its session lives on until expiry. */
function crash(state: ClientState, pending: PendingOp, fx: ClientEffects): void {
  if (isFinished(state)) return localOutcome(fx, state, pending, 'ORACLE_ALREADY_CLOSED');
  state.closing = true;
  if (state.server !== null) fx.close(state.server, CLIENT_CHANNEL);
  state.status = 'CRASHED';
  cancelTimers(fx);
  releaseAuthWaiting(state, fx);
  outcome(fx, state, pending, { err: 'OK', zxid: null, result: null, timeoutMs: state.negotiatedTimeoutMs });
  emitState(state, fx);
}

/**
 * ConnectionManager.addAuthInfo: remembered for every later connection, sent now only when
 * connected (a closed client sends nothing and the oracle prints its usual line). The step ends
 * when the server answers the packet, as the oracle's barrier after the op waits for it.
 */
function addAuth(state: ClientState, pending: PendingOp, fx: ClientEffects): void {
  const auth = { scheme: pending.op.scheme ?? 'digest', auth: pending.op.auth ?? '' };
  if (!isFinished(state)) state.auth.push(auth);
  fx.trace({ type: 'op', t: fx.nowMs, client: state.label, outcome: { opIndex: pending.opIndex, op: pending.op as unknown as OpOutcome['op'], err: 'OK', zxid: null, result: null } });
  if (state.status !== 'CONNECTED') return fx.opDone(pending.tag, null);
  sendAuth(state, fx, auth, pending.tag);
}

function sendAuth(state: ClientState, fx: ClientEffects, auth: { scheme: string; auth: string }, tag: number): void {
  state.authWaiting.push(tag);
  send(state, fx, { type: 'AuthPacket', connection: state.connection, ...auth });
}

/** Auth packets that will get no answer on this connection: their steps are over. */
function releaseAuthWaiting(state: ClientState, fx: ClientEffects): void {
  const waiting = state.authWaiting;
  state.authWaiting = [];
  for (const tag of waiting) fx.opDone(tag, null);
}

function cancelTimers(fx: ClientEffects): void {
  fx.cancelTimer('connect-timeout');
  fx.cancelTimer('heartbeat');
  fx.cancelTimer('reconnect');
}

function emitState(state: ClientState, fx: ClientEffects): void {
  fx.trace({ type: 'client', t: fx.nowMs, client: state.label, state: state.status, server: state.status === 'CONNECTED' ? state.server : null, sessionId: state.sessionId });
}

function onPacket(state: ClientState, packet: ServerToClient, fx: ClientEffects): void {
  if (packet.connection !== state.connection || isFinished(state)) return;
  state.lastHeardMs = fx.nowMs;
  switch (packet.type) {
    case 'ConnectResponse': return onConnected(state, packet, fx);
    case 'Reply': return onReply(state, packet, fx);
    case 'Pong':
      state.lastZxid = Math.max(state.lastZxid, packet.zxid);
      return;
    case 'WatcherEvent': {
      const fired = materialize(state.watches, packet.event, packet.path);
      fx.trace({ type: 'watch', t: fx.nowMs, client: state.label, event: packet.event, path: packet.path, fired, afterOp: -1 });
      return;
    }
    case 'AuthReply': {
      const tag = state.authWaiting.shift();
      if (packet.err === 'AUTHFAILED') authFailed(state, fx);
      if (tag !== undefined) fx.opDone(tag, null);
      return;
    }
  }
}

/**
 * ConnectionManager: the AUTHFAILED answer moves the client to AUTHENTICATION_FAILED; the server
 * then closes the socket and onSocketClosed fails what is pending with AUTH_FAILED, goes
 * DISCONNECTED, and (no retry in that state) CLOSED for good. The session is left to expire.
 */
function authFailed(state: ClientState, fx: ClientEffects): void {
  cancelTimers(fx);
  fx.trace({ type: 'client', t: fx.nowMs, client: state.label, state: 'AUTH_FAILED', server: null, sessionId: state.sessionId });
  const failed = [...state.inFlight, ...state.queued];
  state.inFlight = [];
  state.queued = [];
  state.status = 'CLOSED';
  for (const pending of failed) localOutcome(fx, state, pending, 'AUTHFAILED');
  fx.trace({ type: 'client', t: fx.nowMs, client: state.label, state: 'DISCONNECTED', server: null, sessionId: state.sessionId });
  emitState(state, fx);
  releaseAuthWaiting(state, fx);
}

function onConnected(state: ClientState, packet: Extract<ServerToClient, { type: 'ConnectResponse' }>, fx: ClientEffects): void {
  fx.cancelTimer('connect-timeout');
  if (packet.timeoutMs <= 0) return expire(state, fx);
  state.status = 'CONNECTED';
  state.sessionId = packet.sessionId;
  state.negotiatedTimeoutMs = packet.timeoutMs;
  const first = !state.connectedOnce;
  state.connectedOnce = true;
  emitState(state, fx);
  if (first && state.connectOp !== null) {
    const connectOp = state.connectOp;
    state.connectOp = null;
    const fields = { err: 'OK', zxid: null, result: null, timeoutMs: packet.timeoutMs, sessionId: packet.sessionId, implicit: state.implicitConnect };
    fx.trace({ type: 'op', t: fx.nowMs, client: state.label, outcome: { opIndex: connectOp.opIndex, op: { ...connectOp.op, op: 'connect' } as unknown as OpOutcome['op'], ...fields } });
    if (!state.implicitConnect) fx.opDone(connectOp.tag, null);
  }
  if (hasWatches(state.watches)) send(state, fx, { type: 'SetWatches', connection: state.connection, relativeZxid: state.lastZxid, watches: watchPaths(state.watches) });
  for (const auth of state.auth) sendAuth(state, fx, auth, -1);
  const queued = state.queued;
  state.queued = [];
  // Ops that waited for the session to open run now; requests queued while connecting are sent.
  for (const pending of queued) {
    if (pending.request !== null && state.status === 'CONNECTED') sendRequest(state, pending, fx);
    else onOp(state, pending, fx);
  }
  if (state.status === 'CONNECTED') armHeartbeat(state, fx);
}

function onReply(state: ClientState, packet: Extract<ServerToClient, { type: 'Reply' }>, fx: ClientEffects): void {
  const pending = state.inFlight[0];
  if (!pending || pending.xid !== packet.xid) return;
  state.inFlight.shift();
  state.lastZxid = Math.max(state.lastZxid, packet.zxid);
  rememberWatches(state, pending, packet.err, fx);
  if (pending.request?.type === 'closeSession') {
    state.status = 'CLOSED';
    cancelTimers(fx);
    if (state.server !== null) fx.close(state.server, CLIENT_CHANNEL);
  }
  outcome(fx, state, pending, { err: packet.err, zxid: packet.zxid, result: packet.result });
  if (pending.request?.type === 'closeSession') emitState(state, fx);
}

/** Client-side watch registration happens when the reply says the server set the watch. */
function rememberWatches(state: ClientState, pending: PendingOp, err: string, fx: ClientEffects): void {
  const request = pending.request as ClientRequest | null;
  if (request === null) return;
  if (request.type === 'getData' && request.watch && err === 'OK') registerWatch(state.watches, 'data', request.path, pending.opIndex);
  if (request.type === 'getChildren' && request.watch && err === 'OK') registerWatch(state.watches, 'child', request.path, pending.opIndex);
  if (request.type === 'exists' && request.watch && (err === 'OK' || err === 'NONODE')) {
    registerWatch(state.watches, err === 'OK' ? 'data' : 'exist', request.path, pending.opIndex);
  }
  if (request.type === 'addWatch' && err === 'OK') {
    registerWatch(state.watches, request.mode === 'PERSISTENT' ? 'persistent' : 'persistentRecursive', request.path, pending.opIndex);
  }
  if (request.type === 'removeWatches' && err === 'OK') {
    // ClientCnxn.finishPacket -> WatchDeregistration.unregister: each removed watcher gets a
    // *WatchRemoved event, delivered before the removeWatches callback.
    for (const removed of forgetWatches(state.watches, request.path, request.watcherType)) {
      fx.trace({ type: 'watch', t: fx.nowMs, client: state.label, event: removed.event, path: request.path, fired: removed.fired, afterOp: -1 });
    }
  }
}

function onTimer(state: ClientState, name: string, fx: ClientEffects): void {
  switch (name) {
    case 'connect-timeout':
      if (isConnecting(state)) loseConnection(state, fx);
      return;
    case 'reconnect':
      if (isConnecting(state)) connectToCurrent(state, fx);
      return;
    case 'heartbeat':
      if (state.status === 'CONNECTED') heartbeat(state, fx);
      return;
  }
}

function readTimeoutMs(state: ClientState): number {
  return Math.floor((state.negotiatedTimeoutMs * 2) / 3);
}

function pingIntervalMs(state: ClientState): number {
  return Math.min(Math.floor(readTimeoutMs(state) / 2), PING_INTERVAL_MS_MAX);
}

/** Pings when idle; gives up on a server silent for readTimeout (2/3 of the session timeout). */
function heartbeat(state: ClientState, fx: ClientEffects): void {
  if (fx.nowMs - state.lastHeardMs >= readTimeoutMs(state)) return loseConnection(state, fx);
  if (fx.nowMs - state.lastSentMs >= pingIntervalMs(state)) send(state, fx, { type: 'Ping', connection: state.connection });
  armHeartbeat(state, fx);
}

function armHeartbeat(state: ClientState, fx: ClientEffects): void {
  const nextPing = state.lastSentMs + pingIntervalMs(state);
  const deadline = state.lastHeardMs + readTimeoutMs(state);
  fx.setTimer('heartbeat', Math.max(1, Math.min(nextPing, deadline) - fx.nowMs));
}

/** The connection is gone: pending requests fail with CONNECTIONLOSS, then the next server. */
function loseConnection(state: ClientState, fx: ClientEffects): void {
  if (state.server !== null) fx.close(state.server, CLIENT_CHANNEL);
  state.connection++; // whatever the old connection still delivers is stale now
  cancelTimers(fx);
  releaseAuthWaiting(state, fx);
  const failed = state.inFlight;
  state.inFlight = [];
  const wasConnected = state.status === 'CONNECTED';
  state.status = state.connectedOnce ? 'DISCONNECTED' : 'CONNECTING';
  if (wasConnected) emitState(state, fx);
  for (const pending of failed) {
    if (pending.request?.type === 'closeSession') state.closing = true;
    localOutcome(fx, state, pending, 'CONNECTIONLOSS');
  }
  state.serverCursor = (state.serverCursor + 1) % state.servers.length;
  fx.setTimer('reconnect', intInRange(fx.rng, 0, RECONNECT_JITTER_MS_MAX));
}

/** A server said the session is gone: Expired, and every request fails with SESSIONEXPIRED. */
function expire(state: ClientState, fx: ClientEffects): void {
  state.status = 'EXPIRED';
  cancelTimers(fx);
  if (state.server !== null) fx.close(state.server, CLIENT_CHANNEL);
  const failed = [...state.inFlight, ...state.queued];
  state.inFlight = [];
  state.queued = [];
  emitState(state, fx);
  for (const pending of failed) localOutcome(fx, state, pending, 'SESSIONEXPIRED');
  releaseAuthWaiting(state, fx);
}
