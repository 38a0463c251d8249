// A ZooKeeper client handle (ClientCnxn) as plain data: connection state, session, pending
// requests in FIFO order, the watches it holds, the last zxid it has seen.
import type { ClientOp } from '../scenario/types';
import type { ClientRequest } from './packets';
import type { ClientWatchTable } from './watches';

/** What the handle is doing (ZooKeeper.States, plus the simulator's IDLE and CRASHED). */
export type ClientStatus =
  /** Not started: opens its session on its first operation. */
  | 'IDLE'
  /** Looking for a server, never had a session yet. */
  | 'CONNECTING'
  | 'CONNECTED'
  /** Had a session, lost its server, reconnecting (Disconnected was delivered). */
  | 'DISCONNECTED'
  /** The cluster expired the session (Expired was delivered). */
  | 'EXPIRED'
  /** close() completed. */
  | 'CLOSED'
  /** The process died (the oracle's "crash"): it never talks again. */
  | 'CRASHED';

/** An operation the handle has been asked to do. */
export interface PendingOp {
  /** The scenario step it belongs to (-1 for an action typed in the UI). */
  tag: number;
  /** The op's index in the op list: the `i` of its output line. */
  opIndex: number;
  op: ClientOp;
  request: ClientRequest | null;
  /** Assigned when sent. */
  xid: number;
}

export interface ClientState {
  label: string;
  endpoint: number;
  /** The connect string: servers in the order the handle tries them. */
  servers: number[];
  serverCursor: number;
  status: ClientStatus;
  /** Server of the current connection or connection attempt. */
  server: number | null;
  /** Increments with every connection attempt; stale packets carry an older number. */
  connection: number;
  connectedOnce: boolean;
  sessionId: number;
  requestedTimeoutMs: number;
  /** The timeout a new session asks for when its connect op names none. */
  configuredTimeoutMs: number;
  negotiatedTimeoutMs: number;
  lastZxid: number;
  nextXid: number;
  /** Sent and waiting for a reply, oldest first (replies come back in this order). */
  inFlight: PendingOp[];
  /** Waiting for a connection. */
  queued: PendingOp[];
  /** The op that opened the session, printed as a "connect" line once connected. */
  connectOp: PendingOp | null;
  implicitConnect: boolean;
  watches: ClientWatchTable;
  auth: { scheme: string; auth: string }[];
  /** Auth packets sent on this connection and not answered yet, oldest first: the tag of the
   * addAuth step each answers (-1 for a re-send after a reconnect). */
  authWaiting: number[];
  lastHeardMs: number;
  lastSentMs: number;
  /** close() was sent (or the process crashed): the session is on its way out. */
  closing: boolean;
}

/** A fresh, idle handle. `servers` is its connect string, first choice first. */
export function createClientState(label: string, endpoint: number, servers: number[], requestedTimeoutMs: number, watches: ClientWatchTable): ClientState {
  return {
    label, endpoint, servers, serverCursor: 0, status: 'IDLE', server: null, connection: 0, connectedOnce: false,
    sessionId: 0, requestedTimeoutMs, configuredTimeoutMs: requestedTimeoutMs, negotiatedTimeoutMs: 0, lastZxid: 0, nextXid: 1,
    inFlight: [], queued: [], connectOp: null, implicitConnect: false, watches, auth: [], authWaiting: [],
    lastHeardMs: 0, lastSentMs: 0, closing: false,
  };
}
