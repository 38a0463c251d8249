// The replicated state machine that Zab carries, seen from Zab: a bundle of pure functions.
import type { MemberConfig } from './state';
// Zab never looks inside a Db, Request, Txn or Result; it only orders txns and hands them back.
// ZooKeeper's DataTree + PrepRequestProcessor play this part (src/engine/server/ implements it).

/**
 * The machine contract. All functions are pure apart from `apply`, which mutates the db it is
 * given. Values must be plain data (they travel in packets and are cloned for snapshots).
 * Txns are treated as immutable once prepared: many servers' logs share the same txn object.
 */
export interface ReplicatedMachine<Db, Request, Txn, Result> {
  /** The empty database of a server with an empty data directory. */
  initial(): Db;
  /** A deep copy (snapshots, SNAP sync, the leader's speculative db). */
  clone(db: Db): Db;
  /**
   * Leader only: turns a client write into the txn to propose at `zxid`, validated against
   * `speculativeDb` = the db as it will be once every outstanding proposal commits
   * (ZooKeeper's "outstanding changes"). Never throws for a bad request: it returns an error txn,
   * which is proposed and committed like any other (PrepRequestProcessor).
   */
  prepare(speculativeDb: Db, request: Request, zxid: number, timeMs: number): Txn;
  /** Applies a committed txn (mutating `db`) and returns what the originating client is told. */
  apply(db: Db, txn: Txn, zxid: number): Result;
  /** Serves a read locally from `db` (reads never go through Zab). */
  read(db: Db, request: Request): Result;
  /** Optional short text for transcripts and the UI ("set x=1"). */
  describeTxn?(txn: Txn): string;
  /** Optional short text for a client request in transcripts. */
  describeRequest?(request: Request): string;
  /** Optional dynamic reconfiguration support (reconfig.ts). */
  reconfig?: ReconfigHooks<Request, Txn>;
}

/** A reconfig request as Zab decides it: who joins (and as what), who leaves, from which version. */
export interface ReconfigRequest {
  joining: { id: number; role: 'participant' | 'observer' }[];
  leaving: number[];
  /** -1: any version. */
  fromConfig: number;
}

/** Zab's verdict on a reconfig, attached to the request before prepare turns it into a txn. */
export type ReconfigDecision =
  | { err: 'RECONFIGDISABLED' | 'RECONFIGINPROGRESS' | 'BADVERSION' | 'BADARGUMENTS' | 'NEWCONFIGNOQUORUM' }
  | { err: null; config: MemberConfig };

export interface ReconfigHooks<Request, Txn> {
  /** The reconfig a request asks for, or null for any other request. */
  requestOf(request: Request): ReconfigRequest | null;
  /** The request with Zab's decision attached (prepare then makes the txn or an error txn). */
  withDecision(request: Request, decision: ReconfigDecision): Request;
  /** The membership a committed txn activates, or null. */
  configOf(txn: Txn): MemberConfig | null;
}

/** The machine with its types erased: what the protocol internals hold. */
export type AnyMachine = ReplicatedMachine<unknown, unknown, unknown, unknown>;
