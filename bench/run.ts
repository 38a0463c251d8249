// `npm run bench [-- --json] [-- --quick]`: the benchmarks of CONTRACT.md section 4, each a
// median over at least 5 runs (--quick: fewer, for a smoke check only).
import { engineEventsPerSecond, seekMsP95, swarmSeedsPerSecond } from './engine';
import { shippedEngineEventsPerSecond } from './engine-shipped';
import { herdFigures, linearizabilityMs } from './correctness';
import { uiBenchmarks } from './ui';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const runs = quick ? 2 : 5;

const engineMs = quick ? 30_000 : 120_000;
const results: Record<string, unknown> = {
  // The engine as the worker ships it (bundled by Vite); the second figure is the same workload
  // through tsx in this process (the development loader), for comparison.
  engine_events_per_s: await shippedEngineEventsPerSecond(runs, engineMs),
  engine_events_per_s_tsx: engineEventsPerSecond(runs, engineMs),
  seek_ms_p95: seekMsP95(runs, quick ? 60_000 : 600_000, quick ? 20 : 50),
  swarm_seeds_per_s: swarmSeedsPerSecond(runs, quick ? 20 : 200),
  // The herd figures are deterministic (a simulated count), so one run each is the median.
  herd_notifications_per_release: herdFigures(1, quick ? [10, 100] : [10, 100, 1000]),
  linearizability_10k_ms: linearizabilityMs(runs),
};

// UI figures (bench/ui.ts): a production build in Chromium; browser figures skipped without one.
try {
  Object.assign(results, await uiBenchmarks({ runs, playbackMs: quick ? 10_000 : 60_000 }));
} catch (error) {
  process.stderr.write(`[bench:ui] FAILED, UI figures left out: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
}

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else {
  for (const [key, value] of Object.entries(results)) process.stdout.write(`${key.padEnd(32)} ${JSON.stringify(value)}\n`);
  process.stdout.write(`(medians of ${runs} runs${quick ? ', --quick' : ''})\n`);
}
