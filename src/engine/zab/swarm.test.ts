// The swarm: 300 seeds, each with its own fault mix; safety checked after every event, liveness
// after healing. A failing seed is printed so it can be replayed with runSwarmSeed(seed).
import { describe, expect, test } from 'vitest';
import { runSwarmSeed } from './testing/swarm';

const SEEDS = 300;

describe('Zab swarm', () => {
  test(`${SEEDS} seeds: checkers hold after every event, and a healed ensemble converges`, () => {
    const failures: string[] = [];
    let slowest = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const result = runSwarmSeed(seed);
      if (result.violations.length > 0 || result.convergedAfterMs === null) {
        failures.push(`seed ${seed} (${result.description}): ${result.convergedAfterMs === null ? 'did not converge; ' : ''}${result.violations.map((v) => `${v.check}@${v.server}: ${v.text}`).join('; ')}`);
      } else {
        slowest = Math.max(slowest, result.convergedAfterMs);
      }
    }
    if (failures.length > 0) console.log(failures.join('\n'));
    expect(failures).toEqual([]);
    console.log(`slowest convergence after heal: ${slowest} ms`);
  });
});
