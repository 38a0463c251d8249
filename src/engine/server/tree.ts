// The replicated data tree as plain data (ZooKeeper's DataTree + DataNode + StatPersisted).
// Every server holds one; the leader also keeps a speculative copy for prep (cloneTree).

import { type Acl, OPEN_ACL_UNSAFE, READ_ACL_UNSAFE, copyAcl } from './acl';
import type { NodeKind } from './createMode';
import { type JavaHashSet, addToJavaHashSet, cloneJavaHashSet, copyJavaHashSet, javaHashSetIteration, newJavaHashSet, removeFromJavaHashSet } from './javaHash';
import { compareStrings } from './path';

/** One znode. `cversion` is the STORED value (number of child creates), see stat.ts for the visible one. */
export interface ZNode {
  data: string | null;
  acl: Acl[];
  czxid: number;
  mzxid: number;
  pzxid: number;
  ctimeMs: number;
  mtimeMs: number;
  version: number;
  cversion: number;
  aversion: number;
  kind: NodeKind;
  /** Owning session for kind "ephemeral", else 0. */
  ephemeralOwner: number;
  /** TTL for kind "ttl", else 0. */
  ttlMs: number;
  /** Child names, kept sorted (code-unit order). */
  children: string[];
}

/** A session as the replicated database knows it (ZKDatabase.sessionsWithTimeouts). */
export interface SessionRecord {
  sessionId: number;
  timeoutMs: number;
}

/** The whole tree of one server. Keys of `nodes` are absolute paths; keys of `sessions` and `ephemerals` are String(sessionId). */
export interface DataTree {
  nodes: { [path: string]: ZNode };
  sessions: { [sessionKey: string]: SessionRecord };
  /**
   * DataTree.ephemerals: each session's ephemeral paths as the Java HashSet it is (javaHash.ts),
   * because its iteration order decides the order a closing session's ephemerals are deleted in.
   * A set stays (maybe empty) after its last ephemeral is deleted, until the session ends.
   */
  ephemerals: { [sessionKey: string]: JavaHashSet };
  lastProcessedZxid: number;
}

export const ROOT_PATH = '/';
export const ZOOKEEPER_PATH = '/zookeeper';
export const QUOTA_PATH = '/zookeeper/quota';
export const CONFIG_PATH = '/zookeeper/config';

/** A fresh tree: /, /zookeeper, /zookeeper/quota, /zookeeper/config, all with zeroed stats (DataTree constructor). */
export function createTree(configData = ''): DataTree {
  const tree: DataTree = { nodes: {}, sessions: {}, ephemerals: {}, lastProcessedZxid: 0 };
  tree.nodes[ROOT_PATH] = systemNode(['zookeeper'], OPEN_ACL_UNSAFE);
  tree.nodes[ZOOKEEPER_PATH] = systemNode(['config', 'quota'], OPEN_ACL_UNSAFE);
  tree.nodes[QUOTA_PATH] = systemNode([], OPEN_ACL_UNSAFE);
  // DataTree.addConfigNode: empty data, then setACL(READ_ACL_UNSAFE, version -1) stores aversion -1.
  const config = systemNode([], READ_ACL_UNSAFE);
  config.aversion = -1;
  config.data = configData;
  tree.nodes[CONFIG_PATH] = config;
  return tree;
}

// System nodes start with empty (not null) data and an all-zero StatPersisted.
function systemNode(children: string[], acl: readonly Acl[]): ZNode {
  return {
    data: '', acl: copyAcl(acl), czxid: 0, mzxid: 0, pzxid: 0, ctimeMs: 0, mtimeMs: 0,
    version: 0, cversion: 0, aversion: 0, kind: 'persistent', ephemeralOwner: 0, ttlMs: 0, children,
  };
}

/** Replace /zookeeper/config's data without a txn (initial dynamic config of a new ensemble). */
export function setConfigData(tree: DataTree, configData: string): void {
  const config = tree.nodes[CONFIG_PATH];
  if (config !== undefined) config.data = configData;
}

/** The node at `path`, or undefined. */
export function getNode(tree: DataTree, path: string): ZNode | undefined {
  return Object.prototype.hasOwnProperty.call(tree.nodes, path) ? tree.nodes[path] : undefined;
}

/** Deep copy (for the leader's speculative tree and for snapshots). */
export function cloneTree(tree: DataTree): DataTree {
  const nodes: { [path: string]: ZNode } = {};
  for (const path of Object.keys(tree.nodes).sort(compareStrings)) {
    const node = tree.nodes[path] as ZNode;
    nodes[path] = { ...node, acl: copyAcl(node.acl), children: node.children.slice() };
  }
  const sessions: { [sessionKey: string]: SessionRecord } = {};
  for (const key of Object.keys(tree.sessions).sort(compareStrings)) {
    const record = tree.sessions[key] as SessionRecord;
    sessions[key] = { sessionId: record.sessionId, timeoutMs: record.timeoutMs };
  }
  const ephemerals: { [sessionKey: string]: JavaHashSet } = {};
  for (const key of Object.keys(tree.ephemerals).sort(compareStrings)) ephemerals[key] = copyJavaHashSet(tree.ephemerals[key] as JavaHashSet);
  return { nodes, sessions, ephemerals, lastProcessedZxid: tree.lastProcessedZxid };
}

/** All paths in sorted order. */
export function sortedPaths(tree: DataTree): string[] {
  return Object.keys(tree.nodes).sort(compareStrings);
}

/** Paths of the ephemerals owned by a session, sorted (for views and tests; see closeSessionOrder for ZooKeeper's order). */
export function ephemeralsOf(tree: DataTree, sessionId: number): string[] {
  return sortedPaths(tree).filter((path) => {
    const node = tree.nodes[path] as ZNode;
    return node.kind === 'ephemeral' && node.ephemeralOwner === sessionId;
  });
}

/**
 * The session's ephemerals in the order a closeSession txn lists them: the iteration order of
 * DataTree.getEphemerals(session), which is a HashSet.clone() (PrepRequestProcessor closeSession).
 */
export function closeSessionOrder(tree: DataTree, sessionId: number): string[] {
  const set = tree.ephemerals[String(sessionId)];
  return set === undefined ? [] : javaHashSetIteration(cloneJavaHashSet(set));
}

/** The session's ephemerals in the iteration order of the live set (DataTree.killSession's leftovers). */
export function ephemeralSetOrder(tree: DataTree, sessionId: number): string[] {
  const set = tree.ephemerals[String(sessionId)];
  return set === undefined ? [] : javaHashSetIteration(set);
}

/** DataTree.createNode: an ephemeral's path joins its owner's set (created on first use). */
export function addEphemeral(tree: DataTree, sessionId: number, path: string): void {
  const key = String(sessionId);
  const set = tree.ephemerals[key] ?? newJavaHashSet();
  addToJavaHashSet(set, path);
  tree.ephemerals[key] = set;
}

/** DataTree.deleteNode: the path leaves its owner's set (the set itself stays). */
export function removeEphemeral(tree: DataTree, sessionId: number, path: string): void {
  const set = tree.ephemerals[String(sessionId)];
  if (set !== undefined) removeFromJavaHashSet(set, path);
}

/** DataTree.killSession: ephemerals.remove(session). */
export function dropEphemeralSet(tree: DataTree, sessionId: number): void {
  delete tree.ephemerals[String(sessionId)];
}

/** Insert a child name keeping the list sorted; no-op when present. */
export function addChildName(parent: ZNode, name: string): void {
  let low = 0;
  let high = parent.children.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareStrings(parent.children[middle] as string, name) < 0) low = middle + 1;
    else high = middle;
  }
  if (parent.children[low] !== name) parent.children.splice(low, 0, name);
}

/** Remove a child name; no-op when absent. */
export function removeChildName(parent: ZNode, name: string): void {
  const index = parent.children.indexOf(name);
  if (index !== -1) parent.children.splice(index, 1);
}

/** DataTree.isSpecialPath: nodes that can never be deleted (delete gives BadArguments). */
export function isSpecialPath(path: string): boolean {
  return path === ROOT_PATH || path === ZOOKEEPER_PATH || path === QUOTA_PATH || path === CONFIG_PATH;
}
