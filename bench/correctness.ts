// Benchmarks of the recipes and the checkers: the herd effect (watch notifications per lock
// release) and the linearizability checker on a 10,000-operation history.
import { performance } from 'node:perf_hooks';
import { linearizability10kMs } from '../src/engine/check/linearizability-bench';
import { herdNotificationsPerRelease } from '../src/engine/recipes/herd';
import { median, repeat } from './stats';

/** Notifications per release for 10, 100 and 1,000 waiters, the recipe against the naive lock. */
export function herdFigures(runs: number, sizes: readonly number[]): { recipe: Record<string, number>; naive: Record<string, number> } {
  const figures = { recipe: {} as Record<string, number>, naive: {} as Record<string, number> };
  for (const waiters of sizes) {
    figures.recipe[String(waiters)] = median(repeat(runs, () => herdNotificationsPerRelease(waiters, 'lock')));
    figures.naive[String(waiters)] = median(repeat(runs, () => herdNotificationsPerRelease(waiters, 'naive-lock')));
  }
  return figures;
}

/** ms to check a 10,000-operation history (median over runs). */
export function linearizabilityMs(runs: number): number {
  return Math.round(median(repeat(runs, () => linearizability10kMs(() => performance.now()))) * 10) / 10;
}
