// Request, txn and result shapes shared by prep.ts (leader), apply.ts (every server) and the
// Zab engine that carries txns between them. Plain data only.

import type { Acl, AclId } from './acl';
import type { CreateModeName, NodeKind } from './createMode';
import type { ErrorName } from './errors';
import type { Stat } from './stat';

// ---- Requests (what a client asks the leader to do) ----

export interface CreateOp {
  type: 'create';
  path: string;
  data: string | null;
  acl: Acl[];
  /** A Java CreateMode name (CONTAINER / TTL names use their own opcodes), or a raw flag sent with the plain create opcode. */
  mode: CreateModeName | number;
  /** Only for the TTL modes. */
  ttlMs?: number;
}
export interface DeleteOp { type: 'delete'; path: string; version: number }
export interface SetDataOp { type: 'setData'; path: string; data: string | null; version: number }
export interface CheckOp { type: 'check'; path: string; version: number }
export interface SetAclOp { type: 'setACL'; path: string; acl: Acl[]; version: number }
/** The ops allowed inside multi() (Op.Create / Delete / SetData / Check). */
export type MultiSubOp = CreateOp | DeleteOp | SetDataOp | CheckOp;
export interface MultiOp { type: 'multi'; ops: MultiSubOp[] }
export interface CreateSessionOp { type: 'createSession'; timeoutMs: number }
export interface CloseSessionOp { type: 'closeSession' }
/** Issued by the leader's container manager, not by clients. */
export interface DeleteContainerOp { type: 'deleteContainer'; path: string }
/** ZooKeeperAdmin.reconfig (incremental form). Zab attaches its decision before prep; the txn is
 * a setData of /zookeeper/config with the new membership's text (PrepRequestProcessor). */
export interface ReconfigOp {
  type: 'reconfig';
  joining: { id: number; role: 'participant' | 'observer' }[];
  leaving: number[];
  fromConfig: number;
  decision?: { err: ErrorName } | { err: null; configData: string };
}

export type WriteOp =
  | CreateOp | DeleteOp | SetDataOp | CheckOp | SetAclOp | MultiOp
  | CreateSessionOp | CloseSessionOp | DeleteContainerOp | ReconfigOp;

/** A write as it reaches the leader's prep stage: the op plus who sent it. */
export interface WriteRequest {
  sessionId: number;
  /** The session's auth ids (addAuth results; "super" bypasses ACL checks). */
  authIds: AclId[];
  op: WriteOp;
  /** The leader's session tracker refused it (checkSession: SESSIONMOVED, SESSIONEXPIRED when closing). */
  sessionError?: ErrorName;
}

// ---- Txns (what Zab proposes, logs and every server applies) ----

export type TxnOp =
  | { type: 'create'; path: string; data: string | null; acl: Acl[]; kind: NodeKind; ttlMs: number; parentCversion: number }
  | { type: 'delete'; path: string }
  | { type: 'setData'; path: string; data: string | null; version: number }
  | { type: 'setACL'; path: string; acl: Acl[]; aversion: number }
  | { type: 'check'; path: string }
  | { type: 'createSession'; timeoutMs: number }
  /** Ephemerals to delete, in the leader's HashSet.clone() iteration order (CloseSessionTxn.paths2Delete; tree.closeSessionOrder). */
  | { type: 'closeSession'; paths: string[] }
  | { type: 'error'; err: ErrorName }
  /** Sub-txns; when the multi failed every one is an error txn (OK before the failure, RUNTIMEINCONSISTENCY after). */
  | { type: 'multi'; ops: TxnOp[] };

/** A txn with its header (TxnHeader: clientId, zxid, time). */
export interface Txn {
  zxid: number;
  /** The leader's clock when it prepared the txn; becomes ctime/mtime on every replica. */
  timeMs: number;
  sessionId: number;
  op: TxnOp;
}

// ---- Results (what the client is answered after apply) ----

export type OpResult =
  | { type: 'create'; err: 'OK'; path: string; stat: Stat }
  | { type: 'delete'; err: 'OK' }
  | { type: 'setData'; err: 'OK'; stat: Stat }
  | { type: 'setACL'; err: 'OK'; stat: Stat }
  | { type: 'check'; err: 'OK' }
  | { type: 'createSession'; err: 'OK' }
  | { type: 'closeSession'; err: 'OK' }
  | { type: 'error'; err: ErrorName }
  /** err is the first non-OK sub-result, or OK. */
  | { type: 'multi'; err: ErrorName; results: OpResult[] };

/** Watch event types a txn can fire (Watcher.Event.EventType). */
export type WatchEventType = 'NodeCreated' | 'NodeDeleted' | 'NodeDataChanged' | 'NodeChildrenChanged';

/** A change that may fire watches, with the ACL of the node it concerns (for READ filtering). */
export interface WatchTrigger {
  path: string;
  event: WatchEventType;
  acl: Acl[];
  zxid: number;
}
