// ZooKeeper's replicated state machine as Zab carries it: the data tree (with its session table),
// PrepRequestProcessor on the leader, DataTree.processTxn on every server.
import type { ReplicatedMachine } from '../zab/machine';
import { applyTxn, type ApplyOutcome } from '../server/apply';
import { prepareTxn } from '../server/prep';
import { cloneTree, createTree, type DataTree } from '../server/tree';
import type { Txn, WriteRequest } from '../server/txn';
import { formatZxidHex } from '../sim/format';

/** Prep's session check (SessionTrackerImpl.checkSession): a request from a session the
 * (speculative) tree no longer knows fails with SESSIONEXPIRED; createSession and the
 * expirer's closeSession need no live session. */
function sessionError(tree: DataTree, request: WriteRequest): 'SESSIONEXPIRED' | null {
  if (request.op.type === 'createSession' || request.op.type === 'closeSession') return null;
  return tree.sessions[String(request.sessionId)] === undefined ? 'SESSIONEXPIRED' : null;
}

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
