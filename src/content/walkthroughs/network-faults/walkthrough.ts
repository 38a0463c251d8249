// Questions 18 and 29 of the notes: how does ZooKeeper handle network faults? Nothing announces a
// broken link: servers and clients notice silence through timeouts. A one-way cut from the leader
// (3) to server 1: writes commit without server 1; after syncLimit x tickTime without a packet
// from the leader, server 1 goes LOOKING and drops its client, which moves to server 2 with the
// same session. While the cut lasts server 1 cannot rejoin (it never hears the leader); after the
// heal its next election notification (backed off) finds the leader and it syncs by DIFF. Last,
// 30 % packet loss: TCP-like retransmission slows commits but keeps them in order.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

const server = (view: WorldView, id: number) => view.servers.find((entry) => entry.id === id)!;
const c1Of = (view: WorldView) => view.clients.find((entry) => entry.id === 'c1');
const has = (view: WorldView, path: string) => view.znodes.some((entry) => entry.path === path);
const cutFrom3To1 = (view: WorldView) => view.network.cuts.some((cut) => cut.from === 3 && cut.to === 1);

export const walkthrough: WalkthroughDef = {
  id: 'network-faults',
  questions: [18, 29],
  scenario: {
    version: 1, title: 'Network faults: timeouts, a one-way cut, packet loss', seed: 18, ensemble: { servers: 3 },
    clients: { c1: { server: 1, connectAtStart: false }, w: { server: 3, connectAtStart: false } },
    steps: [
      { await: 'serving' },
      { client: 'c1', op: 'create', path: '/app', mode: 'EPHEMERAL' },
      // Packets from the leader to server 1 vanish; server 1's own packets still get through.
      { fault: 'cut', from: 3, to: 1, at: 1000 },
      { client: 'w', op: 'create', path: '/w1', data: 'a', at: 2000 },
      // Healed just before server 1's next (backed-off) election notification at about 35.8 s.
      { fault: 'heal', at: 30000 },
      { fault: 'loss', ratio: 0.3, at: 40000 },
      { client: 'w', op: 'create', path: '/w2', data: 'b' },
      { client: 'w', op: 'create', path: '/w3', data: 'c' },
      { client: 'w', op: 'create', path: '/w4', data: 'd' },
      { sleep: 2000 },
    ],
  },
  checkpoints: [
    {
      id: 'cut', atMs: 2045, focus: [{ server: 1 }, { znode: '/w1' }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        if (!cutFrom3To1(view)) return 'the link 3 -> 1 should be cut';
        if (!has(view, '/w1')) return '/w1 should be committed';
        if (server(view, 1).role !== 'FOLLOWING') return 'server 1 should still believe it follows';
        return server(view, 1).lastZxid < server(view, 3).lastZxid ? null : 'server 1 should be behind the leader';
      },
    },
    {
      id: 'gave-up', atMs: 10310, focus: [{ server: 1 }, { client: 'c1' }],
      expect: (view) => {
        if (server(view, 1).role !== 'LOOKING') return `server 1 should be LOOKING, not ${server(view, 1).role}`;
        if (!server(view, 2).serving || !server(view, 3).serving) return 'servers 2 and 3 should keep serving';
        if (c1Of(view)?.state !== 'DISCONNECTED') return 'c1 should be DISCONNECTED';
        return has(view, '/app') ? null : '/app should survive a disconnection';
      },
    },
    {
      id: 'moved', atMs: 10600, focus: [{ client: 'c1' }, { server: 2 }],
      expect: (view) => {
        const c1 = c1Of(view);
        if (c1?.state !== 'CONNECTED' || c1.server !== 2) return 'c1 should be connected to server 2';
        return view.znodes.find((entry) => entry.path === '/app')?.ephemeralOwner === c1.sessionId ? null : '/app should still belong to c1\'s session';
      },
    },
    {
      id: 'stuck', atMs: 29000, focus: [{ server: 1 }, { server: 3 }],
      quiz: { options: 4, answer: 3 },
      expect: (view) => {
        if (!cutFrom3To1(view)) return 'the cut should still be in place';
        if (server(view, 1).role !== 'LOOKING') return 'server 1 should still be LOOKING';
        return server(view, 3).role === 'LEADING' && server(view, 3).serving ? null : 'server 3 should still lead';
      },
    },
    {
      id: 'rejoined', atMs: 35900, focus: [{ server: 1 }],
      expect: (view) => {
        const one = server(view, 1);
        if (one.role !== 'FOLLOWING' || !one.serving) return 'server 1 should follow and serve again';
        if (one.detail.syncMode !== 'DIFF') return `server 1 should have been synced by DIFF, not ${String(one.detail.syncMode)}`;
        if (view.network.cuts.length > 0) return 'the cut should be healed';
        return one.lastZxid === server(view, 3).lastZxid ? null : 'server 1 should have caught up';
      },
    },
    {
      id: 'lossy', atMs: 40700, focus: [{ message: 'PROPOSAL' }, { znode: '/w3' }],
      expect: (view) => {
        if (view.network.lossRatio !== 0.3) return 'the network should lose 30 % of packets';
        if (!has(view, '/w2') || !has(view, '/w3')) return '/w2 and /w3 should be committed despite the loss';
        return view.servers.every((entry) => entry.serving) ? null : 'loss alone should not stop any server';
      },
    },
  ],
};
