import { describe, expect, it } from 'vitest';
import type { ZnodeView } from '../../engine/world/view';
import { compareTrees } from './server-tree';

const node = (path: string, mzxid: number): ZnodeView => ({ path, ephemeralOwner: null, data: null, version: 0, czxid: mzxid, mzxid, numChildren: 0 });

describe('a replica\'s tree against the leader\'s', () => {
  it('marks nodes the replica lacks, has older, or has extra', () => {
    const leader = [node('/', 0), node('/a', 3), node('/b', 5), node('/new', 7)];
    const replica = [node('/', 0), node('/a', 3), node('/b', 4), node('/old', 2)];
    const compared = compareTrees(replica, leader);
    expect(Object.fromEntries(compared.status)).toEqual({ '/': 'same', '/a': 'same', '/b': 'older', '/old': 'extra', '/new': 'missing' });
    expect(compared.missing).toBe(1);
    expect(compared.older).toBe(1);
    expect(compared.nodes.map((entry) => entry.path)).toContain('/new');
  });

  it('an identical tree is all "same"', () => {
    const tree = [node('/', 0), node('/x', 1)];
    const compared = compareTrees(tree, tree);
    expect([...compared.status.values()]).toEqual(['same', 'same']);
    expect(compared.missing + compared.older).toBe(0);
  });
});
