// Virtual time and the event queue: a binary min-heap ordered by (timeMs, seq).
// seq is a global counter, so two events at the same millisecond run in the order they were
// scheduled: the tie-break is explicit, never left to the heap's internal layout.
import { markImmutable } from './clone';

/** Anything the queue can hold: it only needs a time and a sequence number. */
export interface Scheduled {
  timeMs: number;
  seq: number;
}

/** The queue as plain data: the heap array plus the next sequence number. */
export interface SchedulerState<E extends Scheduled> {
  heap: E[];
  nextSeq: number;
}

/** An event before the queue gives it a sequence number (distributes over unions). */
export type Unsequenced<E> = E extends Scheduled ? Omit<E, 'seq'> : never;

/** An empty queue. */
export function createScheduler<E extends Scheduled>(): SchedulerState<E> {
  return { heap: [], nextSeq: 0 };
}

function before(left: Scheduled, right: Scheduled): boolean {
  return left.timeMs < right.timeMs || (left.timeMs === right.timeMs && left.seq < right.seq);
}

/** Adds an event (its seq is assigned here) and returns it. */
export function schedule<E extends Scheduled>(queue: SchedulerState<E>, event: Unsequenced<E>): E {
  if (!Number.isInteger(event.timeMs) || event.timeMs < 0) {
    throw new RangeError(`schedule: time must be a non-negative integer, got ${event.timeMs}`);
  }
  // The caller's object becomes the queue entry (no copy: this is the hottest path of a run).
  const full = event as unknown as E;
  full.seq = queue.nextSeq++;
  // An event is never changed once queued: snapshots of the queue share it.
  markImmutable(full);
  const heap = queue.heap;
  heap.push(full);
  let index = heap.length - 1;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (!before(heap[index]!, heap[parent]!)) break;
    [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
    index = parent;
  }
  return full;
}

/** The earliest event, without removing it. */
export function peek<E extends Scheduled>(queue: SchedulerState<E>): E | undefined {
  return queue.heap[0];
}

/** Removes and returns the earliest event. */
export function pop<E extends Scheduled>(queue: SchedulerState<E>): E | undefined {
  const heap = queue.heap;
  if (heap.length === 0) return undefined;
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    siftDown(heap, 0);
  }
  return top;
}

function siftDown<E extends Scheduled>(heap: E[], start: number): void {
  let index = start;
  for (;;) {
    const left = 2 * index + 1;
    const right = left + 1;
    let smallest = index;
    if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
    if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
    if (smallest === index) return;
    [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
    index = smallest;
  }
}

/** Removes every event matching the predicate (rare: a crash cancels its node's timers). */
export function removeWhere<E extends Scheduled>(queue: SchedulerState<E>, predicate: (event: E) => boolean): E[] {
  const removed = queue.heap.filter(predicate);
  if (removed.length === 0) return removed;
  const kept = queue.heap.filter((event) => !predicate(event));
  kept.sort((left, right) => (before(left, right) ? -1 : 1));
  queue.heap = kept;
  return removed;
}
