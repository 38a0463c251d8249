#!/usr/bin/env node
// `npm run test:e2e [-- <playwright args>]`: find (or install) Chromium, build, run Playwright.
// Extra arguments go to `playwright test`, e.g. `npm run test:e2e -- e2e/smoke.spec.ts --headed`.
// Set E2E_SKIP_BUILD=1 to reuse an existing dist/ (e.g. in a tight edit loop); E2E_PORT and
// E2E_OUT_DIR (default 4173 and dist) let several runs share a machine.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumVersion, findChromiumOrExit } from './find-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, args, env = process.env) {
  console.error(`\n[e2e] $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    console.error(`[e2e] ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

const { path, source } = findChromiumOrExit();
console.error(`[e2e] chromium (${source}): ${path} — ${chromiumVersion(path) ?? 'version unknown'}`);

if (process.env.E2E_SKIP_BUILD !== '1') run('npx', ['--no', 'vite', 'build', '--outDir', process.env.E2E_OUT_DIR || 'dist', '--emptyOutDir']);

run('npx', ['--no', 'playwright', 'test', ...process.argv.slice(2)], {
  ...process.env,
  ZOOSCOPE_CHROMIUM: path,
});
