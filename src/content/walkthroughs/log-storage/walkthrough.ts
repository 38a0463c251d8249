// Questions 19 and 30 of the notes (and 12/23 on persistence): how does ZooKeeper store its log?
// Every server logs every txn (a failed create too) before it ACKs; the log does not record
// commits. Server 1 crashes; on restart it rebuilds its tree from its newest snapshot plus a
// replay of its own log, before talking to anyone. It missed 510 txns, more than the leader's
// 500-entry committedLog, so the leader sends SNAP and server 1 writes a snapshot named by its
// zxid; log entries older than that are no longer needed. A second restart loads that snapshot
// and replays the single txn logged after it.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

interface LogEntryView { zxid: number; committed: boolean; fsynced: boolean; text: string }

const server = (view: WorldView, id: number) => view.servers.find((entry) => entry.id === id)!;
const logOf = (view: WorldView, id: number) => (server(view, id).detail.log ?? []) as LogEntryView[];
const snapshotsOf = (view: WorldView, id: number) => (server(view, id).detail.snapshots ?? []) as number[];
const zxid = (counter: number) => 0x100000000 + counter;
const MISSED = 510;

export const walkthrough: WalkthroughDef = {
  id: 'log-storage',
  questions: [19, 30],
  scenario: {
    version: 1, title: 'Log storage: txn log, snapshots, replay', seed: 19, ensemble: { servers: 3 },
    clients: { c: { server: 3, connectAtStart: false } },
    steps: [
      { await: 'serving' },
      { client: 'c', op: 'create', path: '/a', data: '1' },
      { client: 'c', op: 'create', path: '/b', data: '2' },
      // Fails with NODEEXISTS, and is still a txn with its own zxid.
      { client: 'c', op: 'create', path: '/a', data: 'again' },
      { sleep: 500 },
      { fault: 'crash', server: 1 },
      // More than the leader's committedLog (500): server 1 will need a SNAP.
      ...Array.from({ length: MISSED }, (_, index) => ({ client: 'c', op: 'setData', path: '/a', data: String(index) })),
      { fault: 'restart', server: 1 },
      { await: 'serving' },
      { client: 'c', op: 'create', path: '/c', data: 'after the snapshot' },
      { sleep: 500 },
      { fault: 'crash', server: 1 },
      { sleep: 500 },
      { fault: 'restart', server: 1 },
      { await: 'serving' },
      { sleep: 500 },
    ],
  },
  checkpoints: [
    {
      id: 'logged', atMs: 305, focus: [{ server: 1 }],
      expect: (view) => {
        const log = logOf(view, 1);
        const last = log[log.length - 1];
        if (log.length !== 4 || !last) return `server 1 should have logged 4 txns, not ${log.length}`;
        if (last.zxid !== zxid(4) || !last.text.includes('NODEEXISTS')) return 'the last entry should be the failed create, 0x100000004';
        if (last.committed || !last.fsynced) return 'it should be fsynced and not committed yet';
        return log.slice(0, 3).every((entry) => entry.committed) ? null : 'the first three should be committed';
      },
    },
    {
      id: 'down', atMs: 5000, focus: [{ server: 1 }, { server: 3 }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        if (server(view, 1).alive) return 'server 1 should be down';
        if (server(view, 1).lastZxid !== zxid(4)) return 'server 1\'s disk should end at 0x100000004';
        if (snapshotsOf(view, 1).join() !== '0') return 'server 1 should have only the initial snapshot at zxid 0';
        return server(view, 3).lastZxid > zxid(100) ? null : 'the leader should keep committing setData txns';
      },
    },
    {
      id: 'replayed', atMs: 11040, focus: [{ server: 1 }],
      quiz: { options: 3, answer: 1 },
      expect: (view) => {
        const one = server(view, 1);
        if (one.role !== 'LOOKING') return `server 1 should be LOOKING, not ${one.role}`;
        if (one.detail.lastProcessedZxid !== zxid(4)) return 'server 1 should have replayed its log up to 0x100000004';
        return server(view, 3).lastZxid === zxid(4 + MISSED) ? null : `the leader should be at 0x${zxid(4 + MISSED).toString(16)}`;
      },
    },
    {
      id: 'snapshot', atMs: 11090, focus: [{ server: 1 }],
      expect: (view) => {
        const one = server(view, 1);
        if (one.role !== 'FOLLOWING' || !one.serving) return 'server 1 should follow and serve';
        if (one.detail.syncMode !== 'SNAP') return 'server 1 should have been synced by SNAP';
        if (snapshotsOf(view, 1).join() !== `0,${zxid(4 + MISSED)}`) return 'server 1 should hold snapshots 0 and 0x100000202';
        if (logOf(view, 1).length !== 0) return 'server 1\'s log should hold nothing older than its new snapshot';
        return snapshotsOf(view, 3).join() === '0' ? null : 'the leader should not have snapshotted (snapCount not reached)';
      },
    },
    {
      id: 'restart-again', atMs: 12105, focus: [{ server: 1 }],
      expect: (view) => {
        const one = server(view, 1);
        if (one.role !== 'LOOKING') return 'server 1 should be LOOKING right after its restart';
        const log = logOf(view, 1);
        if (log.length !== 1 || log[0]!.zxid !== zxid(5 + MISSED)) return 'server 1\'s log should hold only the txn after the snapshot';
        return one.detail.lastProcessedZxid === zxid(5 + MISSED) ? null : 'server 1 should have loaded the snapshot and replayed that one txn';
      },
    },
  ],
};
