// Deep copy of plain data (objects, arrays, primitives). Engine state is plain data by design,
// so a snapshot is a copy; the engine's ES-only lib has no structuredClone.

// Values that are never changed once made (a logged txn, a snapshot on a server's disk) are
// shared between copies instead of copied: snapshots of a long run stay small. Marking is a
// promise by the code that makes the value; equal JSON either way, so fingerprints agree.
// The mark is a symbol-keyed property: invisible to for-in, JSON and structured clone, and far
// cheaper than a WeakSet on the hot path.
const IMMUTABLE: unique symbol = Symbol('immutable');

/** Marks a plain-data value as never mutated from now on; returns it. */
export function markImmutable<T extends object>(value: T): T {
  (value as { [IMMUTABLE]?: true })[IMMUTABLE] = true;
  return value;
}

/** Returns a deep copy of a plain-data value (sharing values marked immutable). */
export function clonePlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if ((value as { [IMMUTABLE]?: true })[IMMUTABLE] === true) return value;
  if (Array.isArray(value)) {
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
