import { describe, expect, it } from 'vitest';
import { PERM_ADMIN, PERM_READ, PERM_WRITE, digestId } from './acl';
import { exists, getAcl, getChildren, getData, readWatchKind } from './reads';
import { createTree } from './tree';

const bob = { scheme: 'digest', id: digestId('bob:pw') };
function treeWith() {
  const tree = createTree();
  const base = { ...tree.nodes['/zookeeper/quota']!, children: [] as string[] };
  tree.nodes['/open'] = { ...base, data: 'hello', children: ['b', 'a'].sort() };
  tree.nodes['/secret'] = { ...base, data: 's', acl: [{ perms: PERM_READ | PERM_WRITE, ...bob }] };
  tree.nodes['/adminonly'] = { ...base, acl: [{ perms: PERM_ADMIN, scheme: 'world', id: 'anyone' }, { perms: PERM_READ, ...bob }] };
  return tree;
}

// FinalRequestProcessor reads (facts 4.7, 4.9).
describe('reads', () => {
  it('getData / getChildren: NONODE when missing, NOAUTH without READ', () => {
    const tree = treeWith();
    expect(getData(tree, '/nope', []).err).toBe('NONODE');
    expect(getData(tree, '/secret', []).err).toBe('NOAUTH');
    expect(getData(tree, '/secret', [bob])).toMatchObject({ err: 'OK', data: 's' });
    expect(getChildren(tree, '/open', [])).toMatchObject({ err: 'OK', children: ['a', 'b'], stat: { numChildren: 2 } });
    expect(getChildren(tree, '/secret', []).err).toBe('NOAUTH');
  });
  it('exists: a missing node is NONODE with exists:false (what the wire says); no READ needed', () => {
    const tree = treeWith();
    expect(exists(tree, '/nope', [])).toEqual({ err: 'NONODE', exists: false, stat: null });
    expect(exists(tree, '/open', [])).toMatchObject({ err: 'OK', exists: true });
    expect(exists(tree, '/secret', [])).toMatchObject({ err: 'OK', exists: true });
    expect(exists(tree, '/a\0', []).err).toBe('BADARGUMENTS');
  });
  it('getACL needs READ or ADMIN and masks digest hashes without ADMIN', () => {
    const tree = treeWith();
    expect(getAcl(tree, '/secret', []).err).toBe('NOAUTH');
    expect(getAcl(tree, '/secret', [bob])).toMatchObject({ err: 'OK', acl: [{ scheme: 'digest', id: 'bob:x' }] });
    expect(getAcl(tree, '/adminonly', [])).toMatchObject({ err: 'OK', acl: [{ scheme: 'world' }, { scheme: 'digest', id: bob.id }] });
  });
  it('which watch a read leaves (facts 5.1): none after a failed getData/getChildren', () => {
    expect(readWatchKind('getData', 'OK')).toBe('data');
    expect(readWatchKind('getData', 'NONODE')).toBeNull();
    expect(readWatchKind('exists', 'OK')).toBe('data');
    expect(readWatchKind('exists', 'NONODE')).toBe('exist');
    expect(readWatchKind('exists', 'NOAUTH')).toBeNull();
    expect(readWatchKind('getChildren', 'OK')).toBe('child');
    expect(readWatchKind('getChildren', 'NONODE')).toBeNull();
  });
});
