// Q8 (客户端连接断开): a lost connection is not a lost session. c1's server crashes; c1 reconnects
// to server 2 within its 10 s timeout, the follower checks the session with the leader
// (REVALIDATE), and c1 keeps its session id, its ephemeral node and its watch (re-registered with
// SetWatches; it fires later from server 2). For contrast c3 (4 s timeout) is cut off for 12 s:
// the leader expires its session while it is away, and c3 learns it only when it gets through.
import type { WorldView } from '../../../engine/world/view';
import type { WalkthroughDef } from '../types';

const client = (view: WorldView, id: string) => view.clients.find((entry) => entry.id === id)!;
const node = (view: WorldView, path: string) => view.znodes.find((entry) => entry.path === path);
const ownsNode = (view: WorldView, id: string, path: string) => {
  const owner = node(view, path)?.ephemeralOwner;
  return owner !== undefined && owner !== null && owner === client(view, id).sessionId;
};

export const walkthrough: WalkthroughDef = {
  id: 'client-disconnect',
  questions: [8],
  scenario: {
    version: 1, title: 'Client disconnect: reconnect keeps the session', seed: 108, ensemble: { servers: 3 },
    clients: {
      c1: { server: 1, sessionTimeoutMs: 10000, connectAtStart: false }, c2: { server: 2, sessionTimeoutMs: 10000, connectAtStart: false },
      c3: { server: 3, sessionTimeoutMs: 4000, connectAtStart: false },
    },
    steps: [
      { await: 'serving' },
      { client: 'c2', op: 'create', path: '/config', data: 'v1' },
      { client: 'c1', op: 'create', path: '/workers-c1', mode: 'EPHEMERAL' },
      { client: 'c1', op: 'getData', path: '/config', watch: true },
      { client: 'c3', op: 'create', path: '/workers-c3', mode: 'EPHEMERAL' },
      { fault: 'crash', server: 1 }, { sleep: 3000 },
      { client: 'c2', op: 'setData', path: '/config', data: 'v2' }, { sleep: 500 },
      { fault: 'disconnect', client: 'c3', durationMs: 12000 }, { sleep: 14000 },
    ],
  },
  checkpoints: [
    {
      id: 'connected', atMs: 400, focus: [{ client: 'c1' }, { znode: '/workers-c1' }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        if (client(view, 'c1').server !== 1) return 'c1 should be connected to server 1';
        return ownsNode(view, 'c1', '/workers-c1') ? null : '/workers-c1 should be c1\'s ephemeral';
      },
    },
    {
      id: 'revalidate', atMs: 740, focus: [{ message: 'REVALIDATE' }, { client: 'c1' }],
      expect: (view) => {
        if (view.servers.find((server) => server.id === 1)?.alive) return 'server 1 should be down';
        const c1 = client(view, 'c1');
        if (c1.state !== 'DISCONNECTED' || c1.attemptServer !== 2) return 'c1 should be trying server 2';
        if (!view.messages.some((message) => message.label === 'REVALIDATE' && message.from === 2 && message.to === 3)) return 'server 2 should be asking the leader with REVALIDATE';
        return ownsNode(view, 'c1', '/workers-c1') ? null : '/workers-c1 should still belong to c1\'s session';
      },
    },
    {
      id: 'reconnected', atMs: 760, focus: [{ client: 'c1' }, { server: 2 }],
      quiz: { options: 3, answer: 2 },
      expect: (view) => {
        const c1 = client(view, 'c1');
        if (c1.state !== 'CONNECTED' || c1.server !== 2) return 'c1 should be connected to server 2';
        return ownsNode(view, 'c1', '/workers-c1') ? null : 'c1 should have the same session, still owning /workers-c1';
      },
    },
    {
      id: 'watch-fired', atMs: 3430, focus: [{ client: 'c1' }, { znode: '/config' }],
      quiz: { options: 3, answer: 0 },
      expect: (view) => {
        if (node(view, '/config')?.data !== 'v2') return '/config should be v2';
        const c1 = client(view, 'c1');
        return view.messages.some((message) => message.from === 2 && message.to === c1.endpoint && message.label.includes('NodeDataChanged')) ? null : 'server 2 should be sending c1 NodeDataChanged';
      },
    },
    {
      id: 'c3-expired', atMs: 8020, focus: [{ client: 'c3' }],
      expect: (view) => {
        if (node(view, '/workers-c3')) return '/workers-c3 should be gone';
        const c3 = client(view, 'c3');
        if (c3.state !== 'DISCONNECTED') return 'c3 should still be DISCONNECTED, unaware';
        return client(view, 'c1').state === 'CONNECTED' && ownsNode(view, 'c1', '/workers-c1') ? null : 'c1 should be unaffected';
      },
    },
    {
      id: 'c3-learns', atMs: 16540, focus: [{ client: 'c3' }],
      expect: (view) => (client(view, 'c3').state === 'EXPIRED' ? null : 'c3 should be EXPIRED'),
    },
  ],
};
