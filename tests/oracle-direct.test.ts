// Runs every realzk example op list through src/engine/server as one standalone server would
// (tests/helpers/standalone-driver.ts) and compares with what real ZooKeeper 3.8 printed, using
// the shared comparison script itself (../shared/tools/compare-oracle.mjs), so the normalisation
// (zxid counters, ephemeralOwnerClient, event sets per op) is exactly the project's.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOpList } from './helpers/standalone-driver';

const EXAMPLES_DIR = '/work/shared/tools/realzk/examples';
const COMPARE_SCRIPT = '/work/shared/tools/compare-oracle.mjs';
const workDir = mkdtempSync(join(tmpdir(), 'oracle-direct-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const examples = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.json')).sort();

function compare(expectedFile: string, actualLines: string): { passed: boolean; report: string } {
  const actualFile = join(workDir, 'actual.jsonl');
  writeFileSync(actualFile, actualLines);
  try {
    return { passed: true, report: execFileSync('node', [COMPARE_SCRIPT, expectedFile, actualFile], { encoding: 'utf8' }) };
  } catch (error) {
    return { passed: false, report: String((error as { stdout?: string }).stdout ?? error) };
  }
}

describe('realzk examples through a standalone server of our modules', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });
  for (const name of examples) {
    it(name, () => {
      const input: unknown = JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8'));
      const lines = runOpList(input).map((line) => JSON.stringify(line)).join('\n') + '\n';
      const { passed, report } = compare(join(EXAMPLES_DIR, name.replace(/\.json$/, '.out.jsonl')), lines);
      expect(report).toMatch(/ 0 failed/);
      expect(passed).toBe(true);
    });
  }
  // Standalone runs in epoch 0 like the oracle's server, so even unnormalised lines must match.
  for (const name of examples) {
    it(`${name}: byte-identical to the recorded --stable output`, () => {
      const input: unknown = JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8'));
      const ours = runOpList(input).map((line) => JSON.stringify(line));
      const theirs = readFileSync(join(EXAMPLES_DIR, name.replace(/\.json$/, '.out.jsonl')), 'utf8').trim().split('\n');
      expect(ours).toEqual(theirs);
    });
  }
});
