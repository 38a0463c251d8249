// Q6 (数据同步): the synchronization phase, in its three forms. Server 1 misses 5 txns (DIFF),
// server 2 misses 525, more than the leader's 500-txn committedLog and too many to replay from
// the txn log cheaply (SNAP). Then the leader, server 5, is isolated with a proposal it can never
// commit; after the heal the new leader tells it TRUNC. Every learner ends with NEWLEADER, ACK,
// UPTODATE before serving.
import type { WorldView } from '../../../engine/world/view';
import type { WalkthroughDef } from '../types';

const server = (view: WorldView, id: number) => view.servers.find((entry) => entry.id === id)!;
const syncMode = (view: WorldView, id: number) => server(view, id).detail.syncMode;
const inFlight = (view: WorldView, label: string, from: number, to: number) =>
  view.messages.some((message) => message.label === label && message.from === from && message.to === to);

export const walkthrough: WalkthroughDef = {
  id: 'data-sync',
  questions: [6],
  scenario: {
    version: 1, title: 'Data synchronization: DIFF, SNAP and TRUNC', seed: 6, ensemble: { servers: 5 },
    clients: { c5: { server: 5, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { fault: 'crash', server: 2 },
      ...Array.from({ length: 520 }, (_, index) => ({ client: 'c5', op: 'setData', path: '/', data: String(index) })),
      { fault: 'crash', server: 1 },
      ...Array.from({ length: 5 }, (_, index) => ({ client: 'c5', op: 'setData', path: '/', data: `late ${index}` })),
      { fault: 'restart', server: 1 }, { fault: 'restart', server: 2 }, { await: 'serving' }, { sleep: 500 },
      { fault: 'isolate', server: 5 }, { client: 'c5', op: 'create', path: '/lost', data: 'never committed' },
      { sleep: 1000 }, { fault: 'heal' }, { sleep: 3000 },
    ],
  },
  checkpoints: [
    {
      id: 'behind', atMs: 10800, focus: [{ server: 1 }, { server: 2 }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        if (server(view, 1).alive || server(view, 2).alive) return 'servers 1 and 2 should be down';
        const leader = server(view, 5);
        if (leader.role !== 'LEADING') return 'server 5 should lead';
        // Server 2 crashed before the first txn; server 1 misses the last five setData.
        return server(view, 2).lastZxid === 0 && leader.lastZxid - server(view, 1).lastZxid === 5 ? null : 'server 1 should be 5 txns behind, server 2 should have none';
      },
    },
    {
      id: 'diff-snap', atMs: 10855, focus: [{ message: 'SNAP' }, { message: 'UPTODATE' }],
      expect: (view) => {
        if (syncMode(view, 1) !== 'DIFF') return 'server 1 should have been told DIFF';
        if (!inFlight(view, 'SNAP', 5, 2) || !inFlight(view, 'NEWLEADER', 5, 2)) return 'SNAP and NEWLEADER to server 2 should be in flight';
        if (!inFlight(view, 'UPTODATE', 5, 1)) return 'UPTODATE to server 1 should be in flight';
        return server(view, 1).serving || server(view, 2).serving ? 'neither may serve before UPTODATE' : null;
      },
    },
    {
      id: 'isolated', atMs: 11400, focus: [{ server: 5 }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        if (syncMode(view, 2) !== 'SNAP' || !server(view, 2).serving) return 'server 2 should have synced by SNAP and serve';
        const five = server(view, 5);
        if (five.lastZxid <= server(view, 4).lastZxid) return 'server 5 should have logged a proposal the others lack';
        const outstanding = five.detail.outstanding as { zxid: number; acks: number[] }[];
        if (outstanding.length !== 1 || outstanding[0]!.acks.join() !== '5') return 'the /lost proposal should have only server 5\'s own ACK';
        return view.znodes.some((node) => node.path === '/lost') ? '/lost must not be committed' : null;
      },
    },
    {
      id: 'new-leader', atMs: 22300, focus: [{ server: 4 }, { server: 5 }],
      expect: (view) => {
        const four = server(view, 4);
        if (four.role !== 'LEADING' || !four.serving || four.epoch !== 2) return 'server 4 should lead epoch 2';
        if ([1, 2, 3].some((id) => syncMode(view, id) !== 'DIFF' || !server(view, id).serving)) return 'servers 1-3 should have synced by DIFF and serve';
        return server(view, 5).role === 'LOOKING' ? null : 'server 5 should be LOOKING';
      },
    },
    {
      id: 'trunc', atMs: 23669, focus: [{ message: 'TRUNC' }, { server: 5 }],
      expect: (view) => {
        const five = server(view, 5);
        if (five.role !== 'FOLLOWING' || five.serving || five.lastZxid <= server(view, 4).lastZxid) return 'server 5 should be syncing, its log still ahead of the leader\'s';
        return inFlight(view, 'TRUNC', 4, 5) && inFlight(view, 'NEWLEADER', 4, 5) ? null : 'TRUNC and NEWLEADER to server 5 should be in flight';
      },
    },
    {
      id: 'rejoined', atMs: 23690, focus: [{ server: 5 }],
      expect: (view) => {
        const five = server(view, 5);
        if (five.role !== 'FOLLOWING' || !five.serving || syncMode(view, 5) !== 'TRUNC') return 'server 5 should have synced by TRUNC, follow and serve';
        if (five.lastZxid !== server(view, 4).lastZxid) return 'server 5\'s log should end where the leader\'s does';
        return view.znodes.some((node) => node.path === '/lost') ? '/lost must be gone' : null;
      },
    },
  ],
};
