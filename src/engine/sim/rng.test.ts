import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chance, createRng, intInRange, nextUint32 } from './rng';

describe('rng', () => {
  it('gives the same sequence for the same seed and stream', () => {
    const first = createRng(42, 'network');
    const second = createRng(42, 'network');
    const a = Array.from({ length: 100 }, () => nextUint32(first));
    const b = Array.from({ length: 100 }, () => nextUint32(second));
    expect(a).toEqual(b);
  });

  it('keeps named streams apart: another stream or seed gives another sequence', () => {
    const base = Array.from({ length: 8 }, ((rng) => () => nextUint32(rng))(createRng(1, 'network')));
    const otherStream = Array.from({ length: 8 }, ((rng) => () => nextUint32(rng))(createRng(1, 'timers')));
    const otherSeed = Array.from({ length: 8 }, ((rng) => () => nextUint32(rng))(createRng(2, 'network')));
    expect(otherStream).not.toEqual(base);
    expect(otherSeed).not.toEqual(base);
  });

  it('draws integers inside the range, covering both ends', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 50 }), (seed, low, span) => {
      const rng = createRng(seed, 'x');
      for (let i = 0; i < 50; i++) {
        const value = intInRange(rng, low, low + span);
        if (value < low || value > low + span || !Number.isInteger(value)) return false;
      }
      return true;
    }));
    const rng = createRng(7, 'ends');
    const seen = new Set(Array.from({ length: 200 }, () => intInRange(rng, 0, 3)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it('chance follows its ratio', () => {
    const rng = createRng(3, 'chance');
    let hits = 0;
    for (let i = 0; i < 20_000; i++) if (chance(rng, 1, 4)) hits++;
    expect(hits / 20_000).toBeGreaterThan(0.23);
    expect(hits / 20_000).toBeLessThan(0.27);
    expect(chance(rng, 0, 10)).toBe(false);
    expect(chance(rng, 10, 10)).toBe(true);
  });

  it('rejects a bad range', () => {
    expect(() => intInRange(createRng(1, 'x'), 5, 4)).toThrow(RangeError);
  });
});
