// Questions 14 and 25 of the notes: what happens in a network partition? Five servers, server 5
// leads; at 1 s the network splits into {1, 2, 3} and {4, 5}. The minority leader logs c5's write
// but can never commit it (2 of 5 ACKs); the majority notices after syncLimit ticks, elects
// server 3 in epoch 2 and commits; for a while two servers believe they lead, but only one has a
// quorum. The old leader steps down, and after the heal it is synchronised and /lost is gone.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

const server = (view: WorldView, id: number) => view.servers.find((entry) => entry.id === id)!;
const has = (view: WorldView, path: string) => view.znodes.some((node) => node.path === path);
const clientOf = (view: WorldView, id: string) => view.clients.find((client) => client.id === id)!;

/** c5's create /lost: epoch 1, after createSession c1, create /before, createSession c5. */
const LOST = 0x100000004;

function leadsEpoch(view: WorldView, id: number, epoch: number): string | null {
  const leader = server(view, id);
  return leader.role === 'LEADING' && leader.serving && leader.epoch === epoch ? null : `server ${id} should lead epoch ${epoch}`;
}

export const walkthrough: WalkthroughDef = {
  id: 'network-partition',
  questions: [14, 25],
  scenario: {
    version: 1, title: 'Network partition', seed: 14, ensemble: { servers: 5 },
    clients: { c1: { server: 1, connectAtStart: false }, c5: { server: 5, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { client: 'c1', op: 'create', path: '/before', data: 'x' },
      { client: 'c5', op: 'getData', path: '/before' },
      { at: 1000, fault: 'partition', groups: [[1, 2, 3], [4, 5]] },
      { at: 1000, client: 'c5', op: 'create', path: '/lost', data: 'minority' },
      { at: 11500, client: 'c1', op: 'create', path: '/majority', data: 'ok' },
      { at: 15000, fault: 'heal' }, { at: 16000, sleep: 0 },
    ],
  },
  checkpoints: [
    {
      id: 'split', atMs: 1100, focus: [{ server: 5 }, { server: 4 }, { client: 'c5' }],
      quiz: { options: 4, answer: 3 },
      expect: (view) => {
        const five = server(view, 5);
        const outstanding = five.detail.outstanding as { zxid: number; acks: number[] }[];
        if (five.role !== 'LEADING') return 'server 5 should still lead';
        if (outstanding.length !== 1 || outstanding[0]!.zxid !== LOST || [...outstanding[0]!.acks].sort().join() !== '4,5') return 'the PROPOSAL for /lost should have exactly the ACKs of servers 4 and 5';
        if (has(view, '/lost')) return '/lost must not be committed';
        return [1, 2, 3].every((id) => server(view, id).role === 'FOLLOWING') ? null : 'servers 1 to 3 should not have noticed anything yet';
      },
    },
    {
      id: 'majority-elects', atMs: 10600, focus: [{ server: 3 }, { server: 5 }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        if (server(view, 5).role !== 'LEADING') return 'server 5 should still believe it leads';
        if (server(view, 5).epoch !== 1) return 'server 5 should still be in epoch 1';
        return leadsEpoch(view, 3, 2);
      },
    },
    {
      id: 'majority-writes', atMs: 11600, focus: [{ znode: '/majority' }, { server: 3 }, { server: 5 }],
      expect: (view) => {
        if (!has(view, '/majority')) return '/majority should be committed by the majority';
        if (server(view, 5).role !== 'LEADING' || Number(server(view, 5).detail.lastCommittedZxid) >= LOST) return 'server 5 should still lead, with /lost uncommitted';
        return leadsEpoch(view, 3, 2);
      },
    },
    {
      id: 'stepped-down', atMs: 12300, focus: [{ server: 5 }, { server: 4 }, { client: 'c5' }],
      expect: (view) => {
        if (![4, 5].every((id) => server(view, id).role === 'LOOKING' && !server(view, id).serving)) return 'servers 4 and 5 should be LOOKING and not serving';
        if (clientOf(view, 'c5').state !== 'DISCONNECTED' || clientOf(view, 'c5').pending.length > 0) return 'c5 should be disconnected, its create failed';
        return leadsEpoch(view, 3, 2);
      },
    },
    {
      id: 'healed', atMs: 15400, focus: [{ server: 5 }, { znode: '/majority' }],
      expect: (view) => {
        if (view.servers.some((entry) => !entry.serving || entry.epoch !== 2)) return 'all five servers should serve in epoch 2';
        if (has(view, '/lost')) return '/lost must be gone';
        if (!has(view, '/majority') || !has(view, '/before')) return '/before and /majority should both exist';
        if (server(view, 5).detail.syncMode !== 'SNAP') return 'server 5 should have been synchronised by SNAP';
        return leadsEpoch(view, 3, 2);
      },
    },
  ],
};
