// Small statistics for benchmarks: medians and percentiles over repeated runs.

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Runs `measure` `runs` times and returns every result. */
export function repeat(runs: number, measure: () => number): number[] {
  return Array.from({ length: runs }, measure);
}
