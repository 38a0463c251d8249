import { describe, expect, it } from 'vitest';
import { allCheckers } from '../check/world-checkers';
import { createWorld } from '../world';
import { BUG_LAB, DEMOS } from './demos';
import { parseRunJson } from './run-input';

describe('classroom demos reach their outcome', () => {
  it('ids are unique', () => {
    expect(new Set(DEMOS.map((demo) => demo.id)).size).toBe(DEMOS.length);
  });
  for (const demo of DEMOS) {
    it(demo.id, () => {
      const input = parseRunJson(demo.scenario);
      const world = createWorld(input.scenario, input.inputs, { checkers: allCheckers(), traceMessages: false });
      for (let guard = 0; guard < 5_000_000 && !world.scriptDone(); guard++) if (!world.stepEvent()) break;
      expect(world.scriptDone()).toBe(true);
      expect(world.invariants().violations).toEqual([]);
      expect(demo.outcome(world.view())).toBeNull();
    });
  }
});

describe('bug lab: each broken rule shows on its own scenario, and only with the bug', () => {
  for (const demo of BUG_LAB.filter((entry) => entry.bug === undefined)) {
    it(`${demo.id}: a flawed recipe on a correct engine shows its outcome`, () => {
      const input = parseRunJson(demo.scenario);
      const world = createWorld(input.scenario, input.inputs, { checkers: allCheckers(), traceMessages: false });
      for (let guard = 0; guard < 5_000_000 && !world.scriptDone(); guard++) if (!world.stepEvent()) break;
      expect(world.scriptDone()).toBe(true);
      expect(world.invariants().violations).toEqual([]);
      expect(demo.outcome!(world.view())).toBeNull();
    });
  }
  for (const demo of BUG_LAB.filter((entry): entry is typeof entry & { bug: string; caughtBy: RegExp } => entry.bug !== undefined && entry.caughtBy !== undefined)) {
    it(`${demo.id} is caught by ${demo.caughtBy.source}`, () => {
      const run = (bugs: string[]) => {
        const input = parseRunJson({ ...demo.scenario, bugs });
        const world = createWorld(input.scenario, input.inputs, { checkers: allCheckers(bugs as never), traceMessages: false });
        for (let guard = 0; guard < 5_000_000 && !world.scriptDone(); guard++) if (!world.stepEvent()) break;
        return world.invariants().violations.map((violation) => violation.message);
      };
      const broken = run([demo.bug]);
      expect(broken.some((message) => demo.caughtBy.test(message)), broken.join('\n')).toBe(true);
      expect(run([])).toEqual([]);
    });
  }
});
