import { describe, expect, it } from 'vitest';
import { OPEN_ACL_UNSAFE } from './acl';
import { applyTxn } from './apply';
import { statOf } from './stat';
import { type DataTree, cloneTree, createTree } from './tree';
import type { Txn, TxnOp } from './txn';

const S1 = 0x10000000001;
let nextZxid = 0;
function txn(op: TxnOp, sessionId = S1): Txn {
  nextZxid += 1;
  return { zxid: nextZxid, timeMs: 1000 * nextZxid, sessionId, op };
}
const createOp = (path: string, parentCversion: number, extra: Partial<Extract<TxnOp, { type: 'create' }>> = {}): TxnOp =>
  ({ type: 'create', path, data: 'data', acl: [...OPEN_ACL_UNSAFE], kind: 'persistent', ttlMs: 0, parentCversion, ...extra });
const stat = (tree: DataTree, path: string) => statOf(tree.nodes[path]!);

// Stat maintenance per operation (facts 4.4, 4.5; DataTree.createNode/deleteNode/setData/setACL).
describe('applyTxn: stats', () => {
  it('create sets the new node\'s stat from the txn and bumps the parent', () => {
    const tree = createTree();
    const t = txn(createOp('/a', 1, { kind: 'ephemeral' }));
    const { result } = applyTxn(tree, t);
    expect(stat(tree, '/a')).toEqual({ czxid: t.zxid, mzxid: t.zxid, pzxid: t.zxid, ctime: t.timeMs, mtime: t.timeMs, version: 0, cversion: 0, aversion: 0, ephemeralOwner: S1, dataLength: 4, numChildren: 0 });
    expect(result).toMatchObject({ type: 'create', path: '/a', stat: { czxid: t.zxid } });
    expect(stat(tree, '/')).toMatchObject({ numChildren: 2, pzxid: t.zxid, cversion: 0, mzxid: 0 });
    expect(tree.lastProcessedZxid).toBe(t.zxid);
  });
  it('delete: parent pzxid moves, stored cversion stays, visible cversion counts the delete', () => {
    const tree = createTree();
    applyTxn(tree, txn(createOp('/p', 1)));
    applyTxn(tree, txn(createOp('/p/c', 1)));
    const d = txn({ type: 'delete', path: '/p/c' });
    applyTxn(tree, d);
    expect(tree.nodes['/p']!.cversion).toBe(1);
    expect(stat(tree, '/p')).toMatchObject({ cversion: 2, numChildren: 0, pzxid: d.zxid });
  });
  it('setData changes data, version, mzxid, mtime only; the parent is untouched', () => {
    const tree = createTree();
    applyTxn(tree, txn(createOp('/p', 1)));
    applyTxn(tree, txn(createOp('/p/c', 1)));
    const parentBefore = stat(tree, '/p');
    const s = txn({ type: 'setData', path: '/p/c', data: 'é', version: 1 });
    const { result } = applyTxn(tree, s);
    expect(result).toMatchObject({ type: 'setData', stat: { version: 1, mzxid: s.zxid, mtime: s.timeMs, dataLength: 2 } });
    expect(stat(tree, '/p')).toEqual(parentBefore);
  });
  it('setACL changes only ACL and aversion (not mzxid, mtime or version)', () => {
    const tree = createTree();
    applyTxn(tree, txn(createOp('/a', 1)));
    const before = stat(tree, '/a');
    const { result, triggers } = applyTxn(tree, txn({ type: 'setACL', path: '/a', acl: [{ perms: 1, scheme: 'world', id: 'anyone' }], aversion: 1 }));
    expect(stat(tree, '/a')).toEqual({ ...before, aversion: 1 });
    expect(result.type).toBe('setACL');
    expect(triggers).toEqual([]);
  });
  it('error txns change nothing but lastProcessedZxid', () => {
    const tree = createTree();
    const before = JSON.stringify(tree.nodes);
    const { result } = applyTxn(tree, txn({ type: 'error', err: 'NODEEXISTS' }));
    expect(result).toEqual({ type: 'error', err: 'NODEEXISTS' });
    expect(JSON.stringify(tree.nodes)).toBe(before);
    expect(tree.lastProcessedZxid).toBe(nextZxid);
  });
});

describe('applyTxn: triggers in DataTree order (facts 5.2)', () => {
  it('create -> NodeCreated(path), NodeChildrenChanged(parent); delete -> NodeDeleted, NodeChildrenChanged', () => {
    const tree = createTree();
    expect(applyTxn(tree, txn(createOp('/a', 1))).triggers.map((t) => [t.event, t.path])).toEqual([['NodeCreated', '/a'], ['NodeChildrenChanged', '/']]);
    expect(applyTxn(tree, txn({ type: 'setData', path: '/a', data: null, version: 1 })).triggers.map((t) => t.event)).toEqual(['NodeDataChanged']);
    expect(applyTxn(tree, txn({ type: 'delete', path: '/a' })).triggers.map((t) => [t.event, t.path])).toEqual([['NodeDeleted', '/a'], ['NodeChildrenChanged', '/']]);
  });
  it('a successful multi fires each sub-op\'s triggers in order', () => {
    const tree = createTree();
    const { triggers } = applyTxn(tree, txn({ type: 'multi', ops: [createOp('/m', 1), { type: 'setData', path: '/m', data: 'x', version: 1 }] }));
    expect(triggers.map((t) => t.event)).toEqual(['NodeCreated', 'NodeChildrenChanged', 'NodeDataChanged']);
  });
});

describe('applyTxn: sessions', () => {
  it('createSession records the session; closeSession deletes its ephemerals (pzxid = close zxid) and forgets it', () => {
    const tree = createTree();
    applyTxn(tree, txn({ type: 'createSession', timeoutMs: 30000 }));
    expect(tree.sessions[String(S1)]).toEqual({ sessionId: S1, timeoutMs: 30000 });
    applyTxn(tree, txn(createOp('/svc', 1)));
    applyTxn(tree, txn(createOp('/svc/w-0000000000', 1, { kind: 'ephemeral' })));
    applyTxn(tree, txn(createOp('/e', 2, { kind: 'ephemeral' })));
    const close = txn({ type: 'closeSession', paths: ['/svc/w-0000000000'] });
    const { triggers } = applyTxn(tree, close);
    expect(tree.nodes['/svc/w-0000000000']).toBeUndefined();
    expect(tree.nodes['/e']).toBeUndefined(); // not in the list, but still owned: killSession deletes it too
    expect(stat(tree, '/svc')).toMatchObject({ pzxid: close.zxid, cversion: 2 });
    expect(triggers.map((t) => [t.event, t.path])).toEqual([
      ['NodeDeleted', '/svc/w-0000000000'], ['NodeChildrenChanged', '/svc'], ['NodeDeleted', '/e'], ['NodeChildrenChanged', '/'],
    ]);
    expect(tree.sessions).toEqual({});
    expect(tree.ephemerals).toEqual({});
  });
  it('keeps each session\'s ephemeral paths as DataTree.ephemerals does: create adds, delete removes, close drops', () => {
    const tree = createTree();
    applyTxn(tree, txn(createOp('/a', 1, { kind: 'ephemeral' })));
    applyTxn(tree, txn(createOp('/b', 2, { kind: 'ephemeral' })));
    applyTxn(tree, txn(createOp('/p', 3)));
    expect(tree.ephemerals).toEqual({ [String(S1)]: { entries: ['/a', '/b'], buckets: 16 } });
    applyTxn(tree, txn({ type: 'delete', path: '/a' }));
    expect(tree.ephemerals).toEqual({ [String(S1)]: { entries: ['/b'], buckets: 16 } });
    expect(cloneTree(tree).ephemerals).toEqual(tree.ephemerals);
    applyTxn(tree, txn({ type: 'closeSession', paths: ['/b'] }));
    expect(tree.ephemerals).toEqual({});
  });
  it('closeSession deletes (and fires) in the txn\'s order', () => {
    const tree = createTree();
    for (const [index, name] of ['a', 'b', 'c'].entries()) applyTxn(tree, txn(createOp('/' + name, index + 1, { kind: 'ephemeral' })));
    const { triggers } = applyTxn(tree, txn({ type: 'closeSession', paths: ['/c', '/a', '/b'] }));
    expect(triggers.filter((t) => t.event === 'NodeDeleted').map((t) => t.path)).toEqual(['/c', '/a', '/b']);
  });
});

describe('applyTxn: replicas', () => {
  it('the same txns give identical trees on every replica (determinism)', () => {
    const a = createTree();
    const b = cloneTree(a);
    const txns = [txn(createOp('/x', 1)), txn(createOp('/x/y', 1)), txn({ type: 'setData', path: '/x', data: 'z', version: 1 }), txn({ type: 'delete', path: '/x/y' })];
    for (const t of txns) applyTxn(a, t);
    for (const t of txns) applyTxn(b, t);
    expect(b).toEqual(a); // same content; object key order is not part of the state (sort keys to hash)
  });
  it('replaying a create whose node exists only raises the parent cversion/pzxid (processTxn NodeExists fix-up)', () => {
    const tree = createTree();
    applyTxn(tree, txn(createOp('/x', 1)));
    const replay = txn(createOp('/x', 5));
    expect(applyTxn(tree, replay).result).toEqual({ type: 'error', err: 'NODEEXISTS' });
    expect(tree.nodes['/']).toMatchObject({ cversion: 5, pzxid: replay.zxid });
  });
});
