// The invariant checkers the world runs after every event, as InvariantChecker objects.
import type { InvariantChecker } from '../world';
import type { ZabServerState } from '../zab/state';
import type { ZabBug } from '../zab/options';
import { summarizeZab } from './replica';
import { checkZab, createLedger, type ZabLedger } from './zab-invariants';
import { checkClientZxidMonotonic, checkEphemeralsDieWithSession, checkReplicasAgree, createSessionLedger, type ClientSummary, type ReplicaTree, type SessionLedger, type TreeSummary } from './session-invariants';
import { javaHashSetIteration } from '../server/javaHash';
import type { DataTree } from '../server/tree';
import type { ClientState } from '../client/state';

/** Every checker the app, the CLI and the tests run (bugs: the bug-lab variant in use). */
export function allCheckers(bugs: readonly ZabBug[] = []): InvariantChecker[] {
  return [zabChecker(bugs), sessionChecker()];
}

/** Zab's safety invariants (facts 9.1 and 9.2) over every server, with their ledger. */
export function zabChecker(bugs: readonly ZabBug[] = []): InvariantChecker {
  return {
    name: 'zab',
    createMemory: createLedger,
    check(memory, servers) {
      const replicas = servers.map((server) => summarizeZab(server.state as ZabServerState, server.alive, bugs));
      return checkZab(memory as ZabLedger, replicas).map((violation) => `${violation.check}${violation.server === null ? '' : ` (server ${violation.server})`}: ${violation.text}`);
    },
  };
}

/** Session and client invariants (session-invariants.ts) over every server's tree and every client. */
export function sessionChecker(): InvariantChecker {
  return {
    name: 'sessions',
    createMemory: createSessionLedger,
    check(memory, servers, _timeMs, clients) {
      const trees: TreeSummary[] = servers.map((server) => {
        const tree = (server.state as { db: DataTree }).db;
        return {
          id: server.id,
          alive: server.alive,
          sessions: Object.keys(tree.sessions),
          ephemeralOwners: Object.keys(tree.ephemerals).map((session) => ({ session, paths: javaHashSetIteration(tree.ephemerals[session]!) })),
        };
      });
      const summaries: ClientSummary[] = clients.map((client) => {
        const state = client.state as ClientState;
        return { label: client.label, sessionId: state.sessionId, lastZxid: state.lastZxid };
      });
      const replicas: ReplicaTree[] = servers.map((server) => {
        const tree = (server.state as { db: DataTree }).db;
        return { id: server.id, alive: server.alive, appliedZxid: tree.lastProcessedZxid, digest: () => treeDigest(tree) };
      });
      return [
        ...checkEphemeralsDieWithSession(trees),
        ...checkClientZxidMonotonic(memory as SessionLedger, summaries),
        ...checkReplicasAgree(memory as SessionLedger, replicas),
      ];
    },
  };
}

/** A short digest of a tree: how many nodes, sessions and ephemerals it holds, and its data bytes. */
function treeDigest(tree: DataTree): string {
  let ephemerals = 0;
  let dataChars = 0;
  for (const path in tree.nodes) {
    const node = tree.nodes[path]!;
    if (node.kind === 'ephemeral') ephemerals++;
    dataChars += node.data?.length ?? 0;
  }
  return `${Object.keys(tree.nodes).length} nodes, ${ephemerals} ephemeral, ${Object.keys(tree.sessions).length} sessions, ${dataChars} data chars`;
}
