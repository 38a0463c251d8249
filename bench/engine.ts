// Engine benchmarks: simulated events per second headless, and seek latency in a long run.
import { performance } from 'node:perf_hooks';
import { createWorld } from '../src/engine/world';
import { parseRunJson } from '../src/engine/scenario/run-input';
import { createRng, intInRange } from '../src/engine/sim/rng';
import { median, percentile, repeat } from './stats';

/** Five servers, steady traffic, no tracing: how many events the kernel processes per second. */
export function engineEventsPerSecond(runs: number, simulatedMs: number): number {
  const { scenario } = parseRunJson({ version: 1, seed: 1, ensemble: { servers: 5, tickMs: 200 }, steps: [] });
  return median(repeat(runs, () => {
    const world = createWorld(scenario, [], { traceMessages: false });
    const start = performance.now();
    world.runUntil(simulatedMs);
    const seconds = (performance.now() - start) / 1000;
    return Math.round(world.eventsProcessed() / seconds);
  }));
}

/** p95 of seek latency to random points of a long run (the median of that over `runs`). */
export function seekMsP95(runs: number, runLengthMs: number, seeks: number): number {
  const { scenario } = parseRunJson({ version: 1, seed: 2, ensemble: { servers: 5 }, steps: [] });
  return median(repeat(runs, () => {
    const world = createWorld(scenario);
    world.runUntil(runLengthMs);
    world.drain();
    const rng = createRng(runs, 'bench-seek');
    const latencies = repeat(seeks, () => {
      const target = intInRange(rng, 0, runLengthMs);
      const start = performance.now();
      world.seek(target);
      world.view();
      return performance.now() - start;
    });
    return Math.round(percentile(latencies, 95) * 100) / 100;
  }));
}
