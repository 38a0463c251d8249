// The client-facing side of a server (ZooKeeperServer: connections, sessions, watches, the
// leader's session tracker), plugged into Zab. Zab orders and applies txns; the layer decides
// what clients see. Without a layer, Zab serves the small CLIENT_* request path of clients.ts.
import type { Effects } from '../sim/actor';
import type { EndpointId } from '../sim/network';
import type { RequestOrigin } from './packets';
import type { LogEntry, ZabRole } from './state';

/** What a layer may see and do while Zab hands it one event. */
export interface LayerContext {
  /** The layer's own memory on this server (plain data; lost on a crash, like any memory). */
  local: unknown;
  readonly serverId: EndpointId;
  readonly db: unknown;
  readonly lastProcessedZxid: number;
  readonly role: ZabRole;
  readonly serving: boolean;
  readonly tickMs: number;
  readonly effects: Effects<unknown>;
  /** Sends a write to the leader (proposed here when leading, else forwarded as REQUEST). */
  submit(request: unknown, origin: RequestOrigin | null): void;
  /** Sends a sync to the leader; the layer's syncDone is called once everything before it is applied here. */
  sync(origin: RequestOrigin): void;
  /** Learner: asks the leader whether a reconnecting session is still valid (Learner.validateSession);
   * the answer comes to sessionRevalidated. */
  revalidate(sessionId: number): void;
}

export interface ServerLayer {
  /** Fresh local memory (at boot, and after every crash). */
  initialLocal(): unknown;
  /** A packet from a client endpoint arrived on the client channel. */
  onClientPacket(context: LayerContext, from: EndpointId, payload: unknown): void;
  /** A client closed its connection (or its process died). */
  onClientClosed(context: LayerContext, from: EndpointId): void;
  /** A committed txn was applied here; `result` is what the machine's apply returned. */
  afterApply(context: LayerContext, entry: LogEntry, result: unknown): void;
  /** The server starts serving clients (leader: startZkServer; learner: UPTODATE). */
  onStartServing(context: LayerContext): void;
  /** The server leaves its role: every client connection closes (closeAllConnections). */
  onLeaveRole(context: LayerContext): void;
  /** A timer whose name starts with LAYER_TIMER_PREFIX fired. */
  onTimer(context: LayerContext, name: string): void;
  /** Learner: what to report in the PING reply (the session-touch table). */
  pingPayload(context: LayerContext): unknown;
  /** Leader: a learner's PING reply arrived with its session touches. */
  onLearnerPing(context: LayerContext, from: EndpointId, payload: unknown): void;
  /** A sync sent with context.sync completed. */
  syncDone(context: LayerContext, origin: RequestOrigin): void;
  /** Leader: the user's "expire session" fault. */
  expireSession(context: LayerContext, sessionId: number): void;
  /** Leader: what prep is handed for a write about to be proposed, given where it came from
   * (the session tracker's owner check of PrepRequestProcessor). Default: the request itself. */
  beforePrepare?(context: LayerContext, request: unknown, origin: RequestOrigin | null): unknown;
  /** Leader: a learner's REVALIDATE for a session (Leader.revalidateSession); true = still valid. */
  revalidateSession?(context: LayerContext, from: EndpointId, sessionId: number): boolean;
  /** Learner: the leader's answer to revalidate (Learner.revalidate). */
  sessionRevalidated?(context: LayerContext, sessionId: number, valid: boolean): void;
  /** Whether a request is a sync (it goes to the leader but is not proposed). */
  isSync(request: unknown): boolean;
  /** Label for the UI and traces of a client-channel payload. */
  label(payload: unknown): string;
}

/** Timers of the layer are named with this prefix, so Zab routes them to it. */
export const LAYER_TIMER_PREFIX = 'zk:';
