// Structural sharing between consecutive views: parts that did not change keep their previous
// object identity, so React components that select them (server 2, the network, the message set)
// do not re-render on every batch. Views are small plain data, so a deep compare is cheap.
import type { MessageView, WorldView } from '../../engine/world/view';

/** Deep equality of plain JSON-like data. */
export function plainEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left)) {
    const other = right as unknown[];
    if (left.length !== other.length) return false;
    for (let index = 0; index < left.length; index++) if (!plainEqual(left[index], other[index])) return false;
    return true;
  }
  const leftKeys = Object.keys(left);
  const rightRecord = right as Record<string, unknown>;
  if (leftKeys.length !== Object.keys(rightRecord).length) return false;
  for (const key of leftKeys) {
    if (!(key in rightRecord) || !plainEqual((left as Record<string, unknown>)[key], rightRecord[key])) return false;
  }
  return true;
}

function keepList<T>(previous: readonly T[] | undefined, next: T[], same: (a: T, b: T) => boolean): T[] {
  if (!previous) return next;
  let changed = previous.length !== next.length;
  const merged = next.map((item, index) => {
    const old = previous[index];
    if (old !== undefined && same(old, item)) return old;
    changed = true;
    return item;
  });
  return changed ? merged : (previous as T[]);
}

const sameMessage = (a: MessageView, b: MessageView): boolean =>
  a.id === b.id && a.label === b.label && a.from === b.from && a.to === b.to && a.sendTimeMs === b.sendTimeMs &&
  a.deliverTimeMs === b.deliverTimeMs && a.dropped === b.dropped && a.control === b.control;

/** `next`, reusing every part of `previous` that is unchanged. */
export function reconcileView(previous: WorldView | null, next: WorldView): WorldView {
  if (!previous) return next;
  return {
    ...next,
    servers: keepList(previous.servers, next.servers, plainEqual),
    clients: keepList(previous.clients, next.clients, plainEqual),
    znodes: keepList(previous.znodes, next.znodes, plainEqual),
    messages: keepList(previous.messages, next.messages, sameMessage),
    network: plainEqual(previous.network, next.network) ? previous.network : next.network,
    // Recipe actors (the Recipes tab): unchanged ones keep their identity too.
    ...(next.actors ? { actors: keepList(previous.actors, next.actors, plainEqual) } : {}),
  };
}
