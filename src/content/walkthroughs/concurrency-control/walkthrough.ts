// Questions 15, 22 and 26 of the notes: how does ZooKeeper control concurrent updates? Not with
// locks or extra protocol phases: every write is ordered by the leader and checked against the
// current state. c1 and c2 both read /counter at version 0 and both try setData version 0: the
// first to reach the leader wins, the other gets BADVERSION (an error txn with its own zxid),
// re-reads and retries. A multi with a stale version applies nothing; with the right version its
// ops commit together under one zxid. Two concurrent sequential creates get distinct names.
import type { WalkthroughDef } from '../types';
import type { WorldView } from '../../../engine/world/view';

const node = (view: WorldView, path: string) => view.znodes.find((entry) => entry.path === path);
const leaderLog = (view: WorldView) => (view.servers.find((server) => server.role === 'LEADING' && server.serving)?.detail.log ?? []) as { zxid: number; text: string }[];

function counterIs(view: WorldView, data: string, version: number): string | null {
  const counter = node(view, '/counter');
  return counter?.data === data && counter.version === version ? null : `/counter should be "${data}" at version ${version}`;
}

/** zxids of epoch 1: createSession c1, create /counter, create /jobs, createSession c2, then: */
const C2_SET = 0x100000005;
const C1_FAILED = 0x100000006;
const MULTI_FAILED = 0x100000008;
const MULTI_OK = 0x100000009;

export const walkthrough: WalkthroughDef = {
  id: 'concurrency-control',
  questions: [15, 22, 26],
  scenario: {
    version: 1, title: 'Concurrency control: versions, multi, sequential nodes', seed: 15, ensemble: { servers: 3 },
    clients: { c1: { server: 1, connectAtStart: false }, c2: { server: 2, connectAtStart: false } },
    steps: [
      { await: 'serving' }, { client: 'c1', op: 'create', path: '/counter', data: '0' },
      { client: 'c1', op: 'create', path: '/jobs', data: '' },
      { client: 'c1', op: 'getData', path: '/counter' }, { client: 'c2', op: 'getData', path: '/counter' },
      // Both increment 0 -> 1, each expecting the version it read.
      { at: 1000, client: 'c1', op: 'setData', path: '/counter', data: '1', version: 0 },
      { at: 1000, client: 'c2', op: 'setData', path: '/counter', data: '1', version: 0 },
      // The loser re-reads and retries with the version it now sees.
      { at: 1500, client: 'c1', op: 'getData', path: '/counter' },
      { client: 'c1', op: 'setData', path: '/counter', data: '2', version: 1 },
      // c2 still believes /counter is at version 1: its multi fails as a whole.
      { at: 2000, client: 'c2', op: 'multi', ops: [{ op: 'create', path: '/jobs/audit', data: 'counter 1 -> 2' }, { op: 'setData', path: '/counter', data: '2', version: 1 }] },
      { at: 2300, client: 'c2', op: 'multi', ops: [{ op: 'create', path: '/jobs/audit', data: 'counter 2 -> 3' }, { op: 'setData', path: '/counter', data: '3', version: 2 }] },
      { at: 2600, client: 'c1', op: 'create', path: '/jobs/job-', data: 'a', mode: 'PERSISTENT_SEQUENTIAL' },
      { at: 2600, client: 'c2', op: 'create', path: '/jobs/job-', data: 'b', mode: 'PERSISTENT_SEQUENTIAL' },
      { at: 3000, sleep: 0 },
    ],
  },
  checkpoints: [
    {
      id: 'race', atMs: 1005, focus: [{ message: 'REQUEST' }, { znode: '/counter' }],
      quiz: { options: 4, answer: 1 },
      expect: (view) => {
        const requests = view.messages.filter((message) => message.label === 'REQUEST' && message.to === 3);
        if (requests.length !== 2) return 'both setData requests should be on their way to the leader, server 3';
        return counterIs(view, '0', 0);
      },
    },
    {
      id: 'badversion', atMs: 1100, focus: [{ znode: '/counter' }, { client: 'c1' }, { server: 3 }],
      expect: (view) => {
        if (node(view, '/counter')?.mzxid !== C2_SET) return 'c2\'s setData should be the one applied';
        const failed = leaderLog(view).find((entry) => entry.zxid === C1_FAILED);
        if (!failed?.text.includes('BADVERSION')) return 'c1\'s setData should be logged as an error txn BADVERSION';
        return counterIs(view, '1', 1);
      },
    },
    {
      id: 'retried', atMs: 1700, focus: [{ client: 'c1' }, { znode: '/counter' }],
      quiz: { options: 4, answer: 2 },
      expect: (view) => counterIs(view, '2', 2),
    },
    {
      id: 'multi-failed', atMs: 2100, focus: [{ znode: '/jobs' }, { client: 'c2' }],
      expect: (view) => {
        if (node(view, '/jobs/audit')) return '/jobs/audit must not exist: the failed multi applies nothing';
        if (!leaderLog(view).some((entry) => entry.zxid === MULTI_FAILED && entry.text.startsWith('multi'))) return 'the failed multi should still be a txn in the log';
        return counterIs(view, '2', 2);
      },
    },
    {
      id: 'multi-ok', atMs: 2400, focus: [{ znode: '/jobs/audit' }, { znode: '/counter' }],
      expect: (view) => {
        const audit = node(view, '/jobs/audit');
        if (audit?.czxid !== MULTI_OK || node(view, '/counter')?.mzxid !== MULTI_OK) return '/jobs/audit and the new /counter should share the multi\'s one zxid';
        return counterIs(view, '3', 3);
      },
    },
    {
      id: 'sequential', atMs: 2700, focus: [{ znode: '/jobs/job-0000000001' }, { znode: '/jobs/job-0000000002' }],
      expect: (view) => {
        const jobs = view.znodes.filter((entry) => entry.path.startsWith('/jobs/job-')).map((entry) => `${entry.path}=${entry.data}`).sort();
        return jobs.join() === '/jobs/job-0000000001=a,/jobs/job-0000000002=b' ? null : `c1 and c2 should have job-0000000001 and job-0000000002, not ${jobs.join(', ')}`;
      },
    },
  ],
};
