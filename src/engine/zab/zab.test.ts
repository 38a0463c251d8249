// Unit and scenario tests of the Zab engine beyond the transcripts: timing, the sync decision,
// the vote order, persistence, determinism, plain-data state.
import { describe, expect, it, test } from 'vitest';
import { planSync } from './sync';
import { makeZxid } from './zxid';
import { kvMachine } from './testing/kv-machine';
import { clientSend, crashServer, createHarness, partition, runFor, runUntil, startServers, type Harness } from './testing/harness';
import type { LogEntry, ZabServerState } from './state';

const z = makeZxid;
type H = Harness;

function harness(options: Parameters<typeof createHarness>[1] = {}): H {
  return createHarness(kvMachine, options) as unknown as H;
}

function states(h: H): ZabServerState[] {
  return h.servers as ZabServerState[];
}

function established(h: H): ZabServerState | undefined {
  return states(h).find((state, index) => h.alive[index] && state.role === 'LEADING' && state.phase === 'BROADCAST');
}

function allServing(h: H): boolean {
  return states(h).every((state, index) => !h.alive[index] || state.phase === 'BROADCAST');
}

describe('timing (tickMs 2000, syncLimit 5, latency 1-5 ms)', () => {
  test('a fresh ensemble elects in about finalizeWait', () => {
    const h = harness({ servers: 3, seed: 11 });
    startServers(h);
    const at = runUntil(h, () => established(h) !== undefined && allServing(h), 5000);
    expect(at).not.toBeNull();
    expect(at!).toBeLessThan(600);
  });

  test('a killed leader is replaced in well under 1 s', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const h = harness({ servers: 5, seed });
      startServers(h);
      runFor(h, 2000);
      const old = established(h)!;
      crashServer(h, old.id);
      const crashedAt = h.nowMs;
      const at = runUntil(h, () => established(h) !== undefined, 5000);
      expect(at).not.toBeNull();
      expect(at! - crashedAt).toBeLessThan(1000);
    }
  });

  test('a silently partitioned leader is replaced in about syncLimit ticks and steps down', () => {
    const h = harness({ servers: 3, seed: 12 });
    startServers(h);
    runFor(h, 2000);
    const old = established(h)!;
    partition(h, [[old.id], states(h).map((state) => state.id).filter((id) => id !== old.id)]);
    const cutAt = h.nowMs;
    const replacedAt = runUntil(h, () => established(h) !== undefined && established(h)!.id !== old.id, 30_000);
    expect(replacedAt).not.toBeNull();
    expect(replacedAt! - cutAt).toBeGreaterThan(8_000);
    expect(replacedAt! - cutAt).toBeLessThan(13_000);
    const steppedDownAt = runUntil(h, () => states(h)[old.id - 1]!.role === 'LOOKING', 30_000);
    expect(steppedDownAt! - cutAt).toBeGreaterThanOrEqual(10_000);
    expect(steppedDownAt! - cutAt).toBeLessThanOrEqual(13_000);
  });
});

function entry(zxid: number): LogEntry {
  return { zxid, txn: { op: 'set', key: `k${zxid}`, value: 'v' }, origin: null };
}

describe('planSync (LearnerHandler.syncFollower)', () => {
  const window = [z(1, 1), z(1, 2), z(1, 3), z(2, 1), z(2, 2)].map(entry);
  test('peer at lastProcessedZxid: empty DIFF', () => {
    expect(planSync({ peerLastZxid: z(2, 2), committedLog: window, lastProcessedZxid: z(2, 2) })).toMatchObject({ mode: 'DIFF', zxid: z(2, 2), proposals: [] });
  });
  test('peer inside the window: DIFF + the txns after it', () => {
    const plan = planSync({ peerLastZxid: z(1, 2), committedLog: window, lastProcessedZxid: z(3, 0) });
    expect(plan.mode).toBe('DIFF');
    expect(plan.zxid).toBe(z(2, 2));
    expect(plan.proposals.map((p) => p.zxid)).toEqual([z(1, 3), z(2, 1), z(2, 2)]);
  });
  test('peer beyond the window: TRUNC to maxCommittedLog', () => {
    expect(planSync({ peerLastZxid: z(2, 5), committedLog: window, lastProcessedZxid: z(2, 2) })).toMatchObject({ mode: 'TRUNC', zxid: z(2, 2) });
  });
  test('peer has a txn we lack, same epoch follows: TRUNC + DIFF', () => {
    const gappy = [z(1, 1), z(1, 2), z(1, 4), z(1, 5)].map(entry);
    const plan = planSync({ peerLastZxid: z(1, 3), committedLog: gappy, lastProcessedZxid: z(1, 5) });
    expect(plan.mode).toBe('TRUNC');
    expect(plan.zxid).toBe(z(1, 2));
    expect(plan.proposals.map((p) => p.zxid)).toEqual([z(1, 4), z(1, 5)]);
  });
  test('a TRUNC that would cross an epoch boundary becomes SNAP', () => {
    expect(planSync({ peerLastZxid: z(1, 7), committedLog: window, lastProcessedZxid: z(2, 2) }).mode).toBe('SNAP');
  });
  test('peer older than the window: SNAP', () => {
    expect(planSync({ peerLastZxid: 0, committedLog: window, lastProcessedZxid: z(2, 2) })).toMatchObject({ mode: 'SNAP', zxid: z(2, 2) });
  });
  test('peer at a new-epoch zxid inside the window: DIFF', () => {
    expect(planSync({ peerLastZxid: z(2, 0), committedLog: window, lastProcessedZxid: z(2, 2) }).mode).toBe('DIFF');
  });
  test('skip-trunc bug answers DIFF', () => {
    expect(planSync({ peerLastZxid: z(2, 5), committedLog: window, lastProcessedZxid: z(2, 2), skipTrunc: true }).mode).toBe('DIFF');
  });
});

describe('persistence', () => {
  test('restart replays the whole log, uncommitted tail included, then re-syncs (TRUNC)', () => {
    const h = harness({ servers: 3, seed: 13 });
    startServers(h);
    runFor(h, 1000);
    const leader = established(h)!;
    const others = states(h).map((state) => state.id).filter((id) => id !== leader.id);
    partition(h, [[leader.id], others]);
    clientSend(h, 1000, leader.id, { type: 'CLIENT_WRITE', requestId: 1, request: { op: 'set', key: 'lost', value: '1' } });
    runFor(h, 15_000);
    crashServer(h, leader.id);
    startServers(h, [leader.id]);
    const restarted = states(h)[leader.id - 1]!;
    expect(restarted.lastProcessedZxid).toBe(z(1, 1)); // the never-committed proposal is replayed
    partition(h, null);
    runFor(h, 5000);
    expect(established(h)!.id).not.toBe(leader.id);
    expect(allServing(h)).toBe(true);
    expect(restarted.disk.log.map((e) => e.zxid)).toEqual([]); // TRUNC dropped it
    expect(JSON.stringify(restarted.db)).toBe(JSON.stringify(established(h)!.db));
  });

  test('snapshots by txn count purge old log entries; a restart loads the snapshot', () => {
    const h = harness({ servers: 3, seed: 14, zab: { snapCount: 4, snapRetainCount: 2 } });
    startServers(h);
    runFor(h, 1000);
    for (let index = 0; index < 12; index++) {
      clientSend(h, 1000, 1, { type: 'CLIENT_WRITE', requestId: index, request: { op: 'set', key: `k${index}`, value: `${index}` } });
      runFor(h, 50);
    }
    const server = states(h)[0]!;
    expect(server.disk.snapshots.length).toBe(2);
    expect(server.disk.log[0]!.zxid).toBeGreaterThan(server.disk.snapshots[0]!.zxid);
    const before = JSON.stringify(server.db);
    crashServer(h, 1);
    startServers(h, [1]);
    expect(JSON.stringify(states(h)[0]!.db)).toBe(before);
  });

  test('with an fsync delay, ACKs wait for the group commit', () => {
    const h = harness({ servers: 3, seed: 15, zab: { fsyncDelayMs: 20 } });
    startServers(h);
    runFor(h, 1000);
    clientSend(h, 1000, 1, { type: 'CLIENT_WRITE', requestId: 1, request: { op: 'set', key: 'x', value: '1' } });
    runFor(h, 500);
    const acks = h.records.filter((r) => r.kind === 'deliver' && r.payload.type === 'ACK' && r.payload.zxid === z(1, 1));
    const proposals = h.records.filter((r) => r.kind === 'deliver' && r.payload.type === 'PROPOSAL');
    expect(acks.length).toBeGreaterThan(0);
    expect((acks[0] as { t: number }).t - (proposals[0] as { t: number }).t).toBeGreaterThanOrEqual(20);
    expect(h.clientInbox.some((message) => message.payload?.type === 'CLIENT_REPLY')).toBe(true);
  });
});

describe('contract', () => {
  test('same seed, same run', () => {
    const run = () => {
      const h = harness({ servers: 5, seed: 16 });
      startServers(h);
      runFor(h, 1000);
      crashServer(h, 5);
      runFor(h, 1000);
      return JSON.stringify(h.records);
    };
    expect(run()).toBe(run());
  });

  test('state is plain data', () => {
    const h = harness({ servers: 3, observers: 1, seed: 17 });
    startServers(h);
    runFor(h, 1000);
    clientSend(h, 1000, 4, { type: 'CLIENT_WRITE', requestId: 1, request: { op: 'set', key: 'x', value: '1' } });
    runFor(h, 200);
    const visit = (value: unknown): void => {
      if (value === null || typeof value !== 'object') {
        expect(['string', 'number', 'boolean', 'object']).toContain(typeof value);
        return;
      }
      const prototype = Object.getPrototypeOf(value);
      expect(prototype === Object.prototype || prototype === Array.prototype).toBe(true);
      for (const child of Object.values(value)) visit(child);
    };
    for (const state of states(h)) visit(state);
  });

  test('crash keeps only the disk', () => {
    const h = harness({ servers: 3, seed: 18 });
    startServers(h);
    runFor(h, 1000);
    clientSend(h, 1000, 1, { type: 'CLIENT_WRITE', requestId: 1, request: { op: 'set', key: 'x', value: '1' } });
    runFor(h, 200);
    const disk = JSON.stringify(states(h)[1]!.disk);
    crashServer(h, 2);
    const crashed = states(h)[1]!;
    expect(JSON.stringify(crashed.disk)).toBe(disk);
    expect(crashed.running).toBe(false);
    expect(crashed.leader).toBeNull();
    expect(crashed.learner).toBeNull();
    expect(crashed.lastProcessedZxid).toBe(0);
  });

  test('a non-serving server closes client connections; a serving one answers', () => {
    const h = harness({ servers: 3, seed: 19 });
    startServers(h);
    clientSend(h, 1000, 1, { type: 'CLIENT_READ', requestId: 1, request: { op: 'get', key: 'x' } });
    runFor(h, 50);
    expect(h.clientInbox[0]).toMatchObject({ client: 1000, closed: true });
    runFor(h, 1000);
    clientSend(h, 1001, 1, { type: 'CLIENT_WRITE', requestId: 2, request: { op: 'set', key: 'x', value: '7' } });
    runFor(h, 100);
    clientSend(h, 1001, 2, { type: 'CLIENT_READ', requestId: 3, request: { op: 'get', key: 'x' } });
    runFor(h, 100);
    const replies = h.clientInbox.filter((message) => message.client === 1001).map((message) => message.payload);
    expect(replies).toEqual([
      { type: 'CLIENT_REPLY', requestId: 2, zxid: z(1, 1), result: { ok: true, value: '7' } },
      { type: 'CLIENT_REPLY', requestId: 3, zxid: z(1, 1), result: { ok: true, value: '7' } },
    ]);
  });
});

describe('planSync rule 4: sync from the on-disk txn log (LearnerHandler.syncFollower, ZKDatabase)', () => {
  const entry = (epoch: number, counter: number) => ({ zxid: epoch * 2 ** 32 + counter, txn: { n: counter }, origin: null });
  const log = Array.from({ length: 10 }, (_, index) => entry(1, index + 1));
  const committedLog = log.slice(6);
  const base = { committedLog, lastProcessedZxid: log[9]!.zxid, txnLog: log, txnBytes: () => 10 };

  it('a peer behind the committedLog gets DIFF from the txn log plus the committedLog', () => {
    const plan = planSync({ ...base, peerLastZxid: log[2]!.zxid, snapshotBytes: 1000 });
    expect(plan.mode).toBe('DIFF');
    expect(plan.proposals.map((proposal) => proposal.zxid)).toEqual(log.slice(3).map((e) => e.zxid));
  });

  it('SNAP when the log to send exceeds snapshotSizeFactor x the snapshot', () => {
    expect(planSync({ ...base, peerLastZxid: log[2]!.zxid, snapshotBytes: 100 }).mode).toBe('SNAP');
  });

  it('SNAP when the log does not reach back to the peer (a fresh peer at zxid 0)', () => {
    expect(planSync({ ...base, peerLastZxid: 0, snapshotBytes: 1_000_000 }).mode).toBe('SNAP');
  });

  it('SNAP when the log ends before the committedLog starts (a gap)', () => {
    expect(planSync({ ...base, txnLog: log.slice(0, 4), peerLastZxid: log[1]!.zxid, snapshotBytes: 1_000_000 }).mode).toBe('SNAP');
  });

  it('SNAP when txn-log sync is off (snapshotSizeFactor < 0)', () => {
    expect(planSync({ ...base, peerLastZxid: log[2]!.zxid, snapshotBytes: 1_000_000, snapshotSizeFactor: -1 }).mode).toBe('SNAP');
  });
});
