// The invariant checkers the world runs after every event, as InvariantChecker objects.
import type { InvariantChecker } from '../world';
import type { ZabServerState } from '../zab/state';
import type { ZabBug } from '../zab/options';
import { summarizeZab } from './replica';
import { checkZab, createLedger, type ZabLedger } from './zab-invariants';

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
