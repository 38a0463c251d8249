// Q4 (负载均衡): ZooKeeper does not balance load; it tells clients who is alive. Three api
// instances register EPHEMERAL nodes (the registry recipe, like Curator's ServiceDiscovery); the
// consumer "web", connected to observer server 4, keeps the list with a child watch and picks an
// instance per call, round-robin. When api-2's process dies, its node stays until its session
// expires; then every watcher gets NodeChildrenChanged and the picks skip it.
import type { ActorView } from '../../../engine/world/actors';
import type { WorldView } from '../../../engine/world/view';
import type { WalkthroughDef } from '../types';

const actor = (view: WorldView, id: string): ActorView | undefined => view.actors?.find((entry) => entry.id === id);
const members = (view: WorldView, id: string) => ((actor(view, id)?.state.members as string[] | undefined) ?? []).join(',');
const registered = (view: WorldView) => view.znodes.filter((node) => node.path.startsWith('/services/api/')).map((node) => node.path.slice('/services/api/'.length)).sort().join(',');
const client = (view: WorldView, id: string) => view.clients.find((entry) => entry.id === id)!;

export const walkthrough: WalkthroughDef = {
  id: 'load-balancing',
  questions: [4],
  scenario: {
    version: 1, title: 'Load balancing: service discovery', seed: 104, ensemble: { servers: 3, observers: 1 },
    clients: {
      p1: { server: 1, sessionTimeoutMs: 4000, connectAtStart: false }, p2: { server: 2, sessionTimeoutMs: 4000, connectAtStart: false },
      p3: { server: 3, sessionTimeoutMs: 4000, connectAtStart: false }, consumer: { server: 4, sessionTimeoutMs: 10000, connectAtStart: false },
    },
    actors: [
      { id: 'api-1', recipe: 'registry', client: 'p1', path: '/services/api', startMs: 500 },
      { id: 'api-2', recipe: 'registry', client: 'p2', path: '/services/api', startMs: 500 },
      { id: 'api-3', recipe: 'registry', client: 'p3', path: '/services/api', startMs: 500 },
      { id: 'web', recipe: 'registry', client: 'consumer', path: '/services/api', register: false, strategy: 'round-robin', picks: 12, intervalMs: 1000, startMs: 1000 },
    ],
    steps: [{ await: 'serving' }, { sleep: 4000 }, { client: 'p2', op: 'crash' }, { sleep: 10000 }],
  },
  checkpoints: [
    {
      id: 'registered', atMs: 1200, focus: [{ znode: '/services/api' }, { actor: 'web' }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => {
        if (registered(view) !== 'api-1,api-2,api-3') return `three instances should be registered, got ${registered(view)}`;
        const owners = view.znodes.filter((node) => node.path.startsWith('/services/api/')).map((node) => node.ephemeralOwner);
        if (owners.some((owner) => owner === null)) return 'registrations should be EPHEMERAL';
        if (view.servers.find((server) => server.id === 4)?.role !== 'OBSERVING' || client(view, 'consumer').server !== 4) return 'the consumer should be on observer server 4';
        return members(view, 'web') === 'api-1,api-2,api-3' ? null : 'the consumer should know all three instances';
      },
    },
    {
      id: 'crashed', atMs: 4400, focus: [{ client: 'p2' }, { znode: '/services/api/api-2' }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        if (actor(view, 'web')?.state.picked !== 3 || actor(view, 'web')?.state.lastPick !== 'api-3') return 'the consumer should have picked api-1, api-2, api-3';
        if (client(view, 'p2').state !== 'CRASHED') return 'p2 should have crashed';
        return registered(view) === 'api-1,api-2,api-3' ? null : 'api-2 should still be registered';
      },
    },
    {
      id: 'stale-pick', atMs: 6150, focus: [{ actor: 'web' }, { znode: '/services/api/api-2' }],
      expect: (view) => {
        if (actor(view, 'web')?.state.lastPick !== 'api-2') return 'the consumer should just have picked api-2';
        const left = client(view, 'p2').sessionExpiresInMs;
        return registered(view) === 'api-1,api-2,api-3' && typeof left === 'number' && left > 0 ? null : 'api-2\'s session should still be alive, its node present';
      },
    },
    {
      id: 'expired', atMs: 10030, focus: [{ znode: '/services/api' }, { actor: 'web' }],
      expect: (view) => {
        if (registered(view) !== 'api-1,api-3') return `api-2 should be gone, got ${registered(view)}`;
        return members(view, 'web') === 'api-1,api-3' ? null : 'the consumer\'s list should be api-1, api-3';
      },
    },
    {
      id: 'rebalanced', atMs: 12150, focus: [{ actor: 'web' }],
      expect: (view) => {
        const web = actor(view, 'web')!;
        return web.state.picked === 11 && web.state.lastPick === 'api-1' && members(view, 'web') === 'api-1,api-3' ? null : 'the consumer should alternate between api-1 and api-3';
      },
    },
  ],
};
