// A tiny replicated machine for Zab's own tests: a key/value register. Writes are `set`; a `set`
// of an empty key is refused with an error txn (consumes a zxid, changes nothing), as ZooKeeper
// does for failed writes.
import type { ReconfigDecision, ReplicatedMachine } from '../machine';

export type KvDb = { entries: [string, string][] };
export type KvRequest =
  | { op: 'set'; key: string; value: string }
  | { op: 'get'; key: string }
  | { op: 'reconfig'; add: number[]; remove: number[]; decision?: ReconfigDecision };
export type KvTxn =
  | { op: 'set'; key: string; value: string }
  | { op: 'error'; reason: string }
  /** A membership change, stored under the key "config" as ZooKeeper stores /zookeeper/config. */
  | { op: 'config'; voters: number[]; observers: number[]; version: number };
export type KvResult = { ok: boolean; value: string | null };

function lookup(db: KvDb, key: string): string | null {
  const found = db.entries.find(([name]) => name === key);
  return found ? found[1] : null;
}

export const kvMachine: ReplicatedMachine<KvDb, KvRequest, KvTxn, KvResult> = {
  initial: () => ({ entries: [] }),
  clone: (db) => ({ entries: db.entries.map(([key, value]) => [key, value] as [string, string]) }),
  prepare(_speculativeDb, request) {
    if (request.op === 'reconfig') {
      const decision = request.decision ?? { err: 'RECONFIGDISABLED' };
      return decision.err === null ? { op: 'config', ...decision.config } : { op: 'error', reason: decision.err };
    }
    if (request.op !== 'set' || request.key === '') return { op: 'error', reason: 'bad request' };
    return { op: 'set', key: request.key, value: request.value };
  },
  apply(db, txn) {
    if (txn.op === 'error') return { ok: false, value: null };
    const [key, value] = txn.op === 'config' ? ['config', `voters=${txn.voters.join(',')} observers=${txn.observers.join(',')}`] : [txn.key, txn.value];
    db.entries = db.entries.filter(([name]) => name !== key);
    db.entries.push([key, value]);
    db.entries.sort((left, right) => (left[0] < right[0] ? -1 : left[0] > right[0] ? 1 : 0));
    return { ok: true, value };
  },
  read(db, request) {
    return { ok: true, value: request.op === 'reconfig' ? null : lookup(db, request.key) };
  },
  describeTxn: (txn) => (txn.op === 'set' ? `set ${txn.key}=${txn.value}` : txn.op === 'config' ? `config voters=${txn.voters.join(',')}` : `error(${txn.reason})`),
  describeRequest: (request) => (request.op === 'set' ? `set ${request.key}=${request.value}` : request.op === 'get' ? `get ${request.key}` : `reconfig +${request.add.join(',')} -${request.remove.join(',')}`),
  reconfig: {
    requestOf: (request) => (request.op === 'reconfig' ? { joining: request.add.map((id) => ({ id, role: 'participant' as const })), leaving: request.remove, fromConfig: -1 } : null),
    withDecision: (request, decision) => (request.op === 'reconfig' ? { ...request, decision } : request),
    configOf: (txn) => (txn.op === 'config' ? { voters: txn.voters, observers: txn.observers, version: txn.version } : null),
  },
};
