// Transcript tests: each testdata/*.txt is a script plus its exact expected transcript (messages,
// role changes, commits, notes). Regenerate with UPDATE_TRANSCRIPTS=1 and review the diff.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runScript } from './testing/script';

const directory = join(__dirname, 'testdata');
const files = readdirSync(directory).filter((name) => name.endsWith('.txt')).sort();

describe('Zab transcripts', () => {
  for (const name of files) {
    test(name, () => {
      const path = join(directory, name);
      const text = readFileSync(path, 'utf8');
      const actual = runScript(text);
      if (process.env.UPDATE_TRANSCRIPTS === '1') {
        writeFileSync(path, actual.endsWith('\n') ? actual : actual + '\n');
        return;
      }
      expect(actual.trimEnd()).toBe(text.trimEnd());
    });
  }
});
