// Virtual time and the event queue: a binary min-heap ordered by (timeMs, seq).
// seq is a global counter, so two events at the same millisecond run in the order they were
// scheduled: the tie-break is explicit, never left to the heap's internal layout.
import { markElementsImmutable } from './clone';

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

// The heap's layout is part of the state (snapshots copy it; fingerprints hash the events in
// run order instead, see queuedInOrder), so the algorithm stays a plain binary heap. What makes it fast is a mirror of every entry's
// (timeMs, seq) in one typed array beside it: comparisons read that contiguous memory instead of
// chasing thousands of event objects. The mirror hangs off the queue by a non-enumerable symbol
// key, so clones, JSON and fingerprints never see it; a copy of the queue (a snapshot, a
// restore) has none, and the first operation on it rebuilds it from the heap.
const MIRROR: unique symbol = Symbol('heap keys');

interface KeyMirror {
  /** The heap array mirrored: a queue whose heap was replaced gets a fresh mirror. */
  heap: readonly Scheduled[];
  /** Entries mirrored; a heap changed behind the scheduler's back has another length. */
  size: number;
  /** keys[2i] = heap[i].timeMs, keys[2i + 1] = heap[i].seq. */
  keys: Float64Array;
}

function mirrorOf(queue: SchedulerState<Scheduled>): KeyMirror {
  const heap = queue.heap;
  const existing = (queue as { [MIRROR]?: KeyMirror })[MIRROR];
  if (existing !== undefined && existing.heap === heap && existing.size === heap.length) return existing;
  // An event is never changed once queued: copies of the queue share it (the heap is copied
  // shallowly). Marked here, where a heap the scheduler has not seen yet is first taken over.
  markElementsImmutable(heap);
  const keys = new Float64Array(Math.max(64, heap.length * 4));
  for (let index = 0; index < heap.length; index++) {
    keys[2 * index] = heap[index]!.timeMs;
    keys[2 * index + 1] = heap[index]!.seq;
  }
  const mirror: KeyMirror = { heap, size: heap.length, keys };
  Object.defineProperty(queue, MIRROR, { value: mirror, writable: true, configurable: true, enumerable: false });
  return mirror;
}

/** Adds an event (its seq is assigned here) and returns it. */
export function schedule<E extends Scheduled>(queue: SchedulerState<E>, event: Unsequenced<E>): E {
  if (!Number.isInteger(event.timeMs) || event.timeMs < 0) {
    throw new RangeError(`schedule: time must be a non-negative integer, got ${event.timeMs}`);
  }
  // The caller's object becomes the queue entry (no copy: this is the hottest path of a run).
  const full = event as unknown as E;
  full.seq = queue.nextSeq++;
  return insert(queue, full);
}

/** Adds an event that was given its seq earlier (a seq this queue reserved and handed out, not
 * yet used by any other event): it takes its place among the others by (timeMs, seq) exactly as
 * if it had been scheduled then. Lets a long, fixed series of events wait outside the heap. */
export function scheduleSequenced<E extends Scheduled>(queue: SchedulerState<E>, event: E): E {
  if (!Number.isInteger(event.timeMs) || event.timeMs < 0 || !(event.seq < queue.nextSeq)) {
    throw new RangeError(`scheduleSequenced: bad time ${event.timeMs} or seq ${event.seq} (next ${queue.nextSeq})`);
  }
  return insert(queue, event);
}

/** Reserves `count` seqs for events scheduled later with scheduleSequenced; returns the first. */
export function reserveSeqs(queue: SchedulerState<Scheduled>, count: number): number {
  const first = queue.nextSeq;
  queue.nextSeq += count;
  return first;
}

/** The queue's logical content: its events in the order they will run, whatever the heap's
 * layout (what a fingerprint should see: two queues holding the same events are equal). */
export function queuedInOrder<E extends Scheduled>(queue: SchedulerState<E>): E[] {
  return queue.heap.slice().sort((left, right) => (before(left, right) ? -1 : 1));
}

function insert<E extends Scheduled>(queue: SchedulerState<E>, full: E): E {
  const mirror = mirrorOf(queue);
  // Sift up by moving a hole rather than swapping: the same layout, fewer writes.
  const heap = queue.heap;
  const timeMs = full.timeMs;
  const seq = full.seq;
  let keys = mirror.keys;
  let index = heap.length;
  if (2 * index + 2 > keys.length) {
    const grown = new Float64Array(keys.length * 2);
    grown.set(keys);
    keys = mirror.keys = grown;
  }
  heap.push(full);
  mirror.size = heap.length;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    const parentTime = keys[2 * parent]!;
    if (timeMs > parentTime || (timeMs === parentTime && seq > keys[2 * parent + 1]!)) break;
    heap[index] = heap[parent]!;
    keys[2 * index] = parentTime;
    keys[2 * index + 1] = keys[2 * parent + 1]!;
    index = parent;
  }
  heap[index] = full;
  keys[2 * index] = timeMs;
  keys[2 * index + 1] = seq;
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
  const mirror = mirrorOf(queue);
  const top = heap[0]!;
  const last = heap.pop()!;
  const length = heap.length;
  mirror.size = length;
  if (length > 0) siftDown(heap, mirror.keys, last, length);
  return top;
}

/** Puts `moving` (the former last entry) at the root and sifts it down. A hole moves down, as
 * a swap-based sift would move the entry: the resulting layout is the same. */
function siftDown<E extends Scheduled>(heap: E[], keys: Float64Array, moving: E, length: number): void {
  const timeMs = keys[2 * length]!;
  const seq = keys[2 * length + 1]!;
  let index = 0;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= length) break;
    let child = left;
    let childTime = keys[2 * left]!;
    let childSeq = keys[2 * left + 1]!;
    const right = left + 1;
    if (right < length) {
      const rightTime = keys[2 * right]!;
      const rightSeq = keys[2 * right + 1]!;
      if (rightTime < childTime || (rightTime === childTime && rightSeq < childSeq)) {
        child = right;
        childTime = rightTime;
        childSeq = rightSeq;
      }
    }
    if (!(childTime < timeMs || (childTime === timeMs && childSeq < seq))) break;
    heap[index] = heap[child]!;
    keys[2 * index] = childTime;
    keys[2 * index + 1] = childSeq;
    index = child;
  }
  heap[index] = moving;
  keys[2 * index] = timeMs;
  keys[2 * index + 1] = seq;
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
