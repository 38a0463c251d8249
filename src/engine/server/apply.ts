// Applying a committed txn to a server's tree (DataTree.processTxn / createNode / deleteNode /
// setData / setACL / killSession). Runs on every server in zxid order, and on the leader's
// speculative copy right after prep. Mutates the tree in place; returns what the client is
// answered and the watch triggers in ZooKeeper's order.

import { copyAcl } from './acl';
import type { ErrorName } from './errors';
import { childName, parentPath } from './path';
import { statOf } from './stat';
import { type DataTree, type ZNode, addChildName, addEphemeral, dropEphemeralSet, ephemeralSetOrder, getNode, removeChildName, removeEphemeral } from './tree';
import type { OpResult, Txn, TxnOp, WatchTrigger } from './txn';

/** Outcome of applying one txn. A trigger's acl is the node's own ACL array, not a copy: a
 * node's ACL array is never changed in place (setACL replaces it), and triggers are consumed
 * right after the apply, so sharing it is safe and saves a copy per write on every server. */
export interface ApplyOutcome {
  result: OpResult;
  triggers: WatchTrigger[];
}

interface ApplyScope {
  tree: DataTree;
  txn: Txn;
  triggers: WatchTrigger[];
}

/** Apply one txn to the tree (in place) and report the client's result and the watch triggers. */
export function applyTxn(tree: DataTree, txn: Txn): ApplyOutcome {
  const scope: ApplyScope = { tree, txn, triggers: [] };
  const result = applyOp(scope, txn.op);
  // DataTree.processTxn: lastProcessedZxid only moves forward, after the whole txn.
  if (txn.zxid > tree.lastProcessedZxid) tree.lastProcessedZxid = txn.zxid;
  return { result, triggers: scope.triggers };
}

function applyOp(scope: ApplyScope, op: TxnOp): OpResult {
  switch (op.type) {
    case 'create': return applyCreate(scope, op);
    case 'delete': return deleteNode(scope, op.path) ?? { type: 'delete', err: 'OK' };
    case 'setData': return applySetData(scope, op);
    case 'setACL': return applySetAcl(scope, op);
    case 'check': return { type: 'check', err: 'OK' };
    case 'createSession':
      scope.tree.sessions[String(scope.txn.sessionId)] = { sessionId: scope.txn.sessionId, timeoutMs: op.timeoutMs };
      return { type: 'createSession', err: 'OK' };
    case 'closeSession': return applyCloseSession(scope, op.paths);
    case 'error': return { type: 'error', err: op.err };
    case 'multi': return applyMulti(scope, op.ops);
  }
}

function errorResult(err: ErrorName): OpResult {
  return { type: 'error', err };
}

// DataTree.createNode (+ processTxn's NodeExists fix-up of the parent's cversion/pzxid).
function applyCreate(scope: ApplyScope, op: Extract<TxnOp, { type: 'create' }>): OpResult {
  const { tree, txn } = scope;
  const parentName = parentPath(op.path);
  const parent = parentName === null ? undefined : getNode(tree, parentName);
  if (parent === undefined || parentName === null) return errorResult('NONODE');
  if (getNode(tree, op.path) !== undefined) {
    raiseParentCversion(parent, op.parentCversion, txn.zxid);
    return errorResult('NODEEXISTS');
  }
  // parentCversion -1 means "parent's + 1" (old txn format); only ever raise it, so replaying a
  // create over a fuzzy snapshot cannot move cversion/pzxid backwards.
  raiseParentCversion(parent, op.parentCversion === -1 ? parent.cversion + 1 : op.parentCversion, txn.zxid);
  const node: ZNode = {
    data: op.data, acl: copyAcl(op.acl), czxid: txn.zxid, mzxid: txn.zxid, pzxid: txn.zxid,
    ctimeMs: txn.timeMs, mtimeMs: txn.timeMs, version: 0, cversion: 0, aversion: 0, kind: op.kind,
    ephemeralOwner: op.kind === 'ephemeral' ? txn.sessionId : 0, ttlMs: op.ttlMs, children: [],
  };
  addChildName(parent, childName(op.path));
  tree.nodes[op.path] = node;
  if (node.kind === 'ephemeral') addEphemeral(tree, node.ephemeralOwner, op.path);
  scope.triggers.push({ path: op.path, event: 'NodeCreated', acl: node.acl, zxid: txn.zxid });
  scope.triggers.push({ path: parentName, event: 'NodeChildrenChanged', acl: parent.acl, zxid: txn.zxid });
  return { type: 'create', err: 'OK', path: op.path, stat: statOf(node) };
}

function raiseParentCversion(parent: ZNode, parentCversion: number, zxid: number): void {
  if (parentCversion > parent.cversion) {
    parent.cversion = parentCversion;
    parent.pzxid = zxid;
  }
}

// DataTree.deleteNode: the parent's pzxid only moves forward; its stored cversion is untouched.
// Returns an error result, or null when deleted.
function deleteNode(scope: ApplyScope, path: string): OpResult | null {
  const { tree, txn } = scope;
  const parentName = parentPath(path);
  const parent = parentName === null || path === '/' ? undefined : getNode(tree, parentName);
  if (parent === undefined || parentName === null) return errorResult('NONODE');
  removeChildName(parent, childName(path));
  if (txn.zxid > parent.pzxid) parent.pzxid = txn.zxid;
  const node = getNode(tree, path);
  if (node === undefined) return errorResult('NONODE');
  delete tree.nodes[path];
  if (node.kind === 'ephemeral') removeEphemeral(tree, node.ephemeralOwner, path);
  // One NodeDeleted per watcher for data and child watches together, then the parent's change.
  scope.triggers.push({ path, event: 'NodeDeleted', acl: node.acl, zxid: txn.zxid });
  scope.triggers.push({ path: parentName, event: 'NodeChildrenChanged', acl: parent.acl, zxid: txn.zxid });
  return null;
}

// DataTree.setData: the version comes from prep; mtime is the leader's txn time.
function applySetData(scope: ApplyScope, op: Extract<TxnOp, { type: 'setData' }>): OpResult {
  const node = getNode(scope.tree, op.path);
  if (node === undefined) return errorResult('NONODE');
  node.data = op.data;
  node.mtimeMs = scope.txn.timeMs;
  node.mzxid = scope.txn.zxid;
  node.version = op.version;
  scope.triggers.push({ path: op.path, event: 'NodeDataChanged', acl: node.acl, zxid: scope.txn.zxid });
  return { type: 'setData', err: 'OK', stat: statOf(node) };
}

// DataTree.setACL: only the ACL and aversion change (not mzxid/mtime/version); fires nothing.
function applySetAcl(scope: ApplyScope, op: Extract<TxnOp, { type: 'setACL' }>): OpResult {
  const node = getNode(scope.tree, op.path);
  if (node === undefined) return errorResult('NONODE');
  node.acl = copyAcl(op.acl);
  node.aversion = op.aversion;
  return { type: 'setACL', err: 'OK', stat: statOf(node) };
}

// DataTree.killSession: delete the txn's list in its order (missing ones are skipped), then any
// other ephemeral this replica still has for the session (its set's order); then forget the session.
function applyCloseSession(scope: ApplyScope, paths: readonly string[]): OpResult {
  const sessionId = scope.txn.sessionId;
  for (const path of paths) deleteNode(scope, path);
  for (const path of ephemeralSetOrder(scope.tree, sessionId)) deleteNode(scope, path);
  dropEphemeralSet(scope.tree, sessionId);
  delete scope.tree.sessions[String(sessionId)];
  return { type: 'closeSession', err: 'OK' };
}

// DataTree.processTxn multi: if any sub-txn is an error the whole multi applies nothing and each
// result is an error (OK before the failure, RUNTIMEINCONSISTENCY after it).
function applyMulti(scope: ApplyScope, ops: readonly TxnOp[]): OpResult {
  const failedAt = ops.findIndex((op) => op.type === 'error' && op.err !== 'OK');
  if (failedAt !== -1 || ops.some((op) => op.type === 'error')) {
    const results: OpResult[] = ops.map((op, index) => {
      if (op.type === 'error') return errorResult(op.err);
      return errorResult(failedAt !== -1 && index > failedAt ? 'RUNTIMEINCONSISTENCY' : 'OK');
    });
    return { type: 'multi', err: firstError(results), results };
  }
  const results = ops.map((op) => applyOp(scope, op));
  return { type: 'multi', err: firstError(results), results };
}

function firstError(results: readonly OpResult[]): ErrorName {
  for (const result of results) if (result.err !== 'OK') return result.err;
  return 'OK';
}
