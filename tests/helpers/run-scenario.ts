// Runs a form B scenario through the whole world to the end of its steps (and its actors),
// with every invariant checker on, and hands back what happened.
import { expect } from 'vitest';
import { allCheckers } from '../../src/engine/check/world-checkers';
import { parseRunJson } from '../../src/engine/scenario/run-input';
import type { OpOutcome, TraceRecord } from '../../src/engine/sim/trace';
import { createWorld, type World } from '../../src/engine/world';

export interface ScenarioRun {
  world: World;
  records: TraceRecord[];
  ops: OpOutcome[];
}

/** Runs `json` (version 1 is added; `seed` defaults to 1) and asserts no invariant broke. */
export function runScenario(json: object, eventsMax = 5_000_000): ScenarioRun {
  const input = parseRunJson({ version: 1, seed: 1, ...json });
  const world = createWorld(input.scenario, input.inputs, { checkers: allCheckers() });
  const records: TraceRecord[] = [];
  for (let guard = 0; guard < eventsMax && !(world.scriptDone() && world.actorsDone()); guard++) {
    if (!world.stepEvent()) break;
    records.push(...world.drain());
  }
  expect(world.scriptDone()).toBe(true);
  expect(world.invariants().violations).toEqual([]);
  return { world, records, ops: records.flatMap((record) => (record.type === 'op' ? [record.outcome] : [])) };
}
