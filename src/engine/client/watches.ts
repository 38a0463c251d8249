// The client's own watch tables (ZKWatchManager): which registrations a notification fires and
// consumes. Each registration remembers the op that made it, for the output's firedWatchesOfOps.
import type { WatchEventType } from '../server/txn';
import type { WatchPaths } from './packets';

type Table = { [path: string]: number[] };

export interface ClientWatchTable {
  data: Table;
  exist: Table;
  child: Table;
  persistent: Table;
  persistentRecursive: Table;
}

export function createClientWatchTable(): ClientWatchTable {
  return { data: {}, exist: {}, child: {}, persistent: {}, persistentRecursive: {} };
}

/** Remembers that op `opIndex` set a watch of `kind` on `path`. */
export function registerWatch(table: ClientWatchTable, kind: keyof ClientWatchTable, path: string, opIndex: number): void {
  const list = table[kind][path] ?? (table[kind][path] = []);
  if (!list.includes(opIndex)) list.push(opIndex);
}

function take(table: Table, path: string): number[] {
  const list = table[path] ?? [];
  delete table[path];
  return list;
}

function ancestorsOrSelf(path: string): string[] {
  const out = [path];
  let current = path;
  while (current !== '/') {
    const cut = current.lastIndexOf('/');
    current = cut === 0 ? '/' : current.slice(0, cut);
    out.push(current);
  }
  return out;
}

/** ZKWatchManager.materialize: the ops whose watches this event fires (one-time ones consumed). */
export function materialize(table: ClientWatchTable, event: WatchEventType, path: string): number[] {
  const fired: number[] = [];
  switch (event) {
    case 'NodeCreated':
    case 'NodeDataChanged':
      fired.push(...take(table.data, path), ...take(table.exist, path));
      break;
    case 'NodeChildrenChanged':
      fired.push(...take(table.child, path));
      break;
    case 'NodeDeleted':
      fired.push(...take(table.data, path), ...take(table.exist, path), ...take(table.child, path));
      break;
  }
  fired.push(...(table.persistent[path] ?? []));
  if (event !== 'NodeChildrenChanged') {
    for (const ancestor of ancestorsOrSelf(path)) fired.push(...(table.persistentRecursive[ancestor] ?? []));
  }
  return [...new Set(fired)].sort((a, b) => a - b);
}

/** The paths to re-register after a reconnect (ClientCnxn.primeConnection). */
export function watchPaths(table: ClientWatchTable): WatchPaths {
  const keys = (t: Table) => Object.keys(t).sort();
  return { data: keys(table.data), exist: keys(table.exist), child: keys(table.child), persistent: keys(table.persistent), persistentRecursive: keys(table.persistentRecursive) };
}

/** True when the handle holds any watch (so it must send SetWatches on reconnect). */
export function hasWatches(table: ClientWatchTable): boolean {
  return Object.values(table).some((t) => Object.keys(t).length > 0);
}

/** What removeWatches took away: the event each removed registration's watcher gets, with the
 * ops that made them (ZKWatchManager.removeWatcher: child -> ChildWatchRemoved, data and exist ->
 * DataWatchRemoved, persistent and persistent-recursive -> PersistentWatchRemoved). */
export type RemovedWatches = { event: 'ChildWatchRemoved' | 'DataWatchRemoved' | 'PersistentWatchRemoved'; fired: number[] }[];

/** Drops registrations removed with removeWatches and reports them (empty kinds left out). */
export function forgetWatches(table: ClientWatchTable, path: string, type: 'Children' | 'Data' | 'Any' | 'Persistent' | 'PersistentRecursive'): RemovedWatches {
  const child = type === 'Children' || type === 'Any' ? take(table.child, path) : [];
  const data = type === 'Data' || type === 'Any' ? [...take(table.data, path), ...take(table.exist, path)] : [];
  const persistent = [
    ...(type === 'Persistent' || type === 'Any' ? take(table.persistent, path) : []),
    ...(type === 'PersistentRecursive' || type === 'Any' ? take(table.persistentRecursive, path) : []),
  ];
  const removed: RemovedWatches = [];
  const sorted = (ops: number[]): number[] => [...new Set(ops)].sort((a, b) => a - b);
  if (child.length > 0) removed.push({ event: 'ChildWatchRemoved', fired: sorted(child) });
  if (data.length > 0) removed.push({ event: 'DataWatchRemoved', fired: sorted(data) });
  if (persistent.length > 0) removed.push({ event: 'PersistentWatchRemoved', fired: sorted(persistent) });
  return removed;
}
