// Deep copy of plain data (objects, arrays, primitives). Engine state is plain data by design,
// so a snapshot is a copy; the engine's ES-only lib has no structuredClone.

/** Returns a deep copy of a plain-data value. */
export function clonePlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
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
