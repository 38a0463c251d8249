// The replicated state machine that Zab carries, seen from Zab: a bundle of pure functions.
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
}

/** The machine with its types erased: what the protocol internals hold. */
export type AnyMachine = ReplicatedMachine<unknown, unknown, unknown, unknown>;
