// A tiny replicated machine for Zab's own tests: a key/value register. Writes are `set`; a `set`
// of an empty key is refused with an error txn (consumes a zxid, changes nothing), as ZooKeeper
// does for failed writes.
import type { ReplicatedMachine } from '../machine';

export type KvDb = { entries: [string, string][] };
export type KvRequest = { op: 'set'; key: string; value: string } | { op: 'get'; key: string };
export type KvTxn = { op: 'set'; key: string; value: string } | { op: 'error'; reason: string };
export type KvResult = { ok: boolean; value: string | null };

function lookup(db: KvDb, key: string): string | null {
  const found = db.entries.find(([name]) => name === key);
  return found ? found[1] : null;
}

export const kvMachine: ReplicatedMachine<KvDb, KvRequest, KvTxn, KvResult> = {
  initial: () => ({ entries: [] }),
  clone: (db) => ({ entries: db.entries.map(([key, value]) => [key, value] as [string, string]) }),
  prepare(_speculativeDb, request) {
    if (request.op !== 'set' || request.key === '') return { op: 'error', reason: 'bad request' };
    return { op: 'set', key: request.key, value: request.value };
  },
  apply(db, txn) {
    if (txn.op === 'error') return { ok: false, value: null };
    db.entries = db.entries.filter(([key]) => key !== txn.key);
    db.entries.push([txn.key, txn.value]);
    db.entries.sort((left, right) => (left[0] < right[0] ? -1 : left[0] > right[0] ? 1 : 0));
    return { ok: true, value: txn.value };
  },
  read(db, request) {
    return { ok: true, value: lookup(db, request.key) };
  },
  describeTxn: (txn) => (txn.op === 'set' ? `set ${txn.key}=${txn.value}` : `error(${txn.reason})`),
  describeRequest: (request) => (request.op === 'set' ? `set ${request.key}=${request.value}` : `get ${request.key}`),
};
