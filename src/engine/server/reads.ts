// Reads answered by one server from its own tree, no quorum (FinalRequestProcessor: exists,
// getData, getChildren, getACL). Watches are registered separately (watches.ts); readWatchKind
// says which one a successful read with watch=true leaves behind.

import { type Acl, type AclId, PERM_ADMIN, PERM_READ, copyAcl, hasPermission } from './acl';
import type { ErrorName } from './errors';
import { type Stat, statOf } from './stat';
import { type DataTree, getNode } from './tree';

export type ReadFailure = { err: ErrorName };
export type GetDataResult = { err: 'OK'; data: string | null; stat: Stat } | ReadFailure;
export type ExistsResult = { err: 'OK'; exists: true; stat: Stat } | { err: ErrorName; exists: false; stat: null };
export type GetChildrenResult = { err: 'OK'; children: string[]; stat: Stat } | ReadFailure;
export type GetAclResult = { err: 'OK'; acl: Acl[]; stat: Stat } | ReadFailure;

/** getData: NONODE if missing, NOAUTH without READ. */
export function getData(tree: DataTree, path: string, authIds: readonly AclId[]): GetDataResult {
  const node = getNode(tree, path);
  if (node === undefined) return { err: 'NONODE' };
  if (!hasPermission(node.acl, PERM_READ, authIds)) return { err: 'NOAUTH' };
  return { err: 'OK', data: node.data, stat: statOf(node) };
}

/**
 * exists: on the wire a missing node is NONODE (the Java API turns it into a null Stat; the oracle
 * prints exists:false, stat:null). No permission is needed: FinalRequestProcessor's exists case
 * makes no checkACL call (3.8.0; "TODO we need to figure out the security requirement"), so even a
 * node its caller cannot READ shows its stat (tests/golden 068, 075). A NUL in the path is
 * BADARGUMENTS. `_authIds` is kept so every read has the same shape.
 */
export function exists(tree: DataTree, path: string, _authIds: readonly AclId[] = []): ExistsResult {
  if (path.indexOf('\0') !== -1) return { err: 'BADARGUMENTS', exists: false, stat: null };
  const node = getNode(tree, path);
  if (node === undefined) return { err: 'NONODE', exists: false, stat: null };
  return { err: 'OK', exists: true, stat: statOf(node) };
}

/** getChildren (getChildren2: with the parent's stat). Children come back sorted; ZooKeeper's order is unspecified. */
export function getChildren(tree: DataTree, path: string, authIds: readonly AclId[]): GetChildrenResult {
  const node = getNode(tree, path);
  if (node === undefined) return { err: 'NONODE' };
  if (!hasPermission(node.acl, PERM_READ, authIds)) return { err: 'NOAUTH' };
  return { err: 'OK', children: node.children.slice(), stat: statOf(node) };
}

/**
 * getACL: needs READ or ADMIN. Without ADMIN, digest ids are masked to "user:x" so the password
 * hash does not leak (FinalRequestProcessor getACL).
 */
export function getAcl(tree: DataTree, path: string, authIds: readonly AclId[]): GetAclResult {
  const node = getNode(tree, path);
  if (node === undefined) return { err: 'NONODE' };
  if (!hasPermission(node.acl, PERM_READ | PERM_ADMIN, authIds)) return { err: 'NOAUTH' };
  const acl = copyAcl(node.acl);
  if (!hasPermission(node.acl, PERM_ADMIN, authIds)) {
    for (const entry of acl) if (entry.scheme === 'digest') entry.id = entry.id.replace(/:.*/, ':x');
  }
  return { err: 'OK', acl, stat: statOf(node) };
}

/** Read kinds that can leave a watch. */
export type WatchingRead = 'getData' | 'exists' | 'getChildren';

/**
 * Which watch a read with watch=true registers, given its result (DataTree.getData / statNode /
 * getChildren; ZooKeeper.ExistsWatchRegistration): getData and getChildren only on success;
 * exists on success (data watch) or on NONODE (exist watch, the only way to watch a creation).
 */
export function readWatchKind(read: WatchingRead, err: ErrorName): 'data' | 'exist' | 'child' | null {
  if (read === 'exists') return err === 'OK' ? 'data' : err === 'NONODE' ? 'exist' : null;
  if (err !== 'OK') return null;
  return read === 'getData' ? 'data' : 'child';
}
