// One server's watch tables (DataTree.dataWatches / childWatches, each a WatchManager), as plain
// data. A watcher is a session: the server only knows the connection, so several watches a
// client set on one path collapse into one registration and one notification per change.
// Sources: server/watch/WatchManager.java (triggerWatch, addWatch, removeWatcher, WatchStats),
// DataTree.java (addWatch, setWatches, removeWatch, deleteNode's suppress set).

import { type AclId, PERM_READ, hasPermission } from './acl';
import { compareStrings, pathAndAncestors } from './path';
import { type DataTree, getNode } from './tree';
import type { WatchEventType, WatchTrigger } from './txn';

// WatcherMode flags (WatchStats): a session may hold several modes on one path.
export const MODE_STANDARD = 1;
export const MODE_PERSISTENT = 2;
export const MODE_PERSISTENT_RECURSIVE = 4;

/** One session's registration on one path in one table. */
export interface WatchEntry {
  sessionId: number;
  modes: number;
}

type WatchTable = { [path: string]: WatchEntry[] };

/** The watch state of one server. Entries per path are kept sorted by session id. */
export interface WatchManager {
  data: WatchTable;
  child: WatchTable;
  /**
   * Deliver an event only if the watcher may READ the node (CVE-2024-23944 fix: 3.8.4+, 3.9.2+,
   * and Debian's 3.8.0-11+deb12u2, the oracle's build, which backports it; NIOServerCnxn.process
   * checks READ on the node's ACL with the connection's auth ids). A filtered one-time watch is
   * still consumed. Off = upstream 3.8.0-3.8.3 (WatchManager.triggerWatch made no ACL check).
   */
  filterByReadAcl: boolean;
}

/** A notification to send to one session (WatcherEvent type, state SyncConnected, path). */
export interface WatchNotification {
  sessionId: number;
  path: string;
  event: WatchEventType;
  /** zxid of the triggering txn; -1 for synthetic SetWatches events. */
  zxid: number;
}

/** Watch kinds a read leaves (reads.ts readWatchKind). exist watches live in the data table. */
export type StandardWatchKind = 'data' | 'exist' | 'child';
/** addWatch modes (AddWatchMode). */
export type PersistentWatchMode = 'PERSISTENT' | 'PERSISTENT_RECURSIVE';
/** WatcherType of removeWatches. */
export type RemovableWatchType = 'Children' | 'Data' | 'Persistent' | 'PersistentRecursive' | 'Any';

/** An empty watch manager; READ filtering on by default, as on the oracle's server (see filterByReadAcl). */
export function createWatchManager(filterByReadAcl = true): WatchManager {
  return { data: {}, child: {}, filterByReadAcl };
}

function entriesAt(table: WatchTable, path: string): WatchEntry[] {
  return Object.prototype.hasOwnProperty.call(table, path) ? table[path] as WatchEntry[] : [];
}

// WatchManager.addWatch: add a mode to the session's entry, creating it in id order.
function addMode(table: WatchTable, path: string, sessionId: number, mode: number): void {
  const entries = entriesAt(table, path);
  const existing = entries.find((entry) => entry.sessionId === sessionId);
  if (existing !== undefined) {
    existing.modes |= mode;
    return;
  }
  entries.push({ sessionId, modes: mode });
  entries.sort((left, right) => left.sessionId - right.sessionId);
  table[path] = entries;
}

// WatchManager.removeWatcher(path, watcher, mode): true if something was removed. mode null = all.
function removeMode(table: WatchTable, path: string, sessionId: number, mode: number | null): boolean {
  const entries = entriesAt(table, path);
  const index = entries.findIndex((entry) => entry.sessionId === sessionId);
  const entry = entries[index];
  if (entry === undefined) return false;
  const remaining = mode === null ? 0 : entry.modes & ~mode;
  if (remaining === entry.modes) return false;
  if (remaining === 0) entries.splice(index, 1);
  else entry.modes = remaining;
  if (entries.length === 0) delete table[path];
  return true;
}

/** Register a one-time watch from a read (getData/exists -> data table, getChildren -> child table). */
export function addStandardWatch(manager: WatchManager, sessionId: number, path: string, kind: StandardWatchKind): void {
  addMode(kind === 'child' ? manager.child : manager.data, path, sessionId, MODE_STANDARD);
}

/** addWatch: PERSISTENT goes in both tables, PERSISTENT_RECURSIVE only in the data table (DataTree.addWatch). Works on missing paths. */
export function addPersistentWatch(manager: WatchManager, sessionId: number, path: string, mode: PersistentWatchMode): void {
  if (mode === 'PERSISTENT_RECURSIVE') {
    addMode(manager.data, path, sessionId, MODE_PERSISTENT_RECURSIVE);
    return;
  }
  addMode(manager.data, path, sessionId, MODE_PERSISTENT);
  addMode(manager.child, path, sessionId, MODE_PERSISTENT);
}

/** removeWatches (DataTree.removeWatch): OK when something was removed, else NOWATCHER (FinalRequestProcessor). */
export function removeWatches(manager: WatchManager, sessionId: number, path: string, type: RemovableWatchType): 'OK' | 'NOWATCHER' {
  let removed = false;
  if (type === 'Children') removed = removeMode(manager.child, path, sessionId, MODE_STANDARD);
  else if (type === 'Data') removed = removeMode(manager.data, path, sessionId, MODE_STANDARD);
  else if (type === 'PersistentRecursive') removed = removeMode(manager.data, path, sessionId, MODE_PERSISTENT_RECURSIVE);
  else {
    const mode = type === 'Persistent' ? MODE_PERSISTENT : null;
    const fromChild = removeMode(manager.child, path, sessionId, mode);
    const fromData = removeMode(manager.data, path, sessionId, mode);
    removed = fromChild || fromData;
  }
  return removed ? 'OK' : 'NOWATCHER';
}

/** Drop every watch of a session (connection closed, session closed or expired: DataTree.removeCnxn). */
export function removeSessionWatches(manager: WatchManager, sessionId: number): void {
  for (const table of [manager.data, manager.child]) {
    for (const path of Object.keys(table).sort(compareStrings)) removeMode(table, path, sessionId, null);
  }
}

/** Whether any watch is registered (when none is, triggerWatches changes nothing and returns []). */
export function hasWatches(manager: WatchManager): boolean {
  for (const _path in manager.data) return true;
  for (const _path in manager.child) return true;
  return false;
}

/** Auth ids per session (key String(sessionId)), for the READ filter on delivery. */
export type AuthIdsBySession = { [sessionKey: string]: AclId[] };

/**
 * Fire the watches for a txn's triggers (in order) and consume the one-time ones. Within one
 * trigger each session is notified at most once, in session id order (ZooKeeper uses a HashSet:
 * any order is faithful, this one is deterministic). NodeDeleted fires the data table, then the
 * child table with the data table's watchers suppressed (DataTree.deleteNode).
 */
export function triggerWatches(manager: WatchManager, triggers: readonly WatchTrigger[], authIds: AuthIdsBySession = {}): WatchNotification[] {
  const out: WatchNotification[] = [];
  for (const trigger of triggers) {
    const tables = trigger.event === 'NodeChildrenChanged' ? [manager.child]
      : trigger.event === 'NodeDeleted' ? [manager.data, manager.child] : [manager.data];
    const notified: number[] = [];
    for (const table of tables) {
      for (const sessionId of fireTable(table, trigger.path)) {
        if (notified.includes(sessionId)) continue;
        notified.push(sessionId);
        if (manager.filterByReadAcl && !hasPermission(trigger.acl, PERM_READ, authIds[String(sessionId)] ?? [])) continue;
        out.push({ sessionId, path: trigger.path, event: trigger.event, zxid: trigger.zxid });
      }
    }
  }
  return out;
}

// WatchManager.triggerWatch: every watcher on the path itself (one-time ones are consumed), plus
// PERSISTENT_RECURSIVE watchers on any ancestor. Returns sorted, distinct session ids.
function fireTable(table: WatchTable, path: string): number[] {
  const sessions: number[] = [];
  for (const localPath of pathAndAncestors(path)) {
    const atPath = localPath === path;
    for (const entry of entriesAt(table, localPath).slice()) {
      if (atPath || (entry.modes & MODE_PERSISTENT_RECURSIVE) !== 0) {
        if (!sessions.includes(entry.sessionId)) sessions.push(entry.sessionId);
      }
      if (atPath) removeMode(table, localPath, entry.sessionId, MODE_STANDARD);
    }
  }
  return sessions.sort((left, right) => left - right);
}

/** What a reconnecting client re-registers (SetWatches2), with its last seen zxid. */
export interface WatchesToRestore {
  relativeZxid: number;
  data: string[];
  exist: string[];
  child: string[];
  persistent: string[];
  persistentRecursive: string[];
}

/**
 * SetWatches on the server a client reconnected to (DataTree.setWatches): a watch whose node
 * changed since relativeZxid fires at once with a synthetic event instead of being re-armed;
 * persistent watches are re-added silently. Returns the immediate notifications in ZooKeeper's
 * order (data, exist, child lists, each in the given order).
 */
export function restoreWatches(manager: WatchManager, tree: DataTree, sessionId: number, lists: WatchesToRestore): WatchNotification[] {
  const out: WatchNotification[] = [];
  const say = (path: string, event: WatchEventType): void => { out.push({ sessionId, path, event, zxid: -1 }); };
  for (const path of lists.data) {
    const node = getNode(tree, path);
    if (node === undefined) say(path, 'NodeDeleted');
    else if (node.mzxid > lists.relativeZxid) say(path, 'NodeDataChanged');
    else addMode(manager.data, path, sessionId, MODE_STANDARD);
  }
  for (const path of lists.exist) {
    if (getNode(tree, path) !== undefined) say(path, 'NodeCreated');
    else addMode(manager.data, path, sessionId, MODE_STANDARD);
  }
  for (const path of lists.child) {
    const node = getNode(tree, path);
    if (node === undefined) say(path, 'NodeDeleted');
    else if (node.pzxid > lists.relativeZxid) say(path, 'NodeChildrenChanged');
    else addMode(manager.child, path, sessionId, MODE_STANDARD);
  }
  for (const path of lists.persistent) addPersistentWatch(manager, sessionId, path, 'PERSISTENT');
  for (const path of lists.persistentRecursive) addPersistentWatch(manager, sessionId, path, 'PERSISTENT_RECURSIVE');
  return out;
}

/** Paths a session watches, per table and mode, sorted (for views and tests). */
export function watchesOfSession(manager: WatchManager, sessionId: number): { data: WatchEntryView[]; child: WatchEntryView[] } {
  const list = (table: WatchTable): WatchEntryView[] => Object.keys(table).sort(compareStrings)
    .flatMap((path) => entriesAt(table, path).filter((entry) => entry.sessionId === sessionId).map((entry) => ({ path, modes: entry.modes })));
  return { data: list(manager.data), child: list(manager.child) };
}

export interface WatchEntryView {
  path: string;
  modes: number;
}

/** True when the session has a watch of this type on the path (DataTree.containsWatcher, for checkWatches). */
export function hasWatch(manager: WatchManager, sessionId: number, path: string, type: RemovableWatchType): boolean {
  const modesIn = (table: WatchTable): number => entriesAt(table, path).find((entry) => entry.sessionId === sessionId)?.modes ?? 0;
  if (type === 'Children') return (modesIn(manager.child) & MODE_STANDARD) !== 0;
  if (type === 'Data') return (modesIn(manager.data) & MODE_STANDARD) !== 0;
  if (type === 'Persistent') return (modesIn(manager.data) & MODE_PERSISTENT) !== 0;
  if (type === 'PersistentRecursive') return (modesIn(manager.data) & MODE_PERSISTENT_RECURSIVE) !== 0;
  return modesIn(manager.child) !== 0 || modesIn(manager.data) !== 0;
}
