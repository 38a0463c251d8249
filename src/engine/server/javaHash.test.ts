import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToJavaHashSet, bucketOf, cloneJavaHashSet, javaHashSetIteration, javaHashSetOrder, javaStringHash, newJavaHashSet,
  removeFromJavaHashSet, tableSizeFor,
} from './javaHash';

// java.lang.String.hashCode / java.util.HashMap (JDK 17) facts the closeSession order rests on.
describe('Java String hash and HashMap sizing', () => {
  it('String.hashCode: s[0]*31^(n-1) + ... in int arithmetic', () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('a')).toBe(97);
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648); // the classic Integer.MIN_VALUE hash
  });
  it('HashMap.hash spreads the high bits into the bucket index', () => {
    const h = javaStringHash('/k/a');
    expect(bucketOf('/k/a', 16)).toBe((h ^ (h >>> 16)) & 15);
    expect(bucketOf('polygenelubricants', 16)).toBe(0);
  });
  it('tableSizeFor rounds up to a power of two', () => {
    expect([1, 2, 3, 5, 9, 16, 17].map(tableSizeFor)).toEqual([1, 2, 4, 8, 16, 16, 32]);
  });
  it('a set starts at 16 buckets and doubles when size > 0.75 x buckets; removes never shrink it', () => {
    const set = newJavaHashSet();
    for (let n = 0; n < 12; n++) addToJavaHashSet(set, `/p${n}`);
    expect(set.buckets).toBe(16);
    addToJavaHashSet(set, '/p12');
    expect(set.buckets).toBe(32);
    for (let n = 0; n < 13; n++) removeFromJavaHashSet(set, `/p${n}`);
    expect(set).toEqual({ entries: [], buckets: 32 });
  });
  it('an insert making a bucket hold 9 entries doubles a table below 64 buckets (treeifyBin)', () => {
    // "Aa" and "BB" have the same hashCode, so every string of four such pairs collides.
    const colliding: string[] = [];
    for (let bits = 0; bits < 16; bits++) colliding.push([0, 1, 2, 3].map((k) => ((bits >> k) & 1 ? 'BB' : 'Aa')).join(''));
    expect(new Set(colliding.map(javaStringHash)).size).toBe(1);
    const set = newJavaHashSet();
    for (const text of colliding.slice(0, 8)) addToJavaHashSet(set, text);
    expect(set.buckets).toBe(16);
    addToJavaHashSet(set, colliding[8] as string);
    expect(set.buckets).toBe(32);
    addToJavaHashSet(set, colliding[9] as string);
    expect(set.buckets).toBe(64);
    addToJavaHashSet(set, colliding[10] as string); // from 64 buckets on the bin becomes a tree instead
    expect(set.buckets).toBe(64);
  });
  it('clone() sizes its table for the count (JDK 17: tableSizeFor((int)(n / 0.75f + 1)))', () => {
    const sized = (n: number) => {
      const set = newJavaHashSet();
      for (let k = 0; k < n; k++) addToJavaHashSet(set, `/e${k}`);
      return cloneJavaHashSet(set).buckets;
    };
    expect([1, 2, 3, 5, 6, 11, 12, 13].map(sized)).toEqual([2, 4, 8, 8, 16, 16, 32, 32]);
  });
});

describe('javaHashSetOrder: the order a closing session\'s ephemerals are deleted in', () => {
  // Orders seen from a real ZooKeeper 3.8.0 on Java 17 (NodeDeleted events, tests/golden).
  it('matches the recorded golden traces', () => {
    expect(javaHashSetOrder(['/g/e1', '/g/e2'])).toEqual(['/g/e2', '/g/e1']); // 107
    expect(javaHashSetOrder(['/o/a', '/o/b', '/o/c', '/o/d', '/o/e-0000000004', '/o/e-0000000005']))
      .toEqual(['/o/e-0000000004', '/o/d', '/o/c', '/o/b', '/o/a', '/o/e-0000000005']); // 131
    expect(javaHashSetOrder(['/k/a', '/k/c'])).toEqual(['/k/a', '/k/c']); // 132
    expect(javaHashSetOrder(['/k/c', '/k/a'])).toEqual(['/k/a', '/k/c']); // 133
    expect(javaHashSetOrder(['/k/a', '/k/b', '/k/c'])).toEqual(['/k/a', '/k/b', '/k/c']); // 134
    expect(javaHashSetOrder(['/k/e', '/k/d', '/k/c', '/k/b', '/k/a'])).toEqual(['/k/a', '/k/b', '/k/e', '/k/c', '/k/d']); // 135
  });
  it('is the clone\'s order, not the 16-bucket set\'s own order', () => {
    const set = newJavaHashSet();
    for (const path of ['/k/a', '/k/c']) addToJavaHashSet(set, path);
    expect(javaHashSetIteration(set)).toEqual(['/k/c', '/k/a']);
    expect(javaHashSetOrder(['/k/a', '/k/c'])).toEqual(['/k/a', '/k/c']);
  });
  it('is a permutation of its input and does not depend on anything else', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }).map((s) => '/' + s), { maxLength: 60 }), (paths) => {
      const order = javaHashSetOrder(paths);
      expect([...order].sort()).toEqual([...paths].sort());
      expect(javaHashSetOrder(paths)).toEqual(order);
    }));
  });
  it('leaves its input alone', () => {
    const paths = Object.freeze(['/b', '/a']);
    javaHashSetOrder(paths);
    expect(paths).toEqual(['/b', '/a']);
  });
});
