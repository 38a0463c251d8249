// Questions 9, 17 and 28 of the notes: what happens when a session expires? c1 owns an ephemeral
// /lock and loses its network for longer than its 6 s timeout. The leader's session tracker (not
// the client) expires the session with a closeSession txn; /lock goes and c2's watch fires while
// c1 still only knows it is DISCONNECTED. When c1's network returns it learns EXPIRED, and the
// application has to open a new session and create /lock again: nothing of the old one survives.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

const client = (view: WorldView, id: string) => view.clients.find((entry) => entry.id === id);
const lock = (view: WorldView) => view.znodes.find((node) => node.path === '/lock');
const leaderOf = (view: WorldView) => view.servers.find((server) => server.role === 'LEADING' && server.serving);

/** The session id the leader's log closed (its closeSession txn), if any. */
function closedSession(view: WorldView): string | null {
  const log = (leaderOf(view)?.detail.log ?? []) as { text: string }[];
  const entry = log.find((item) => item.text.startsWith('closeSession'));
  return entry ? entry.text.split(/\s+/)[1]! : null;
}

export const walkthrough: WalkthroughDef = {
  id: 'session-expiry',
  questions: [9, 17, 28],
  scenario: {
    version: 1, title: 'Session expiry', seed: 7, ensemble: { servers: 3 },
    clients: { c1: { server: 1, sessionTimeoutMs: 6000, connectAtStart: false }, c2: { server: 2, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { client: 'c1', op: 'create', path: '/lock', mode: 'EPHEMERAL' }, { client: 'c2', op: 'exists', path: '/lock', watch: true },
      { fault: 'disconnect', client: 'c1', durationMs: 20000 }, { sleep: 21000 },
      // What the application must do after Expired: a new session, then its ephemerals (and watches) again.
      { client: 'c1', op: 'connect' }, { client: 'c1', op: 'create', path: '/lock', mode: 'EPHEMERAL' },
      { client: 'c2', op: 'exists', path: '/lock', watch: true }, { sleep: 500 },
    ],
  },
  checkpoints: [
    {
      id: 'cut-off', atMs: 1000, focus: [{ client: 'c1' }, { znode: '/lock' }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        const c1 = client(view, 'c1');
        if (c1?.state !== 'DISCONNECTED') return `c1 should be DISCONNECTED, not ${c1?.state}`;
        if (lock(view)?.ephemeralOwner !== c1.sessionId) return '/lock should still exist and belong to c1\'s session';
        return c1.sessionExpiresInMs !== null && c1.sessionExpiresInMs !== undefined && c1.sessionExpiresInMs > 0 ? null : 'the leader should still be counting down c1\'s session';
      },
    },
    {
      id: 'close-session', atMs: 8001, focus: [{ server: 3 }, { message: 'PROPOSAL' }],
      expect: (view) => {
        if (leaderOf(view)?.id !== 3) return 'server 3 should lead';
        if (!view.messages.some((message) => message.label === 'PROPOSAL' && message.from === 3)) return 'the closeSession PROPOSAL should be in flight';
        if (closedSession(view) !== client(view, 'c1')?.sessionId) return 'the leader should have logged closeSession for c1\'s session';
        if (!lock(view)) return '/lock is deleted only when the closeSession txn commits';
        return client(view, 'c1')?.state === 'DISCONNECTED' ? null : 'c1 should still only be DISCONNECTED';
      },
    },
    {
      id: 'node-gone', atMs: 8100, focus: [{ znode: '/lock' }, { client: 'c2' }, { client: 'c1' }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        if (lock(view)) return '/lock should be gone';
        if (view.servers.some((server) => server.lastZxid !== view.servers[0]!.lastZxid)) return 'every server should have applied the closeSession txn';
        return client(view, 'c1')?.state === 'DISCONNECTED' ? null : 'c1 should not know yet: still DISCONNECTED';
      },
    },
    {
      id: 'expired', atMs: 20800, focus: [{ client: 'c1' }],
      expect: (view) => (client(view, 'c1')?.state === 'EXPIRED' ? null : 'c1 should have learned EXPIRED from server 1'),
    },
    {
      id: 'new-session', atMs: 21600, focus: [{ client: 'c1' }, { znode: '/lock' }],
      expect: (view) => {
        const c1 = client(view, 'c1');
        if (c1?.state !== 'CONNECTED' || !c1.sessionId) return 'c1 should be CONNECTED with a session';
        if (c1.sessionId === closedSession(view)) return 'c1 should have a new session id, not the expired one';
        return lock(view)?.ephemeralOwner === c1.sessionId ? null : '/lock should exist again, owned by the new session';
      },
    },
  ],
};
