// The leader's prep stage (PrepRequestProcessor): turns a client write into the txn Zab will
// propose, validating it in ZooKeeper's exact order of checks against the leader's SPECULATIVE
// tree (the committed tree plus every txn already prepared but not yet committed: the leader
// keeps it by applying each prepared txn to a clone with applyTxn). Failures become error txns,
// which take a zxid like any other (PrepRequestProcessor.pRequestHelper).

import { type Acl, PERM_ADMIN, PERM_CREATE, PERM_DELETE, PERM_READ, PERM_WRITE, fixupAcl, hasPermission } from './acl';
import { type NodeKind, isValidTtl, modeInfo } from './createMode';
import type { ErrorName } from './errors';
import { isValidPath, parentPath } from './path';
import { nextVersion, sequenceSuffix, toInt32, versionMatches } from './stat';
import { CONFIG_PATH, type DataTree, closeSessionOrder, getNode, isSpecialPath } from './tree';
import type { CheckOp, CreateOp, DeleteOp, MultiSubOp, SetAclOp, SetDataOp, Txn, TxnOp, WriteRequest } from './txn';

/** What the leader knows when it prepares a request. */
export interface PrepContext {
  /** The zxid this txn takes (the leader's next zxid; error txns take one too). */
  zxid: number;
  /** The leader's wall clock, stamped into the txn header. */
  timeMs: number;
  /** Result of the session tracker's checkSession for this request (sessions.ts), null when fine. */
  sessionError?: ErrorName | null;
  /** zookeeper.extendedTypesEnabled (TTL nodes); off by default in ZooKeeper. */
  extendedTypesEnabled?: boolean;
}

// ZooKeeperServer.ChangeRecord: the view of one path while preparing (tree + this request's changes).
interface PrepRecord {
  version: number;
  aversion: number;
  cversion: number;
  kind: NodeKind;
  acl: Acl[];
  childCount: number;
}

// Changes made by earlier ops of the same multi; null = deleted.
type Overlay = { [path: string]: PrepRecord | null };

type Outcome = { ok: true; op: TxnOp } | { ok: false; err: ErrorName };

interface PrepScope {
  tree: DataTree;
  overlay: Overlay;
  request: WriteRequest;
  ctx: PrepContext;
}

/** Prepare one write into a txn (a real one, or an error txn carrying the failing code). Does not modify the tree. */
export function prepareTxn(tree: DataTree, request: WriteRequest, ctx: PrepContext): Txn {
  const scope: PrepScope = { tree, overlay: {}, request, ctx };
  const op = request.op;
  switch (op.type) {
    case 'createSession':
      return txnOf(ctx, request, { type: 'createSession', timeoutMs: op.timeoutMs });
    case 'closeSession':
      // No session check: the expirer submits this without owning the session (PRP closeSession).
      // The paths go in the iteration order of HashSet.clone() of the session's ephemerals
      // (DataTree.getEphemerals), decided here once so every replica deletes in that order.
      // (ZooKeeper clones the committed set, then adds the session's in-flight creates to the
      // clone; the speculative tree has added them before cloning: the same paths, in an order
      // that can differ only while the session's own creates are still uncommitted.)
      return txnOf(ctx, request, { type: 'closeSession', paths: closeSessionOrder(tree, request.sessionId) });
    case 'multi':
      return txnOf(ctx, request, prepareMulti(scope, op.ops));
    case 'deleteContainer':
      return txnOf(ctx, request, toTxnOp(prepareDeleteContainer(scope, op.path)));
    case 'reconfig':
      return txnOf(ctx, request, prepareReconfig(tree, op));
    case 'setACL':
      return txnOf(ctx, request, toTxnOp(prepareSetAcl(scope, op)));
    default:
      return txnOf(ctx, request, toTxnOp(prepareSubOp(scope, op)));
  }
}

// The txn: header then op (a literal, not a spread of a header object: this runs on every write).
function txnOf(ctx: PrepContext, request: WriteRequest, op: TxnOp): Txn {
  return { zxid: ctx.zxid, timeMs: ctx.timeMs, sessionId: request.sessionId, op };
}

function toTxnOp(outcome: Outcome): TxnOp {
  return outcome.ok ? outcome.op : { type: 'error', err: outcome.err };
}

function fail(err: ErrorName): Outcome {
  return { ok: false, err };
}

function prepareSubOp(scope: PrepScope, op: MultiSubOp): Outcome {
  switch (op.type) {
    case 'create': return prepareCreate(scope, op);
    case 'delete': return prepareDelete(scope, op);
    case 'setData': return prepareSetData(scope, op);
    case 'check': return prepareCheck(scope, op);
  }
}

// PRP multi: every op sees the earlier ops' changes and shares the zxid; after the first failure
// the rest are not even tried. The results are final here: OK before, the code, then
// RUNTIMEINCONSISTENCY (what DataTree.processTxn turns a failed MultiTxn into).
function prepareMulti(scope: PrepScope, ops: readonly MultiSubOp[]): TxnOp {
  const prepared: TxnOp[] = [];
  let failure: ErrorName | null = null;
  for (const op of ops) {
    if (failure !== null) {
      prepared.push({ type: 'error', err: 'RUNTIMEINCONSISTENCY' });
      continue;
    }
    const outcome = prepareSubOp(scope, op);
    if (outcome.ok) prepared.push(outcome.op);
    else {
      failure = outcome.err;
      prepared.push({ type: 'error', err: outcome.err });
    }
  }
  if (failure === null) return { type: 'multi', ops: prepared };
  const failedAt = prepared.findIndex((op) => op.type === 'error');
  const results: TxnOp[] = prepared.map((op, index) => (index < failedAt ? { type: 'error', err: 'OK' } : op));
  return { type: 'multi', ops: results };
}

// ZooKeeperServer.getRecordForPath: the latest pending change for a path, else the tree.
function recordFor(scope: PrepScope, path: string): PrepRecord | null {
  if (Object.prototype.hasOwnProperty.call(scope.overlay, path)) return scope.overlay[path] ?? null;
  const node = getNode(scope.tree, path);
  if (node === undefined) return null;
  return { version: node.version, aversion: node.aversion, cversion: node.cversion, kind: node.kind, acl: node.acl, childCount: node.children.length };
}

function permitted(scope: PrepScope, record: PrepRecord, perm: number): boolean {
  return hasPermission(record.acl, perm, scope.request.authIds);
}

// PRP getParentPathAndValidate: no "/" or a NUL, or a node that can never be deleted.
function deletableParent(path: string): string | null {
  if (path.indexOf('\0') !== -1 || isSpecialPath(path)) return null;
  return parentPath(path);
}

// PRP pRequest2TxnCreate + validateCreateRequest, checks in their order.
function prepareCreate(scope: PrepScope, op: CreateOp): Outcome {
  const info = modeInfo(op.mode);
  if (info === null) return fail('BADARGUMENTS'); // CreateMode.fromFlag
  // Java's API sends CONTAINER and TTL modes with their own opcodes; a raw flag uses plain create.
  const opcode = typeof op.mode === 'number' ? 'create' : info.container ? 'createContainer' : info.ttl ? 'createTTL' : 'create';
  const ttlMs = opcode === 'createTTL' ? op.ttlMs ?? -1 : -1;
  if (info.ttl && scope.ctx.extendedTypesEnabled !== true) return fail('UNIMPLEMENTED');
  if (!isValidTtl(info, ttlMs)) return fail('BADARGUMENTS');
  if (scope.ctx.sessionError) return fail(scope.ctx.sessionError);
  // validatePathForCreate: only "has a slash, has no NUL" here; the full check comes after naming.
  const parent = op.path.indexOf('\0') === -1 ? parentPath(op.path) : null;
  if (parent === null) return fail('BADARGUMENTS');
  const acl = fixupAcl(op.acl, scope.request.authIds);
  if (acl === 'INVALIDACL') return fail('INVALIDACL');
  const parentRecord = recordFor(scope, parent);
  if (parentRecord === null) return fail('NONODE');
  if (!permitted(scope, parentRecord, PERM_CREATE)) return fail('NOAUTH');
  // The suffix is the parent's STORED cversion before this create (shared by all children).
  const path = info.sequential ? op.path + sequenceSuffix(parentRecord.cversion) : op.path;
  if (!isValidPath(path)) return fail('BADARGUMENTS');
  if (recordFor(scope, path) !== null) return fail('NODEEXISTS');
  if (parentRecord.kind === 'ephemeral') return fail('NOCHILDRENFOREPHEMERALS');
  const kind: NodeKind = opcode === 'createContainer' ? 'container' : opcode === 'createTTL' ? 'ttl' : info.ephemeral ? 'ephemeral' : 'persistent';
  const parentCversion = toInt32(parentRecord.cversion + 1);
  scope.overlay[parent] = { ...parentRecord, childCount: parentRecord.childCount + 1, cversion: parentCversion };
  scope.overlay[path] = { version: 0, aversion: 0, cversion: 0, kind, acl, childCount: 0 };
  return { ok: true, op: { type: 'create', path, data: op.data, acl, kind, ttlMs: kind === 'ttl' ? ttlMs : 0, parentCversion } };
}

// PRP delete: version is checked BEFORE emptiness (BADVERSION wins over NOTEMPTY).
function prepareDelete(scope: PrepScope, op: DeleteOp): Outcome {
  if (scope.ctx.sessionError) return fail(scope.ctx.sessionError);
  const parent = deletableParent(op.path);
  if (parent === null) return fail('BADARGUMENTS');
  const parentRecord = recordFor(scope, parent);
  if (parentRecord === null) return fail('NONODE');
  if (!permitted(scope, parentRecord, PERM_DELETE)) return fail('NOAUTH');
  const record = recordFor(scope, op.path);
  if (record === null) return fail('NONODE');
  if (!versionMatches(record.version, op.version)) return fail('BADVERSION');
  if (record.childCount > 0) return fail('NOTEMPTY');
  // Deletes do not touch the stored cversion (the visible one moves because numChildren drops).
  scope.overlay[parent] = { ...parentRecord, childCount: parentRecord.childCount - 1 };
  scope.overlay[op.path] = null;
  return { ok: true, op: { type: 'delete', path: op.path } };
}

// PRP deleteContainer (container manager): NotEmpty, then an ephemeral target gives BadVersion.
function prepareDeleteContainer(scope: PrepScope, path: string): Outcome {
  const parent = deletableParent(path);
  if (parent === null) return fail('BADARGUMENTS');
  const record = recordFor(scope, path);
  if (record === null) return fail('NONODE');
  if (record.childCount > 0) return fail('NOTEMPTY');
  if (record.kind === 'ephemeral') return fail('BADVERSION');
  const parentRecord = recordFor(scope, parent);
  if (parentRecord === null) return fail('NONODE');
  scope.overlay[parent] = { ...parentRecord, childCount: parentRecord.childCount - 1 };
  scope.overlay[path] = null;
  return { ok: true, op: { type: 'delete', path } };
}

// PRP setData: node, WRITE permission, (quota), version.
function prepareSetData(scope: PrepScope, op: SetDataOp): Outcome {
  if (scope.ctx.sessionError) return fail(scope.ctx.sessionError);
  if (!isValidPath(op.path)) return fail('BADARGUMENTS');
  const record = recordFor(scope, op.path);
  if (record === null) return fail('NONODE');
  if (!permitted(scope, record, PERM_WRITE)) return fail('NOAUTH');
  if (!versionMatches(record.version, op.version)) return fail('BADVERSION');
  const version = nextVersion(record.version);
  scope.overlay[op.path] = { ...record, version };
  return { ok: true, op: { type: 'setData', path: op.path, data: op.data, version } };
}

// PRP setACL: ACL validity comes before the node lookup; ADMIN permission; aversion.
function prepareSetAcl(scope: PrepScope, op: SetAclOp): Outcome {
  if (scope.ctx.sessionError) return fail(scope.ctx.sessionError);
  if (!isValidPath(op.path)) return fail('BADARGUMENTS');
  const acl = fixupAcl(op.acl, scope.request.authIds);
  if (acl === 'INVALIDACL') return fail('INVALIDACL');
  const record = recordFor(scope, op.path);
  if (record === null) return fail('NONODE');
  if (!permitted(scope, record, PERM_ADMIN)) return fail('NOAUTH');
  if (!versionMatches(record.aversion, op.version)) return fail('BADVERSION');
  const aversion = nextVersion(record.aversion);
  scope.overlay[op.path] = { ...record, aversion, acl };
  return { ok: true, op: { type: 'setACL', path: op.path, acl, aversion } };
}

// PRP check: node, READ permission, version.
function prepareCheck(scope: PrepScope, op: CheckOp): Outcome {
  if (scope.ctx.sessionError) return fail(scope.ctx.sessionError);
  if (!isValidPath(op.path)) return fail('BADARGUMENTS');
  const record = recordFor(scope, op.path);
  if (record === null) return fail('NONODE');
  if (!permitted(scope, record, PERM_READ)) return fail('NOAUTH');
  if (!versionMatches(record.version, op.version)) return fail('BADVERSION');
  return { ok: true, op: { type: 'check', path: op.path } };
}

// PRP reconfig: Zab has decided (the checks need the quorum's state); the txn sets
// /zookeeper/config's data to the new membership. No ACL check here: the simulator runs as if
// with skipACL, since /zookeeper/config is read-only to ordinary clients.
function prepareReconfig(tree: DataTree, op: Extract<WriteRequest['op'], { type: 'reconfig' }>): TxnOp {
  const decision = op.decision ?? { err: 'RECONFIGDISABLED' as const };
  if (decision.err !== null) return { type: 'error', err: decision.err };
  const node = getNode(tree, CONFIG_PATH);
  if (node === undefined) return { type: 'error', err: 'NONODE' };
  return { type: 'setData', path: CONFIG_PATH, data: decision.configData, version: nextVersion(node.version) };
}
