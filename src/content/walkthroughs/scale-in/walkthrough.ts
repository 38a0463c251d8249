// Question 21 of the notes: how do you remove servers from a running ensemble? With dynamic
// reconfig: a request that would leave one voter is refused (BADARGUMENTS); removing 4 and 5,
// leader 5 included, commits with both quorums, and leadership moves to a remaining voter
// (server 3, the designated leader). 4 and 5 keep running as non-voting followers until they are
// shut down, which then changes nothing; the quorum is now 2 of 3, so even losing leader 3
// leaves servers 1 and 2 able to elect a leader and write.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

interface Membership { voters: number[]; observers: number[]; version: number }

const server = (view: WorldView, id: number) => view.servers.find((entry) => entry.id === id)!;
const votersOf = (view: WorldView, id: number) => (server(view, id).detail.membership as Membership).voters.join();
const leaderOf = (view: WorldView) => view.servers.find((entry) => entry.role === 'LEADING' && entry.serving);
const has = (view: WorldView, path: string) => view.znodes.some((entry) => entry.path === path);

export const walkthrough: WalkthroughDef = {
  id: 'scale-in',
  questions: [21],
  scenario: {
    version: 1, title: 'Scale in: reconfig removes servers, the leader included', seed: 21,
    ensemble: { servers: 5, reconfigEnabled: true },
    clients: { admin: { server: 1, connectAtStart: false }, app: { server: 2, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { sleep: 1000 },
      // Too many at once: one voter would be left (standaloneEnabled=true needs at least two).
      { client: 'admin', op: 'reconfig', leaving: [2, 3, 4, 5] },
      { client: 'admin', op: 'reconfig', leaving: [4, 5] },
      { sleep: 1000 }, { await: 'serving' },
      { client: 'admin', op: 'create', path: '/after-reconfig', data: '3 voters' },
      { sleep: 500 },
      // Only now shut the removed servers down.
      { fault: 'crash', server: 4 }, { fault: 'crash', server: 5 },
      { sleep: 1000 },
      { fault: 'crash', server: 3 },
      { sleep: 3000 },
      { client: 'app', op: 'create', path: '/two-of-three', data: 'x' },
      { sleep: 500 },
    ],
  },
  checkpoints: [
    {
      id: 'five', atMs: 1325, focus: [{ server: 5 }],
      quiz: { options: 4, answer: 0 },
      expect: (view) => {
        if (leaderOf(view)?.id !== 5) return 'server 5 should lead';
        return votersOf(view, 5) === '1,2,3,4,5' ? null : 'the membership should still be five voters';
      },
    },
    {
      id: 'handover', atMs: 1352, focus: [{ server: 5 }, { message: 'COMMITANDACTIVATE' }],
      expect: (view) => {
        if (server(view, 5).role !== 'LOOKING') return 'server 5 should have stopped leading';
        if (votersOf(view, 5) !== '1,2,3') return 'server 5 should have activated voters 1, 2, 3';
        return view.messages.some((message) => message.label === 'COMMITANDACTIVATE') ? null : 'COMMITANDACTIVATE should still be reaching some followers';
      },
    },
    {
      id: 'new-leader', atMs: 1610, focus: [{ server: 3 }],
      expect: (view) => {
        if (leaderOf(view)?.id !== 3) return 'server 3 should lead';
        if (votersOf(view, 3) !== '1,2,3') return 'the leader\'s voters should be 1, 2, 3';
        return [1, 2].every((id) => server(view, id).role === 'FOLLOWING') ? null : 'servers 1 and 2 should follow';
      },
    },
    {
      id: 'non-voting', atMs: 2700, focus: [{ server: 4 }, { server: 5 }],
      quiz: { options: 3, answer: 2 },
      expect: (view) => {
        if (![4, 5].every((id) => server(view, id).role === 'FOLLOWING')) return 'servers 4 and 5 should follow as non-voting followers';
        if (votersOf(view, 3) !== '1,2,3') return 'the leader\'s voters should be 1, 2, 3';
        return has(view, '/after-reconfig') ? null : '/after-reconfig should be committed';
      },
    },
    {
      id: 'shut-down', atMs: 3400, focus: [{ server: 4 }, { server: 5 }, { server: 3 }],
      expect: (view) => {
        if (server(view, 4).alive || server(view, 5).alive) return 'servers 4 and 5 should be down';
        return leaderOf(view)?.id === 3 ? null : 'server 3 should still lead: 4 and 5 no longer count';
      },
    },
    {
      id: 'two-of-three', atMs: 7400, focus: [{ server: 2 }, { znode: '/two-of-three' }],
      expect: (view) => {
        const leader = leaderOf(view);
        if (!leader || leader.id > 2) return 'server 1 or 2 should lead';
        return has(view, '/two-of-three') ? null : '/two-of-three should be committed by 2 of 3 voters';
      },
    },
  ],
};
