import { describe, expect, it } from 'vitest';
import { createWorld, restoreWorld } from './world';
import { randomFaultScenario } from './scenario/random-faults';
import { createRng, intInRange } from './sim/rng';
import { heartbeatProtocol } from './demo/heartbeat';
import type { ServerProtocol } from './sim/actor';

// Kernel tests that read the heartbeat demo's own state use it explicitly.
const heartbeat = heartbeatProtocol as unknown as ServerProtocol<unknown, unknown>;

const swarm = (seed: number) => randomFaultScenario(seed, { servers: 5, faultPhaseMs: 20_000, faultsMax: 8 });

function transcript(seed: number, untilMs: number): string {
  const world = createWorld(swarm(seed));
  world.runUntil(untilMs);
  return JSON.stringify(world.drain()) + world.fingerprint();
}

describe('world determinism', () => {
  it('same scenario, same trace, byte for byte (200 seeds, each run twice)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const first = transcript(seed, 25_000);
      const second = transcript(seed, 25_000);
      if (first !== second) throw new Error(`seed ${seed}: two runs differ. Replay: createWorld(randomFaultScenario(${seed}, ...))`);
    }
  });

  it('different seeds give different runs', () => {
    expect(transcript(1, 10_000)).not.toEqual(transcript(2, 10_000));
  });

  it('"run to T" equals "run to T/2, snapshot, restore, run to T" (200 random (seed, T))', () => {
    const draw = createRng(2026, 'test');
    for (let trial = 0; trial < 200; trial++) {
      const seed = intInRange(draw, 1, 1_000_000);
      const untilMs = intInRange(draw, 2, 30_000);
      const straight = createWorld(swarm(seed));
      straight.runUntil(untilMs);
      const halfway = createWorld(swarm(seed));
      halfway.runUntil(Math.floor(untilMs / 2));
      const resumed = restoreWorld(JSON.parse(JSON.stringify(halfway.snapshot())));
      resumed.runUntil(untilMs);
      if (straight.fingerprint() !== resumed.fingerprint()) throw new Error(`seed ${seed}, T ${untilMs}: fingerprints differ`);
    }
  });
});

describe('time travel', () => {
  it('seeking back and forth lands on the same states', () => {
    const world = createWorld(swarm(11));
    world.runUntil(9_000);
    const at9 = world.fingerprint();
    world.runUntil(20_000);
    const at20 = world.fingerprint();
    world.seek(9_000);
    expect(world.timeMs()).toBe(9_000);
    expect(world.fingerprint()).toBe(at9);
    world.seek(20_000);
    expect(world.fingerprint()).toBe(at20);
    expect(world.headTimeMs()).toBe(20_000);
  });

  it('a seek beyond the head reports the landmarks it passes (not each message); seeking within the head is silent', () => {
    const landmarks = (records: { type: string }[]) => records.filter((record) => record.type === 'role' || record.type === 'fault').map((record) => JSON.stringify(record));
    const played = createWorld(swarm(13));
    played.runUntil(20_000);
    const jumped = createWorld(swarm(13));
    jumped.seek(20_000);
    const ahead = jumped.drain();
    expect(landmarks(ahead).length).toBeGreaterThan(0);
    expect(landmarks(ahead)).toEqual(landmarks(played.drain()));
    // The only message records are those of the start-up, emitted before the seek.
    const messages = (records: { type: string }[]) => records.filter((record) => record.type === 'send' || record.type === 'deliver' || record.type === 'drop').length;
    expect(messages(ahead)).toBe(messages(createWorld(swarm(13)).drain()));
    jumped.seek(5_000);
    jumped.seek(20_000);
    expect(jumped.drain()).toEqual([]);
  });

  it('an action in the past forks the run; replaying its input log reproduces the fork', () => {
    const world = createWorld(swarm(12));
    world.runUntil(10_000);
    world.act({ kind: 'fault', fault: 'crash', server: 1 });
    world.runUntil(15_000);
    world.seek(5_000);
    world.act({ kind: 'fault', fault: 'crash', server: 2 });
    expect(world.inputs().map((entry) => [entry.atMs, entry.action.kind === 'fault' ? entry.action.server : null])).toEqual([[5_000, 2]]);
    expect(world.headTimeMs()).toBe(5_000);
    world.runUntil(15_000);
    const forked = world.fingerprint();
    const replay = createWorld(swarm(12), [...world.inputs()]);
    replay.runUntil(15_000);
    expect(replay.fingerprint()).toBe(forked);
    expect(replay.view().servers.find((server) => server.id === 2)?.alive).toBe(false);
  });

  it('a crashed server closes its connections at once: its peers get CLOSE messages', () => {
    const world = createWorld({ ...swarm(13), steps: [] }, [], { protocol: heartbeat });
    world.runUntil(3_000);
    world.drain();
    world.act({ kind: 'fault', fault: 'crash', server: 3 });
    world.runUntil(3_100);
    const records = world.drain();
    const closes = records.filter((record) => record.type === 'deliver' && record.label === 'CLOSE');
    expect(closes.map((record) => (record.type === 'deliver' ? record.to : 0)).sort()).toEqual([1, 2, 4, 5]);
    expect(records.some((record) => record.type === 'role' && record.server === 3 && record.role === 'DOWN')).toBe(true);
  });

  it('a paused server handles nothing until it resumes, then catches up in order', () => {
    const world = createWorld({ ...swarm(14), steps: [] }, [], { protocol: heartbeat });
    world.runUntil(1_000);
    world.act({ kind: 'fault', fault: 'pause', server: 2, durationMs: 5_000 });
    const beatBefore = world.view().servers[1]!.detail.beat;
    world.runUntil(5_900);
    expect(world.view().servers[1]!.detail.beat).toBe(beatBefore);
    world.runUntil(7_000);
    expect(world.view().servers[1]!.detail.beat).not.toBe(beatBefore);
  });
});
