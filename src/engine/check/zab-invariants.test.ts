// Each checker is shown to pass on a healthy picture and to fail on a hand-made broken one;
// the bug-lab variants of the protocol are shown to be caught by the swarm.
import { describe, expect, test } from 'vitest';
import { makeZxid } from '../zab/zxid';
import { runSwarmSeed } from '../zab/testing/swarm';
import type { ReplicaSummary } from './replica';
import {
  checkCommittedNeverLost, checkEpochFiles, checkLeadership, checkPrefixConsistency, checkPrimaryIntegrity,
  checkServeCommittedOnly, checkShouldNotBeTriggered, checkZab, checkZxidOrder, createLedger,
} from './zab-invariants';

const z = makeZxid;

function replica(overrides: Partial<ReplicaSummary> & { id: number }): ReplicaSummary {
  return {
    alive: true, role: 'FOLLOWING', phase: 'BROADCAST', serving: true, acceptedEpoch: 1, currentEpoch: 1,
    history: [], snapshotZxids: [0], lastProcessedZxid: 0, lastCommittedZxid: 0, violations: [], ...overrides,
  };
}

const entries = (...pairs: [number, string][]) => pairs.map(([zxid, key]) => ({ zxid, key }));

describe('Zab checkers', () => {
  test('a healthy ensemble passes every check', () => {
    const history = entries([z(1, 1), 'a'], [z(1, 2), 'b']);
    const replicas = [
      replica({ id: 1, role: 'LEADING', history, lastProcessedZxid: z(1, 2), lastCommittedZxid: z(1, 2) }),
      replica({ id: 2, history, lastProcessedZxid: z(1, 2), lastCommittedZxid: z(1, 2) }),
      replica({ id: 3, history: entries([z(1, 1), 'a']), lastProcessedZxid: z(1, 1), lastCommittedZxid: z(1, 1) }),
    ];
    expect(checkZab(createLedger(), replicas)).toEqual([]);
  });

  test('Leadership fails when two servers lead the same epoch', () => {
    const ledger = createLedger();
    expect(checkLeadership(ledger, [replica({ id: 1, role: 'LEADING', currentEpoch: 2, acceptedEpoch: 2 })])).toEqual([]);
    const found = checkLeadership(ledger, [replica({ id: 3, role: 'LEADING', currentEpoch: 2, acceptedEpoch: 2 })]);
    expect(found.map((violation) => violation.check)).toEqual(['Leadership']);
  });

  test('PrefixConsistency fails when two servers committed different txns at one zxid', () => {
    const replicas = [
      replica({ id: 1, history: entries([z(1, 1), 'a']), lastCommittedZxid: z(1, 1), lastProcessedZxid: z(1, 1) }),
      replica({ id: 2, history: entries([z(1, 1), 'x']), lastCommittedZxid: z(1, 1), lastProcessedZxid: z(1, 1) }),
    ];
    expect(checkPrefixConsistency(createLedger(), replicas).map((violation) => violation.check)).toEqual(['PrefixConsistency']);
  });

  test('PrefixConsistency fails on a hole in a committed prefix', () => {
    const ledger = createLedger();
    checkPrefixConsistency(ledger, [replica({ id: 1, history: entries([z(1, 1), 'a'], [z(1, 2), 'b']), lastCommittedZxid: z(1, 2) })]);
    const found = checkPrefixConsistency(ledger, [replica({ id: 2, history: entries([z(1, 2), 'b']), lastCommittedZxid: z(1, 2) })]);
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toContain('0x100000001 missing');
  });

  test('CommittedNeverLost fails when a later leader lacks a committed txn', () => {
    const ledger = createLedger();
    checkPrefixConsistency(ledger, [replica({ id: 1, history: entries([z(1, 1), 'a']), lastCommittedZxid: z(1, 1) })]);
    const leader = replica({ id: 3, role: 'LEADING', currentEpoch: 2, acceptedEpoch: 2, history: [], lastCommittedZxid: z(2, 0) });
    expect(checkCommittedNeverLost(ledger, [leader]).map((violation) => violation.check)).toEqual(['CommittedNeverLost']);
    const snapshotted = { ...leader, snapshotZxids: [0, z(1, 1)] };
    expect(checkCommittedNeverLost(ledger, [snapshotted])).toEqual([]);
  });

  test('PrimaryIntegrity fails when a follower delivered an old-epoch txn its leader never delivered', () => {
    const leader = replica({ id: 1, role: 'LEADING', currentEpoch: 2, acceptedEpoch: 2, history: entries([z(1, 1), 'a']), lastCommittedZxid: z(2, 0) });
    const follower = replica({ id: 2, currentEpoch: 2, acceptedEpoch: 2, history: entries([z(1, 1), 'a'], [z(1, 2), 'b']), lastCommittedZxid: z(1, 2) });
    expect(checkPrimaryIntegrity([leader, follower]).map((violation) => violation.server)).toEqual([2]);
  });

  test('ZxidOrder fails on a log whose zxids go back', () => {
    expect(checkZxidOrder([replica({ id: 1, history: entries([z(2, 1), 'a'], [z(1, 7), 'b']) })])).toHaveLength(1);
  });

  test('EpochFiles fails when currentEpoch exceeds acceptedEpoch or lags the log', () => {
    expect(checkEpochFiles([replica({ id: 1, acceptedEpoch: 1, currentEpoch: 2 })])).toHaveLength(1);
    expect(checkEpochFiles([replica({ id: 1, acceptedEpoch: 1, currentEpoch: 1, history: entries([z(2, 1), 'a']) })])).toHaveLength(1);
  });

  test('ServeCommittedOnly fails when a serving server applied an uncommitted txn', () => {
    const found = checkServeCommittedOnly(createLedger(), [replica({ id: 1, history: entries([z(1, 1), 'a']), lastProcessedZxid: z(1, 1), lastCommittedZxid: 0 })]);
    expect(found.map((violation) => violation.check)).toEqual(['ServeCommittedOnly']);
  });

  test('ShouldNotBeTriggered reports what servers flagged', () => {
    expect(checkShouldNotBeTriggered([replica({ id: 1, violations: ['COMMIT before synchronization'] })])).toHaveLength(1);
  });
});

describe('bug-lab variants are caught by the swarm', () => {
  const cases = [
    ['commit-before-quorum', 'CommittedNeverLost'],
    ['serve-before-uptodate', 'ServeCommittedOnly'],
    ['skip-trunc', 'PrefixConsistency'],
    ['election-ignores-zxid', 'CommittedNeverLost'],
  ] as const;
  for (const [bug, check] of cases) {
    test(`${bug} is caught (${check})`, () => {
      let caughtBy: string[] = [];
      for (let seed = 1; seed <= 300 && caughtBy.length === 0; seed++) {
        caughtBy = runSwarmSeed(seed, { bugs: [bug] }).violations.map((violation) => violation.check);
      }
      expect(caughtBy).toContain(check);
    });
  }
});
