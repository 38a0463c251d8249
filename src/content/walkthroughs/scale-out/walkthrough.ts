// Question 20 of the notes: how do you add servers to a running ensemble? With dynamic reconfig
// (3.5+, reconfigEnabled=true): three spares run as non-voting followers; one reconfig makes 4
// and 5 voters and 6 an observer. The reconfig PROPOSAL needs a quorum of the old AND the new
// config; its COMMITANDACTIVATE switches every server to the new membership, server 6 rejoins as
// an observer, and writes then need 3 of 5 voters: two of the original three can crash and the
// ensemble still writes.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

interface Membership { voters: number[]; observers: number[]; version: number }

const server = (view: WorldView, id: number) => view.servers.find((entry) => entry.id === id)!;
const membershipOf = (view: WorldView, id: number) => server(view, id).detail.membership as Membership;
const has = (view: WorldView, path: string) => view.znodes.some((entry) => entry.path === path);
const sameList = (left: number[], right: number[]) => left.join() === right.join();

export const walkthrough: WalkthroughDef = {
  id: 'scale-out',
  questions: [20],
  scenario: {
    version: 1, title: 'Scale out: reconfig adds voters and an observer', seed: 20,
    ensemble: { servers: 3, spares: 3, reconfigEnabled: true },
    clients: { admin: { server: 3, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { sleep: 1000 },
      { client: 'admin', op: 'reconfig', joining: [{ server: 4 }, { server: 5 }, { server: 6, role: 'observer' }] },
      { client: 'admin', op: 'create', path: '/after-reconfig', data: 'new quorum' },
      { sleep: 1000 },
      // Two of the original three voters: fatal for a 3-voter ensemble, not for 5.
      { fault: 'crash', server: 1 }, { fault: 'crash', server: 2 },
      { sleep: 3000 },
      { client: 'admin', op: 'create', path: '/still-writable', data: 'three of five' },
      { sleep: 500 },
    ],
  },
  checkpoints: [
    {
      id: 'joiners', atMs: 1200, focus: [{ server: 4 }, { server: 5 }, { server: 6 }],
      expect: (view) => {
        if (!sameList(membershipOf(view, 3).voters, [1, 2, 3])) return 'the leader\'s membership should be voters 1, 2, 3';
        if (![4, 5, 6].every((id) => server(view, id).role === 'FOLLOWING' && server(view, id).serving)) return 'servers 4, 5, 6 should follow and serve';
        const learners = (server(view, 3).detail.learners as { sid: number }[]).map((learner) => learner.sid);
        return [4, 5, 6].every((id) => learners.includes(id)) ? null : 'the spares should be connected to the leader';
      },
    },
    {
      id: 'proposal', atMs: 1289, focus: [{ server: 3 }, { message: 'ACK' }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        const outstanding = server(view, 3).detail.outstanding as { zxid: number; acks: number[] }[];
        if (outstanding.length !== 1) return 'the reconfig proposal should be waiting for ACKs';
        return view.messages.some((message) => message.label === 'ACK' && message.to === 3) ? null : 'ACKs should be on their way to the leader';
      },
    },
    {
      id: 'activated', atMs: 1296, focus: [{ message: 'COMMITANDACTIVATE' }, { znode: '/zookeeper/config' }],
      expect: (view) => {
        const leader = membershipOf(view, 3);
        if (!sameList(leader.voters, [1, 2, 3, 4, 5]) || !sameList(leader.observers, [6])) return 'the leader should use voters 1-5 and observer 6';
        if (!view.messages.some((message) => message.label === 'COMMITANDACTIVATE')) return 'COMMITANDACTIVATE should be in flight';
        const config = view.znodes.find((entry) => entry.path === '/zookeeper/config')?.data ?? '';
        if (!/server\.6=.*observer/.test(config) || !/server\.5=.*participant/.test(config)) return '/zookeeper/config should list 4 and 5 as participants and 6 as observer';
        return server(view, 6).role === 'LOOKING' ? null : 'server 6 should be rejoining in its new role';
      },
    },
    {
      id: 'new-quorum', atMs: 1320, focus: [{ server: 6 }, { znode: '/after-reconfig' }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        if (!has(view, '/after-reconfig')) return '/after-reconfig should be committed';
        if (server(view, 6).role !== 'OBSERVING') return 'server 6 should be OBSERVING';
        return [1, 2, 4, 5].every((id) => sameList(membershipOf(view, id).voters, [1, 2, 3, 4, 5])) ? null : 'every follower should have activated the new membership';
      },
    },
    {
      id: 'two-down', atMs: 2400, focus: [{ server: 1 }, { server: 2 }, { server: 3 }],
      expect: (view) => {
        if (server(view, 1).alive || server(view, 2).alive) return 'servers 1 and 2 should be down';
        return server(view, 3).role === 'LEADING' && server(view, 3).serving ? null : 'server 3 should still lead with 4 and 5';
      },
    },
    {
      id: 'still-writable', atMs: 6000, focus: [{ znode: '/still-writable' }],
      expect: (view) => (has(view, '/still-writable') ? null : '/still-writable should be committed by 3 of 5 voters'),
    },
  ],
};
