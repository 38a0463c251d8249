// Q1 (工作原理): one tour of the moving parts. Three servers elect server 3; c1 (on follower 1)
// writes through the leader with PROPOSAL/ACK/COMMIT; c2 (on follower 2) reads locally and sets a
// watch; c1 creates an ephemeral node tied to its session; c1's setData fires c2's watch.
import type { WorldView } from '../../../engine/world/view';
import type { WalkthroughDef } from '../types';

const client = (view: WorldView, id: string) => view.clients.find((entry) => entry.id === id);
const inFlight = (view: WorldView, label: string, from?: number, to?: number) =>
  view.messages.filter((message) => message.label === label && (from === undefined || message.from === from) && (to === undefined || message.to === to));

export const walkthrough: WalkthroughDef = {
  id: 'how-zookeeper-works',
  questions: [1],
  scenario: {
    version: 1, title: 'How ZooKeeper works', seed: 101, ensemble: { servers: 3 },
    clients: { c1: { server: 1, sessionTimeoutMs: 10000, connectAtStart: false }, c2: { server: 2, sessionTimeoutMs: 10000, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { sleep: 300 },
      { client: 'c1', op: 'create', path: '/config', data: 'v1' },
      { client: 'c2', op: 'getData', path: '/config', watch: true },
      { client: 'c1', op: 'create', path: '/workers', data: '' },
      { client: 'c1', op: 'create', path: '/workers/c1', mode: 'EPHEMERAL' },
      { client: 'c1', op: 'setData', path: '/config', data: 'v2' },
      { sleep: 500 },
    ],
  },
  checkpoints: [
    {
      id: 'elected', atMs: 400, focus: [{ server: 3 }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        const roles = view.servers.map((server) => `${server.id}:${server.role}:${server.serving}`).join(' ');
        return roles === '1:FOLLOWING:true 2:FOLLOWING:true 3:LEADING:true' ? null : `expected server 3 leading and 1, 2 following, all serving; got ${roles}`;
      },
    },
    {
      id: 'write', atMs: 693, focus: [{ message: 'PROPOSAL' }, { server: 3 }],
      quiz: { options: 3, answer: 1 },
      expect: (view) => {
        if (client(view, 'c1')?.server !== 1) return 'c1 should be connected to server 1';
        if (inFlight(view, 'PROPOSAL', 3).length !== 2) return 'two PROPOSALs from server 3 should be in flight';
        return view.znodes.some((node) => node.path === '/config') ? '/config must not be committed yet' : null;
      },
    },
    {
      id: 'read', atMs: 745, focus: [{ client: 'c2' }, { server: 2 }],
      expect: (view) => {
        const c2 = client(view, 'c2');
        if (c2?.server !== 2) return 'c2 should be connected to server 2';
        if (inFlight(view, 'reply', 2, c2.endpoint).length !== 1) return 'server 2\'s reply to c2 should be in flight';
        return view.messages.some((message) => message.label === 'REQUEST' || message.label === 'PROPOSAL') ? 'the read must not involve the leader' : null;
      },
    },
    {
      id: 'ephemeral', atMs: 810, focus: [{ znode: '/workers/c1' }],
      quiz: { options: 3, answer: 0 },
      expect: (view) => {
        const node = view.znodes.find((entry) => entry.path === '/workers/c1');
        if (!node) return '/workers/c1 should exist';
        return node.ephemeralOwner !== null && node.ephemeralOwner === client(view, 'c1')?.sessionId ? null : '/workers/c1 should be owned by c1\'s session';
      },
    },
    {
      id: 'watch', atMs: 839, focus: [{ client: 'c2' }, { znode: '/config' }],
      expect: (view) => {
        const c2 = client(view, 'c2')!;
        if (view.znodes.find((node) => node.path === '/config')?.data !== 'v2') return '/config should hold v2';
        return view.messages.some((message) => message.from === 2 && message.to === c2.endpoint && message.label.includes('NodeDataChanged')) ? null : 'a NodeDataChanged event from server 2 to c2 should be in flight';
      },
    },
  ],
};
