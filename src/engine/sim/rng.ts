// A seeded PRNG with an integer API (sfc32), split into named streams.
// Why integers: probabilities are ratios (numerator/denominator), so a run is bit-identical on
// every JavaScript engine; the platform's float generator is neither seeded nor portable.

/** The whole generator state: four 32-bit words. Plain data, so it snapshots by copy. */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** FNV-1a over a string: turns a stream name into 32 bits. */
export function hashString32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** splitmix32 step: spreads a seed's bits so nearby seeds give unrelated streams. */
function splitmix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Creates the stream `name` of the run seeded with `seed`; streams never share state. */
export function createRng(seed: number, name: string): RngState {
  const base = (seed >>> 0) ^ hashString32(name);
  let mixed = base;
  const words: number[] = [];
  for (let index = 0; index < 4; index++) {
    mixed = splitmix32(mixed + index);
    words.push(mixed);
  }
  const rng: RngState = { a: words[0]!, b: words[1]!, c: words[2]!, d: words[3]! | 1 };
  for (let warmup = 0; warmup < 12; warmup++) nextUint32(rng);
  return rng;
}

/** Advances the stream and returns an integer in [0, 2^32). */
export function nextUint32(rng: RngState): number {
  const t = (((rng.a + rng.b) | 0) + rng.d) | 0;
  rng.d = (rng.d + 1) | 0;
  rng.a = rng.b ^ (rng.b >>> 9);
  rng.b = (rng.c + (rng.c << 3)) | 0;
  rng.c = (rng.c << 21) | (rng.c >>> 11);
  rng.c = (rng.c + t) | 0;
  return t >>> 0;
}

let lastSpan = 0;
let lastLimit = 0;

/** An integer uniformly drawn from [minInclusive, maxInclusive], without modulo bias. */
export function intInRange(rng: RngState, minInclusive: number, maxInclusive: number): number {
  if (!Number.isInteger(minInclusive) || !Number.isInteger(maxInclusive) || maxInclusive < minInclusive) {
    throw new RangeError(`intInRange: bad range [${minInclusive}, ${maxInclusive}]`);
  }
  const span = maxInclusive - minInclusive + 1;
  if (span === 1) return minInclusive;
  if (span > 0x100000000) throw new RangeError('intInRange: span above 2^32');
  // The rejection limit depends on the span only; most draws in a run share one span (the
  // network latency range), so the last one is remembered (a pure function: no hidden state).
  if (span !== lastSpan) {
    lastSpan = span;
    lastLimit = 0x100000000 - (0x100000000 % span);
  }
  const limit = lastLimit;
  for (let attempt = 0; attempt < 64; attempt++) {
    const value = nextUint32(rng);
    if (value < limit) return minInclusive + (value % span);
  }
  return minInclusive + (nextUint32(rng) % span);
}

/** True with probability numerator/denominator (integers; 0 <= numerator <= denominator). */
export function chance(rng: RngState, numerator: number, denominator: number): boolean {
  if (numerator <= 0) return false;
  if (numerator >= denominator) return true;
  return intInRange(rng, 0, denominator - 1) < numerator;
}

/** Picks one element of a non-empty array. */
export function pick<T>(rng: RngState, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick: empty array');
  return items[intInRange(rng, 0, items.length - 1)]!;
}
