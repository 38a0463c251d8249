// ZooKeeper service semantics the real-ZooKeeper oracle's client cannot exercise (it has no
// containers, TTL, sync, addWatch, removeWatches, reconnects): each case runs through the whole
// simulated ensemble and names the ZooKeeper source it follows
// (apache/zookeeper, zookeeper-server/src/main/java/org/apache/zookeeper/...).
import { describe, expect, it } from 'vitest';
import { runScenario } from './helpers/run-scenario';
import { parseRunJson } from '../src/engine/scenario/run-input';
import type { OpOutcome, TraceRecord } from '../src/engine/sim/trace';
import { createWorld, type World } from '../src/engine/world';

function run(json: object) {
  return runScenario({ seed: 7, ...json });
}

function outcomes(records: TraceRecord[], client: string, op?: string, path?: string): OpOutcome[] {
  return records.flatMap((record) => (record.type === 'op' && record.client === client ? [record.outcome] : []))
    .filter((outcome) => (op === undefined || outcome.op.op === op) && (path === undefined || outcome.op.path === path));
}

function errs(records: TraceRecord[], client: string, op: string, path?: string): string[] {
  return outcomes(records, client, op, path).map((outcome) => outcome.err);
}

function dataOf(outcome: OpOutcome): string {
  return (outcome.result as { data: string }).data;
}

/** "Event /path" of every watch notification a client got, in order (optionally from time t). */
function events(records: TraceRecord[], client: string, fromMs = 0): string[] {
  return records.flatMap((record) => (record.type === 'watch' && record.client === client && record.t >= fromMs ? [`${record.event} ${record.path}`] : []));
}

/** The paths of every server's tree. */
function treesOf(world: World): string[][] {
  return world.snapshot().state.servers.map((slot) => Object.keys((slot.state as { db: { nodes: object } }).db.nodes).sort());
}

function timeOf(records: TraceRecord[], client: string, op: string, path?: string, nth = 0): number {
  const matching = records.filter((record) => record.type === 'op' && record.client === client && record.outcome.op.op === op && (path === undefined || record.outcome.op.path === path));
  return matching[nth]!.t;
}

const ensemble = { servers: 3, tickMs: 2000 };
const twoClients = { c1: { server: 1, connectAtStart: false }, c2: { server: 2, connectAtStart: false } };

describe('containers (server/ContainerManager.java, PrepRequestProcessor.java deleteContainer)', () => {
  it('a container is deleted on every server at the first check after its last child goes; a late child create gets NONODE', () => {
    const { world, records } = run({
      ensemble,
      clients: twoClients,
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'create', path: '/c', mode: 'CONTAINER' },
        { client: 'c1', op: 'create', path: '/never', mode: 'CONTAINER' },
        { client: 'c1', op: 'create', path: '/busy', mode: 'CONTAINER' },
        { client: 'c1', op: 'create', path: '/busy/kid' },
        { client: 'c1', op: 'create', path: '/c/x' },
        { client: 'c2', op: 'exists', path: '/c', watch: true },
        { client: 'c1', op: 'delete', path: '/c/x' },
        { client: 'c1', op: 'exists', path: '/c' },
        { sleep: 70_000 },
        { client: 'c1', op: 'exists', path: '/c' },
        { client: 'c2', op: 'create', path: '/c/y' },
      ],
    });
    expect(errs(records, 'c1', 'exists', '/c')).toEqual(['OK', 'NONODE']);
    // Creating a child under a just-deleted container gives NoNode (CreateMode.CONTAINER javadoc).
    expect(errs(records, 'c2', 'create', '/c/y')).toEqual(['NONODE']);
    // The deletion is a txn like any delete: the watcher sees NodeDeleted.
    expect(events(records, 'c2')).toEqual(['NodeDeleted /c']);
    for (const paths of treesOf(world)) {
      expect(paths).not.toContain('/c');
      // Never used (cversion 0, maxNeverUsedIntervalMs 0 as in 3.9.x) and non-empty containers stay.
      expect(paths).toContain('/never');
      expect(paths).toContain('/busy');
    }
  });
});

describe('TTL nodes (server/ContainerManager.java getCandidates, server/EphemeralType.java, PrepRequestProcessor.java validateCreateRequest)', () => {
  it('without extendedTypes a TTL create is UNIMPLEMENTED', () => {
    const { records } = run({
      ensemble,
      clients: twoClients,
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'create', path: '/t', mode: 'PERSISTENT_WITH_TTL', ttl: 1000 },
      ],
    });
    expect(errs(records, 'c1', 'create', '/t')).toEqual(['UNIMPLEMENTED']);
  });

  it('with extendedTypes a TTL node goes once unmodified for longer than its TTL; a write postpones it; children keep it', () => {
    const { world, records } = run({
      ensemble: { ...ensemble, extendedTypes: true },
      clients: twoClients,
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'create', path: '/short', mode: 'PERSISTENT_WITH_TTL', ttl: 1000 },
        { client: 'c1', op: 'create', path: '/parent', mode: 'PERSISTENT_WITH_TTL', ttl: 1000 },
        { client: 'c1', op: 'create', path: '/parent/kid' },
        { client: 'c1', op: 'create', path: '/untouched', mode: 'PERSISTENT_WITH_TTL', ttl: 90_000 },
        { client: 'c1', op: 'create', path: '/touched', mode: 'PERSISTENT_WITH_TTL', ttl: 90_000 },
        { client: 'c1', op: 'create', path: '/seq-', mode: 'PERSISTENT_SEQUENTIAL_WITH_TTL', ttl: 1000 },
        { sleep: 50_000 },
        { client: 'c1', op: 'setData', path: '/touched', data: 'again' },
        { sleep: 20_000 },
        // First check (about 60 s): /short and the sequential one are gone; /parent has a child.
        { client: 'c2', op: 'exists', path: '/short' },
        { client: 'c2', op: 'exists', path: '/parent' },
        { client: 'c2', op: 'getChildren', path: '/' },
        { sleep: 60_000 },
        // Second check (about 120 s): /untouched (mtime ~0 s) is past 90 s, /touched (~50 s) is not.
        { client: 'c2', op: 'exists', path: '/untouched' },
        { client: 'c2', op: 'exists', path: '/touched' },
        { sleep: 60_000 },
        // Third check (about 180 s): /touched is past 90 s since its setData.
        { client: 'c2', op: 'exists', path: '/touched' },
      ],
    });
    expect(errs(records, 'c1', 'create')).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'OK']);
    expect(errs(records, 'c2', 'exists', '/short')).toEqual(['NONODE']);
    expect(errs(records, 'c2', 'exists', '/parent')).toEqual(['OK']);
    const children = (outcomes(records, 'c2', 'getChildren')[0]!.result as { children: string[] }).children;
    expect(children.filter((name) => name.startsWith('seq-'))).toEqual([]);
    expect(errs(records, 'c2', 'exists', '/untouched')).toEqual(['NONODE']);
    expect(errs(records, 'c2', 'exists', '/touched')).toEqual(['OK', 'NONODE']);
    for (const paths of treesOf(world)) {
      expect(paths).toContain('/parent/kid');
      expect(paths).not.toContain('/touched');
    }
  });
});

describe('sync (server/quorum/Leader.java processSync/sendSync, server/quorum/Follower.java, server/quorum/CommitProcessor.java)', () => {
  // Leader = server 3 (FLE: equal zxids, highest id wins). ACKs of the followers are delayed, so
  // a proposal stays uncommitted for about 3 s.
  const slowAcks = [
    { fault: 'delay', from: 1, to: 3, latencyMsMin: 3000, latencyMsMax: 3000 },
    { fault: 'delay', from: 2, to: 3, latencyMsMin: 3000, latencyMsMax: 3000 },
  ];

  it('on the leader, a sync waits for the proposals issued before it to commit', () => {
    const { records } = run({
      ensemble: { ...ensemble, latencyMsMin: 2, latencyMsMax: 4 },
      clients: { writer: { server: 3, connectAtStart: false }, reader: { server: 3, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'writer', op: 'create', path: '/v', data: 'old' },
        { client: 'reader', op: 'getData', path: '/v' },
        ...slowAcks,
        { client: 'writer', op: 'setData', path: '/v', data: 'new', at: 20_000 },
        { client: 'reader', op: 'getData', path: '/v', at: 20_100 },
        { client: 'reader', op: 'sync', path: '/v', at: 20_200 },
        { client: 'reader', op: 'getData', path: '/v' },
      ],
    });
    const reads = outcomes(records, 'reader', 'getData', '/v').map(dataOf);
    expect(reads).toEqual(['old', 'old', 'new']);
    // The sync is answered only once the write committed (about 3 s of slow ACKs later).
    expect(timeOf(records, 'reader', 'sync')).toBeGreaterThanOrEqual(timeOf(records, 'writer', 'setData'));
    expect(timeOf(records, 'reader', 'sync')).toBeGreaterThan(22_000);
  });

  it('pipelined: a read sent right behind a sync on a lagging follower waits for it and sees the write', () => {
    const { records } = run({
      ensemble: { ...ensemble, latencyMsMin: 2, latencyMsMax: 4 },
      clients: { writer: { server: 3, connectAtStart: false }, reader: { server: 1, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'writer', op: 'create', path: '/v', data: 'old' },
        { client: 'reader', op: 'getData', path: '/v' },
        { fault: 'delay', from: 3, to: 1, latencyMsMin: 3000, latencyMsMax: 3000 },
        { client: 'writer', op: 'setData', path: '/v', data: 'new' },
        // Not pipelined: the follower has not applied the write yet.
        { client: 'reader', op: 'getData', path: '/v' },
        { client: 'reader', op: 'sync', path: '/', at: 30_000 },
        { client: 'reader', op: 'getData', path: '/v', at: 30_000 },
      ],
    });
    const reads = outcomes(records, 'reader', 'getData', '/v');
    expect(reads.map(dataOf)).toEqual(['old', 'old', 'new']);
    // Replies come back in request order: the sync first, then the read it held back.
    expect(timeOf(records, 'reader', 'getData', '/v', 2)).toBeGreaterThanOrEqual(timeOf(records, 'reader', 'sync'));
    expect(timeOf(records, 'reader', 'sync')).toBeGreaterThan(33_000);
  });
});

describe('read-your-writes (server/quorum/CommitProcessor.java: per-session order)', () => {
  it('a read pipelined behind the same session\'s write on a lagging follower sees that write', () => {
    const { records } = run({
      ensemble: { ...ensemble, latencyMsMin: 2, latencyMsMax: 4 },
      clients: { c1: { server: 1, connectAtStart: false }, c2: { server: 1, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'create', path: '/v', data: 'old' },
        { client: 'c2', op: 'exists', path: '/v' },
        { fault: 'delay', from: 3, to: 1, latencyMsMin: 3000, latencyMsMax: 3000 },
        { client: 'c1', op: 'setData', path: '/v', data: 'mine', at: 30_000 },
        { client: 'c1', op: 'getData', path: '/v', at: 30_000 },
        // Another session on the same server is not held back: it still reads the old value.
        { client: 'c2', op: 'getData', path: '/v', at: 30_010 },
      ],
    });
    expect(outcomes(records, 'c1', 'getData', '/v').map(dataOf)).toEqual(['mine']);
    expect(outcomes(records, 'c2', 'getData', '/v').map(dataOf)).toEqual(['old']);
    expect(timeOf(records, 'c1', 'getData', '/v')).toBeGreaterThanOrEqual(timeOf(records, 'c1', 'setData', '/v'));
    expect(timeOf(records, 'c2', 'getData', '/v')).toBeLessThan(timeOf(records, 'c1', 'getData', '/v'));
  });
});

describe('persistent watches (server/DataTree.java addWatch, server/watch/WatchManager.java triggerWatch, ZKWatchManager.java)', () => {
  it('PERSISTENT fires for the node and its children list, repeatedly, and survives deletion and re-creation', () => {
    const { records } = run({
      ensemble,
      clients: twoClients,
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'addWatch', path: '/p', watchMode: 'PERSISTENT' },
        { client: 'c2', op: 'create', path: '/p', data: 'a' },
        { client: 'c2', op: 'setData', path: '/p', data: 'b' },
        { client: 'c2', op: 'setData', path: '/p', data: 'c' },
        { client: 'c2', op: 'create', path: '/p/k' },
        { client: 'c2', op: 'create', path: '/p/k/grandchild' },
        { client: 'c2', op: 'setData', path: '/p/k', data: 'x' },
        { client: 'c2', op: 'delete', path: '/p/k/grandchild' },
        { client: 'c2', op: 'delete', path: '/p/k' },
        { client: 'c2', op: 'delete', path: '/p' },
        { client: 'c2', op: 'create', path: '/p' },
        { sleep: 500 },
      ],
    });
    expect(errs(records, 'c1', 'addWatch')).toEqual(['OK']);
    expect(events(records, 'c1')).toEqual([
      'NodeCreated /p', 'NodeDataChanged /p', 'NodeDataChanged /p', 'NodeChildrenChanged /p',
      'NodeChildrenChanged /p', 'NodeDeleted /p', 'NodeCreated /p',
    ]);
  });

  it('PERSISTENT_RECURSIVE fires for every descendant and never NodeChildrenChanged', () => {
    const { records } = run({
      ensemble,
      clients: twoClients,
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'addWatch', path: '/r', watchMode: 'PERSISTENT_RECURSIVE' },
        { client: 'c2', op: 'create', path: '/r' },
        { client: 'c2', op: 'create', path: '/r/a' },
        { client: 'c2', op: 'create', path: '/r/a/b', data: '1' },
        { client: 'c2', op: 'setData', path: '/r/a/b', data: '2' },
        { client: 'c2', op: 'create', path: '/rx' },
        { client: 'c2', op: 'delete', path: '/r/a/b' },
        { client: 'c2', op: 'delete', path: '/r/a' },
        { client: 'c2', op: 'delete', path: '/r' },
        { client: 'c2', op: 'create', path: '/r' },
        { sleep: 500 },
      ],
    });
    expect(events(records, 'c1')).toEqual([
      'NodeCreated /r', 'NodeCreated /r/a', 'NodeCreated /r/a/b', 'NodeDataChanged /r/a/b',
      'NodeDeleted /r/a/b', 'NodeDeleted /r/a', 'NodeDeleted /r', 'NodeCreated /r',
    ]);
  });

  it('persistent watches are re-registered after a reconnect without synthetic events', () => {
    const { records } = run({
      ensemble,
      clients: twoClients,
      steps: [
        { await: 'serving' },
        { client: 'c2', op: 'create', path: '/p', data: 'a' },
        { client: 'c2', op: 'create', path: '/r' },
        { client: 'c1', op: 'addWatch', path: '/p', watchMode: 'PERSISTENT' },
        { client: 'c1', op: 'addWatch', path: '/r', watchMode: 'PERSISTENT_RECURSIVE' },
        { fault: 'disconnect', client: 'c1', durationMs: 3000 },
        // Missed while disconnected: persistent watches get no synthetic event for these.
        { client: 'c2', op: 'setData', path: '/p', data: 'b' },
        { client: 'c2', op: 'create', path: '/r/missed' },
        { sleep: 8000 },
        { client: 'c1', op: 'exists', path: '/p' },
        { client: 'c2', op: 'setData', path: '/p', data: 'c' },
        { client: 'c2', op: 'create', path: '/r/seen' },
        { sleep: 500 },
      ],
    });
    const states = records.flatMap((record) => (record.type === 'client' && record.client === 'c1' ? [record.state] : []));
    expect(states).toContain('DISCONNECTED');
    expect(states.at(-1)).toBe('CONNECTED');
    expect(events(records, 'c1')).toEqual(['NodeDataChanged /p', 'NodeCreated /r/seen']);
  });
});

describe('removeWatches (server/DataTree.java removeWatch, FinalRequestProcessor.java removeWatches, ZKWatchManager.java removeWatcher)', () => {
  it('removes the watch (no event after), reports DataWatchRemoved to it, and answers NOWATCHER when there is none', () => {
    const { records } = run({
      ensemble,
      clients: twoClients,
      steps: [
        { await: 'serving' },
        { client: 'c2', op: 'create', path: '/w', data: 'a' },
        { client: 'c1', op: 'getData', path: '/w', watch: true },
        { client: 'c1', op: 'getChildren', path: '/w', watch: true },
        { client: 'c1', op: 'removeWatches', path: '/w', watcherType: 'Data' },
        { client: 'c1', op: 'removeWatches', path: '/w', watcherType: 'Data' },
        { client: 'c1', op: 'removeWatches', path: '/nothing', watcherType: 'Any' },
        { client: 'c2', op: 'setData', path: '/w', data: 'b' },
        { client: 'c2', op: 'create', path: '/w/k' },
        { client: 'c1', op: 'addWatch', path: '/w', watchMode: 'PERSISTENT' },
        { client: 'c1', op: 'removeWatches', path: '/w', watcherType: 'Any' },
        { client: 'c2', op: 'setData', path: '/w', data: 'c' },
        { sleep: 500 },
      ],
    });
    expect(errs(records, 'c1', 'removeWatches')).toEqual(['OK', 'NOWATCHER', 'NOWATCHER', 'OK']);
    // The data watch is gone (no NodeDataChanged); the child watch stayed and fired once.
    expect(events(records, 'c1')).toEqual(['DataWatchRemoved /w', 'NodeChildrenChanged /w', 'PersistentWatchRemoved /w']);
  });
});

describe('SetWatches on reconnect (server/DataTree.java setWatches, ClientCnxn.java primeConnection)', () => {
  it('fires what was missed while disconnected; create+delete of an exist-watched node fires nothing', () => {
    const { records } = run({
      ensemble,
      clients: twoClients,
      steps: [
        { await: 'serving' },
        { client: 'c2', op: 'create', path: '/d', data: 'a' },
        { client: 'c2', op: 'create', path: '/gone' },
        { client: 'c2', op: 'create', path: '/same', data: 'a' },
        { client: 'c2', op: 'create', path: '/re', data: 'a' },
        { client: 'c1', op: 'getData', path: '/d', watch: true },
        { client: 'c1', op: 'getData', path: '/re', watch: true },
        { client: 'c1', op: 'getData', path: '/gone', watch: true },
        { client: 'c1', op: 'getData', path: '/same', watch: true },
        { client: 'c1', op: 'exists', path: '/e', watch: true },
        { client: 'c1', op: 'exists', path: '/flash', watch: true },
        { fault: 'disconnect', client: 'c1', durationMs: 3000 },
        { client: 'c2', op: 'setData', path: '/d', data: 'b' },
        { client: 'c2', op: 'delete', path: '/gone' },
        { client: 'c2', op: 'create', path: '/e' },
        { client: 'c2', op: 'create', path: '/flash' },
        { client: 'c2', op: 'delete', path: '/flash' },
        // Deleted and re-created: one NodeDataChanged (the new node's mzxid), not NodeDeleted + NodeCreated.
        { client: 'c2', op: 'delete', path: '/re' },
        { client: 'c2', op: 'create', path: '/re', data: 'b' },
        { sleep: 8000 },
        { client: 'c1', op: 'exists', path: '/d' },
        // The exist watch on /flash is still armed: a later create fires it.
        { client: 'c2', op: 'create', path: '/flash' },
        { client: 'c2', op: 'setData', path: '/same', data: 'b' },
        { sleep: 500 },
      ],
    });
    const reconnectedAt = records.find((record) => record.type === 'client' && record.client === 'c1' && record.state === 'DISCONNECTED')!.t;
    expect(events(records, 'c1', reconnectedAt)).toEqual([
      'NodeDataChanged /d', 'NodeDeleted /gone', 'NodeDataChanged /re', 'NodeCreated /e', 'NodeCreated /flash', 'NodeDataChanged /same',
    ]);
  });
});

describe('connecting (server/ZooKeeperServer.java processConnectRequest, ClientCnxn.java)', () => {
  it('a server that has not seen the client\'s last zxid refuses it; the client moves on to the next server', () => {
    const { records } = run({
      ensemble: { ...ensemble, latencyMsMin: 2, latencyMsMax: 4 },
      clients: { c1: { server: 3, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'create', path: '/a' },
        // Server 1 lags 5 s behind the leader; c1 writes on the leader, then loses it.
        { fault: 'delay', from: 3, to: 1, latencyMsMin: 5000, latencyMsMax: 5000 },
        { client: 'c1', op: 'setData', path: '/a', data: 'new' },
        { fault: 'disconnect', client: 'c1' },
        { sleep: 3000 },
        { client: 'c1', op: 'getData', path: '/a' },
      ],
    });
    const c1 = records.filter((record) => record.type === 'client' && record.client === 'c1');
    const after = c1.slice(c1.findIndex((record) => record.type === 'client' && record.state === 'DISCONNECTED'));
    expect(after.map((record) => (record.type === 'client' ? `${record.state}@${record.server ?? '-'}` : ''))).toEqual(['DISCONNECTED@-', 'CONNECTED@2']);
    // Server 1 was asked and closed the connection without answering.
    const sends = records.flatMap((record) => (record.type === 'send' ? [record] : []));
    expect(sends.some((record) => record.label === 'ConnectRequest' && record.to === 1)).toBe(true);
    expect(sends.some((record) => record.label === 'ConnectResponse' && record.from === 1)).toBe(false);
    expect(outcomes(records, 'c1', 'getData', '/a').map(dataOf)).toEqual(['new']);
  });
});

describe('session moved (server/SessionTrackerImpl.java checkSession, server/quorum/Leader.java revalidateSession, FinalRequestProcessor.java)', () => {
  it('a write delayed on the old server\'s link arrives after the session moved: SESSIONMOVED, nothing applied', () => {
    const { world, records } = run({
      ensemble: { ...ensemble, latencyMsMin: 2, latencyMsMax: 4 },
      clients: { c1: { server: 1, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'exists', path: '/' },
        // Server 1's requests reach the leader (3) 5 s late (ZOOKEEPER-710's slow follower).
        { fault: 'delay', from: 1, to: 3, latencyMsMin: 5000, latencyMsMax: 5000 },
        { client: 'c1', op: 'create', path: '/moved', at: 30_000 },
        { fault: 'disconnect', client: 'c1', at: 30_100 },
        // c1 reconnects through server 2, which revalidates it with the leader: 2 owns it now.
        { client: 'c1', op: 'create', path: '/after', at: 31_500 },
        { sleep: 6000 },
        { client: 'c1', op: 'exists', path: '/moved' },
      ],
    });
    expect(errs(records, 'c1', 'create', '/moved')).toEqual(['CONNECTIONLOSS']);
    expect(errs(records, 'c1', 'create', '/after')).toEqual(['OK']);
    expect(errs(records, 'c1', 'exists', '/moved')).toEqual(['NONODE']);
    const states = records.flatMap((record) => (record.type === 'client' && record.client === 'c1' ? [`${record.state}@${record.server ?? '-'}`] : []));
    expect(states.slice(-2)).toEqual(['DISCONNECTED@-', 'CONNECTED@2']);
    const leaderLog = (world.snapshot().state.servers[2]!.state as { disk: { log: { txn: { op: { type: string; err?: string } } }[] } }).disk.log;
    expect(leaderLog.some((entry) => entry.txn.op.type === 'error' && entry.txn.op.err === 'SESSIONMOVED')).toBe(true);
    // Revalidation went through the leader.
    expect(records.some((record) => record.type === 'send' && record.label.startsWith('REVALIDATE') && record.from === 2 && record.to === 3)).toBe(true);
  });
});

describe('session countdown in the view (server/SessionTrackerImpl.java touchSession, server/ExpiryQueue.java)', () => {
  it('is the leader tracker\'s deadline minus now: refreshed while connected, running down while cut off, null once expired', () => {
    const input = parseRunJson({
      version: 1, seed: 7, ensemble,
      clients: { c1: { server: 3, sessionTimeoutMs: 10_000, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'create', path: '/a', at: 20_000 },
        { fault: 'disconnect', client: 'c1', durationMs: 30_000, at: 25_000 },
      ],
    });
    const world = createWorld(input.scenario, input.inputs);
    const countdown = (): number | null => world.view().clients.find((client) => client.id === 'c1')!.sessionExpiresInMs ?? null;
    world.runUntil(19_000);
    expect(countdown()).toBeNull();
    world.runUntil(24_000);
    // Connected to the leader: every packet touches; deadline = round up to the tick after touch + 10 s.
    expect(countdown()!).toBeGreaterThan(10_000 - 2 * 2000);
    expect(countdown()!).toBeLessThanOrEqual(10_000 + 2000);
    world.runUntil(26_000);
    const cutOff = countdown()!;
    world.runUntil(30_000);
    expect(countdown()).toBe(cutOff - 4000);
    world.runUntil(40_000);
    expect(countdown()).toBeNull();
    expect(world.view().clients.find((client) => client.id === 'c1')!.state).not.toBe('CONNECTED');
  });
});
