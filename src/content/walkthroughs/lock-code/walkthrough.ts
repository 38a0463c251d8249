// The lock programs after the notes' 30 questions (question 0): why they are not locks. First
// the notes' own approach, as plain client ops: p1 and p2 each `set` the shared /mylock and call
// `exists`; both "acquire" it, and p2's lock_release deletes the node p1 believes it holds. Then
// the naive ephemeral lock (naive-lock actors N1-N4): mutual exclusion, but every release wakes
// every waiter (the herd effect). Last the recipe (lock actors L1-L4): EPHEMERAL_SEQUENTIAL
// nodes, each waiter watches only its predecessor; one holder at a time, one wakeup per release.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';
import type { ActorView } from '../../../engine/world/actors';

const node = (view: WorldView, path: string) => view.znodes.find((entry) => entry.path === path);
const actorsOf = (view: WorldView, prefix: string) => (view.actors ?? []).filter((actor) => actor.id.startsWith(prefix));
const holders = (actors: ActorView[]) => actors.filter((actor) => actor.state.holds === true).map((actor) => actor.id);
const wakeups = (actors: ActorView[]) => actors.reduce((sum, actor) => sum + Number(actor.state.wakeups), 0);

/** The recipe's safety claim: never more than one holder. */
function oneHolderAtMost(view: WorldView, prefix: string): string | null {
  const holding = holders(actorsOf(view, prefix));
  return holding.length <= 1 ? null : `mutual exclusion broken: ${holding.join(', ')} all hold`;
}

const naive = (id: number, startMs: number) => ({ id: `N${id}`, recipe: 'naive-lock', client: `n${id}`, path: '/naive/lock', holdMs: 1500, startMs });
const recipe = (id: number, startMs: number) => ({ id: `L${id}`, recipe: 'lock', client: `l${id}`, path: '/locks/job', holdMs: 1500, startMs });

export const walkthrough: WalkthroughDef = {
  id: 'lock-code',
  questions: [0],
  scenario: {
    version: 1, title: 'The notes\' lock programs, the naive lock and the recipe', seed: 5, ensemble: { servers: 3 },
    clients: { p1: { server: 1, connectAtStart: false }, p2: { server: 2, connectAtStart: false } },
    steps: [
      { await: 'serving' },
      // main(): create_node(lock_path, lock_id)
      { client: 'p1', op: 'create', path: '/mylock', data: 'my_lock' },
      // lock_acquire in p1: zk.set(node_path, ...) then zk.exists(node_path) -> "Lock acquired"
      { client: 'p1', op: 'setData', path: '/mylock', data: 'p1' },
      { client: 'p1', op: 'exists', path: '/mylock' },
      { sleep: 300 },
      // The same lock_acquire in p2.
      { client: 'p2', op: 'setData', path: '/mylock', data: 'p2' },
      { client: 'p2', op: 'exists', path: '/mylock' },
      { sleep: 300 },
      // lock_release: zk.delete(node_path), whoever "holds" it.
      { client: 'p2', op: 'delete', path: '/mylock' },
      // p1 tries again: NoNodeError, which one version of the notes prints as "Lock acquired".
      { client: 'p1', op: 'setData', path: '/mylock', data: 'p1' },
      { sleep: 20000 },
    ],
    actors: [naive(1, 3000), naive(2, 3100), naive(3, 3100), naive(4, 3100), recipe(1, 12000), recipe(2, 12100), recipe(3, 12100), recipe(4, 12100)],
  },
  checkpoints: [
    {
      id: 'p1-holds', atMs: 600, focus: [{ client: 'p1' }, { znode: '/mylock' }],
      quiz: { options: 4, answer: 3 },
      expect: (view) => {
        const lock = node(view, '/mylock');
        return lock?.data === 'p1' && lock.version === 1 ? null : '/mylock should hold p1 at version 1';
      },
    },
    {
      id: 'both-hold', atMs: 900, focus: [{ client: 'p2' }, { znode: '/mylock' }],
      expect: (view) => {
        const lock = node(view, '/mylock');
        if (lock?.data !== 'p2' || lock.version !== 2) return '/mylock should hold p2 at version 2: both sets succeeded';
        return view.clients.find((client) => client.id === 'p2')?.pending.length === 0 ? null : 'p2\'s exists should have returned';
      },
    },
    {
      id: 'released-under', atMs: 1500, focus: [{ znode: '/mylock' }, { client: 'p1' }],
      expect: (view) => {
        if (node(view, '/mylock')) return '/mylock should be deleted by p2\'s lock_release';
        const leader = view.servers.find((server) => server.role === 'LEADING' && server.serving);
        const log = (leader?.detail.log ?? []) as { text: string }[];
        return log.some((entry) => entry.text.startsWith('delete /mylock')) ? null : 'the leader\'s log should show the delete of /mylock';
      },
    },
    {
      id: 'naive-waiting', atMs: 4500, focus: [{ actor: 'N1' }, { znode: '/naive/lock' }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        const actors = actorsOf(view, 'N');
        if (holders(actors).join() !== 'N1') return 'N1 alone should hold the naive lock';
        const watching = actors.filter((actor) => actor.state.watching === '/naive/lock').map((actor) => actor.id);
        return watching.join() === 'N2,N3,N4' ? null : `N2, N3 and N4 should all watch /naive/lock (watching: ${watching.join()})`;
      },
    },
    {
      id: 'naive-herd', atMs: 4650, focus: [{ actor: 'N2' }, { actor: 'N3' }, { actor: 'N4' }],
      quiz: { options: 4, answer: 0 },
      expect: (view) => {
        const actors = actorsOf(view, 'N');
        if (wakeups(actors) !== 3) return `one release should have woken all three waiters, not ${wakeups(actors)}`;
        return holders(actors).length === 1 ? oneHolderAtMost(view, 'N') : 'exactly one naive waiter should have won the race';
      },
    },
    {
      id: 'recipe', atMs: 13620, focus: [{ actor: 'L4' }, { znode: '/locks/job' }],
      expect: (view) => {
        const actors = actorsOf(view, 'L');
        const problem = oneHolderAtMost(view, 'L');
        if (problem) return problem;
        const holder = actors.find((actor) => actor.state.holds === true);
        if (!holder || holder.id !== 'L4') return 'L4, whose node followed L1\'s, should hold the lock';
        if (wakeups(actors) !== 1) return `L1's release should have woken exactly one waiter, not ${wakeups(actors)}`;
        const waiting = actors.filter((actor) => actor.state.phase === 'waiting');
        const predecessors = new Set(waiting.map((actor) => String(actor.state.watching)));
        return waiting.length === 2 && predecessors.size === 2 ? null : 'the two remaining waiters should each watch a different predecessor';
      },
    },
  ],
};
