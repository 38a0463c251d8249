// Runs every realzk example op list through src/engine/server as one standalone server would
// (tests/helpers/standalone-driver.ts) and compares with what real ZooKeeper 3.8 printed, using
// the shared comparison script itself (tests/helpers/oracle-compare.ts), so the normalisation
// (zxid counters, ephemeralOwnerClient, event sets per op) is exactly the project's.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithOracle, createCompareWorkspace, expectedFileOf, simulateFile } from './helpers/oracle-compare';

// A copy of the team's shared realzk examples (shared/tools/realzk/examples), kept in the repo.
const EXAMPLES_DIR = join(import.meta.dirname, 'oracle-examples');
const workspace = createCompareWorkspace();
afterAll(() => workspace.dispose());

const examples = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.json')).sort();

describe('realzk examples through a standalone server of our modules', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });
  for (const name of examples) {
    it(name, () => {
      const file = join(EXAMPLES_DIR, name);
      const { passed, report } = compareWithOracle(workspace.dir, expectedFileOf(file), simulateFile(file));
      expect(report).toMatch(/ 0 failed/);
      expect(passed).toBe(true);
    });
  }
  // Standalone runs in epoch 0 like the oracle's server, so even unnormalised lines must match.
  for (const name of examples) {
    it(`${name}: byte-identical to the recorded --stable output`, () => {
      const file = join(EXAMPLES_DIR, name);
      const ours = simulateFile(file).trim().split('\n');
      const theirs = readFileSync(expectedFileOf(file), 'utf8').trim().split('\n');
      expect(ours).toEqual(theirs);
    });
  }
});
