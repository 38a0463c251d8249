// Property test: random op sequences from several sessions, run through prep + apply + reads,
// agree with a tiny independent model of ZooKeeper's data semantics (path -> data, version,
// children, owner, child-create counter) on every result and on the final tree.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPEN_ACL_UNSAFE } from './acl';
import { applyTxn } from './apply';
import { prepareTxn } from './prep';
import { getData } from './reads';
import { statOf } from './stat';
import { createTree, isSpecialPath, sortedPaths } from './tree';
import type { MultiSubOp, WriteOp } from './txn';

interface ModelNode { data: string; version: number; children: string[]; owner: number; creates: number }
type Model = Map<string, ModelNode>;

const PATHS = ['/a', '/b', '/a/x', '/a/y', '/a/x/z'];
const anyPath = fc.oneof({ arbitrary: fc.constantFrom(...PATHS), weight: 8 }, { arbitrary: fc.constantFrom('/', '/zookeeper', '/b/x'), weight: 1 });
const parentOf = (path: string) => (path.lastIndexOf('/') === 0 ? '/' : path.slice(0, path.lastIndexOf('/')));
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function freshModel(): Model {
  const empty = (children: string[]): ModelNode => ({ data: '', version: 0, children, owner: 0, creates: 0 });
  return new Map([['/', empty(['zookeeper'])], ['/zookeeper', empty(['config', 'quota'])], ['/zookeeper/quota', empty([])], ['/zookeeper/config', empty([])]]);
}
const cloneModel = (model: Model): Model => new Map([...model].map(([path, node]) => [path, { ...node, children: [...node.children] }]));

// The model's own reading of the rules; returns [err, createdPath].
function modelOp(model: Model, op: MultiSubOp, session: number): [string, string | null] {
  if (op.type === 'create') {
    const parent = model.get(parentOf(op.path));
    if (parent === undefined) return ['NONODE', null];
    const sequential = op.mode === 'PERSISTENT_SEQUENTIAL' || op.mode === 'EPHEMERAL_SEQUENTIAL';
    const path = sequential ? op.path + String(parent.creates).padStart(10, '0') : op.path;
    if (path.length > 1 && path.endsWith('/')) return ['BADARGUMENTS', null]; // e.g. non-sequential "/a/"
    if (model.has(path)) return ['NODEEXISTS', null];
    if (parent.owner !== 0) return ['NOCHILDRENFOREPHEMERALS', null];
    const ephemeral = op.mode === 'EPHEMERAL' || op.mode === 'EPHEMERAL_SEQUENTIAL';
    model.set(path, { data: op.data ?? '', version: 0, children: [], owner: ephemeral ? session : 0, creates: 0 });
    parent.children.push(nameOf(path));
    parent.creates += 1;
    return ['OK', path];
  }
  if (op.type === 'delete' && isSpecialPath(op.path)) return ['BADARGUMENTS', null];
  const node = model.get(op.path);
  if (op.type === 'delete' && !model.has(parentOf(op.path))) return ['NONODE', null];
  if (node === undefined) return ['NONODE', null];
  if (op.version !== -1 && op.version !== node.version) return ['BADVERSION', null];
  if (op.type === 'delete') {
    if (node.children.length > 0) return ['NOTEMPTY', null];
    model.delete(op.path);
    const parent = model.get(parentOf(op.path))!;
    parent.children = parent.children.filter((name) => name !== nameOf(op.path));
  } else if (op.type === 'setData') {
    node.data = op.data ?? '';
    node.version += 1;
  }
  return ['OK', null];
}

const createArb: fc.Arbitrary<MultiSubOp> = fc.record({ type: fc.constant('create' as const), path: fc.oneof({ arbitrary: anyPath, weight: 4 }, { arbitrary: fc.constantFrom('/a/s-', '/s-', '/a/'), weight: 1 }), data: fc.constantFrom('', 'v', 'é'), acl: fc.constant([...OPEN_ACL_UNSAFE]),
    mode: fc.constantFrom('PERSISTENT' as const, 'PERSISTENT' as const, 'PERSISTENT' as const, 'EPHEMERAL' as const, 'PERSISTENT_SEQUENTIAL' as const, 'EPHEMERAL_SEQUENTIAL' as const) });
const subOp: fc.Arbitrary<MultiSubOp> = fc.oneof(
  { arbitrary: createArb, weight: 3 },
  fc.record({ type: fc.constant('delete' as const), path: anyPath, version: fc.integer({ min: -1, max: 2 }) }),
  fc.record({ type: fc.constant('setData' as const), path: fc.constantFrom(...PATHS), data: fc.constantFrom('w', 'xyz'), version: fc.integer({ min: -1, max: 2 }) }),
  fc.record({ type: fc.constant('check' as const), path: anyPath, version: fc.integer({ min: -1, max: 2 }) }),
);
const step = fc.record({
  session: fc.integer({ min: 1, max: 3 }),
  op: fc.oneof(
    { arbitrary: subOp as fc.Arbitrary<WriteOp>, weight: 3 },
    fc.record({ type: fc.constant('multi' as const), ops: fc.array(subOp, { maxLength: 3 }) }),
    fc.constant<WriteOp>({ type: 'closeSession' }),
  ),
});

function modelStep(model: Model, op: WriteOp, session: number): [string, (string | null)[]] {
  if (op.type === 'closeSession') {
    for (const [path, node] of [...model].sort()) if (node.owner === session) modelOp(model, { type: 'delete', path, version: -1 }, session);
    return ['OK', []];
  }
  if (op.type !== 'multi') {
    const [err, created] = modelOp(model, op as MultiSubOp, session);
    return [err, [created]];
  }
  const scratch = cloneModel(model);
  const outcomes = op.ops.map((sub) => modelOp(scratch, sub, session));
  const failed = outcomes.findIndex(([err]) => err !== 'OK');
  // Only the first failure counts: ops after it are never tried in ZooKeeper (RUNTIMEINCONSISTENCY).
  if (failed !== -1) return [outcomes[failed]![0], []];
  for (const [path, node] of scratch) model.set(path, node);
  for (const path of [...model.keys()]) if (!scratch.has(path)) model.delete(path);
  return ['OK', outcomes.map(([, created]) => created)];
}

describe('data tree vs a reference model', () => {
  it('agrees on every result and on the final tree', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 5, maxLength: 60, size: 'max' }), (steps) => {
      const tree = createTree();
      const model = freshModel();
      const sessionIds = [0, 101, 102, 103];
      steps.forEach(({ session, op }, index) => {
        const sessionId = sessionIds[session]!;
        const txn = prepareTxn(tree, { sessionId, authIds: [], op }, { zxid: index + 1, timeMs: index });
        const { result } = applyTxn(tree, txn);
        const [err, created] = modelStep(model, op, sessionId);
        expect(result.err).toBe(err);
        if (op.type === 'closeSession') sessionIds[session] = sessionId + 10; // a fresh session next time
        if (result.type === 'create') expect(result.path).toBe(created[0]);
        if (result.type === 'multi' && err === 'OK') {
          expect(result.results.map((sub) => (sub.type === 'create' ? sub.path : null))).toEqual(created);
        }
      });
      expect(sortedPaths(tree)).toEqual([...model.keys()].sort());
      for (const [path, node] of model) {
        const read = getData(tree, path, []);
        expect(read).toMatchObject({ err: 'OK', data: node.data, stat: { version: node.version, numChildren: node.children.length } });
        expect(statOf(tree.nodes[path]!).cversion).toBe(2 * node.creates - node.children.length);
        expect(tree.nodes[path]!.children).toEqual([...node.children].sort());
      }
    }), { numRuns: 300 });
  });
});
