import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScheduler, pop, removeWhere, schedule, type Scheduled } from './scheduler';

interface Tagged extends Scheduled { tag: number }

describe('scheduler', () => {
  it('pops by time, then by scheduling order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
      const queue = createScheduler<Tagged>();
      times.forEach((timeMs, tag) => schedule(queue, { timeMs, tag }));
      const popped: Tagged[] = [];
      for (let event = pop(queue); event; event = pop(queue)) popped.push(event);
      const expected = times.map((timeMs, tag) => ({ timeMs, tag })).sort((a, b) => a.timeMs - b.timeMs || a.tag - b.tag);
      return JSON.stringify(popped.map((e) => [e.timeMs, e.tag])) === JSON.stringify(expected.map((e) => [e.timeMs, e.tag]));
    }));
  });

  it('removes matching events and keeps the order of the rest', () => {
    const queue = createScheduler<Tagged>();
    [5, 1, 3, 1, 9].forEach((timeMs, tag) => schedule(queue, { timeMs, tag }));
    expect(removeWhere(queue, (event) => event.tag % 2 === 0).map((e) => e.tag).sort()).toEqual([0, 2, 4]);
    expect([pop(queue)?.tag, pop(queue)?.tag, pop(queue)]).toEqual([1, 3, undefined]);
  });

  it('refuses a time that is not a non-negative integer', () => {
    const queue = createScheduler<Tagged>();
    expect(() => schedule(queue, { timeMs: 1.5, tag: 0 })).toThrow(RangeError);
    expect(() => schedule(queue, { timeMs: -1, tag: 0 })).toThrow(RangeError);
  });
});
