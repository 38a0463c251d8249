// ZooKeeper's client-visible guarantees under faults (facts sections 3-5), through the whole
// simulated ensemble: sessions survive a server crash, expire when cut off, watches fire once,
// a lagging follower serves stale reads until sync().
import { describe, expect, it } from 'vitest';
import { runScenario } from './helpers/run-scenario';
import type { OpOutcome, TraceRecord } from '../src/engine/sim/trace';

function run(json: object) {
  return runScenario({ seed: 5, ...json });
}

function outcomes(records: TraceRecord[], client: string): OpOutcome[] {
  return records.flatMap((record) => (record.type === 'op' && record.client === client ? [record.outcome] : []));
}

function outcomeOf(records: TraceRecord[], client: string, op: string, path?: string): OpOutcome[] {
  return outcomes(records, client).filter((outcome) => outcome.op.op === op && (path === undefined || outcome.op.path === path));
}

const ensemble = { servers: 3, tickMs: 2000 };

describe('sessions under faults', () => {
  it('a client whose server crashes reconnects elsewhere and keeps its session and ephemerals', () => {
    const { world, records } = run({
      ensemble,
      clients: { c1: { server: 1, sessionTimeoutMs: 10_000, connectAtStart: false }, c2: { server: 2, sessionTimeoutMs: 10_000, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'create', path: '/eph', data: 'mine', mode: 'EPHEMERAL' },
        { fault: 'crash', server: 1 },
        { sleep: 8000 },
        { client: 'c1', op: 'exists', path: '/eph' },
        { client: 'c2', op: 'exists', path: '/eph' },
      ],
    });
    const states = records.filter((record) => record.type === 'client' && record.client === 'c1').map((record) => record.type === 'client' ? `${record.state}@${record.server ?? '-'}` : '');
    expect(states).toContain('DISCONNECTED@-');
    const reconnected = states.slice(states.indexOf('DISCONNECTED@-')).find((state) => state.startsWith('CONNECTED@'));
    expect(reconnected).toMatch(/^CONNECTED@[23]$/);
    expect(outcomeOf(records, 'c1', 'exists', '/eph')[0]!.err).toBe('OK');
    const seenByC2 = outcomeOf(records, 'c2', 'exists', '/eph')[0]!;
    expect(seenByC2.err).toBe('OK');
    const session = (world.view().clients.find((client) => client.id === 'c1')!).sessionId;
    expect(world.view().znodes.find((node) => node.path === '/eph')!.ephemeralOwner).toBe(session);
  });

  it('a client cut off longer than its timeout sees SESSIONEXPIRED; its ephemerals are gone on every server', () => {
    const { world, records } = run({
      ensemble,
      clients: { c1: { server: 1, sessionTimeoutMs: 6000, connectAtStart: false }, c2: { server: 2, sessionTimeoutMs: 30_000, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'create', path: '/eph', mode: 'EPHEMERAL' },
        { client: 'c2', op: 'exists', path: '/eph', watch: true },
        { fault: 'disconnect', client: 'c1', durationMs: 20_000 },
        { sleep: 25_000 },
        { client: 'c1', op: 'getData', path: '/eph' },
        { client: 'c2', op: 'exists', path: '/eph' },
      ],
    });
    expect(records.some((record) => record.type === 'client' && record.client === 'c1' && record.state === 'EXPIRED')).toBe(true);
    expect(outcomeOf(records, 'c1', 'getData', '/eph')[0]!.err).not.toBe('OK');
    expect(outcomeOf(records, 'c2', 'exists', '/eph').at(-1)!.err).toBe('NONODE');
    const watchEvents = records.filter((record) => record.type === 'watch' && record.client === 'c2');
    expect(watchEvents.map((record) => record.type === 'watch' ? `${record.event} ${record.path}` : '')).toEqual(['NodeDeleted /eph']);
    const trees = world.snapshot().state.servers.map((slot) => Object.keys((slot.state as { db: { nodes: object } }).db.nodes));
    for (const paths of trees) expect(paths).not.toContain('/eph');
  });
});

describe('watches and reads', () => {
  it('a watch fires exactly once, even when its node changes twice', () => {
    const { records } = run({
      ensemble,
      clients: { c1: { server: 1, connectAtStart: false }, c2: { server: 2, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'c1', op: 'create', path: '/w', data: 'a' },
        { client: 'c2', op: 'getData', path: '/w', watch: true },
        { client: 'c1', op: 'setData', path: '/w', data: 'b' },
        { client: 'c1', op: 'setData', path: '/w', data: 'c' },
        { sleep: 1000 },
      ],
    });
    const events = records.filter((record) => record.type === 'watch');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ client: 'c2', event: 'NodeDataChanged', path: '/w' });
  });

  it('a lagging follower serves a stale read, and sync() makes the next read current', () => {
    const { records } = run({
      ensemble: { ...ensemble, latencyMsMin: 2, latencyMsMax: 4 },
      clients: { writer: { server: 3, connectAtStart: false }, reader: { server: 1, connectAtStart: false } },
      steps: [
        { await: 'serving' },
        { client: 'writer', op: 'create', path: '/v', data: 'old' },
        { client: 'reader', op: 'getData', path: '/v' },
        { fault: 'delay', from: 3, to: 1, latencyMsMin: 3000, latencyMsMax: 3000 },
        { client: 'writer', op: 'setData', path: '/v', data: 'new' },
        { client: 'reader', op: 'getData', path: '/v' },
        { client: 'reader', op: 'sync', path: '/v' },
        { client: 'reader', op: 'getData', path: '/v' },
      ],
    });
    const reads = outcomeOf(records, 'reader', 'getData', '/v').map((outcome) => (outcome.result as { data: string }).data);
    expect(reads).toEqual(['old', 'old', 'new']);
    expect(outcomeOf(records, 'reader', 'sync')[0]!.err).toBe('OK');
  });
});
