// engine_events_per_s as users get it: the engine bundled and minified by Vite (the worker's
// bundler and settings), in a fresh Node process, so neither tsx's per-module transform (it keeps
// function names with a wrapper call per closure) nor the other benchmarks' heaps colour it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');

/** Median simulated events per second of the bundled engine (see engineEventsPerSecond). */
export async function shippedEngineEventsPerSecond(runs: number, simulatedMs: number): Promise<number> {
  const outDir = mkdtempSync(join(tmpdir(), 'zs-bench-engine-'));
  try {
    await build({
      configFile: false, root: ROOT, logLevel: 'warn', publicDir: false,
      // One self-contained module, like the worker chunk (no imports left for Node to resolve).
      ssr: { noExternal: true },
      build: { ssr: join(ROOT, 'bench/engine-throughput.ts'), outDir, emptyOutDir: true, minify: true, target: 'es2022' },
    });
    const run = spawnSync(process.execPath, [join(outDir, 'engine-throughput.js'), String(runs), String(simulatedMs)], { encoding: 'utf8', timeout: 600_000 });
    const figure = Number(run.stdout.trim());
    if (run.status !== 0 || !Number.isFinite(figure) || figure <= 0) throw new Error(`bundled engine run failed (${run.status ?? run.signal}): ${run.stderr.trim()}`);
    return figure;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
