// Everything a Zab server sends, as one closed union per channel, named as ZooKeeper names it.
// - 'election' channel: FLE notifications (FastLeaderElection.Notification / ToSend). Not a
//   stream: each notification is self-contained and FLE re-sends on timeout.
// - 'zab' channel: quorum packets (Leader.java packet constants). A stream: each learner
//   connection is one TCP connection, identified by `connection` (the learner's connection
//   number), so that packets of an old connection that arrive late are recognised and ignored.
// - 'client' channel: the test client protocol (see ClientPacket), to be replaced by ZooKeeper's
//   real client protocol (sessions, pings, watches) by server/.
import type { EndpointId } from '../sim/network';

export const ELECTION_CHANNEL = 'election';
export const ZAB_CHANNEL = 'zab';
export const CLIENT_CHANNEL = 'client';

/** A server's state as FLE puts it on the wire (QuorumPeer.ServerState). */
export type PeerState = 'LOOKING' | 'FOLLOWING' | 'LEADING' | 'OBSERVING';

/** FLE notification (FastLeaderElection.Notification): the sender's vote and state. */
export interface Notification {
  type: 'NOTIFICATION';
  state: PeerState;
  /** Proposed (or established) leader sid. */
  leader: number;
  /** The proposed leader's last logged zxid. */
  zxid: number;
  /** The sender's logical clock: the election round. */
  electionEpoch: number;
  /** The proposed leader's currentEpoch. */
  peerEpoch: number;
  /** Version of the sender's quorum configuration (0 without reconfig). */
  configVersion: number;
}

/** Who asked for a write: the server the client is connected to, the client, its request id.
 * Plays the part of ZooKeeper's (sessionId, cxid) in the txn header. */
export interface RequestOrigin {
  server: EndpointId;
  client: EndpointId;
  requestId: number;
}

/** Quorum packets (Leader.REQUEST ... Leader.INFORMANDACTIVATE). */
export type QuorumPacket<Db = unknown, Request = unknown, Txn = unknown> =
  | { type: 'REQUEST'; connection: number; origin: RequestOrigin; request: Request }
  | { type: 'PROPOSAL'; connection: number; zxid: number; txn: Txn; origin: RequestOrigin | null }
  | { type: 'ACK'; connection: number; zxid: number }
  | { type: 'COMMIT'; connection: number; zxid: number }
  /** From a learner it carries the layer's session-touch table (LearnerSessionTracker). */
  | { type: 'PING'; connection: number; zxid: number; sessions?: unknown }
  | { type: 'REVALIDATE'; connection: number; sessionId: number; valid: boolean }
  | { type: 'SYNC'; connection: number; zxid: number; origin: RequestOrigin }
  | { type: 'INFORM'; connection: number; zxid: number; txn: Txn; origin: RequestOrigin | null }
  | { type: 'NEWLEADER'; connection: number; zxid: number; configVersion: number; config?: { voters: number[]; observers: number[]; version: number } }
  | { type: 'FOLLOWERINFO'; connection: number; zxid: number; sid: number; protocolVersion: number; configVersion: number }
  | { type: 'OBSERVERINFO'; connection: number; zxid: number; sid: number; protocolVersion: number; configVersion: number }
  | { type: 'UPTODATE'; connection: number }
  | { type: 'DIFF'; connection: number; zxid: number }
  | { type: 'TRUNC'; connection: number; zxid: number }
  | { type: 'SNAP'; connection: number; zxid: number; db: Db }
  | { type: 'LEADERINFO'; connection: number; zxid: number; protocolVersion: number }
  /** zxid = the learner's last logged zxid; currentEpoch = its currentEpoch, or -1 when the
   * proposed epoch equals its acceptedEpoch (no real epoch ack). */
  | { type: 'ACKEPOCH'; connection: number; zxid: number; currentEpoch: number }
  | { type: 'COMMITANDACTIVATE'; connection: number; zxid: number; designatedLeader: number }
  | { type: 'INFORMANDACTIVATE'; connection: number; zxid: number; txn: Txn; origin: RequestOrigin | null; designatedLeader: number };

export type QuorumPacketType = QuorumPacket['type'];

/**
 * The client request path, kept deliberately small (server/ will extend it into ZooKeeper's
 * client protocol). A client endpoint (id >= 1000) sends CLIENT_WRITE or CLIENT_READ to any
 * server on the 'client' channel. A serving server answers reads locally at once; it forwards
 * writes to the leader as REQUEST, and when it applies the resulting committed txn it answers
 * CLIENT_REPLY with the txn's zxid. A server that is not serving (LOOKING, or a learner before
 * UPTODATE) closes the client connection instead, as ZooKeeper does ("ZooKeeperServer not
 * running"); and every server closes all its client connections when it leaves its role.
 */
export type ClientPacket<Request = unknown, Result = unknown> =
  | { type: 'CLIENT_WRITE'; requestId: number; request: Request }
  | { type: 'CLIENT_READ'; requestId: number; request: Request }
  | { type: 'CLIENT_REPLY'; requestId: number; zxid: number; result: Result };

/** Everything a Zab server sends or receives. */
export type ZabPayload<Db = unknown, Request = unknown, Txn = unknown, Result = unknown> =
  | Notification
  | QuorumPacket<Db, Request, Txn>
  | ClientPacket<Request, Result>;

/** ZooKeeper's protocol version sent in FOLLOWERINFO/LEADERINFO (Zab 1.0). */
export const PROTOCOL_VERSION = 0x10000;

/** Short label for traces and the UI: the packet's ZooKeeper name. */
export function labelOf(payload: ZabPayload): string {
  return payload.type;
}

/** True for packets of the quorum ('zab') channel. */
export function isQuorumPacket(payload: ZabPayload): payload is QuorumPacket {
  return payload.type !== 'NOTIFICATION' && !payload.type.startsWith('CLIENT_');
}

/** True for client packets. */
export function isClientPacket(payload: ZabPayload): payload is ClientPacket {
  return payload.type.startsWith('CLIENT_');
}

const ZAB_TYPES: ReadonlySet<string> = new Set([
  'NOTIFICATION', 'REQUEST', 'PROPOSAL', 'ACK', 'COMMIT', 'PING', 'REVALIDATE', 'SYNC', 'INFORM', 'NEWLEADER',
  'FOLLOWERINFO', 'OBSERVERINFO', 'UPTODATE', 'DIFF', 'TRUNC', 'SNAP', 'LEADERINFO', 'ACKEPOCH',
  'COMMITANDACTIVATE', 'INFORMANDACTIVATE', 'CLIENT_WRITE', 'CLIENT_READ', 'CLIENT_REPLY',
]);

/** True for payloads Zab itself defines (the rest belong to a client-facing layer). */
export function isZabPayload(payload: { type: string }): boolean {
  return ZAB_TYPES.has(payload.type);
}
