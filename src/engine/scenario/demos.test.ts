import { describe, expect, it } from 'vitest';
import { allCheckers } from '../check/world-checkers';
import { createWorld } from '../world';
import { DEMOS } from './demos';
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
