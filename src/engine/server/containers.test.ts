// ContainerManager.getCandidates over a tree (ContainerManager.java; facts 4.2).
import { describe, expect, it } from 'vitest';
import { OPEN_ACL_UNSAFE } from './acl';
import { applyTxn } from './apply';
import { containerCandidates, DEFAULT_CONTAINER_OPTIONS, minDeleteIntervalMs } from './containers';
import type { NodeKind } from './createMode';
import { type DataTree, createTree } from './tree';
import type { TxnOp } from './txn';

let zxid = 0;
function apply(tree: DataTree, op: TxnOp, timeMs: number): void {
  zxid += 1;
  applyTxn(tree, { zxid, timeMs, sessionId: 1, op });
}
function create(tree: DataTree, path: string, kind: NodeKind, timeMs: number, ttlMs = 0): void {
  apply(tree, { type: 'create', path, data: null, acl: [...OPEN_ACL_UNSAFE], kind, ttlMs, parentCversion: -1 }, timeMs);
}

describe('containerCandidates', () => {
  it('takes emptied containers, not never-used or non-empty ones', () => {
    const tree = createTree();
    create(tree, '/used', 'container', 0);
    create(tree, '/used/kid', 'persistent', 0);
    apply(tree, { type: 'delete', path: '/used/kid' }, 0);
    create(tree, '/never', 'container', 0);
    create(tree, '/busy', 'container', 0);
    create(tree, '/busy/kid', 'persistent', 0);
    create(tree, '/plain', 'persistent', 0);
    expect(containerCandidates(tree, 1, DEFAULT_CONTAINER_OPTIONS)).toEqual(['/used']);
    // With maxNeverUsedIntervalMs set (master's 5 min), a never-used one goes once older than that.
    const options = { ...DEFAULT_CONTAINER_OPTIONS, maxNeverUsedIntervalMs: 300_000 };
    expect(containerCandidates(tree, 300_000, options)).toEqual(['/used']);
    expect(containerCandidates(tree, 300_001, options).sort()).toEqual(['/never', '/used']);
  });

  it('takes childless TTL nodes whose mtime is more than their TTL ago', () => {
    const tree = createTree();
    create(tree, '/t', 'ttl', 1000, 5000);
    create(tree, '/p', 'ttl', 1000, 5000);
    create(tree, '/p/kid', 'persistent', 1000);
    expect(containerCandidates(tree, 6000, DEFAULT_CONTAINER_OPTIONS)).toEqual([]);
    expect(containerCandidates(tree, 6001, DEFAULT_CONTAINER_OPTIONS)).toEqual(['/t']);
    apply(tree, { type: 'setData', path: '/t', data: 'x', version: 1 }, 6001);
    expect(containerCandidates(tree, 11_001, DEFAULT_CONTAINER_OPTIONS)).toEqual([]);
  });

  it('lists them in the HashSet order ZooKeeper submits them in', () => {
    const tree = createTree();
    for (const name of ['b', 'a', 'c', 'zz', 'q1']) {
      create(tree, `/${name}`, 'container', 0);
      create(tree, `/${name}/k`, 'persistent', 0);
      apply(tree, { type: 'delete', path: `/${name}/k` }, 0);
    }
    // String.hashCode of "/a".."/c" are consecutive, so they come in that order in a 16-bucket table.
    const order = containerCandidates(tree, 1, DEFAULT_CONTAINER_OPTIONS);
    expect([...order].sort()).toEqual(['/a', '/b', '/c', '/q1', '/zz']);
    expect(order.indexOf('/a')).toBeLessThan(order.indexOf('/b'));
    expect(order.indexOf('/b')).toBeLessThan(order.indexOf('/c'));
  });

  it('paces deletions at one minute / maxPerMinute', () => {
    expect(minDeleteIntervalMs(DEFAULT_CONTAINER_OPTIONS)).toBe(6);
    expect(minDeleteIntervalMs({ ...DEFAULT_CONTAINER_OPTIONS, maxPerMinute: 60 })).toBe(1000);
  });
});
