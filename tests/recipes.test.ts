// Recipes on ZooKeeper, judged from outside: each test runs recipe actors against the simulated
// ensemble and checks what they believe against the ensemble's tree and sessions (the recipe does
// not grade itself). Faults come from the swarm mixes plus faults of the recipe clients.
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../src/engine/scenario/parse';
import { randomFaultScenario } from '../src/engine/scenario/random-faults';
import type { Scenario, Step } from '../src/engine/scenario/types';
import { chance, createRng, intInRange, pick } from '../src/engine/sim/rng';
import type { TraceRecord } from '../src/engine/sim/trace';
import { createWorld, restoreWorld, type World } from '../src/engine/world';
import type { ActorView } from '../src/engine/world/actors';
import type { WorldView } from '../src/engine/world/view';
import { baseName, parentOf, sortedBySequence } from '../src/engine/recipes/common';
import { herdNotificationsPerRelease } from '../src/engine/recipes/herd';

type ActorEvent = Extract<TraceRecord, { type: 'actor' }>;

/** Runs until every actor is done (or `untilMs`), calling `check` whenever beliefs or the tree may have changed. */
function runActors(world: World, untilMs: number, check?: (view: WorldView) => void): ActorEvent[] {
  const events: ActorEvent[] = [];
  while (world.timeMs() <= untilMs && !(world.scriptDone() && world.actorsDone())) {
    if (!world.stepEvent()) break;
    let changed = false;
    for (const record of world.drain()) {
      if (record.type === 'actor') events.push(record);
      if (record.type === 'actor' || record.type === 'commit' || record.type === 'role' || record.type === 'client') changed = true;
    }
    if (changed && check) check(world.view());
  }
  return events;
}

function actorsOf(view: WorldView, recipe: string): ActorView[] {
  return (view.actors ?? []).filter((actor) => actor.recipe === recipe);
}

/** The view's tree is the serving leader's (else it may be a lagging follower's: no verdict). */
function hasServingLeader(view: WorldView): boolean {
  return view.servers.some((server) => server.role === 'LEADING' && server.serving);
}

/**
 * The lock's safety, judged from the ensemble: among actors that believe they hold the lock, at
 * most one has a session that is still alive (its lock node exists, owned by its session), and
 * that one owns the lowest lock node.
 */
function lockViolations(view: WorldView, path: string): string[] {
  if (!hasServingLeader(view)) return [];
  const sessionOf = new Map(view.clients.map((client) => [client.id, client.sessionId]));
  const children = view.znodes.filter((node) => parentOf(node.path) === path);
  const believers = actorsOf(view, 'lock').filter((actor) => actor.path === path && actor.state.holds === true);
  const alive = believers.filter((actor) => {
    const node = children.find((child) => baseName(child.path) === actor.state.node);
    return node !== undefined && node.ephemeralOwner !== null && node.ephemeralOwner === sessionOf.get(actor.client);
  });
  if (alive.length > 1) return [`t=${view.timeMs}: ${alive.map((actor) => actor.id).join(', ')} all hold ${path} with live sessions`];
  const lowest = sortedBySequence(children.map((child) => baseName(child.path)), 'lock-')[0];
  if (alive.length === 1 && alive[0]!.state.node !== lowest) return [`t=${view.timeMs}: ${alive[0]!.id} holds ${path} but ${lowest} is lower`];
  return [];
}

function leaderViolations(view: WorldView, path: string): string[] {
  if (!hasServingLeader(view)) return [];
  const sessionOf = new Map(view.clients.map((client) => [client.id, client.sessionId]));
  const children = view.znodes.filter((node) => parentOf(node.path) === path);
  const leaders = actorsOf(view, 'leader-election').filter((actor) => actor.path === path && actor.state.leader === true);
  const alive = leaders.filter((actor) => children.some((child) => baseName(child.path) === actor.state.node && child.ephemeralOwner === sessionOf.get(actor.client)));
  return alive.length > 1 ? [`t=${view.timeMs}: ${alive.map((actor) => actor.id).join(', ')} all lead ${path}`] : [];
}

const FAULT_PHASE_MS = 30_000;
const LOCK_CLIENTS = ['a1', 'a2', 'a3', 'a4'];

/** A swarm scenario (server faults) plus faults of the lock clients: long and short disconnects,
 * session expiry, and now and then a client process that crashes for good. */
function lockSwarmScenario(seed: number, recipe: 'lock' | 'leader-election'): Scenario {
  const base = randomFaultScenario(seed, { servers: 3, faultPhaseMs: FAULT_PHASE_MS, faultsMax: 6 });
  const rng = createRng(seed, 'recipe-clients');
  const steps: Step[] = [...base.steps];
  for (let index = 0; index < intInRange(rng, 0, 5); index++) {
    const client = pick(rng, LOCK_CLIENTS);
    const at = intInRange(rng, 0, FAULT_PHASE_MS - 1);
    if (chance(rng, 1, 2)) steps.push({ kind: 'fault', at, fault: 'disconnect', client, durationMs: intInRange(rng, 500, 12_000) });
    else steps.push({ kind: 'fault', at, fault: 'expire', client });
  }
  if (chance(rng, 1, 4)) steps.push({ kind: 'op', at: intInRange(rng, 0, FAULT_PHASE_MS - 1), client: pick(rng, LOCK_CLIENTS), op: 'crash' });
  steps.sort((left, right) => (left.at ?? 0) - (right.at ?? 0));
  const clients: Scenario['clients'] = {};
  LOCK_CLIENTS.forEach((label, index) => { clients[label] = { server: (index % 3) + 1, sessionTimeoutMs: 6000, connectAtStart: true }; });
  const actors = LOCK_CLIENTS.map((client, index) => recipe === 'lock'
    ? { id: `L${index + 1}`, recipe, client, path: '/locks/job', holdMs: 600, rounds: 12 }
    : { id: `E${index + 1}`, recipe, client, path: '/election', holdMs: 7000 });
  return { ...base, title: `${recipe} swarm ${seed}`, clients, steps, actors };
}

describe('lock (InterProcessMutex)', () => {
  it('hands the lock from one actor to the next, each waiter watching only its predecessor', () => {
    const scenario = parseScenarioJson({
      version: 1, seed: 3, steps: [],
      actors: [1, 2, 3].map((n) => ({ id: `L${n}`, recipe: 'lock', client: `c${n}`, path: '/locks/job', holdMs: 1000, rounds: 2 })),
    });
    const world = createWorld(scenario);
    const watchedBy: Record<string, string> = {};
    const events = runActors(world, 60_000, (view) => {
      expect(lockViolations(view, '/locks/job')).toEqual([]);
      for (const actor of actorsOf(view, 'lock')) if (actor.state.watching) watchedBy[actor.id] = String(actor.state.watching);
    });
    expect(world.actorsDone()).toBe(true);
    const acquired = events.filter((event) => event.event === 'acquired');
    const released = events.filter((event) => event.event === 'released');
    expect(acquired).toHaveLength(6);
    expect(released).toHaveLength(6);
    // Strictly alternating: acquired, released, acquired...
    const order = events.filter((event) => event.event !== 'waiting').map((event) => event.event);
    expect(order).toEqual(Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? 'acquired' : 'released')));
    // Protected names: "_c_<uuid>-lock-<10 digits>".
    expect(String(acquired[0]!.fields.node)).toMatch(/^_c_[0-9a-f-]{36}-lock-\d{10}$/);
    expect(Object.keys(watchedBy).length).toBeGreaterThan(0);
  });

  it('never has two holders with live sessions, and every waiter gets the lock once faults heal (swarm)', () => {
    const seeds = Number(process.env.RECIPE_SEEDS ?? 200);
    const failures: string[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const scenario = lockSwarmScenario(seed, 'lock');
      const world = createWorld(scenario, [], { traceMessages: false });
      const violations: string[] = [];
      runActors(world, FAULT_PHASE_MS + 180_000, (view) => { if (violations.length === 0) violations.push(...lockViolations(view, '/locks/job')); });
      if (violations.length > 0) failures.push(`seed ${seed}: ${violations[0]}`);
      const stuck = actorsOf(world.view(), 'lock').filter((actor) => !actor.done);
      if (stuck.length > 0) failures.push(`seed ${seed}: ${stuck.map((actor) => `${actor.id} ${JSON.stringify(actor.state)}`).join('; ')} never finished`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('passes the lock on when the holder\'s process crashes and its session expires', () => {
    const scenario = parseScenarioJson({
      version: 1, seed: 12,
      clients: { c1: { server: 1, sessionTimeoutMs: 6000 }, c2: { server: 2, sessionTimeoutMs: 6000 } },
      steps: [{ at: 3000, client: 'c1', op: 'crash' }],
      actors: [
        { id: 'L1', recipe: 'lock', client: 'c1', path: '/locks/crash', holdMs: 60_000, rounds: 1 },
        { id: 'L2', recipe: 'lock', client: 'c2', path: '/locks/crash', holdMs: 1000, rounds: 1, startMs: 1000 },
      ],
    });
    const world = createWorld(scenario);
    const events = runActors(world, 60_000, (view) => expect(lockViolations(view, '/locks/crash')).toEqual([]));
    const acquired = events.filter((event) => event.event === 'acquired');
    expect(acquired.map((event) => event.actor)).toEqual(['L1', 'L2']);
    // Not before the ensemble expired L1's session (its timeout after the crash).
    expect(acquired[1]!.t).toBeGreaterThan(3000 + 6000 - 2000);
    expect(world.actorsDone()).toBe(true);
  });

  it('the lease caveat: a holder cut off past its session timeout still believes it holds the lock', () => {
    // ZooKeeper locks are leases, not mutual exclusion in real time: L1's client is cut off for
    // 15 s with a 6 s session timeout. The ensemble expires its session, deletes its lock node,
    // and L2 acquires. L1 hears nothing of this until it reconnects (ZooKeeper tells a client its
    // session expired only when it talks to a server again), so for a while both believe they
    // hold the lock. Only one of them has a live session, which is what lockViolations checks;
    // protecting the resource itself takes a fencing token (e.g. the lock node's czxid).
    const scenario = parseScenarioJson({
      version: 1, seed: 11,
      clients: { c1: { server: 1, sessionTimeoutMs: 6000 }, c2: { server: 2, sessionTimeoutMs: 6000 } },
      steps: [{ at: 5000, fault: 'disconnect', client: 'c1', durationMs: 15_000 }],
      actors: [
        { id: 'L1', recipe: 'lock', client: 'c1', path: '/locks/lease', holdMs: 60_000, rounds: 1 },
        { id: 'L2', recipe: 'lock', client: 'c2', path: '/locks/lease', holdMs: 60_000, rounds: 1, startMs: 1000 },
      ],
    });
    const world = createWorld(scenario);
    let bothBelieve: number | null = null;
    const events = runActors(world, 120_000, (view) => {
      expect(lockViolations(view, '/locks/lease')).toEqual([]);
      const believers = actorsOf(view, 'lock').filter((actor) => actor.state.holds === true);
      if (believers.length === 2 && bothBelieve === null) bothBelieve = view.timeMs;
    });
    expect(bothBelieve).not.toBeNull();
    expect(bothBelieve!).toBeGreaterThan(5000 + 6000);
    expect(bothBelieve!).toBeLessThan(5000 + 15_000);
    // When L1 comes back it learns of the expiry and reports the lost lock.
    expect(events.find((event) => event.actor === 'L1' && event.event === 'lost')).toBeDefined();
  });
});

describe('herd effect', () => {
  it.each([10, 100])('one release notifies ~1 waiter with the recipe, all %i with the naive lock', (waiters) => {
    expect(herdNotificationsPerRelease(waiters, 'lock')).toBe(1);
    expect(herdNotificationsPerRelease(waiters, 'naive-lock')).toBeGreaterThanOrEqual(waiters);
  });

  it('1,000 waiters in reasonable time', () => {
    const started = Date.now();
    expect(herdNotificationsPerRelease(1000, 'lock')).toBe(1);
    expect(herdNotificationsPerRelease(1000, 'naive-lock')).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

describe('naive lock (interview notes)', () => {
  it('wakes every waiter on each release', () => {
    const scenario = parseScenarioJson({
      version: 1, seed: 2, steps: [],
      actors: [1, 2, 3, 4].map((n) => ({ id: `N${n}`, recipe: 'naive-lock', client: `c${n}`, path: '/naive/lock', holdMs: 800, rounds: 1 })),
    });
    const world = createWorld(scenario);
    const events = runActors(world, 60_000);
    expect(events.filter((event) => event.event === 'acquired')).toHaveLength(4);
    const wakeups = actorsOf(world.view(), 'naive-lock').reduce((sum, actor) => sum + Number(actor.state.wakeups), 0);
    // 3 waiters, then 2, then 1: 6 notifications for 3 releases (the recipe lock: 3).
    expect(wakeups).toBeGreaterThanOrEqual(6);
  });
});

describe('leader election (LeaderLatch)', () => {
  it('at most one leader among live sessions under faults; leadership moves on', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= Number(process.env.RECIPE_SEEDS ?? 200) / 4; seed++) {
      const world = createWorld(lockSwarmScenario(seed, 'leader-election'), [], { traceMessages: false });
      const violations: string[] = [];
      const events = runActors(world, FAULT_PHASE_MS + 120_000, (view) => { if (violations.length === 0) violations.push(...leaderViolations(view, '/election')); });
      if (violations.length > 0) failures.push(`seed ${seed}: ${violations[0]}`);
      if (events.filter((event) => event.event === 'elected').length < 2) failures.push(`seed ${seed}: fewer than two terms`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('elects a new leader when the leader\'s session expires', () => {
    const scenario = parseScenarioJson({
      version: 1, seed: 5,
      clients: { c1: { server: 1, sessionTimeoutMs: 6000 }, c2: { server: 2, sessionTimeoutMs: 6000 }, c3: { server: 3, sessionTimeoutMs: 6000 } },
      steps: [{ at: 8000, fault: 'expire', client: 'c1' }],
      actors: [
        { id: 'E1', recipe: 'leader-election', client: 'c1', path: '/election' },
        { id: 'E2', recipe: 'leader-election', client: 'c2', path: '/election', startMs: 1000 },
        { id: 'E3', recipe: 'leader-election', client: 'c3', path: '/election', startMs: 1000 },
      ],
    });
    const world = createWorld(scenario);
    const events = runActors(world, 30_000, (view) => expect(leaderViolations(view, '/election')).toEqual([]));
    const elected = events.filter((event) => event.event === 'elected');
    expect(elected[0]!.actor).toBe('E1');
    // The expiring session's connection is closed first: LeaderLatch gives up on SUSPENDED.
    const resigned = events.find((event) => event.actor === 'E1' && event.event === 'resigned')!;
    expect(resigned.t).toBeGreaterThanOrEqual(8000);
    expect(elected[1]!.actor).not.toBe('E1');
    expect(elected[1]!.t).toBeGreaterThan(resigned.t);
  });
});

describe('double barrier', () => {
  it('nobody enters before memberQty members joined; all leave', () => {
    const scenario = parseScenarioJson({
      version: 1, seed: 7, steps: [],
      actors: [
        { id: 'B1', recipe: 'barrier', client: 'c1', path: '/barrier', memberQty: 3, holdMs: 500 },
        { id: 'B2', recipe: 'barrier', client: 'c2', path: '/barrier', memberQty: 3, holdMs: 2000 },
        { id: 'B3', recipe: 'barrier', client: 'c3', path: '/barrier', memberQty: 3, holdMs: 1000, startMs: 6000 },
      ],
    });
    const world = createWorld(scenario);
    const events = runActors(world, 60_000);
    const entered = events.filter((event) => event.event === 'entered');
    const left = events.filter((event) => event.event === 'left');
    expect(entered).toHaveLength(3);
    expect(left).toHaveLength(3);
    expect(Math.min(...entered.map((event) => event.t))).toBeGreaterThanOrEqual(6000);
    // Nobody leaves before the last one entered and held for its holdMs... and the lowest leaves last.
    expect(Math.min(...left.map((event) => event.t))).toBeGreaterThan(Math.max(...entered.map((event) => event.t)));
    expect(world.view().znodes.filter((node) => node.path.startsWith('/barrier/'))).toEqual([]);
  });
});

describe('simple barrier (DistributedBarrier)', () => {
  it('waiters pass only once the setter removed the barrier node', () => {
    const scenario = parseScenarioJson({
      version: 1, seed: 6, steps: [],
      actors: [
        { id: 'S', recipe: 'barrier', client: 'c1', path: '/gate/b', role: 'setter', holdMs: 3000 },
        { id: 'W1', recipe: 'barrier', client: 'c2', path: '/gate/b', role: 'waiter', startMs: 1500 },
        { id: 'W2', recipe: 'barrier', client: 'c3', path: '/gate/b', role: 'waiter', startMs: 1500 },
      ],
    });
    const world = createWorld(scenario);
    const events = runActors(world, 60_000);
    const lowered = events.find((event) => event.actor === 'S' && event.event === 'left')!;
    const passed = events.filter((event) => event.actor !== 'S' && event.event === 'left');
    expect(events.filter((event) => event.actor !== 'S' && event.event === 'entered')).toHaveLength(2);
    expect(passed).toHaveLength(2);
    for (const event of passed) expect(event.t).toBeGreaterThanOrEqual(lowered.t);
  });
});

describe('queue', () => {
  it('every produced item is consumed exactly once by competing consumers', () => {
    const scenario = parseScenarioJson({
      version: 1, seed: 8, steps: [],
      actors: [
        { id: 'P1', recipe: 'queue', client: 'p1', path: '/q', role: 'producer', count: 5, intervalMs: 50 },
        { id: 'P2', recipe: 'queue', client: 'p2', path: '/q', role: 'producer', count: 5, intervalMs: 70 },
        { id: 'C1', recipe: 'queue', client: 'q1', path: '/q', role: 'consumer', count: 5 },
        { id: 'C2', recipe: 'queue', client: 'q2', path: '/q', role: 'consumer', count: 5 },
      ],
    });
    const world = createWorld(scenario);
    const events = runActors(world, 60_000);
    const produced = events.filter((event) => event.event === 'produced').map((event) => event.fields.item).sort();
    const consumed = events.filter((event) => event.event === 'consumed').map((event) => event.fields.item).sort();
    expect(produced).toHaveLength(10);
    expect(consumed).toEqual(produced);
    expect(world.actorsDone()).toBe(true);
  });
});

describe('queue under faults', () => {
  it('no item is consumed twice (delete before processing: at-most-once)', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= Number(process.env.RECIPE_SEEDS ?? 200) / 5; seed++) {
      const base = randomFaultScenario(seed, { servers: 3, faultPhaseMs: 20_000, faultsMax: 5 });
      const clients: Scenario['clients'] = {};
      ['p1', 'q1', 'q2'].forEach((label, index) => { clients[label] = { server: index + 1, sessionTimeoutMs: 6000, connectAtStart: true }; });
      const scenario: Scenario = {
        ...base, clients,
        steps: [...base.steps, { kind: 'fault', at: 3000, fault: 'disconnect', client: 'q1', durationMs: 2000 } as Step].sort((left, right) => (left.at ?? 0) - (right.at ?? 0)),
        actors: [
          { id: 'P1', recipe: 'queue', client: 'p1', path: '/q', role: 'producer', count: 30, intervalMs: 300 },
          { id: 'C1', recipe: 'queue', client: 'q1', path: '/q', role: 'consumer', count: 30 },
          { id: 'C2', recipe: 'queue', client: 'q2', path: '/q', role: 'consumer', count: 30 },
        ],
      };
      const world = createWorld(scenario, [], { traceMessages: false });
      const events = runActors(world, 60_000);
      const consumed = events.filter((event) => event.event === 'consumed').map((event) => String(event.fields.item));
      if (new Set(consumed).size !== consumed.length) failures.push(`seed ${seed}: an item was consumed twice`);
      if (events.filter((event) => event.event === 'produced').length !== 30) failures.push(`seed ${seed}: the producer did not finish`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

describe('registry (service discovery)', () => {
  it('a member whose session expires leaves everyone\'s list; round-robin cycles over members', () => {
    const scenario = parseScenarioJson({
      version: 1, seed: 9,
      clients: { r2: { server: 2, sessionTimeoutMs: 6000 } },
      steps: [{ at: 6000, fault: 'disconnect', client: 'r2', durationMs: 20_000 }],
      actors: [
        { id: 'R1', recipe: 'registry', client: 'r1', path: '/services/web', picks: 32, intervalMs: 1000 },
        { id: 'R2', recipe: 'registry', client: 'r2', path: '/services/web' },
        { id: 'R3', recipe: 'registry', client: 'r3', path: '/services/web', register: false, strategy: 'random', picks: 3, intervalMs: 500 },
      ],
    });
    const world = createWorld(scenario);
    const events = runActors(world, 40_000);
    const picks = events.filter((event) => event.actor === 'R1' && event.event === 'picked');
    expect(events.filter((event) => event.event === 'registered').map((event) => event.actor).sort()).toEqual(['R1', 'R2', 'R2']);
    // Before the fault: both members, alternately; while R2's session is gone: R1 only; then both again.
    expect(picks[0]!.fields.members).toEqual(['R1', 'R2']);
    expect(picks.slice(0, 4).map((event) => event.fields.member)).toEqual(['R1', 'R2', 'R1', 'R2'].slice(picks[0]!.fields.member === 'R1' ? 0 : 1).concat(picks[0]!.fields.member === 'R1' ? [] : ['R1']));
    const alone = picks.filter((event) => event.t > 14_000 && event.t < 26_000);
    expect(alone.length).toBeGreaterThan(0);
    for (const event of alone) expect(event.fields.members).toEqual(['R1']);
    expect(picks[picks.length - 1]!.fields.members).toEqual(['R1', 'R2']);
  });
});

describe('actors and the world', () => {
  it('seeking back and replaying gives the same actors (routing does not depend on the trace sink)', () => {
    const scenario = parseScenarioJson({
      version: 1, seed: 3, steps: [{ at: 4000, fault: 'crash', server: 1 }],
      actors: [1, 2, 3].map((n) => ({ id: `L${n}`, recipe: 'lock', client: `c${n}`, path: '/locks/job', holdMs: 900, rounds: 3 })),
    });
    const world = createWorld(scenario, [], { snapshotEveryMs: 1500 });
    world.runUntil(9000);
    const at9 = JSON.stringify(world.view().actors);
    const fingerprint = world.fingerprint();
    world.seek(2500);
    world.seek(9000);
    expect(JSON.stringify(world.view().actors)).toBe(at9);
    expect(world.fingerprint()).toBe(fingerprint);
    const fresh = createWorld(scenario);
    fresh.runUntil(4500);
    const restored = restoreWorld(fresh.snapshot());
    restored.runUntil(9000);
    expect(restored.fingerprint()).toBe(fingerprint);
    fresh.runUntil(9000);
    expect(fresh.fingerprint()).toBe(fingerprint);
  });

  it('rejects bad actors with the field named', () => {
    const bad = (actor: object): string => {
      try {
        parseScenarioJson({ version: 1, steps: [], actors: [actor] });
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(bad({ id: 'x', recipe: 'mutex', client: 'c1', path: '/l' })).toMatch(/^actors\[0\]\.recipe: unknown recipe/);
    expect(bad({ id: 'x', recipe: 'lock', client: 'c1' })).toMatch(/^actors\[0\]\.path: required/);
    expect(bad({ id: 'x', recipe: 'lock', client: 'c1', path: 'locks' })).toMatch(/^actors\[0\]\.path: /);
    expect(bad({ id: 'x', recipe: 'lock', client: 'c1', path: '/l', holdMs: -1 })).toMatch(/^actors\[0\]\.holdMs: /);
    expect(bad({ id: 'x', recipe: 'queue', client: 'c1', path: '/q', role: 'eater' })).toMatch(/^actors\[0\]\.role: must be one of producer, consumer/);
    expect(bad({ id: 'x', recipe: 'lock', client: 'c1', path: '/l', colour: 'red' })).toMatch(/^actors\[0\]\.colour: not a field of lock/);
  });
});
