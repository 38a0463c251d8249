// Every named invariant the app judges a run by, with where each comes from: the list the
// invariant panel shows (holding or broken). Violation messages start with the name.
import { ZAB_CHECKS } from './zab-invariants';

export type InvariantGroup = 'zab' | 'session' | 'history';

export interface InvariantEntry {
  name: string;
  group: InvariantGroup;
  /** Where the rule comes from (a spec, a paper, a ZooKeeper class, reference/zookeeper-facts.md). */
  source: string;
}

export const LINEARIZABILITY = 'Linearizability';

export const INVARIANTS: readonly InvariantEntry[] = [
  ...ZAB_CHECKS.map((check) => ({ name: check.name, group: 'zab' as const, source: check.source })),
  { name: 'EphemeralsDieWithSession', group: 'session', source: 'DataTree.killSession (facts 9.2): once closeSession is applied, no server holds the session\'s ephemerals' },
  { name: 'ClientZxidMonotonic', group: 'session', source: 'ZooKeeperServer.processConnectRequest (facts 9.2): a client never sees a zxid go backwards' },
  { name: 'ReplicasAgree', group: 'session', source: 'facts 9.2: replica state = apply(committed prefix); servers at the same zxid hold the same tree' },
  { name: 'WatchFiresOnce', group: 'history', source: 'ZKWatchManager.materialize (facts 5.1): a one-time watch fires at most once per registration' },
  { name: 'RepliesInOrder', group: 'history', source: 'ClientCnxn pending queue (facts 4.9): a client gets its replies in the order it sent its requests' },
  { name: LINEARIZABILITY, group: 'history', source: 'Herlihy & Wing; facts 4.9: writes and sync-then-reads are linearizable, plain reads sequentially consistent (checked per znode, as Porcupine does)' },
];

/** The invariant a violation message speaks of (messages start with the name). */
export function invariantOfMessage(message: string): string | null {
  const match = /^([A-Za-z]+)/.exec(message);
  return match === null ? null : match[1]!;
}
