// Q3 (数据一致性): Zab's broadcast (PROPOSAL → quorum ACK → COMMIT, in zxid order) and what it
// means for reads. The link from leader 3 to follower 1 is slowed to 3 s: the write commits with
// server 2's ACK alone, the reader on server 1 still reads the old value, and sync() (whose SYNC
// reply queues behind the slow COMMIT on the same FIFO link) makes its next read fresh.
import type { WorldView } from '../../../engine/world/view';
import type { WalkthroughDef } from '../types';
import { DEMOS } from '../../../engine/scenario/demos';

const server = (view: WorldView, id: number) => view.servers.find((entry) => entry.id === id)!;
const applied = (view: WorldView, id: number) => Number(server(view, id).detail.lastProcessedZxid);
const client = (view: WorldView, id: string) => view.clients.find((entry) => entry.id === id)!;
const nodeV = (view: WorldView) => view.znodes.find((node) => node.path === '/v');
const inFlight = (view: WorldView, label: string, from: number, to: number) =>
  view.messages.some((message) => message.label === label && message.from === from && message.to === to);

/** zxid of the setData that changes /v to "new": epoch 1, counter 4 (after two createSessions and the create). */
const SET_ZXID = 0x100000004;

export const walkthrough: WalkthroughDef = {
  id: 'consistency',
  questions: [3],
  // The stale-read-sync demo's run, under this walkthrough's title.
  scenario: { ...DEMOS.find((demo) => demo.id === 'stale-read-sync')!.scenario, title: 'Consistency: Zab broadcast, stale reads and sync()' },
  checkpoints: [
    {
      id: 'proposal', atMs: 342, focus: [{ message: 'PROPOSAL' }, { server: 3 }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        if (server(view, 3).role !== 'LEADING') return 'server 3 should lead';
        if (!inFlight(view, 'PROPOSAL', 3, 1) || !inFlight(view, 'PROPOSAL', 3, 2)) return 'PROPOSALs to servers 1 and 2 should be in flight';
        return nodeV(view)?.data === 'old' ? null : '/v should still be old';
      },
    },
    {
      id: 'commit', atMs: 349, focus: [{ message: 'COMMIT' }, { server: 1 }],
      quiz: { options: 3, answer: 2 },
      expect: (view) => {
        if (nodeV(view)?.data !== 'new' || nodeV(view)?.mzxid !== SET_ZXID) return 'the leader should have committed /v = new';
        if (!inFlight(view, 'COMMIT', 3, 1) || !inFlight(view, 'COMMIT', 3, 2)) return 'COMMITs to servers 1 and 2 should be in flight';
        if (inFlight(view, 'ACK', 1, 3)) return 'server 1 has not even received the PROPOSAL yet';
        return applied(view, 1) < SET_ZXID ? null : 'server 1 must not have applied the setData';
      },
    },
    {
      id: 'stale', atMs: 362, focus: [{ client: 'reader' }, { server: 1 }],
      expect: (view) => {
        const reader = client(view, 'reader');
        if (reader.server !== 1) return 'the reader should be on server 1';
        if (reader.lastZxid >= SET_ZXID) return 'the reader must not have seen the setData yet';
        return applied(view, 2) === SET_ZXID && applied(view, 1) < SET_ZXID ? null : 'server 2 should have applied the setData, server 1 not';
      },
    },
    {
      id: 'sync', atMs: 372, focus: [{ message: 'SYNC' }, { message: 'COMMIT' }],
      quiz: { options: 3, answer: 0 },
      expect: (view) => {
        if (!inFlight(view, 'SYNC', 3, 1)) return 'the leader\'s SYNC to server 1 should be in flight';
        if (!inFlight(view, 'COMMIT', 3, 1)) return 'the COMMIT to server 1 should still be in flight, ahead of SYNC';
        return client(view, 'reader').pending.some((pending) => pending.startsWith('sync')) ? null : 'the reader should be waiting for its sync';
      },
    },
    {
      id: 'fresh', atMs: 3392, focus: [{ client: 'reader' }, { znode: '/v' }],
      expect: (view) => {
        if (applied(view, 1) < SET_ZXID) return 'server 1 should have applied the setData';
        return client(view, 'reader').lastZxid >= SET_ZXID && client(view, 'reader').pending.length === 0 ? null : 'the reader should have read the new value';
      },
    },
  ],
};
