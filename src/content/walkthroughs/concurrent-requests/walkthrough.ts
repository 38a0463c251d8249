// Question 11 of the notes: how does ZooKeeper handle concurrent client requests? At 1000 ms c1
// (on server 1) pipelines two setData and a getData without waiting, while c2 (on server 2)
// sends a setData and a getData. Only the writes travel to the leader as REQUEST; the leader
// gives them one global zxid order; each server answers its own clients' reads itself, a read
// waiting only behind its own session's writes; every reply comes back in request order.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

const client = (view: WorldView, id: string) => view.clients.find((entry) => entry.id === id)!;
const nodeN = (view: WorldView) => view.znodes.find((node) => node.path === '/n');
const requestsFrom = (view: WorldView, server: number) => view.messages.filter((message) => message.label === 'REQUEST' && message.from === server).length;

/** zxids: createSession c1 (1), create /n (2), createSession c2 (3); then the three setData. */
const C1_SECOND = 0x100000005;
const C2_WRITE = 0x100000006;

export const walkthrough: WalkthroughDef = {
  id: 'concurrent-requests',
  questions: [11],
  scenario: {
    version: 1, title: 'Concurrent requests', seed: 11, ensemble: { servers: 3 },
    clients: { c1: { server: 1, connectAtStart: false }, c2: { server: 2, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { client: 'c1', op: 'create', path: '/n', data: '0' },
      { client: 'c2', op: 'getData', path: '/n' },
      // Steps with the same "at" start together: each client pipelines its requests.
      { at: 1000, client: 'c1', op: 'setData', path: '/n', data: 'c1-first' },
      { at: 1000, client: 'c1', op: 'setData', path: '/n', data: 'c1-second' },
      { at: 1000, client: 'c1', op: 'getData', path: '/n' },
      { at: 1000, client: 'c2', op: 'setData', path: '/n', data: 'c2' },
      { at: 1000, client: 'c2', op: 'getData', path: '/n' },
      { sleep: 500 },
    ],
  },
  checkpoints: [
    {
      id: 'pipelined', atMs: 1010, focus: [{ message: 'REQUEST' }, { client: 'c1' }, { client: 'c2' }],
      quiz: { options: 4, answer: 3 },
      expect: (view) => {
        if (client(view, 'c1').pending.join() !== 'setData /n,setData /n,getData /n') return 'c1 should have two setData and a getData outstanding';
        if (client(view, 'c2').pending.join() !== 'setData /n,getData /n') return 'c2 should have a setData and a getData outstanding';
        if (requestsFrom(view, 1) !== 2 || requestsFrom(view, 2) !== 1) return 'only the three writes should be forwarded to the leader as REQUEST';
        return view.servers.find((server) => server.id === 3)?.role === 'LEADING' ? null : 'server 3 should lead';
      },
    },
    {
      id: 'ordered', atMs: 1017, focus: [{ server: 3 }, { message: 'PROPOSAL' }],
      quiz: { options: 3, answer: 0 },
      expect: (view) => {
        const leader = view.servers.find((server) => server.id === 3)!;
        const outstanding = (leader.detail.outstanding as { zxid: number }[]).map((proposal) => proposal.zxid);
        if (outstanding.join() !== [C1_SECOND - 1, C1_SECOND, C2_WRITE].join()) return 'the leader should have proposed three txns with consecutive zxids';
        return nodeN(view)?.data === '0' ? null : 'nothing should be committed yet';
      },
    },
    {
      id: 'answered', atMs: 1040, focus: [{ znode: '/n' }, { client: 'c1' }],
      expect: (view) => {
        const c1 = client(view, 'c1');
        const c2 = client(view, 'c2');
        if (c1.pending.length + c2.pending.length > 0) return 'every request should be answered';
        if (c1.lastZxid !== C1_SECOND) return 'c1\'s read should have been answered with its own second write applied (zxid 0x100000005)';
        const n = nodeN(view);
        return n?.data === 'c2' && n.version === 3 && n.mzxid === C2_WRITE ? null : '/n should end as "c2" at version 3, the last zxid';
      },
    },
  ],
};
