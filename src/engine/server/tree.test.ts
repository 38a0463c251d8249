import { describe, expect, it } from 'vitest';
import { READ_ACL_UNSAFE } from './acl';
import { addChildName, cloneTree, createTree, ephemeralsOf, isSpecialPath, removeChildName, setConfigData, sortedPaths } from './tree';

// DataTree constructor + addConfigNode (facts 4.1).
describe('createTree', () => {
  it('holds /, /zookeeper, /zookeeper/quota and /zookeeper/config with zeroed stats and empty data', () => {
    const tree = createTree();
    expect(sortedPaths(tree)).toEqual(['/', '/zookeeper', '/zookeeper/config', '/zookeeper/quota']);
    expect(tree.nodes['/']).toMatchObject({ data: '', czxid: 0, mzxid: 0, pzxid: 0, cversion: 0, children: ['zookeeper'] });
    expect(tree.nodes['/zookeeper']!.children).toEqual(['config', 'quota']);
  });
  it('makes /zookeeper/config read-only for all, with aversion -1 from setACL(..., -1)', () => {
    const tree = createTree('server.1=a:1:2');
    expect(tree.nodes['/zookeeper/config']).toMatchObject({ acl: READ_ACL_UNSAFE, aversion: -1, data: 'server.1=a:1:2' });
    setConfigData(tree, 'x');
    expect(tree.nodes['/zookeeper/config']!.data).toBe('x');
  });
  it('knows the special paths that can never be deleted (DataTree.isSpecialPath)', () => {
    for (const path of ['/', '/zookeeper', '/zookeeper/quota', '/zookeeper/config']) expect(isSpecialPath(path)).toBe(true);
    expect(isSpecialPath('/a')).toBe(false);
  });
});

describe('tree helpers', () => {
  it('clones deeply: changing the clone leaves the original alone', () => {
    const tree = createTree();
    const copy = cloneTree(tree);
    copy.nodes['/']!.children.push('x');
    copy.nodes['/']!.acl[0]!.perms = 0;
    copy.sessions['1'] = { sessionId: 1, timeoutMs: 1 };
    expect(tree.nodes['/']!.children).toEqual(['zookeeper']);
    expect(tree.nodes['/']!.acl[0]!.perms).toBe(31);
    expect(tree.sessions).toEqual({});
    expect(JSON.parse(JSON.stringify(copy))).toEqual(copy); // plain data only
  });
  it('keeps children sorted by code unit', () => {
    const node = createTree().nodes['/zookeeper/quota']!;
    for (const name of ['b', 'a', 'B', 'a-0000000001', 'a']) addChildName(node, name);
    expect(node.children).toEqual(['B', 'a', 'a-0000000001', 'b']);
    removeChildName(node, 'a');
    expect(node.children).toEqual(['B', 'a-0000000001', 'b']);
  });
  it('lists a session\'s ephemerals in sorted order', () => {
    const tree = createTree();
    const base = { ...tree.nodes['/zookeeper/quota']!, children: [] };
    tree.nodes['/b'] = { ...base, kind: 'ephemeral', ephemeralOwner: 7 };
    tree.nodes['/a'] = { ...base, kind: 'ephemeral', ephemeralOwner: 7 };
    tree.nodes['/c'] = { ...base, kind: 'ephemeral', ephemeralOwner: 8 };
    expect(ephemeralsOf(tree, 7)).toEqual(['/a', '/b']);
  });
});
