// Question 2 of the notes: how does ZooKeeper elect its leader? Five fresh servers run Fast
// Leader Election (the highest (epoch, zxid, myid) wins), a client connects without causing an
// election, then the leader crashes and the four survivors elect server 4 in a new epoch.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

const leaderOf = (view: WorldView) => view.servers.find((server) => server.role === 'LEADING' && server.serving);

/** Server `id` leads epoch `epoch` and every other live server follows it and serves. */
function leads(view: WorldView, id: number, epoch: number): string | null {
  const leader = leaderOf(view);
  if (leader?.id !== id) return `server ${id} should lead, not ${leader ? `server ${leader.id}` : 'nobody'}`;
  if (leader.epoch !== epoch) return `the epoch should be ${epoch}, not ${leader.epoch}`;
  const notFollowing = view.servers.filter((server) => server.alive && server.id !== id && !(server.role === 'FOLLOWING' && server.serving));
  return notFollowing.length === 0 ? null : `server ${notFollowing[0]!.id} should follow and serve`;
}

export const walkthrough: WalkthroughDef = {
  id: 'election',
  questions: [2],
  scenario: {
    version: 1, title: 'Leader election', seed: 1, ensemble: { servers: 5 },
    clients: { c1: { server: 1, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { sleep: 300 },
      { client: 'c1', op: 'create', path: '/hello', data: 'x' }, { sleep: 1000 },
      { fault: 'crash', server: 5 }, { await: 'serving' }, { sleep: 500 },
    ],
  },
  checkpoints: [
    {
      id: 'looking', atMs: 10, focus: [{ message: 'NOTIFICATION' }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => (view.servers.every((server) => server.role === 'LOOKING') ? null : 'every server should still be LOOKING'),
    },
    {
      id: 'elected', atMs: 300, focus: [{ server: 5 }],
      quiz: { options: 3, answer: 1 },
      expect: (view) => leads(view, 5, 1),
    },
    {
      id: 'client', atMs: 620, focus: [{ client: 'c1' }, { server: 1 }, { znode: '/hello' }],
      expect: (view) => {
        const c1 = view.clients.find((client) => client.id === 'c1');
        if (c1?.state !== 'CONNECTED' || c1.server !== 1) return 'c1 should be connected to server 1';
        if (!view.znodes.some((node) => node.path === '/hello')) return '/hello should exist';
        return leads(view, 5, 1);
      },
    },
    {
      id: 'crashed', atMs: 1620, focus: [{ server: 5 }, { message: 'NOTIFICATION' }, { client: 'c1' }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        const five = view.servers.find((server) => server.id === 5);
        if (five?.alive !== false) return 'server 5 should be down';
        if (view.clients.find((client) => client.id === 'c1')?.state !== 'DISCONNECTED') return 'c1 should be DISCONNECTED';
        return view.servers.every((server) => !server.alive || server.role === 'LOOKING') ? null : 'servers 1 to 4 should be LOOKING';
      },
    },
    {
      id: 'reelected', atMs: 1900, focus: [{ server: 4 }],
      expect: (view) => leads(view, 4, 2),
    },
    {
      id: 'reconnected', atMs: 2300, focus: [{ client: 'c1' }, { znode: '/hello' }],
      expect: (view) => {
        const c1 = view.clients.find((client) => client.id === 'c1');
        if (c1?.state !== 'CONNECTED' || c1.server === 5 || c1.server === null) return 'c1 should be connected to a live server';
        if (!view.znodes.some((node) => node.path === '/hello')) return '/hello should survive the failover';
        return leads(view, 4, 2);
      },
    },
  ],
};
