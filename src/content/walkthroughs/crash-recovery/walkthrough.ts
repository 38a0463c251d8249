// Questions 13 and 24 of the notes: how does an ensemble recover from failures? Five servers,
// server 5 leads. Server 4 crashes and misses the write /order; then the leader crashes and
// server 4 restarts at the same moment. Fast Leader Election picks server 3, the highest
// (epoch, zxid, sid), not server 4 with the highest id; discovery bumps the epoch to 2; sync gives
// server 4 the txn it missed by DIFF; the client reconnects to another server with its session.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

const server = (view: WorldView, id: number) => view.servers.find((entry) => entry.id === id)!;
const has = (view: WorldView, path: string) => view.znodes.some((node) => node.path === path);
const c1 = (view: WorldView) => view.clients.find((client) => client.id === 'c1')!;

/** zxids of epoch 1: createSession c1, create /before, create /order. */
const BEFORE = 0x100000002;
const ORDER = 0x100000003;

export const walkthrough: WalkthroughDef = {
  id: 'crash-recovery',
  questions: [13, 24],
  scenario: {
    version: 1, title: 'Crash recovery', seed: 13, ensemble: { servers: 5 },
    clients: { c1: { server: 5, sessionTimeoutMs: 10000, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { client: 'c1', op: 'create', path: '/before', data: 'x' },
      { fault: 'crash', server: 4 }, { sleep: 500 },
      { client: 'c1', op: 'create', path: '/order', data: '42' }, { sleep: 500 },
      { fault: 'crash', server: 5 }, { fault: 'restart', server: 4 },
      { await: 'serving' }, { sleep: 300 },
    ],
  },
  checkpoints: [
    {
      id: 'committed', atMs: 1000, focus: [{ znode: '/order' }, { server: 4 }, { server: 5 }],
      expect: (view) => {
        if (server(view, 5).role !== 'LEADING') return 'server 5 should lead';
        if (server(view, 4).alive) return 'server 4 should be down';
        if (!has(view, '/order')) return '/order should be committed';
        if (server(view, 4).lastZxid !== BEFORE) return 'server 4 should have missed /order';
        return [1, 2, 3, 5].every((id) => server(view, id).lastZxid === ORDER) ? null : 'servers 1, 2, 3 and 5 should have logged /order';
      },
    },
    {
      id: 'looking', atMs: 1408, focus: [{ message: 'NOTIFICATION' }, { server: 4 }, { server: 3 }],
      quiz: { options: 4, answer: 0 },
      expect: (view) => {
        if (server(view, 5).alive) return 'server 5 should be down';
        if (![1, 2, 3, 4].every((id) => server(view, id).role === 'LOOKING')) return 'servers 1 to 4 should be LOOKING';
        if (!view.messages.some((message) => message.label === 'NOTIFICATION')) return 'NOTIFICATIONs should be in flight';
        return c1(view).state === 'DISCONNECTED' ? null : 'c1 should have lost its connection to server 5';
      },
    },
    {
      id: 'discovery', atMs: 1628, focus: [{ server: 3 }, { message: 'LEADERINFO' }, { message: 'ACKEPOCH' }],
      quiz: { options: 4, answer: 3 },
      expect: (view) => {
        const three = server(view, 3);
        if (three.role !== 'LEADING' || three.serving) return 'server 3 should be LEADING but not serving yet';
        if (three.detail.acceptedEpoch !== 2 || three.epoch !== 1) return 'server 3 should have accepted epoch 2, not yet made it current';
        if (![1, 2, 4].every((id) => server(view, id).role === 'FOLLOWING')) return 'servers 1, 2 and 4 should follow server 3';
        return view.messages.some((message) => message.label === 'ACKEPOCH' || message.label === 'LEADERINFO') ? null : 'LEADERINFO / ACKEPOCH should be in flight';
      },
    },
    {
      id: 'synced', atMs: 1700, focus: [{ server: 4 }, { znode: '/order' }],
      expect: (view) => {
        const three = server(view, 3);
        if (three.role !== 'LEADING' || !three.serving || three.epoch !== 2) return 'server 3 should lead epoch 2 and serve';
        if (server(view, 4).detail.syncMode !== 'DIFF') return 'server 4 should have been synchronised by DIFF';
        if (![1, 2, 4].every((id) => server(view, id).serving && server(view, id).lastZxid === ORDER)) return 'servers 1, 2 and 4 should serve with /order';
        return has(view, '/order') && has(view, '/before') ? null : 'both writes should survive';
      },
    },
    {
      id: 'client-back', atMs: 2000, focus: [{ client: 'c1' }],
      expect: (view) => {
        const client = c1(view);
        if (client.state !== 'CONNECTED' || client.server === 5 || client.server === null) return 'c1 should be connected to a live server';
        const log = server(view, 3).detail.log as { text: string }[];
        const created = log.filter((entry) => entry.text.startsWith('createSession')).map((entry) => entry.text.split(/\s+/)[1]);
        return created.length === 1 && created[0] === client.sessionId ? null : 'c1 should still have the one session it created';
      },
    },
  ],
};
