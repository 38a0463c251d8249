// Question 10 of the notes: how are clients notified of changes? c2 sets a data watch and a child
// watch on /w; c1 changes /w twice and then creates a child. c2 gets one NodeDataChanged (no
// data in it; the second change fires nothing, the watch was used up), one NodeChildrenChanged,
// and has to read again to see the value and re-arm the watch.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

const node = (view: WorldView, path: string) => view.znodes.find((entry) => entry.path === path);

/** The watch events (messages labelled "watch <type>") on their way to client `id`. */
function eventsTo(view: WorldView, id: string): string[] {
  const endpoint = view.clients.find((client) => client.id === id)?.endpoint;
  return view.messages.filter((message) => message.to === endpoint && message.label.startsWith('watch ')).map((message) => message.label.slice(6));
}

function wIs(view: WorldView, data: string, version: number): string | null {
  const w = node(view, '/w');
  return w?.data === data && w.version === version ? null : `/w should hold "${data}" at version ${version}`;
}

export const walkthrough: WalkthroughDef = {
  id: 'watches',
  questions: [10],
  scenario: {
    version: 1, title: 'Watches', seed: 10, ensemble: { servers: 3 },
    clients: { c1: { server: 1, connectAtStart: false }, c2: { server: 2, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { client: 'c1', op: 'create', path: '/w', data: 'a' },
      { client: 'c2', op: 'getData', path: '/w', watch: true },
      { client: 'c2', op: 'getChildren', path: '/w', watch: true },
      { sleep: 500 },
      { client: 'c1', op: 'setData', path: '/w', data: 'b' },
      { client: 'c1', op: 'setData', path: '/w', data: 'c' },
      { sleep: 500 },
      { client: 'c1', op: 'create', path: '/w/x', data: '' },
      { sleep: 500 },
      { client: 'c2', op: 'getData', path: '/w', watch: true },
      { sleep: 500 },
    ],
  },
  checkpoints: [
    {
      id: 'armed', atMs: 800, focus: [{ client: 'c2' }, { znode: '/w' }],
      quiz: { options: 4, answer: 0 },
      expect: (view) => {
        const c2 = view.clients.find((client) => client.id === 'c2');
        if (c2?.state !== 'CONNECTED' || c2.server !== 2) return 'c2 should be connected to server 2';
        return wIs(view, 'a', 0);
      },
    },
    {
      id: 'data-event', atMs: 845, focus: [{ message: 'watch NodeDataChanged' }, { server: 2 }, { client: 'c2' }],
      expect: (view) => {
        const events = eventsTo(view, 'c2');
        if (events.join() !== 'NodeDataChanged') return `one NodeDataChanged should be on its way to c2, not [${events.join(', ')}]`;
        return wIs(view, 'b', 1);
      },
    },
    {
      id: 'second-change', atMs: 1000, focus: [{ znode: '/w' }, { client: 'c2' }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => (eventsTo(view, 'c2').length > 0 ? 'no watch event should be on its way to c2' : wIs(view, 'c', 2)),
    },
    {
      id: 'child-event', atMs: 1412, focus: [{ message: 'watch NodeChildrenChanged' }, { znode: '/w/x' }],
      expect: (view) => {
        if (!node(view, '/w/x')) return '/w/x should exist';
        const events = eventsTo(view, 'c2');
        return events.join() === 'NodeChildrenChanged' ? null : `one NodeChildrenChanged should be on its way to c2, not [${events.join(', ')}]`;
      },
    },
    {
      id: 'reread', atMs: 2000, focus: [{ client: 'c2' }, { znode: '/w' }],
      expect: (view) => {
        const c2 = view.clients.find((client) => client.id === 'c2');
        const w = node(view, '/w');
        if (!c2 || c2.pending.length > 0) return 'c2\'s read should be answered';
        if (!w || c2.lastZxid < w.mzxid) return 'c2 should have seen /w\'s latest change';
        return wIs(view, 'c', 2);
      },
    },
  ],
};
