// ZooKeeper's replicated state machine as Zab carries it: the data tree (with its session table),
// PrepRequestProcessor on the leader, DataTree.processTxn on every server.
import { zooKeeperReconfig } from './reconfig';
import type { ReplicatedMachine } from '../zab/machine';
import { applyTxn, type ApplyOutcome } from '../server/apply';
import { prepareTxn } from '../server/prep';
import { cloneTree, createTree, type DataTree } from '../server/tree';
import type { ErrorName } from '../server/errors';
import type { Txn, WriteRequest } from '../server/txn';
import { formatZxidHex } from '../sim/format';

/** Prep's session check (SessionTrackerImpl.checkSession): a request from a session the
 * (speculative) tree no longer knows fails with SESSIONEXPIRED; createSession and the
 * expirer's closeSession need no live session. */
function sessionError(tree: DataTree, request: WriteRequest): ErrorName | null {
  // The container manager's deleteContainer (session 0) is not session-checked either (PRP).
  if (request.op.type === 'createSession' || request.op.type === 'closeSession' || request.op.type === 'deleteContainer') return null;
  if (tree.sessions[String(request.sessionId)] === undefined) return 'SESSIONEXPIRED';
  // What the leader's tracker said about the owner (zk/layer.ts beforePrepare).
  return request.sessionError ?? null;
}

/** Server settings the leader's prep depends on. */
export interface ZooKeeperMachineOptions {
  /** zookeeper.extendedTypesEnabled: TTL nodes (off by default: TTL creates get UNIMPLEMENTED). */
  extendedTypesEnabled: boolean;
}

/** The machine with the given settings (every server of an ensemble shares them). */
export function createZooKeeperMachine(options: Partial<ZooKeeperMachineOptions> = {}): ReplicatedMachine<DataTree, WriteRequest, Txn, ApplyOutcome> {
  const extendedTypesEnabled = options.extendedTypesEnabled === true;
  return {
    ...zooKeeperMachine,
    prepare(speculativeDb, request, zxid, timeMs) {
      return prepareTxn(speculativeDb, request, { zxid, timeMs, sessionError: sessionError(speculativeDb, request), extendedTypesEnabled });
    },
  };
}

/** ZooKeeper's defaults (extended types disabled). */
export const zooKeeperMachine: ReplicatedMachine<DataTree, WriteRequest, Txn, ApplyOutcome> = {
  initial: () => createTree(),
  clone: cloneTree,
  prepare(speculativeDb, request, zxid, timeMs) {
    return prepareTxn(speculativeDb, request, { zxid, timeMs, sessionError: sessionError(speculativeDb, request) });
  },
  apply(db, txn) {
    return applyTxn(db, txn);
  },
  read() {
    throw new Error('reads are answered by the client layer (zk/layer.ts)');
  },
  describeTxn(txn) {
    return describeTxnOp(txn);
  },
  reconfig: zooKeeperReconfig,
};

/** Short text of a txn for logs and transcripts ("create /a", "closeSession 0x1…"). */
export function describeTxnOp(txn: Txn): string {
  const op = txn.op;
  switch (op.type) {
    case 'create': case 'delete': case 'setData': case 'setACL': case 'check':
      return `${op.type} ${op.path}`;
    case 'createSession': return `createSession ${formatZxidHex(txn.sessionId)}`;
    case 'closeSession': return `closeSession ${formatZxidHex(txn.sessionId)}`;
    case 'error': return `error ${op.err}`;
    case 'multi': return `multi (${op.ops.length} ops)`;
  }
}
