import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clonePlain } from './clone';
import { createScheduler, pop, queuedInOrder, removeWhere, reserveSeqs, schedule, scheduleSequenced, type Scheduled } from './scheduler';

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

  it('a copy of the queue (a snapshot) pops the same events as the original, sharing them', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 120 }), fc.nat(), (times, cut) => {
      const queue = createScheduler<Tagged>();
      times.forEach((timeMs, tag) => schedule(queue, { timeMs, tag }));
      for (let index = 0; index < cut % times.length; index++) pop(queue);
      const copy = clonePlain(queue);
      if (JSON.stringify(copy) !== JSON.stringify(queue)) return false;
      if (copy.heap.some((event, index) => event !== queue.heap[index])) return false;
      // Both go on independently: the copy's own bookkeeping is rebuilt from its heap.
      schedule(copy, { timeMs: 25, tag: -1 });
      schedule(queue, { timeMs: 25, tag: -1 });
      const drain = (target: typeof queue) => {
        const tags: number[] = [];
        for (let event = pop(target); event; event = pop(target)) tags.push(event.tag);
        return tags.join(',');
      };
      return drain(copy) === drain(queue);
    }));
  });

  it('events given reserved seqs and fed in one at a time pop exactly as if all were queued at once', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }), (fed, others) => {
      // All at once: the fed series first (lower seqs), then the others.
      const whole = createScheduler<Tagged>();
      fed.forEach((timeMs, tag) => schedule(whole, { timeMs, tag }));
      others.forEach((timeMs, index) => schedule(whole, { timeMs, tag: 1000 + index }));
      // Fed: seqs reserved up front, only the next of the series in the heap at any time.
      const lazy = createScheduler<Tagged>();
      const first = reserveSeqs(lazy, fed.length);
      const series = fed.map((timeMs, tag) => ({ timeMs, tag, seq: first + tag })).sort((a, b) => a.timeMs - b.timeMs || a.seq - b.seq);
      let next = 0;
      if (series.length > 0) scheduleSequenced(lazy, { ...series[next++]! });
      others.forEach((timeMs, index) => schedule(lazy, { timeMs, tag: 1000 + index }));
      const order = (queue: typeof whole, feed: boolean) => {
        const tags: number[] = [];
        for (let event = pop(queue); event; event = pop(queue)) {
          tags.push(event.tag);
          if (feed && event.tag < 1000 && next < series.length) scheduleSequenced(queue, { ...series[next++]! });
        }
        return tags.join(',');
      };
      return order(lazy, true) === order(whole, false);
    }));
  });

  it('its logical content does not depend on how the heap got there', () => {
    const times = [4, 2, 7, 2];
    const forward = createScheduler<Tagged>();
    times.forEach((timeMs, tag) => schedule(forward, { timeMs, tag }));
    // The same four events (times, seqs, tags) inserted in reverse order: another heap layout.
    const reversed = createScheduler<Tagged>();
    const first = reserveSeqs(reversed, times.length);
    for (let tag = times.length - 1; tag >= 0; tag--) scheduleSequenced(reversed, { timeMs: times[tag]!, tag, seq: first + tag });
    expect(JSON.stringify(reversed.heap)).not.toBe(JSON.stringify(forward.heap));
    expect(JSON.stringify(queuedInOrder(reversed))).toBe(JSON.stringify(queuedInOrder(forward)));
    expect(queuedInOrder(forward).map((event) => event.tag)).toEqual([1, 3, 0, 2]);
  });

  it('refuses a time that is not a non-negative integer', () => {
    const queue = createScheduler<Tagged>();
    expect(() => schedule(queue, { timeMs: 1.5, tag: 0 })).toThrow(RangeError);
    expect(() => schedule(queue, { timeMs: -1, tag: 0 })).toThrow(RangeError);
  });
});
