// Runs every golden op list (tests/golden/*.json, recorded from a real ZooKeeper 3.8.0, see
// tests/golden/README.md) through src/engine/server as one standalone server would
// (tests/helpers/standalone-driver.ts) and compares with the recorded *.out.jsonl by the
// project's comparison rules (tests/helpers/oracle-compare.ts runs ../shared/tools/compare-oracle.mjs).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithOracle, createCompareWorkspace, expectedFileOf, simulateFile } from './helpers/oracle-compare';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const workspace = createCompareWorkspace();
afterAll(() => workspace.dispose());

const lists = readdirSync(GOLDEN_DIR).filter((name) => name.endsWith('.json')).sort();

describe('golden traces from real ZooKeeper 3.8 through a standalone server of our modules', () => {
  it('finds the golden lists', () => {
    expect(lists.length).toBeGreaterThanOrEqual(135);
  });
  for (const name of lists) {
    it(name, () => {
      const file = join(GOLDEN_DIR, name);
      const { passed, report } = compareWithOracle(workspace.dir, expectedFileOf(file), simulateFile(file));
      expect(report).toMatch(/ 0 failed/);
      expect(passed).toBe(true);
    });
  }
  // Standalone runs in epoch 0 like the recorder's server, so even the unnormalised lines must
  // match: this also pins what the comparison leaves free (key order, the order of one client's
  // events, e.g. the HashSet order of a closing session's NodeDeleted events).
  for (const name of lists) {
    it(`${name}: byte-identical to the recorded --stable output`, () => {
      const file = join(GOLDEN_DIR, name);
      const ours = simulateFile(file).trim().split('\n');
      const theirs = readFileSync(expectedFileOf(file), 'utf8').trim().split('\n');
      expect(ours).toEqual(theirs);
    });
  }
});
