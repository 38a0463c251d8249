// Questions 12 and 23 of the notes: how does ZooKeeper persist its data? Every server, followers
// included, appends each PROPOSAL to its own txn log before it ACKs; each keeps its own
// snapshots. Server 1 crashes, a last write commits on servers 2 and 3, then the whole ensemble
// is killed. On restart each server rebuilds its tree from its own snapshot plus log replay, the
// election picks a server holding the last write, and server 1 gets the one txn it missed by DIFF.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

interface LogEntryView { zxid: number; committed: boolean }
const server = (view: WorldView, id: number) => view.servers.find((entry) => entry.id === id)!;
const logOf = (view: WorldView, id: number) => server(view, id).detail.log as LogEntryView[];
const config = (view: WorldView) => view.znodes.find((node) => node.path === '/config');

/** zxids of epoch 1: createSession c1, create /config, createSession c2, setData v2, setData v3. */
const SET_V2 = 0x100000004;
const SET_V3 = 0x100000005;

export const walkthrough: WalkthroughDef = {
  id: 'persistence',
  questions: [12, 23],
  scenario: {
    version: 1, title: 'Persistence: txn log and snapshots', seed: 12, ensemble: { servers: 3 },
    clients: { c1: { server: 1, connectAtStart: false }, c2: { server: 2, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { client: 'c1', op: 'create', path: '/config', data: 'v1' },
      { client: 'c2', op: 'getData', path: '/config' }, { sleep: 500 },
      { client: 'c1', op: 'setData', path: '/config', data: 'v2' }, { sleep: 500 },
      { fault: 'crash', server: 1 },
      { client: 'c2', op: 'setData', path: '/config', data: 'v3' }, { sleep: 500 },
      { fault: 'crash', server: 2 }, { fault: 'crash', server: 3 }, { sleep: 2000 },
      { fault: 'restart', server: 1 }, { fault: 'restart', server: 2 }, { fault: 'restart', server: 3 },
      { await: 'serving' }, { sleep: 500 },
    ],
  },
  checkpoints: [
    {
      id: 'proposal', atMs: 961, focus: [{ message: 'PROPOSAL' }, { server: 3 }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        if (server(view, 3).role !== 'LEADING') return 'server 3 should lead';
        if (!logOf(view, 3).some((entry) => entry.zxid === SET_V2 && !entry.committed)) return 'the leader should have logged setData v2, not yet committed';
        return view.messages.filter((message) => message.label === 'PROPOSAL').length === 2 ? null : 'two PROPOSALs should be in flight';
      },
    },
    {
      id: 'logged', atMs: 967, focus: [{ server: 1 }, { server: 2 }, { message: 'ACK' }],
      expect: (view) => {
        for (const id of [1, 2, 3]) {
          if (!logOf(view, id).some((entry) => entry.zxid === SET_V2 && !entry.committed)) return `server ${id} should have logged setData v2, not yet committed`;
        }
        if (view.messages.filter((message) => message.label === 'ACK' && message.to === 3).length !== 2) return 'two ACKs should be on their way to the leader';
        return config(view)?.data === 'v1' ? null : '/config should still be v1: nothing is committed yet';
      },
    },
    {
      id: 'all-down', atMs: 3000, focus: [{ server: 1 }, { server: 2 }, { server: 3 }],
      quiz: { options: 4, answer: 3 },
      expect: (view) => {
        if (view.servers.some((entry) => entry.alive)) return 'every server should be down';
        if (server(view, 1).lastZxid !== SET_V2) return 'server 1 crashed before setData v3: its log should end at setData v2';
        return server(view, 2).lastZxid === SET_V3 && server(view, 3).lastZxid === SET_V3 ? null : 'servers 2 and 3 should have logged setData v3';
      },
    },
    {
      id: 'reloaded', atMs: 4000, focus: [{ server: 1 }, { server: 2 }, { server: 3 }],
      expect: (view) => {
        for (const [id, zxid] of [[1, SET_V2], [2, SET_V3], [3, SET_V3]] as const) {
          const entry = server(view, id);
          if (entry.role !== 'LOOKING') return `server ${id} should be LOOKING`;
          if (Number(entry.detail.lastProcessedZxid) !== zxid) return `server ${id} should have replayed its log up to 0x${zxid.toString(16)}`;
        }
        // Each server's own snapshots: server 2 wrote one after its SNAP sync at start-up.
        const snapshots = (id: number) => (server(view, id).detail.snapshots as number[]).join();
        return snapshots(1) === '0' && snapshots(3) === '0' && snapshots(2) === `0,${0x100000000}` ? null : 'only server 2 should hold a snapshot at 0x100000000';
      },
    },
    {
      id: 'synced', atMs: 4500, focus: [{ server: 1 }, { znode: '/config' }],
      expect: (view) => {
        if (view.servers.some((entry) => !entry.serving)) return 'every server should serve again';
        if (server(view, 1).detail.syncMode !== 'DIFF') return 'server 1 should have been synchronised by DIFF';
        if (view.servers.some((entry) => Number(entry.detail.lastProcessedZxid) < SET_V3)) return 'every server should have applied setData v3';
        const node = config(view);
        return node?.data === 'v3' && node.version === 2 ? null : '/config should be v3 at version 2';
      },
    },
  ],
};
