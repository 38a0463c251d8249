// Session and client invariants (facts 9.2, "client-level"), checked after every event like
// Zab's: the protocol under test never grades itself.
//  - EphemeralsDieWithSession: once a session's closeSession is applied on a server, that server
//    holds none of its ephemerals (DataTree.killSession deletes them in the same txn).
//  - ClientZxidMonotonic: a client never sees a zxid go backwards, also across reconnects (the
//    server refuses a client that has seen more than it has: ZooKeeperServer.processConnectRequest).
//  - ReplicasAgree: replica state = apply(committed prefix): two servers that applied the same
//    txns hold the same tree (compared by a digest of its nodes and sessions).

/** The parts of a server's data tree the checks read. */
export interface TreeSummary {
  id: number;
  alive: boolean;
  /** Sessions the tree knows (open sessions). */
  sessions: string[];
  /** Sessions that own ephemeral nodes in the tree, with the paths. */
  ephemeralOwners: { session: string; paths: string[] }[];
}

/** The parts of a client the checks read. */
export interface ClientSummary {
  label: string;
  sessionId: number;
  lastZxid: number;
}

export interface SessionLedger {
  /** Last zxid seen per (client, session). */
  lastZxid: Record<string, number>;
  /** The digest of the tree at each applied zxid, as the first server to reach it had it. */
  digests: Record<string, { digest: string; server: number }>;
  /** The zxid each server's tree was last compared at. */
  compared: Record<string, number>;
}

export function createSessionLedger(): SessionLedger {
  return { lastZxid: {}, digests: {}, compared: {} };
}

/** A server's tree as ReplicasAgree reads it: the zxid it has applied, and its digest (computed
 * only when that zxid is new for the server). */
export interface ReplicaTree {
  id: number;
  alive: boolean;
  appliedZxid: number;
  digest(): string;
}

const DIGESTS_KEPT_MAX = 4096;

/** ReplicasAgree: at every applied zxid, every server's tree matches the first one's. */
export function checkReplicasAgree(ledger: SessionLedger, replicas: readonly ReplicaTree[]): string[] {
  const violations: string[] = [];
  for (const replica of replicas) {
    if (!replica.alive || ledger.compared[replica.id] === replica.appliedZxid) continue;
    ledger.compared[replica.id] = replica.appliedZxid;
    const key = String(replica.appliedZxid);
    const digest = replica.digest();
    const known = ledger.digests[key];
    if (known === undefined) ledger.digests[key] = { digest, server: replica.id };
    else if (known.digest !== digest) violations.push(`ReplicasAgree (server ${replica.id}): at 0x${replica.appliedZxid.toString(16)} its tree is ${digest}, server ${known.server}'s was ${known.digest}`);
  }
  const keys = Object.keys(ledger.digests);
  if (keys.length > DIGESTS_KEPT_MAX) {
    for (const key of keys.map(Number).sort((a, b) => a - b).slice(0, keys.length - DIGESTS_KEPT_MAX / 2)) delete ledger.digests[String(key)];
  }
  return violations;
}

/** EphemeralsDieWithSession on every live server. */
export function checkEphemeralsDieWithSession(trees: readonly TreeSummary[]): string[] {
  const violations: string[] = [];
  for (const tree of trees) {
    if (!tree.alive) continue;
    for (const owner of tree.ephemeralOwners) {
      if (owner.paths.length > 0 && !tree.sessions.includes(owner.session)) {
        violations.push(`EphemeralsDieWithSession (server ${tree.id}): closed session ${owner.session} still owns ${owner.paths.join(', ')}`);
      }
    }
  }
  return violations;
}

/** ClientZxidMonotonic: remembers each client's last zxid per session. */
export function checkClientZxidMonotonic(ledger: SessionLedger, clients: readonly ClientSummary[]): string[] {
  const violations: string[] = [];
  for (const client of clients) {
    if (client.sessionId === 0) continue;
    const key = `${client.label}#${client.sessionId}`;
    const seen = ledger.lastZxid[key] ?? 0;
    if (client.lastZxid < seen) violations.push(`ClientZxidMonotonic (${client.label}): saw 0x${seen.toString(16)}, now 0x${client.lastZxid.toString(16)}`);
    else ledger.lastZxid[key] = client.lastZxid;
  }
  return violations;
}
