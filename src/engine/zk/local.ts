// The client-facing memory of one server (not replicated, lost on a crash): client connections
// and their sessions, the watch tables, the learner's session touches, the leader's tracker.
import type { AclId } from '../server/acl';
import { createWatchManager, type WatchManager } from '../server/watches';
import type { SessionTracker } from '../server/sessions';
import type { ClientRequest } from '../client/packets';
import type { EndpointId } from '../sim/network';

/** A request held back so that replies leave in the session's order (CommitProcessor). */
export interface HeldRequest {
  xid: number;
  request: ClientRequest | 'ping';
}

/** One client connection (NIOServerCnxn) with its session. */
export interface Connection {
  client: EndpointId;
  connection: number;
  sessionId: number;
  authIds: AclId[];
  /** Writes and syncs sent to the leader and not yet answered. */
  outstanding: number;
  held: HeldRequest[];
}

/** A connection waiting for its createSession txn to commit. */
export interface PendingConnect {
  client: EndpointId;
  connection: number;
  sessionId: number;
  timeoutMs: number;
}

export interface ZkLocal {
  /** Sorted by client endpoint. */
  connections: Connection[];
  pendingConnects: PendingConnect[];
  /** Learner: reconnects waiting for the leader's REVALIDATE answer (Learner.pendingRevalidations). */
  pendingRevalidations: PendingConnect[];
  watches: WatchManager;
  /** Learner: sessions touched since the last PING reply, with their timeouts. */
  touched: [number, number][];
  /** Leader: SessionTrackerImpl; null elsewhere. */
  tracker: SessionTracker | null;
  /** Next session id this server hands out (SessionTrackerImpl.initializeNextSessionId). */
  nextSessionId: number;
  /** Leader: the container manager's run in progress (paths still to submit), null when idle. */
  containerQueue: string[] | null;
  /** Leader: a check came due while a run was still deleting; it runs right after. */
  containerCheckOverdue: boolean;
}

/** Fresh memory: nothing connected. Watch events are filtered by READ ACL, as in 3.8.4+ and in
 * Debian's 3.8.0 (which backports the CVE-2024-23944 fix) that recorded the golden traces. */
export function createLocal(): ZkLocal {
  return { connections: [], pendingConnects: [], pendingRevalidations: [], watches: createWatchManager(), touched: [], tracker: null, nextSessionId: 0, containerQueue: null, containerCheckOverdue: false };
}
