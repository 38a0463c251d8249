// Q5 (分布式锁): the lock recipe as Curator's InterProcessMutex does it. L1, L2, L3 each create
// an EPHEMERAL_SEQUENTIAL node under /locks/job; the lowest holds the lock, each other waiter
// watches only its predecessor. L1's process crashes while holding the lock: its node goes only
// when the leader expires its session, and only L2 is woken. L2 then releases by deleting its
// own node, which wakes only L3. Then, for contrast, N1-N3 run a naive lock like the notes' lock
// programs (one shared node, everyone watches it): N1's release wakes both waiters, and the later
// one wins.
import type { ActorView } from '../../../engine/world/actors';
import type { WorldView } from '../../../engine/world/view';
import type { WalkthroughDef } from '../types';

const actor = (view: WorldView, id: string): ActorView => view.actors!.find((entry) => entry.id === id)!;
const lockNodes = (view: WorldView) => view.znodes.filter((node) => node.path.startsWith('/locks/job/'));
const nodeOf = (view: WorldView, id: string) => String(actor(view, id).state.node ?? '');
const exists = (view: WorldView, name: string) => name !== '' && lockNodes(view).some((node) => node.path === `/locks/job/${name}`);
const suffix = (name: string) => name.slice(-10);

export const walkthrough: WalkthroughDef = {
  id: 'distributed-lock',
  questions: [5],
  scenario: {
    version: 1, title: 'Distributed lock: hand-off when the holder crashes', seed: 105, ensemble: { servers: 3 },
    clients: {
      c1: { server: 1, sessionTimeoutMs: 4000, connectAtStart: false }, c2: { server: 2, sessionTimeoutMs: 4000, connectAtStart: false },
      c3: { server: 3, sessionTimeoutMs: 4000, connectAtStart: false },
      n1: { server: 1, sessionTimeoutMs: 4000, connectAtStart: false }, n2: { server: 2, sessionTimeoutMs: 4000, connectAtStart: false },
      n3: { server: 3, sessionTimeoutMs: 4000, connectAtStart: false },
    },
    actors: [
      { id: 'L1', recipe: 'lock', client: 'c1', path: '/locks/job', holdMs: 60000, startMs: 500 },
      { id: 'L2', recipe: 'lock', client: 'c2', path: '/locks/job', holdMs: 2000, startMs: 700 },
      { id: 'L3', recipe: 'lock', client: 'c3', path: '/locks/job', holdMs: 2000, startMs: 900 },
      // For comparison, a naive lock like the notes' lock programs: one shared node, everyone watches it.
      { id: 'N1', recipe: 'naive-lock', client: 'n1', path: '/naive/lock', holdMs: 2000, startMs: 12500 },
      { id: 'N2', recipe: 'naive-lock', client: 'n2', path: '/naive/lock', holdMs: 2000, startMs: 12600 },
      { id: 'N3', recipe: 'naive-lock', client: 'n3', path: '/naive/lock', holdMs: 2000, startMs: 12700 },
    ],
    steps: [{ await: 'serving' }, { sleep: 3000 }, { client: 'c1', op: 'crash' }, { sleep: 14000 }],
  },
  checkpoints: [
    {
      id: 'queued', atMs: 1200, focus: [{ znode: '/locks/job' }, { actor: 'L1' }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        if (lockNodes(view).some((node) => node.ephemeralOwner === null)) return 'lock nodes should be ephemeral';
        const [l1, l2, l3] = ['L1', 'L2', 'L3'].map((id) => nodeOf(view, id));
        if ([l1, l2, l3].map((name) => suffix(name!)).join(',') !== '0000000000,0000000001,0000000002') return 'L1, L2, L3 should own sequence numbers 0, 1, 2';
        if (actor(view, 'L1').state.holds !== true) return 'L1 should hold the lock';
        if (actor(view, 'L2').state.watching !== l1 || actor(view, 'L3').state.watching !== l2) return 'L2 should watch L1\'s node and L3 L2\'s';
        return null;
      },
    },
    {
      id: 'crashed', atMs: 3300, focus: [{ client: 'c1' }, { actor: 'L2' }],
      expect: (view) => {
        if (view.clients.find((client) => client.id === 'c1')?.state !== 'CRASHED') return 'c1 should have crashed';
        if (!exists(view, nodeOf(view, 'L1'))) return 'L1\'s node should still exist';
        return actor(view, 'L2').state.holds === false && actor(view, 'L2').state.phase === 'waiting' ? null : 'L2 should still be waiting';
      },
    },
    {
      id: 'handoff', atMs: 8030, focus: [{ actor: 'L2' }, { actor: 'L3' }],
      quiz: { options: 3, answer: 0 },
      expect: (view) => {
        if (lockNodes(view).length !== 2) return 'L1\'s node should be gone, two left';
        if (actor(view, 'L2').state.holds !== true) return 'L2 should hold the lock';
        if (actor(view, 'L3').state.phase !== 'waiting' || actor(view, 'L3').state.watching !== nodeOf(view, 'L2')) return 'L3 should still wait on L2\'s node';
        return actor(view, 'L3').state.wakeups === 0 ? null : 'L3 must not have been woken';
      },
    },
    {
      id: 'released', atMs: 10060, focus: [{ actor: 'L3' }, { znode: '/locks/job' }],
      quiz: { options: 3, answer: 1 },
      expect: (view) => {
        if (actor(view, 'L3').state.holds !== true) return 'L3 should hold the lock';
        if (lockNodes(view).length !== 1 || !exists(view, nodeOf(view, 'L3'))) return 'only L3\'s node should remain';
        return view.clients.find((client) => client.id === 'c2')?.state === 'CONNECTED' ? null : 'c2 should still be connected: it released by deleting its node';
      },
    },
    {
      id: 'herd', atMs: 14650, focus: [{ actor: 'N2' }, { actor: 'N3' }, { znode: '/naive/lock' }],
      expect: (view) => {
        const [n1, n2, n3] = ['N1', 'N2', 'N3'].map((id) => actor(view, id).state);
        if (n1!.holds !== false || n3!.holds !== true) return 'N1 should have released and N3 should hold /naive/lock';
        if (n2!.wakeups !== 1 || n3!.wakeups !== 1) return 'N1\'s release should have woken both N2 and N3';
        return n2!.phase === 'waiting' && n2!.holds === false ? null : 'N2 should have lost the race and wait again';
      },
    },
  ],
};
