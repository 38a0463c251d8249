// Engine benchmarks: simulated events per second headless (five servers under steady writes),
// seek latency in a long run, and swarm seeds per second.
import { performance } from 'node:perf_hooks';
import { runWorldSwarmSeed } from '../src/engine/check/swarm';
import { parseRunJson } from '../src/engine/scenario/run-input';
import { createRng, intInRange } from '../src/engine/sim/rng';
import { createWorld } from '../src/engine/world';
import { median, percentile, repeat } from './stats';

/** Five servers, three clients writing every 10 ms of simulated time each, no tracing. */
function steadyWrites(simulatedMs: number) {
  const steps = [];
  for (let atMs = 1000; atMs < simulatedMs; atMs += 10) {
    for (const client of ['c1', 'c2', 'c3']) steps.push({ at: atMs, client, op: 'setData', path: '/', data: String(atMs) });
  }
  return parseRunJson({
    version: 1, seed: 1, ensemble: { servers: 5 },
    clients: { c1: { server: 1 }, c2: { server: 3 }, c3: { server: 5 } },
    steps,
  }).scenario;
}

/** Simulated time between drains of the trace in the throughput run (one worker batch ≈ this much at 1×). */
const DRAIN_EVERY_MS = 1000;

/** Runs of the throughput workload thrown away before measuring (JIT and heap warm-up). */
const WARMUP_RUNS = 2;

export function engineEventsPerSecond(runs: number, simulatedMs: number): number {
  const scenario = steadyWrites(simulatedMs);
  const measure = (): number => {
    const world = createWorld(scenario, [], { traceMessages: false, snapshotEveryMs: Number.POSITIVE_INFINITY });
    const start = performance.now();
    // Drain the trace as every consumer does (the worker each frame, the CLI as it prints), so
    // the figure is the engine's speed, not the cost of hoarding a run's worth of records.
    for (let untilMs = DRAIN_EVERY_MS; untilMs < simulatedMs + DRAIN_EVERY_MS; untilMs += DRAIN_EVERY_MS) {
      world.runUntil(Math.min(untilMs, simulatedMs));
      world.drain();
    }
    const seconds = (performance.now() - start) / 1000;
    return Math.round(world.eventsProcessed() / seconds);
  };
  // Warm-up, not counted: the first runs of a fresh process time V8 compiling the hot paths and
  // growing its heap (they read 10-20 % low), which a worker playing for minutes has long done.
  for (let warmup = 0; warmup < WARMUP_RUNS; warmup++) measure();
  return median(repeat(runs, measure));
}

/** p95 of seek latency to random points of a long run with writes (median over `runs`). */
export function seekMsP95(runs: number, runLengthMs: number, seeks: number): number {
  const scenario = steadyWrites(Math.min(runLengthMs, 60_000));
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

/** Swarm seeds (the CI swarm's kind, invariants checked after every event) per second. */
export function swarmSeedsPerSecond(runs: number, seeds: number): number {
  return median(repeat(runs, () => {
    const start = performance.now();
    for (let seed = 1; seed <= seeds; seed++) {
      const result = runWorldSwarmSeed(seed);
      if (result.violations.length > 0 || result.convergedAfterMs === null) throw new Error(`swarm seed ${seed} failed: ${JSON.stringify(result.violations.slice(0, 1))}`);
    }
    return Math.round((seeds / ((performance.now() - start) / 1000)) * 10) / 10;
  }));
}
