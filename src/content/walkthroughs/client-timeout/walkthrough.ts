// Questions 16 and 27 of the notes: how does ZooKeeper handle a client timeout? Two different
// timeouts. First the connection: c1's create /job is committed by the ensemble, but the COMMIT
// to c1's server (1) is slowed down, so no reply and no ping answer reach c1 for 2/3 of its 6 s
// session timeout; c1 drops the connection, the create fails with CONNECTIONLOSS although /job
// exists, c1 reconnects to server 2 with the same session, and a blind retry gets NODEEXISTS.
// Then the session: c1 is cut off for 12 s; the leader expires the session (the ephemeral /svc
// goes) and c1 learns Expired only when its network returns.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

const c1Of = (view: WorldView) => view.clients.find((entry) => entry.id === 'c1');
const node = (view: WorldView, path: string) => view.znodes.find((entry) => entry.path === path);

export const walkthrough: WalkthroughDef = {
  id: 'client-timeout',
  questions: [16, 27],
  scenario: {
    version: 1, title: 'Client timeout: connection loss vs session expiry', seed: 16, ensemble: { servers: 3 },
    clients: { c1: { server: 1, sessionTimeoutMs: 6000, connectAtStart: false } },
    steps: [
      { await: 'serving' },
      { client: 'c1', op: 'create', path: '/svc', mode: 'EPHEMERAL' },
      { sleep: 1000 },
      // The leader's packets to server 1 take 6 s: /job commits on servers 2 and 3, but server 1
      // can answer c1 only once the COMMIT arrives, later than c1's 4 s read timeout.
      { fault: 'delay', from: 3, to: 1, latencyMsMin: 6000, latencyMsMax: 6000 },
      { client: 'c1', op: 'create', path: '/job', data: 'run once' },
      { fault: 'heal' },
      // The naive reaction to CONNECTIONLOSS: send the same create again.
      { client: 'c1', op: 'create', path: '/job', data: 'run once' },
      { client: 'c1', op: 'exists', path: '/job' },
      { sleep: 6000 },
      // Now a cut longer than the session timeout.
      { fault: 'disconnect', client: 'c1', durationMs: 12000 },
      { sleep: 16000 },
    ],
  },
  checkpoints: [
    {
      id: 'waiting', atMs: 1430, focus: [{ client: 'c1' }, { message: 'COMMIT' }, { znode: '/job' }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        const c1 = c1Of(view);
        if (c1?.state !== 'CONNECTED' || c1.server !== 1) return 'c1 should be connected to server 1';
        if (!c1.pending.includes('create /job')) return 'c1 should still be waiting for its create /job';
        if (!node(view, '/job')) return 'the leader should already have committed /job';
        return view.messages.some((message) => message.label === 'COMMIT' && message.from === 3 && message.to === 1) ? null : 'the COMMIT to server 1 should be in flight';
      },
    },
    {
      id: 'lost', atMs: 4410, focus: [{ client: 'c1' }, { znode: '/job' }],
      quiz: { options: 3, answer: 0 },
      expect: (view) => {
        const c1 = c1Of(view);
        if (c1?.state !== 'DISCONNECTED') return `c1 should be DISCONNECTED, not ${c1?.state}`;
        if (!node(view, '/job')) return '/job should exist although c1 got CONNECTIONLOSS';
        return node(view, '/svc')?.ephemeralOwner === c1.sessionId ? null : '/svc should still belong to c1\'s session';
      },
    },
    {
      id: 'same-session', atMs: 4800, focus: [{ client: 'c1' }, { server: 2 }, { znode: '/svc' }],
      expect: (view) => {
        const c1 = c1Of(view);
        if (c1?.state !== 'CONNECTED' || c1.server !== 2) return 'c1 should be connected to server 2';
        if (c1.pending.length > 0) return 'the retry and the exists should have been answered';
        if (node(view, '/job')?.version !== 0) return 'there should be one /job, never modified';
        return node(view, '/svc')?.ephemeralOwner === c1.sessionId ? null : '/svc should still belong to the same session';
      },
    },
    {
      id: 'cut-off', atMs: 16000, focus: [{ client: 'c1' }, { znode: '/svc' }],
      quiz: { options: 4, answer: 3 },
      expect: (view) => {
        const c1 = c1Of(view);
        if (c1?.state !== 'DISCONNECTED') return 'c1 should be DISCONNECTED';
        if (node(view, '/svc')?.ephemeralOwner !== c1.sessionId) return '/svc should still exist';
        const left = c1.sessionExpiresInMs;
        return left !== null && left !== undefined && left > 0 && left <= 2000 ? null : `the leader's countdown should be under 2 s, not ${left}`;
      },
    },
    {
      id: 'expired-unaware', atMs: 18100, focus: [{ znode: '/svc' }, { client: 'c1' }],
      expect: (view) => {
        if (node(view, '/svc')) return '/svc should be gone: the leader expired the session';
        return c1Of(view)?.state === 'DISCONNECTED' ? null : 'c1 should still only be DISCONNECTED';
      },
    },
    {
      id: 'expired', atMs: 25000, focus: [{ client: 'c1' }],
      expect: (view) => (c1Of(view)?.state === 'EXPIRED' ? null : 'c1 should have learned EXPIRED'),
    },
  ],
};
