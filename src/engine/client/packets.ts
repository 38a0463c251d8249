// ZooKeeper's client protocol, as the simulated client and servers exchange it on the 'client'
// channel (ClientCnxn <-> NIOServerCnxn / FinalRequestProcessor). One closed union each way.
import type { Acl } from '../server/acl';
import type { ErrorName } from '../server/errors';
import type { PersistentWatchMode, RemovableWatchType } from '../server/watches';
import type { WatchEventType, WriteOp } from '../server/txn';

export const CLIENT_CHANNEL = 'client';

/** Reads are answered by the server the client is connected to; they never go through Zab. */
export type ReadOp =
  | { type: 'getData'; path: string; watch: boolean }
  | { type: 'exists'; path: string; watch: boolean }
  | { type: 'getChildren'; path: string; watch: boolean }
  | { type: 'getACL'; path: string }
  /** Flushes the channel to the leader: answered once everything before it is applied here. */
  | { type: 'sync'; path: string }
  | { type: 'addWatch'; path: string; mode: PersistentWatchMode }
  | { type: 'removeWatches'; path: string; watcherType: RemovableWatchType };

/** What a client can ask: a write (through the leader) or a local read. */
export type ClientRequest = WriteOp | ReadOp;

/** The watches a client re-registers after (re)connecting (SetWatches2). */
export interface WatchPaths {
  data: string[];
  exist: string[];
  child: string[];
  persistent: string[];
  persistentRecursive: string[];
}

export type ClientToServer =
  | { type: 'ConnectRequest'; connection: number; lastZxidSeen: number; timeoutMs: number; sessionId: number }
  | { type: 'Request'; connection: number; xid: number; request: ClientRequest }
  | { type: 'Ping'; connection: number }
  | { type: 'SetWatches'; connection: number; relativeZxid: number; watches: WatchPaths }
  | { type: 'AuthPacket'; connection: number; scheme: string; auth: string };

/** The result of a read, as the server answers it. */
export type ReadResult =
  | { type: 'getData'; data: string | null; stat: import('../server/stat').Stat }
  | { type: 'exists'; stat: import('../server/stat').Stat | null }
  | { type: 'getChildren'; children: string[]; stat: import('../server/stat').Stat }
  | { type: 'getACL'; acl: Acl[]; stat: import('../server/stat').Stat }
  | { type: 'sync' }
  | { type: 'addWatch' }
  | { type: 'removeWatches' };

export type ServerToClient =
  /** timeoutMs 0 = the session is expired (or unknown): the client goes CLOSED with Expired. */
  | { type: 'ConnectResponse'; connection: number; timeoutMs: number; sessionId: number }
  | { type: 'Reply'; connection: number; xid: number; zxid: number; err: ErrorName; result: unknown }
  | { type: 'Pong'; connection: number; zxid: number }
  | { type: 'WatcherEvent'; connection: number; event: WatchEventType; path: string; zxid: number }
  /** The answer to an AuthPacket (xid -4): OK, or AUTHFAILED and then the server closes the
   * connection (ZooKeeperServer.processPacket, auth case). */
  | { type: 'AuthReply'; connection: number; err: 'OK' | 'AUTHFAILED' };

export type ClientPayload = ClientToServer | ServerToClient;

/** Label for traces and the UI. Requests show their operation ("create", "getData"). */
export function clientPacketLabel(payload: ClientPayload): string {
  switch (payload.type) {
    case 'Request': return payload.request.type;
    case 'Reply': return 'reply';
    case 'Ping': return 'ping';
    case 'Pong': return 'pong';
    case 'WatcherEvent': return `watch ${payload.event}`;
    default: return payload.type;
  }
}

/** True for packets a client sends (so a server knows to treat the sender as a client). */
export function isClientToServer(payload: { type: string }): payload is ClientToServer {
  return payload.type === 'ConnectRequest' || payload.type === 'Request' || payload.type === 'Ping' || payload.type === 'SetWatches' || payload.type === 'AuthPacket';
}

/** True for a watch notification on its way to a client (the world counts them in flight). */
export function isWatchNotification(channel: string, payload: unknown): boolean {
  return channel === CLIENT_CHANNEL && (payload as { type?: string } | null)?.type === 'WatcherEvent';
}
