// Each session invariant passes on a healthy picture and fails on a broken one.
import { describe, expect, it } from 'vitest';
import { checkClientZxidMonotonic, checkEphemeralsDieWithSession, checkReplicasAgree, createSessionLedger } from './session-invariants';

describe('session invariants', () => {
  it('EphemeralsDieWithSession: an ephemeral of an open session is fine, of a closed one is not', () => {
    expect(checkEphemeralsDieWithSession([{ id: 1, alive: true, sessions: ['7'], ephemeralOwners: [{ session: '7', paths: ['/e'] }] }])).toEqual([]);
    expect(checkEphemeralsDieWithSession([{ id: 1, alive: true, sessions: [], ephemeralOwners: [{ session: '7', paths: [] }] }])).toEqual([]);
    const broken = checkEphemeralsDieWithSession([{ id: 2, alive: true, sessions: [], ephemeralOwners: [{ session: '7', paths: ['/e'] }] }]);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/EphemeralsDieWithSession \(server 2\): closed session 7 still owns \/e/);
  });

  it('ClientZxidMonotonic: a client may move forward, never back; a new session starts afresh', () => {
    const ledger = createSessionLedger();
    expect(checkClientZxidMonotonic(ledger, [{ label: 'c1', sessionId: 5, lastZxid: 10 }])).toEqual([]);
    expect(checkClientZxidMonotonic(ledger, [{ label: 'c1', sessionId: 5, lastZxid: 12 }])).toEqual([]);
    expect(checkClientZxidMonotonic(ledger, [{ label: 'c1', sessionId: 5, lastZxid: 11 }])[0]).toMatch(/ClientZxidMonotonic \(c1\)/);
    expect(checkClientZxidMonotonic(ledger, [{ label: 'c1', sessionId: 6, lastZxid: 0 }])).toEqual([]);
  });

  it('ReplicasAgree: servers at the same applied zxid must hold the same tree', () => {
    const ledger = createSessionLedger();
    const tree = (id: number, appliedZxid: number, digest: string) => ({ id, alive: true, appliedZxid, digest: () => digest });
    expect(checkReplicasAgree(ledger, [tree(1, 5, 'a'), tree(2, 4, 'b')])).toEqual([]);
    expect(checkReplicasAgree(ledger, [tree(1, 5, 'a'), tree(2, 5, 'a')])).toEqual([]);
    expect(checkReplicasAgree(ledger, [tree(3, 5, 'c')])[0]).toMatch(/ReplicasAgree \(server 3\): at 0x5/);
  });
});
