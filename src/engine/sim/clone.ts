// Deep copy of plain data (objects, arrays, primitives). Engine state is plain data by design,
// so a snapshot is a copy; the engine's ES-only lib has no structuredClone.

// Values that are never changed once made (a logged txn, a snapshot on a server's disk) are
// shared between copies instead of copied: snapshots of a long run stay small. Marking is a
// promise by the code that makes the value; equal JSON either way, so fingerprints agree.
// The mark is a symbol-keyed property: invisible to for-in, JSON and structured clone, and far
// cheaper than a WeakSet on the hot path.
const IMMUTABLE: unique symbol = Symbol('immutable');

/** Marks a plain-data value as never mutated from now on; returns it. A value already marked is
 * left as it is (a txn log entry is marked when queued and again when fsynced): adding the
 * property is what costs, reading it is cheap. */
export function markImmutable<T extends object>(value: T): T {
  if ((value as { [IMMUTABLE]?: true })[IMMUTABLE] !== true) (value as { [IMMUTABLE]?: true })[IMMUTABLE] = true;
  return value;
}

// An array whose elements are all never mutated (the event queue's heap: each event is fixed
// once queued) is marked once instead of each element: its copy is a shallow one, marked alike.
const ELEMENTS_IMMUTABLE: unique symbol = Symbol('immutable elements');

/** Marks an array whose elements are never mutated, now or once added to it; returns it. The
 * array itself may change (push, pop, reorder): only its elements are shared between copies. */
export function markElementsImmutable<T extends unknown[]>(array: T): T {
  (array as { [ELEMENTS_IMMUTABLE]?: true })[ELEMENTS_IMMUTABLE] = true;
  return array;
}

/** Returns a deep copy of a plain-data value (sharing values marked immutable). */
export function clonePlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if ((value as { [IMMUTABLE]?: true })[IMMUTABLE] === true) return value;
  if (Array.isArray(value)) {
    if ((value as { [ELEMENTS_IMMUTABLE]?: true })[ELEMENTS_IMMUTABLE] === true) return markElementsImmutable(value.slice()) as T;
    const copy = new Array(value.length);
    for (let index = 0; index < value.length; index++) copy[index] = clonePlain(value[index]);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    copy[key] = clonePlain((value as Record<string, unknown>)[key]);
  }
  return copy as T;
}
