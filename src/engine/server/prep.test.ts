import { describe, expect, it } from 'vitest';
import { type Acl, type AclId, CREATOR_ALL_ACL, OPEN_ACL_UNSAFE, PERM_ALL, PERM_READ, READ_ACL_UNSAFE, digestId } from './acl';
import { applyTxn } from './apply';
import type { ErrorName } from './errors';
import { type PrepContext, prepareTxn } from './prep';
import { cloneTree, createTree } from './tree';
import type { CreateOp, TxnOp, WriteOp } from './txn';

const S1 = 0x10000000001;
const S2 = 0x10000000002;
const bob: AclId = { scheme: 'digest', id: digestId('bob:pw') };
const bobOnly: Acl[] = [{ perms: PERM_ALL, ...bob }];

function newServer() {
  return { tree: createTree(), zxid: 0 };
}
type Server = ReturnType<typeof newServer>;

// Prepare then apply at once, as a standalone server does.
function write(server: Server, op: WriteOp, options: { sessionId?: number; authIds?: AclId[]; ctx?: Partial<PrepContext> } = {}) {
  server.zxid += 1;
  const request = { sessionId: options.sessionId ?? S1, authIds: options.authIds ?? [], op };
  const txn = prepareTxn(server.tree, request, { zxid: server.zxid, timeMs: 5000 + server.zxid, ...options.ctx });
  return { txn, ...applyTxn(server.tree, txn) };
}
const create = (path: string, extra: Partial<CreateOp> = {}): CreateOp =>
  ({ type: 'create', path, data: 'x', acl: [...OPEN_ACL_UNSAFE], mode: 'PERSISTENT', ...extra });
const errOf = (op: TxnOp): ErrorName | 'none' => (op.type === 'error' ? op.err : 'none');

describe('create: checks in PrepRequestProcessor order (facts 4.7)', () => {
  it('TTL modes need extended types (UNIMPLEMENTED) before anything else is looked at', () => {
    const server = newServer();
    expect(errOf(write(server, create('no-slash', { mode: 'PERSISTENT_WITH_TTL', ttlMs: 10 })).txn.op)).toBe('UNIMPLEMENTED');
    expect(errOf(write(server, create('/t', { mode: 5 })).txn.op)).toBe('UNIMPLEMENTED');
  });
  it('unknown flags and bad TTLs are BADARGUMENTS; a session problem comes before path checks', () => {
    const server = newServer();
    expect(errOf(write(server, create('/a', { mode: 9 })).txn.op)).toBe('BADARGUMENTS');
    const ext = { ctx: { extendedTypesEnabled: true } };
    expect(errOf(write(server, create('/a', { mode: 'PERSISTENT_WITH_TTL', ttlMs: 0 }), ext).txn.op)).toBe('BADARGUMENTS');
    expect(errOf(write(server, create('no-slash'), { ctx: { sessionError: 'SESSIONEXPIRED' } }).txn.op)).toBe('SESSIONEXPIRED');
    expect(errOf(write(server, create('no-slash')).txn.op)).toBe('BADARGUMENTS');
  });
  it('InvalidACL before NoNode, NoNode before NoAuth, NoAuth before NodeExists', () => {
    const server = newServer();
    expect(errOf(write(server, create('/missing/x', { acl: [] })).txn.op)).toBe('INVALIDACL');
    expect(errOf(write(server, create('/missing/x', { acl: [...CREATOR_ALL_ACL] })).txn.op)).toBe('INVALIDACL');
    expect(errOf(write(server, create('/missing/x')).txn.op)).toBe('NONODE');
    write(server, create('/locked', { acl: [...READ_ACL_UNSAFE] }));
    write(server, create('/locked/c'), { authIds: [{ scheme: 'super', id: '' }] });
    expect(errOf(write(server, create('/locked/c')).txn.op)).toBe('NOAUTH');
    expect(errOf(write(server, create('/locked')).txn.op)).toBe('NODEEXISTS');
  });
  it('the full path check runs after the parent lookup ("/missing/" is NONODE, "/a/" is BADARGUMENTS)', () => {
    const server = newServer();
    write(server, create('/a'));
    expect(errOf(write(server, create('/missing/')).txn.op)).toBe('NONODE');
    expect(errOf(write(server, create('/a/')).txn.op)).toBe('BADARGUMENTS');
    expect(errOf(write(server, create('/')).txn.op)).toBe('NODEEXISTS');
  });
  it('creating under an ephemeral fails with NOCHILDRENFOREPHEMERALS for any mode and any session', () => {
    const server = newServer();
    write(server, create('/e', { mode: 'EPHEMERAL' }));
    expect(errOf(write(server, create('/e/c')).txn.op)).toBe('NOCHILDRENFOREPHEMERALS');
    expect(errOf(write(server, create('/e/c-', { mode: 'EPHEMERAL_SEQUENTIAL' }), { sessionId: S2 }).txn.op)).toBe('NOCHILDRENFOREPHEMERALS');
  });
  it('CREATOR_ALL_ACL stores the creator\'s digest id', () => {
    const server = newServer();
    const { txn } = write(server, create('/mine', { acl: [...CREATOR_ALL_ACL] }), { authIds: [bob] });
    expect(txn.op).toMatchObject({ type: 'create', acl: bobOnly });
  });
});

describe('sequential names (facts 4.3)', () => {
  it('use the parent\'s stored cversion, shared by all children and never reused', () => {
    const server = newServer();
    write(server, create('/q'));
    const names: string[] = [];
    const seq = (path: string) => {
      const { result } = write(server, create(path, { mode: 'PERSISTENT_SEQUENTIAL' }));
      if (result.type === 'create') names.push(result.path);
    };
    seq('/q/a-');
    seq('/q/b-');
    write(server, create('/q/plain'));
    write(server, { type: 'delete', path: '/q/plain', version: -1 });
    seq('/q/a-');
    seq('/q/');
    expect(names).toEqual(['/q/a-0000000000', '/q/b-0000000001', '/q/a-0000000003', '/q/0000000004']);
  });
  it('the root has a counter too (fresh root: stored 0, one child)', () => {
    const server = newServer();
    const { result } = write(server, create('/s-', { mode: 'PERSISTENT_SEQUENTIAL' }));
    expect(result).toMatchObject({ path: '/s-0000000000' });
  });
  it('the leader names concurrent creates from its speculative tree, so they differ', () => {
    const committed = createTree();
    applyTxn(committed, prepareTxn(committed, { sessionId: S1, authIds: [], op: create('/q') }, { zxid: 1, timeMs: 0 }));
    const speculative = cloneTree(committed);
    const first = prepareTxn(speculative, { sessionId: S1, authIds: [], op: create('/q/n-', { mode: 'PERSISTENT_SEQUENTIAL' }) }, { zxid: 2, timeMs: 0 });
    applyTxn(speculative, first);
    const second = prepareTxn(speculative, { sessionId: S2, authIds: [], op: create('/q/n-', { mode: 'PERSISTENT_SEQUENTIAL' }) }, { zxid: 3, timeMs: 0 });
    expect([first.op, second.op].map((op) => (op.type === 'create' ? op.path : op.type))).toEqual(['/q/n-0000000000', '/q/n-0000000001']);
    expect(committed.nodes['/q']!.children).toEqual([]); // prep never touches the tree it reads
  });
});

describe('delete / setData / setACL / check (facts 4.6, 4.7)', () => {
  it('delete: special paths are BADARGUMENTS; version is checked before emptiness', () => {
    const server = newServer();
    for (const path of ['/', '/zookeeper', '/zookeeper/config', '/zookeeper/quota']) {
      expect(errOf(write(server, { type: 'delete', path, version: -1 }).txn.op)).toBe('BADARGUMENTS');
    }
    write(server, create('/d'));
    write(server, create('/d/c'));
    expect(errOf(write(server, { type: 'delete', path: '/d', version: 7 }).txn.op)).toBe('BADVERSION');
    expect(errOf(write(server, { type: 'delete', path: '/d', version: 0 }).txn.op)).toBe('NOTEMPTY');
    expect(errOf(write(server, { type: 'delete', path: '/nope/x', version: -1 }).txn.op)).toBe('NONODE');
    expect(errOf(write(server, { type: 'delete', path: '/d/nope', version: -1 }).txn.op)).toBe('NONODE');
  });
  it('delete needs DELETE on the parent, not on the node', () => {
    const server = newServer();
    write(server, create('/p', { acl: [{ perms: PERM_ALL & ~8, scheme: 'world', id: 'anyone' }] }));
    write(server, create('/p/c'));
    expect(errOf(write(server, { type: 'delete', path: '/p/c', version: -1 }).txn.op)).toBe('NOAUTH');
    write(server, create('/open'));
    write(server, create('/open/c', { acl: [...READ_ACL_UNSAFE] }));
    expect(errOf(write(server, { type: 'delete', path: '/open/c', version: -1 }).txn.op)).toBe('none');
  });
  it('setData: NONODE, then WRITE permission, then version; the txn carries the new version', () => {
    const server = newServer();
    expect(errOf(write(server, { type: 'setData', path: '/v', data: 'a', version: -1 }).txn.op)).toBe('NONODE');
    write(server, create('/ro', { acl: [...READ_ACL_UNSAFE] }));
    expect(errOf(write(server, { type: 'setData', path: '/ro', data: 'a', version: 99 }).txn.op)).toBe('NOAUTH');
    write(server, create('/v'));
    expect(errOf(write(server, { type: 'setData', path: '/v', data: 'a', version: 1 }).txn.op)).toBe('BADVERSION');
    expect(write(server, { type: 'setData', path: '/v', data: 'a', version: 0 }).txn.op).toMatchObject({ type: 'setData', version: 1 });
  });
  it('setACL: InvalidACL before NoNode; ADMIN needed; checks aversion', () => {
    const server = newServer();
    expect(errOf(write(server, { type: 'setACL', path: '/none', acl: [], version: -1 }).txn.op)).toBe('INVALIDACL');
    expect(errOf(write(server, { type: 'setACL', path: '/none', acl: [...OPEN_ACL_UNSAFE], version: -1 }).txn.op)).toBe('NONODE');
    write(server, create('/a', { acl: [{ perms: PERM_READ, scheme: 'world', id: 'anyone' }] }));
    expect(errOf(write(server, { type: 'setACL', path: '/a', acl: [...OPEN_ACL_UNSAFE], version: -1 }).txn.op)).toBe('NOAUTH');
    write(server, create('/b'));
    expect(errOf(write(server, { type: 'setACL', path: '/b', acl: [...OPEN_ACL_UNSAFE], version: 5 }).txn.op)).toBe('BADVERSION');
    expect(write(server, { type: 'setACL', path: '/b', acl: [...OPEN_ACL_UNSAFE], version: 0 }).txn.op).toMatchObject({ aversion: 1 });
  });
  it('check: NONODE, READ permission, version', () => {
    const server = newServer();
    expect(errOf(write(server, { type: 'check', path: '/c', version: 0 }).txn.op)).toBe('NONODE');
    write(server, create('/secret', { acl: bobOnly }), { authIds: [bob] });
    expect(errOf(write(server, { type: 'check', path: '/secret', version: 0 }).txn.op)).toBe('NOAUTH');
    expect(errOf(write(server, { type: 'check', path: '/secret', version: 0 }, { authIds: [bob] }).txn.op)).toBe('none');
    expect(errOf(write(server, { type: 'check', path: '/secret', version: 3 }, { authIds: [bob] }).txn.op)).toBe('BADVERSION');
  });
  it('every txn, error or not, carries the zxid it was given (error txns consume zxids, facts 2.1)', () => {
    const server = newServer();
    const zxids = [write(server, create('/a')), write(server, create('/a')), write(server, create('/b'))].map((out) => out.txn.zxid);
    expect(zxids).toEqual([1, 2, 3]);
    expect(server.tree.nodes['/b']!.czxid).toBe(3);
  });
});

describe('multi (facts 4.8)', () => {
  it('later ops see earlier ones: create then setData version 0, delete child then parent', () => {
    const server = newServer();
    const { result } = write(server, { type: 'multi', ops: [create('/m'), { type: 'setData', path: '/m', data: 'y', version: 0 }, create('/m/c')] });
    expect(result).toMatchObject({ type: 'multi', err: 'OK' });
    const del = write(server, { type: 'multi', ops: [{ type: 'delete', path: '/m/c', version: -1 }, { type: 'delete', path: '/m', version: -1 }] });
    expect(del.result.err).toBe('OK');
    expect(server.tree.nodes['/m']).toBeUndefined();
  });
  it('sequential creates in one multi get consecutive numbers and share the zxid', () => {
    const server = newServer();
    write(server, create('/q'));
    const seq = create('/q/m-', { mode: 'PERSISTENT_SEQUENTIAL' });
    const { result } = write(server, { type: 'multi', ops: [seq, seq] });
    expect(result.type === 'multi' && result.results.map((r) => (r.type === 'create' ? r.path : r.err))).toEqual(['/q/m-0000000000', '/q/m-0000000001']);
    expect(server.tree.nodes['/q/m-0000000000']!.czxid).toBe(server.tree.nodes['/q/m-0000000001']!.czxid);
  });
  it('a failure gives OK before, the code, RUNTIMEINCONSISTENCY after, and applies nothing', () => {
    const server = newServer();
    write(server, create('/v'));
    const before = JSON.stringify(server.tree.nodes);
    const { txn, result, triggers } = write(server, { type: 'multi', ops: [
      create('/w'), { type: 'check', path: '/v', version: 3 }, { type: 'setData', path: '/v', data: 'n', version: -1 },
    ] });
    expect(txn.op).toEqual({ type: 'multi', ops: [{ type: 'error', err: 'OK' }, { type: 'error', err: 'BADVERSION' }, { type: 'error', err: 'RUNTIMEINCONSISTENCY' }] });
    expect(result).toMatchObject({ err: 'BADVERSION' });
    expect(triggers).toEqual([]);
    expect(JSON.stringify(server.tree.nodes)).toBe(before);
  });
  it('an ephemeral created earlier in the multi cannot get children later in it', () => {
    const server = newServer();
    const { result } = write(server, { type: 'multi', ops: [create('/p', { mode: 'EPHEMERAL' }), create('/p/c')] });
    expect(result).toMatchObject({ err: 'NOCHILDRENFOREPHEMERALS' });
  });
  it('an empty multi succeeds with no results', () => {
    expect(write(newServer(), { type: 'multi', ops: [] }).result).toEqual({ type: 'multi', err: 'OK', results: [] });
  });
});

describe('sessions, containers and TTL nodes', () => {
  it('closeSession lists the session\'s ephemerals in HashSet.clone() order and needs no session check', () => {
    const server = newServer();
    write(server, create('/k'));
    for (const name of ['e', 'd', 'c', 'b', 'a']) write(server, create('/k/' + name, { mode: 'EPHEMERAL' }));
    write(server, create('/x', { mode: 'EPHEMERAL' }), { sessionId: S2 });
    const { txn } = write(server, { type: 'closeSession' }, { ctx: { sessionError: 'SESSIONEXPIRED' } });
    // Not creation order, not sorted: Java 17 HashSet iteration (javaHash.ts; tests/golden 135).
    expect(txn.op).toEqual({ type: 'closeSession', paths: ['/k/a', '/k/b', '/k/e', '/k/c', '/k/d'] });
  });
  it('closeSession order keeps the table size the set grew to, after deletes (DataTree.ephemerals never shrinks)', () => {
    const grown = newServer();
    for (let n = 0; n < 13; n++) write(grown, create(`/n${n}`, { mode: 'EPHEMERAL' }));
    for (let n = 2; n < 13; n++) write(grown, { type: 'delete', path: `/n${n}`, version: -1 });
    expect(grown.tree.ephemerals[String(S1)]).toEqual({ entries: ['/n0', '/n1'], buckets: 32 });
    const { txn } = write(grown, { type: 'closeSession' });
    expect(txn.op).toMatchObject({ type: 'closeSession' });
    expect((txn.op as { paths: string[] }).paths.sort()).toEqual(['/n0', '/n1']);
  });
  it('CONTAINER and TTL creates make their node kinds; a raw flag 4 on plain create is persistent (3.8 oracle)', () => {
    const server = newServer();
    write(server, create('/c', { mode: 'CONTAINER' }));
    write(server, create('/t', { mode: 'PERSISTENT_WITH_TTL', ttlMs: 1000 }), { ctx: { extendedTypesEnabled: true } });
    write(server, create('/raw', { mode: 4 }));
    expect([server.tree.nodes['/c']!.kind, server.tree.nodes['/t']!.kind, server.tree.nodes['/raw']!.kind]).toEqual(['container', 'ttl', 'persistent']);
    expect(server.tree.nodes['/t']!.ttlMs).toBe(1000);
  });
  it('deleteContainer: NOTEMPTY with children, BADVERSION for an ephemeral target', () => {
    const server = newServer();
    write(server, create('/c', { mode: 'CONTAINER' }));
    write(server, create('/c/x'));
    write(server, create('/e', { mode: 'EPHEMERAL' }));
    expect(errOf(write(server, { type: 'deleteContainer', path: '/c' }).txn.op)).toBe('NOTEMPTY');
    expect(errOf(write(server, { type: 'deleteContainer', path: '/e' }).txn.op)).toBe('BADVERSION');
    write(server, { type: 'delete', path: '/c/x', version: -1 });
    expect(write(server, { type: 'deleteContainer', path: '/c' }).txn.op).toEqual({ type: 'delete', path: '/c' });
  });
});
