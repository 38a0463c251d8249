import { describe, expect, it } from 'vitest';
import { nextVersion, sequenceSuffix, statOf, toInt32, versionMatches } from './stat';
import { createTree } from './tree';

describe('versions (PrepRequestProcessor.checkAndIncVersion)', () => {
  it('-1 matches any version; otherwise equality', () => {
    expect(versionMatches(5, -1)).toBe(true);
    expect(versionMatches(5, 5)).toBe(true);
    expect(versionMatches(5, 4)).toBe(false);
  });
  it('wraps past Integer.MAX_VALUE and skips -1 (ZOOKEEPER-4743)', () => {
    expect(nextVersion(0)).toBe(1);
    expect(nextVersion(2147483647)).toBe(-2147483648);
    expect(nextVersion(-3)).toBe(-2);
    expect(nextVersion(-2)).toBe(0);
    expect(toInt32(2147483648)).toBe(-2147483648);
  });
});

describe('sequential suffix (%010d of the stored cversion, facts 4.3)', () => {
  it('pads to ten digits and keeps the sign like Java', () => {
    expect(sequenceSuffix(0)).toBe('0000000000');
    expect(sequenceSuffix(42)).toBe('0000000042');
    expect(sequenceSuffix(2147483647)).toBe('2147483647');
    expect(sequenceSuffix(2147483648)).toBe('-2147483648');
    expect(sequenceSuffix(-5)).toBe('-000000005');
  });
});

describe('statOf (DataNode.copyStat)', () => {
  it('shows cversion as 2*stored - numChildren: fresh / is -1 and /zookeeper is -2', () => {
    const tree = createTree();
    expect(statOf(tree.nodes['/']!).cversion).toBe(-1);
    expect(statOf(tree.nodes['/zookeeper']!).cversion).toBe(-2);
    expect(statOf(tree.nodes['/zookeeper']!).numChildren).toBe(2);
  });
  it('counts data in UTF-8 bytes and null data as 0', () => {
    const tree = createTree();
    const node = { ...tree.nodes['/']!, data: 'é' };
    expect(statOf(node).dataLength).toBe(2);
    expect(statOf({ ...node, data: null }).dataLength).toBe(0);
  });
});
