// DESIGN.md: the engine never reads a clock, never draws platform randomness, never touches the
// DOM or the worker boundary, and never imports the layers above it. This test fails if it does.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = join(import.meta.dirname, '..', 'src', 'engine');

const FORBIDDEN: [RegExp, string][] = [
  [/\bMath\.random\b/, 'Math.random (use the seeded rng)'],
  [/\bDate\b/, 'Date (simulated time only)'],
  [/\bperformance\b/, 'performance (simulated time only)'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame)\b/, 'timers (the scheduler owns time)'],
  [/\bwindow\b/, 'window'],
  [/\bdocument\b/, 'document'],
  [/\bpostMessage\b/, 'postMessage'],
  [/\bfetch\s*\(/, 'fetch'],
  [/\bprocess\.(env|argv|stdout|hrtime)/, 'process'],
  [/from\s+['"](\.\.\/)+(ui|worker|cli)\//, 'an import from a layer above the engine'],
  [/from\s+['"]node:/, 'a Node built-in'],
];

/** Source without comments: prose may mention a "window" of commits; code may not use one. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
}

function engineFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return engineFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !path.includes(`${join('', 'testing')}`) ? [path] : [];
  });
}

describe('engine purity', () => {
  const files = engineFiles(ENGINE);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('names no clock, randomness, DOM, worker or upper-layer API', () => {
    const offences: string[] = [];
    for (const file of files) {
      stripComments(readFileSync(file, 'utf8')).split('\n').forEach((line, index) => {
        for (const [pattern, what] of FORBIDDEN) {
          if (pattern.test(line)) offences.push(`${relative(ENGINE, file)}:${index + 1}: ${what}: ${line.trim()}`);
        }
      });
    }
    expect(offences).toEqual([]);
  });

  it('the check itself catches an offence', () => {
    const sample = stripComments('const t = Date.now(); const r = Math.random(); // window\n/* document */');
    expect(FORBIDDEN.filter(([pattern]) => pattern.test(sample)).map(([, what]) => what)).toEqual(['Math.random (use the seeded rng)', 'Date (simulated time only)']);
  });
});
