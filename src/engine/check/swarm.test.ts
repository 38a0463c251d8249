import { describe, expect, it } from 'vitest';
import { runWorldSwarmSeed } from './swarm';

// CI runs SWARM_SEEDS seeds (default 2000); `npm run bench` runs a bigger batch.
const SEEDS = Number(process.env.SWARM_SEEDS ?? 2000);

describe('swarm: the whole world under random faults', () => {
  it(`holds every invariant at every step and converges after healing (${SEEDS} seeds)`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const result = runWorldSwarmSeed(seed);
      if (result.violations.length > 0 || result.convergedAfterMs === null) {
        failures.push(`seed ${seed} (${result.description}): ${result.violations.length > 0 ? result.violations.slice(0, 2).map((v) => `${v.message} at t=${v.timeMs}`).join('; ') : 'did not converge within the deadline'}. Replay: npx tsx -e "import('./src/engine/check/swarm.ts').then(m => console.log(JSON.stringify(m.runWorldSwarmSeed(${seed}))))"`);
        if (failures.length >= 5) break;
      }
    }
    expect(failures).toEqual([]);
  }, 1_800_000);
});
