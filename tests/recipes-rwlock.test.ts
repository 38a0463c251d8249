// The read/write lock (Curator InterProcessReadWriteLock; ZooKeeper Recipes doc, "Shared Locks"):
// readers share the lock, a writer excludes everyone, and a reader that comes after a waiting
// writer waits for it (no writer starvation).
import { describe, expect, it } from 'vitest';
import { allCheckers } from '../src/engine/check/world-checkers';
import { parseRunJson } from '../src/engine/scenario/run-input';
import type { TraceRecord } from '../src/engine/sim/trace';
import { createWorld } from '../src/engine/world';

function actorEvents(json: object): { actor: string; event: string; t: number }[] {
  const input = parseRunJson({ version: 1, seed: 9, ...json });
  const world = createWorld(input.scenario, input.inputs, { checkers: allCheckers() });
  const records: TraceRecord[] = [];
  for (let guard = 0; guard < 3_000_000 && !(world.scriptDone() && world.actorsDone()); guard++) {
    if (!world.stepEvent()) break;
    records.push(...world.drain());
  }
  expect(world.invariants().violations).toEqual([]);
  return records.flatMap((record) => (record.type === 'actor' ? [{ actor: record.actor, event: record.event, t: record.t }] : []));
}

describe('rw-lock', () => {
  it('readers share, a writer waits for them, a later reader waits for the writer', () => {
    const events = actorEvents({
      ensemble: { servers: 3 },
      steps: [{ await: 'serving' }],
      actors: [
        // The readers start first and hold long; the writer comes while they hold; the last reader
        // comes while the writer waits (start times leave room for the clients to connect).
        { id: 'R1', recipe: 'rw-lock', client: 'c1', path: '/rw', mode: 'read', holdMs: 6000 },
        { id: 'R2', recipe: 'rw-lock', client: 'c2', path: '/rw', mode: 'read', holdMs: 6000, startMs: 100 },
        { id: 'W1', recipe: 'rw-lock', client: 'c3', path: '/rw', mode: 'write', holdMs: 1000, startMs: 2500 },
        { id: 'R3', recipe: 'rw-lock', client: 'c4', path: '/rw', mode: 'read', holdMs: 500, startMs: 4500 },
      ],
    });
    const at = (actor: string, event: string) => events.find((entry) => entry.actor === actor && entry.event === event)?.t ?? NaN;
    // Both readers hold at the same time.
    expect(at('R2', 'acquired')).toBeLessThan(at('R1', 'released'));
    // The writer waits for both readers.
    expect(at('W1', 'acquired')).toBeGreaterThanOrEqual(Math.max(at('R1', 'released'), at('R2', 'released')));
    // The later reader waits for the writer ahead of it.
    expect(at('R3', 'acquired')).toBeGreaterThanOrEqual(at('W1', 'released'));
    expect(events.some((entry) => entry.actor === 'W1' && entry.event === 'waiting')).toBe(true);
  });

  it('rejects an unknown mode with the field named', () => {
    expect(() => parseRunJson({ version: 1, steps: [], actors: [{ id: 'X', recipe: 'rw-lock', client: 'c1', path: '/rw', mode: 'exclusive' }] }))
      .toThrow(/actors\[0\]\.mode: must be one of read, write/);
  });
});
