// Settings of the Zab engine beyond the ensemble-wide tickMs/initLimit/syncLimit. Defaults are
// ZooKeeper's (facts section 0) unless noted.

/**
 * Deliberately broken variants (the bug lab, CONTRACT.md "bugs"): each breaks one rule so the
 * checkers can be shown to catch it. Never set outside tests and the bug lab.
 */
export type ZabBug =
  /** FLE compares votes by (peerEpoch, sid), ignoring zxid, so a server with a shorter history
   * can win; and the new leader no longer refuses followers that are ahead of it (Leader.
   * waitForEpochAck), which would otherwise turn the mistake into a stuck election. */
  | 'election-ignores-zxid'
  /** The leader commits a proposal as soon as it proposes it. */
  | 'commit-before-quorum'
  /** A learner serves clients as soon as it has sent ACKEPOCH, before UPTODATE. */
  | 'serve-before-uptodate'
  /** The leader answers DIFF where it should send TRUNC. */
  | 'skip-trunc';

export const ZAB_BUGS: readonly ZabBug[] = ['election-ignores-zxid', 'commit-before-quorum', 'serve-before-uptodate', 'skip-trunc'];

export interface ZabOptions {
  /** Size of the in-memory committedLog window used for DIFF (zookeeper.commitLogCount). ZooKeeper
   * raises values below 500 to 500; tests may set it small to reach SNAP quickly. */
  commitLogCount: number;
  /** zookeeper.snapshotSizeFactor: txn-log sync serves a learner only while the log to send is
   * smaller than this fraction of the newest snapshot; negative turns it off. */
  snapshotSizeFactor: number;
  /** snapCount: a snapshot starts once the txns logged since the last one exceed
   * snapCount/2 + random[0, snapCount/2) (SyncRequestProcessor). */
  snapCount: number;
  /** Snapshots kept; txn log entries older than the oldest kept snapshot are purged
   * (autopurge.snapRetainCount; autopurge itself is off by default in ZooKeeper). */
  snapRetainCount: number;
  /** Modelled fsync latency: a logged txn is acknowledged this long after it arrives (group
   * commit). 0 = the ACK leaves in the same step. */
  fsyncDelayMs: number;
  /** FLE finalizeWait. */
  finalizeWaitMs: number;
  /** FLE minNotificationInterval / maxNotificationInterval. */
  minNotificationIntervalMs: number;
  maxNotificationIntervalMs: number;
  /** zookeeper.observer.election.DelayMs: an observer that lost its leader waits random[0, this). */
  observerElectionDelayMs: number;
  /** reconfigEnabled: dynamic reconfiguration is off by default (ZooKeeper 3.5.3+). */
  reconfigEnabled: boolean;
  bugs: ZabBug[];
}

export const DEFAULT_ZAB_OPTIONS: ZabOptions = {
  commitLogCount: 500,
  snapshotSizeFactor: 0.33,
  snapCount: 100_000,
  snapRetainCount: 3,
  fsyncDelayMs: 0,
  finalizeWaitMs: 200,
  minNotificationIntervalMs: 200,
  maxNotificationIntervalMs: 60_000,
  observerElectionDelayMs: 200,
  reconfigEnabled: false,
  bugs: [],
};

/** Fills defaults and validates. */
export function resolveZabOptions(partial: Partial<ZabOptions> = {}): ZabOptions {
  const options: ZabOptions = { ...DEFAULT_ZAB_OPTIONS, ...partial };
  options.bugs = [...options.bugs].sort();
  if (!Number.isInteger(options.commitLogCount) || options.commitLogCount < 1) throw new RangeError('commitLogCount must be >= 1');
  if (!Number.isInteger(options.snapCount) || options.snapCount < 2) throw new RangeError('snapCount must be >= 2');
  if (!Number.isInteger(options.snapRetainCount) || options.snapRetainCount < 1) throw new RangeError('snapRetainCount must be >= 1');
  for (const bug of options.bugs) if (!ZAB_BUGS.includes(bug)) throw new RangeError(`unknown bug ${bug}`);
  return options;
}
