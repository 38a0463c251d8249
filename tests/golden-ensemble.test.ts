// CONTRACT.md section 1 against the real thing: every golden op list (tests/golden, recorded from
// Debian's ZooKeeper 3.8.0 by scripts/record-golden.mjs) and the six shared oracle examples run
// through `npm run sim --stable`'s code path — a 3-server ensemble running Zab, every client on
// server 1 — and must give what real ZooKeeper answered, by the comparison rules of
// scripts/compare-oracle.mjs (zxid counters, since the epoch differs from a standalone server).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runToLines } from '../src/cli/run';
import { parseRunText } from '../src/engine/scenario/run-input';
import { compareWithOracle, createCompareWorkspace } from './helpers/oracle-compare';

const workspace = createCompareWorkspace();
afterAll(() => workspace.dispose());

function simulate(file: string): string {
  return runToLines(parseRunText(readFileSync(file, 'utf8')), { stable: true, trace: false, messages: false }).join('\n') + '\n';
}

for (const dir of ['golden', 'oracle-examples']) {
  const root = join(import.meta.dirname, dir);
  const lists = readdirSync(root).filter((name) => name.endsWith('.json')).sort();
  describe(`${dir}: the simulated ensemble answers as real ZooKeeper 3.8 did`, () => {
    it('finds the lists', () => expect(lists.length).toBeGreaterThanOrEqual(dir === 'golden' ? 135 : 6));
    for (const name of lists) {
      it(name, () => {
        const file = join(root, name);
        const { report } = compareWithOracle(workspace.dir, file.replace(/\.json$/, '.out.jsonl'), simulate(file));
        expect(report).toMatch(/ 0 failed\s*$/);
      });
    }
  });
}
