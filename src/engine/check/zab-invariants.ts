// Safety invariants of Zab, checked over every server's summary after every step. The checkers
// keep their own memory (the ledger: every txn ever seen committed, every established leader),
// so a txn that was committed and later vanishes is caught. The protocol never grades itself.
// Sources: facts 9.1 (Zab.tla invariant names, the Zab paper's properties), facts 9.2.
import { formatZxid, zxidEpoch } from '../zab/zxid';
import type { ReplicaSummary } from './replica';

export interface Violation {
  check: string;
  server: number | null;
  text: string;
}

/** What the checkers remember between steps (plain data). */
export interface ZabLedger {
  /** Every txn ever in some server's committed prefix, sorted by zxid; `seq` = the order in
   * which the checkers first saw each one committed. */
  committed: { zxid: number; key: string; firstServer: number; seq: number }[];
  /** The established leader of each epoch, sorted by epoch, with how many commits had been
   * seen when it established itself. */
  leaders: { epoch: number; server: number; commitsSeen: number; checked: boolean }[];
  checks: number;
  /** Per server id: how far into its history each incremental check has already looked (a
   * count of entries and the zxid of the last one, so a log cut below it is noticed). */
  progress: Record<string, Record<string, { count: number; lastZxid: number }>>;
}

export function createLedger(): ZabLedger {
  return { committed: [], leaders: [], checks: 0, progress: {} };
}

/** Each check: name, source, function. */
export const ZAB_CHECKS = [
  { name: 'Leadership', source: 'Zab.tla Leadership1/Leadership2 (facts 9.1): at most one established leader per epoch' },
  { name: 'PrefixConsistency', source: 'Zab.tla PrefixConsistency, Agreement, TotalOrder (facts 9.1): committed prefixes agree; a zxid maps to one txn' },
  { name: 'CommittedNeverLost', source: 'Zab paper "primary integrity"; facts 9.2 leader completeness: an established leader of a later epoch holds every committed txn' },
  { name: 'PrimaryIntegrity', source: 'Zab.tla PrimaryIntegrity (facts 9.1): what a broadcasting follower delivered from older epochs, its leader delivered too' },
  { name: 'ZxidOrder', source: 'Zab.tla GlobalPrimaryOrder (facts 9.1); facts 9.2: each log has strictly increasing zxids' },
  { name: 'EpochFiles', source: 'QuorumPeer.loadDataBase (facts 9.2): acceptedEpoch >= currentEpoch >= epoch of the last logged zxid' },
  { name: 'ServeCommittedOnly', source: 'facts 9.2: a serving server applied only committed txns (nothing newer than its sync point before UPTODATE)' },
  { name: 'ShouldNotBeTriggered', source: 'Zab.tla ShouldNotBeTriggered (facts 9.1): no impossible message was seen' },
] as const;

export type ZabCheckName = (typeof ZAB_CHECKS)[number]['name'];

function findCommitted(ledger: ZabLedger, zxid: number): ZabLedger['committed'][number] | undefined {
  let low = 0;
  let high = ledger.committed.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = ledger.committed[middle]!;
    if (entry.zxid === zxid) return entry;
    if (entry.zxid < zxid) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

function insertCommitted(ledger: ZabLedger, entry: ZabLedger['committed'][number]): void {
  let index = ledger.committed.length;
  while (index > 0 && ledger.committed[index - 1]!.zxid > entry.zxid) index--;
  ledger.committed.splice(index, 0, entry);
}

/** Index of the first history entry with zxid > `zxid` (histories are sorted; ZxidOrder checks it). */
function upperBound(history: readonly { zxid: number }[], zxid: number): number {
  let low = 0;
  let high = history.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (history[middle]!.zxid <= zxid) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Where an incremental check resumes in a replica's history: after what it verified last
 * time, unless the history changed below that point (then from the start). */
function resume(ledger: ZabLedger, replica: ReplicaSummary, check: string): number {
  const memo = ledger.progress[replica.id]?.[check];
  if (memo === undefined || memo.count > replica.history.length || memo.count === 0) return 0;
  return replica.history[memo.count - 1]!.zxid === memo.lastZxid ? memo.count : 0;
}

function remember(ledger: ZabLedger, replica: ReplicaSummary, check: string, count: number): void {
  const byCheck = ledger.progress[replica.id] ?? (ledger.progress[replica.id] = {});
  byCheck[check] = { count, lastZxid: count === 0 ? 0 : replica.history[count - 1]!.zxid };
}

/** How many committed txns the ledger knows with floor < zxid <= ceiling. */
function ledgerCountBetween(ledger: ZabLedger, floor: number, ceiling: number): number {
  return upperBound(ledger.committed, ceiling) - upperBound(ledger.committed, floor);
}

function inHistory(replica: ReplicaSummary, zxid: number): boolean {
  const index = upperBound(replica.history, zxid) - 1;
  return index >= 0 && replica.history[index]!.zxid === zxid;
}

function newestSnapshot(replica: ReplicaSummary): number {
  return replica.snapshotZxids.length === 0 ? 0 : Math.max(...replica.snapshotZxids);
}

function holds(replica: ReplicaSummary, zxid: number): boolean {
  return zxid <= newestSnapshot(replica) || inHistory(replica, zxid);
}

function isEstablishedLeader(replica: ReplicaSummary): boolean {
  return replica.alive && replica.role === 'LEADING' && (replica.phase === 'SYNCHRONIZATION' || replica.phase === 'BROADCAST');
}

/** Leadership: at most one server ever established itself as leader of a given epoch. */
export function checkLeadership(ledger: ZabLedger, replicas: readonly ReplicaSummary[]): Violation[] {
  const violations: Violation[] = [];
  for (const replica of replicas) {
    if (!isEstablishedLeader(replica)) continue;
    const known = ledger.leaders.find((entry) => entry.epoch === replica.currentEpoch);
    if (known === undefined) {
      ledger.leaders.push({ epoch: replica.currentEpoch, server: replica.id, commitsSeen: ledger.committed.length, checked: false });
      ledger.leaders.sort((left, right) => left.epoch - right.epoch);
    } else if (known.server !== replica.id) {
      violations.push({ check: 'Leadership', server: replica.id, text: `epoch ${replica.currentEpoch} already had leader ${known.server}` });
    }
  }
  return violations;
}

/** PrefixConsistency: every committed prefix agrees with the ledger; a broadcasting server's
 * committed prefix has no hole where the ledger has a committed txn. Feeds the ledger. */
export function checkPrefixConsistency(ledger: ZabLedger, replicas: readonly ReplicaSummary[]): Violation[] {
  const violations: Violation[] = [];
  for (const replica of replicas) {
    if (!replica.alive) continue;
    const end = upperBound(replica.history, replica.lastCommittedZxid);
    for (let index = Math.min(resume(ledger, replica, 'prefix'), end); index < end; index++) {
      const entry = replica.history[index]!;
      const known = findCommitted(ledger, entry.zxid);
      if (known === undefined) insertCommitted(ledger, { ...entry, firstServer: replica.id, seq: ledger.committed.length });
      else if (known.key !== entry.key) {
        violations.push({ check: 'PrefixConsistency', server: replica.id, text: `${formatZxid(entry.zxid)} is ${entry.key} here but ${known.key} on ${known.firstServer}` });
      }
    }
    remember(ledger, replica, 'prefix', end);
  }
  for (const replica of replicas) {
    if (!replica.alive || replica.phase !== 'BROADCAST') continue;
    // Every entry of the committed prefix is in the ledger (above), so a hole shows as the
    // ledger knowing more committed txns in the range than the replica holds.
    const floor = newestSnapshot(replica);
    const held = upperBound(replica.history, replica.lastCommittedZxid) - upperBound(replica.history, floor);
    if (ledgerCountBetween(ledger, floor, replica.lastCommittedZxid) <= held) continue;
    for (const known of ledger.committed) {
      if (known.zxid <= floor || known.zxid > replica.lastCommittedZxid || inHistory(replica, known.zxid)) continue;
      violations.push({ check: 'PrefixConsistency', server: replica.id, text: `committed ${formatZxid(known.zxid)} missing from its committed prefix` });
    }
  }
  return violations;
}

/** CommittedNeverLost: an established leader holds every txn of an earlier epoch that was
 * committed before it established itself. (A stale leader still in SYNCHRONIZATION may lack a txn
 * that a newer epoch committed later: it can never reach a quorum, and PrefixConsistency would
 * catch it if it did.) */
export function checkCommittedNeverLost(ledger: ZabLedger, replicas: readonly ReplicaSummary[]): Violation[] {
  const violations: Violation[] = [];
  for (const replica of replicas) {
    if (!isEstablishedLeader(replica)) continue;
    const established = ledger.leaders.find((entry) => entry.epoch === replica.currentEpoch && entry.server === replica.id);
    // What it must hold is fixed when it establishes itself, and a leader never cuts its log:
    // one look is enough.
    if (established?.checked) continue;
    if (established) established.checked = true;
    const commitsSeen = established?.commitsSeen ?? ledger.committed.length;
    for (const known of ledger.committed) {
      if (zxidEpoch(known.zxid) >= replica.currentEpoch || known.seq >= commitsSeen) continue;
      if (!holds(replica, known.zxid)) {
        violations.push({ check: 'CommittedNeverLost', server: replica.id, text: `leader of epoch ${replica.currentEpoch} lacks committed ${formatZxid(known.zxid)}` });
      }
    }
  }
  return violations;
}

/** PrimaryIntegrity: a broadcasting follower's older-epoch deliveries were delivered by its leader. */
export function checkPrimaryIntegrity(replicas: readonly ReplicaSummary[], ledger?: ZabLedger): Violation[] {
  const violations: Violation[] = [];
  for (const leader of replicas) {
    if (!leader.alive || leader.role !== 'LEADING' || leader.phase !== 'BROADCAST') continue;
    for (const follower of replicas) {
      if (follower === leader || !follower.alive || follower.phase !== 'BROADCAST' || follower.currentEpoch !== leader.currentEpoch) continue;
      // Only entries of older epochs matter, and they sit at the start of the history.
      const end = upperBound(follower.history, Math.min(follower.lastCommittedZxid, leader.currentEpoch * 2 ** 32 - 1));
      const memoKey = `integrity@${leader.id}/${leader.currentEpoch}`;
      const start = ledger ? Math.min(resume(ledger, follower, memoKey), end) : 0;
      if (ledger) remember(ledger, follower, memoKey, end);
      for (let index = start; index < end; index++) {
        const entry = follower.history[index]!;
        if (entry.zxid > leader.lastCommittedZxid || !holds(leader, entry.zxid)) {
          violations.push({ check: 'PrimaryIntegrity', server: follower.id, text: `delivered ${formatZxid(entry.zxid)} that leader ${leader.id} never delivered` });
        }
      }
    }
  }
  return violations;
}

/** ZxidOrder: each log's zxids strictly increase (so epochs never go back: GlobalPrimaryOrder). */
export function checkZxidOrder(replicas: readonly ReplicaSummary[], ledger?: ZabLedger): Violation[] {
  const violations: Violation[] = [];
  for (const replica of replicas) {
    const start = ledger ? Math.max(1, resume(ledger, replica, 'order')) : 1;
    if (ledger) remember(ledger, replica, 'order', replica.history.length);
    for (let index = start; index < replica.history.length; index++) {
      const previous = replica.history[index - 1]!.zxid;
      const current = replica.history[index]!.zxid;
      if (current <= previous) violations.push({ check: 'ZxidOrder', server: replica.id, text: `${formatZxid(current)} logged after ${formatZxid(previous)}` });
    }
  }
  return violations;
}

/** EpochFiles: acceptedEpoch >= currentEpoch >= epoch of the last logged zxid. */
export function checkEpochFiles(replicas: readonly ReplicaSummary[]): Violation[] {
  const violations: Violation[] = [];
  for (const replica of replicas) {
    const last = replica.history[replica.history.length - 1];
    const lastEpoch = last ? zxidEpoch(last.zxid) : 0;
    if (replica.acceptedEpoch < replica.currentEpoch || replica.currentEpoch < lastEpoch) {
      violations.push({ check: 'EpochFiles', server: replica.id, text: `acceptedEpoch ${replica.acceptedEpoch}, currentEpoch ${replica.currentEpoch}, last logged epoch ${lastEpoch}` });
    }
  }
  return violations;
}

/** ServeCommittedOnly: a serving server's applied txns are all known committed. */
export function checkServeCommittedOnly(ledger: ZabLedger, replicas: readonly ReplicaSummary[]): Violation[] {
  const violations: Violation[] = [];
  for (const replica of replicas) {
    if (!replica.alive || !replica.serving) continue;
    const end = upperBound(replica.history, replica.lastProcessedZxid);
    const from = Math.max(resume(ledger, replica, 'served'), upperBound(replica.history, newestSnapshot(replica)));
    remember(ledger, replica, 'served', end);
    for (let index = Math.min(from, end); index < end; index++) {
      const entry = replica.history[index]!;
      if (findCommitted(ledger, entry.zxid) === undefined) {
        violations.push({ check: 'ServeCommittedOnly', server: replica.id, text: `serves applied ${formatZxid(entry.zxid)} that was never committed` });
      }
    }
  }
  return violations;
}

/** ShouldNotBeTriggered: servers report impossible events they saw. */
export function checkShouldNotBeTriggered(replicas: readonly ReplicaSummary[]): Violation[] {
  return replicas.flatMap((replica) => replica.violations.map((text) => ({ check: 'ShouldNotBeTriggered', server: replica.id, text })));
}

/** Runs every check (updating the ledger) and returns all violations. Call after every step. */
export function checkZab(ledger: ZabLedger, replicas: readonly ReplicaSummary[]): Violation[] {
  ledger.checks++;
  return [
    ...checkLeadership(ledger, replicas),
    ...checkPrefixConsistency(ledger, replicas),
    ...checkCommittedNeverLost(ledger, replicas),
    ...checkPrimaryIntegrity(replicas, ledger),
    ...checkZxidOrder(replicas, ledger),
    ...checkEpochFiles(replicas),
    ...checkServeCommittedOnly(ledger, replicas),
    ...checkShouldNotBeTriggered(replicas),
  ];
}
