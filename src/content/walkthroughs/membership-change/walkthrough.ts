// Q7 (集群成员变更): dynamic reconfiguration (ZooKeeper 3.5+, reconfigEnabled=true). Voters 1-3,
// observer 4, and spares 5 and 6 running as non-voting followers. One reconfig adds 5 and 6 as
// voters, a second removes 1 and 2; afterwards 1 and 2 can be shut down and the ensemble {3, 5, 6}
// keeps committing. The admin client sits on the leader, server 3, which stays a voter.
import type { WorldView } from '../../../engine/world/view';
import type { WalkthroughDef } from '../types';

const server = (view: WorldView, id: number) => view.servers.find((entry) => entry.id === id)!;
const membershipOf = (view: WorldView, id: number) => server(view, id).detail.membership as { voters: number[]; observers: number[] };
const votersOf = (view: WorldView, id: number) => membershipOf(view, id).voters.join(',');
const config = (view: WorldView) => view.znodes.find((node) => node.path === '/zookeeper/config')?.data ?? '';
const inFlight = (view: WorldView, label: string) => view.messages.filter((message) => message.label === label).map((message) => message.to).sort().join(',');

export const walkthrough: WalkthroughDef = {
  id: 'membership-change',
  questions: [7],
  scenario: {
    version: 1, title: 'Membership change: dynamic reconfig', seed: 107, ensemble: { servers: 3, observers: 1, spares: 2, reconfigEnabled: true },
    clients: { admin: { server: 3, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { sleep: 1000 },
      { client: 'admin', op: 'reconfig', joining: [{ server: 5 }, { server: 6 }] },
      { sleep: 1000 },
      { client: 'admin', op: 'reconfig', leaving: [1, 2] },
      { sleep: 1000 },
      { fault: 'crash', server: 1 }, { fault: 'crash', server: 2 }, { sleep: 1000 },
      { client: 'admin', op: 'create', path: '/after', data: 'voters 3, 5, 6' },
      { sleep: 500 },
    ],
  },
  checkpoints: [
    {
      id: 'before', atMs: 1000, focus: [{ server: 5 }, { server: 6 }, { server: 4 }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        if (server(view, 3).role !== 'LEADING') return 'server 3 should lead';
        if (votersOf(view, 3) !== '1,2,3' || membershipOf(view, 3).observers.join() !== '4') return 'the leader\'s membership should be voters 1-3, observer 4';
        if (server(view, 4).role !== 'OBSERVING') return 'server 4 should be OBSERVING';
        return [5, 6].every((id) => server(view, id).role === 'FOLLOWING' && server(view, id).serving) ? null : 'spares 5 and 6 should run as synced followers';
      },
    },
    {
      id: 'joined', atMs: 1309, focus: [{ message: 'COMMITANDACTIVATE' }, { znode: '/zookeeper/config' }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        if (votersOf(view, 3) !== '1,2,3,5,6') return 'the leader should now count 1, 2, 3, 5, 6 as voters';
        if (!/server\.5=.*participant/.test(config(view)) || !/server\.6=.*participant/.test(config(view))) return '/zookeeper/config should list 5 and 6 as participants';
        if (inFlight(view, 'COMMITANDACTIVATE') !== '1,2,5,6') return 'COMMITANDACTIVATE should be on its way to 1, 2, 5, 6';
        return inFlight(view, 'INFORMANDACTIVATE') === '4' ? null : 'INFORMANDACTIVATE should be on its way to observer 4';
      },
    },
    {
      id: 'removed', atMs: 2340, focus: [{ server: 1 }, { server: 2 }, { znode: '/zookeeper/config' }],
      quiz: { options: 3, answer: 0 },
      expect: (view) => {
        if ([3, 4, 5, 6].some((id) => votersOf(view, id) !== '3,5,6')) return 'every server should know the voters are 3, 5, 6';
        if (/server\.[12]=/.test(config(view))) return '/zookeeper/config should no longer list 1 and 2';
        return [1, 2].every((id) => server(view, id).role === 'FOLLOWING' && server(view, id).alive) ? null : 'servers 1 and 2 should still run, as non-voting followers';
      },
    },
    {
      id: 'after', atMs: 4350, focus: [{ znode: '/after' }, { server: 3 }],
      expect: (view) => {
        if (server(view, 1).alive || server(view, 2).alive) return 'servers 1 and 2 should be down';
        if (!server(view, 3).serving || server(view, 3).role !== 'LEADING') return 'server 3 should still lead';
        return view.znodes.some((node) => node.path === '/after') ? null : '/after should be committed';
      },
    },
  ],
};
