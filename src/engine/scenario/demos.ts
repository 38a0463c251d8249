// The classroom demos: each a scenario that plays to an outcome a teacher can point at, and a
// check of that outcome on the final view (tests run every demo and assert it). Titles in
// English and Simplified Chinese; protocol words stay untranslated.
import type { WorldView } from '../world/view';
import { RECIPE_DEMOS } from './recipe-demos';

export interface Demo {
  id: string;
  title: { en: string; 'zh-CN': string };
  /** What to watch for, one sentence. */
  summary: { en: string; 'zh-CN': string };
  /** Form B scenario JSON (CONTRACT.md section 1). */
  scenario: Record<string, unknown>;
  /** The outcome, judged on the view at the end of the scenario; returns why it failed, or null. */
  outcome(view: WorldView): string | null;
}

const leaderOf = (view: WorldView) => view.servers.find((server) => server.role === 'LEADING' && server.serving);
const has = (view: WorldView, path: string) => view.znodes.some((node) => node.path === path);

export const DEMOS: readonly Demo[] = [
  {
    id: 'first-election',
    title: { en: 'First election: the highest id wins', 'zh-CN': '首次选举：myid 最大者胜出' },
    summary: { en: 'Five fresh servers, equal zxids: Fast Leader Election settles on server 5 in about 200 ms.', 'zh-CN': '五台新服务器的 zxid 相同：Fast Leader Election 约 200 ms 后选出 server 5。' },
    scenario: { version: 1, title: 'First election', seed: 1, ensemble: { servers: 5 }, steps: [{ await: 'serving' }, { sleep: 500 }] },
    outcome: (view) => (leaderOf(view)?.id === 5 ? null : 'server 5 should lead'),
  },
  {
    id: 'no-split-vote',
    title: { en: 'Why FLE cannot split the vote', 'zh-CN': '为什么 FLE 不会出现平票' },
    summary: {
      en: 'Four servers start together, each voting for itself. Every server adopts any vote that beats its own in the (epoch, zxid, sid) order, so all four converge on server 4 in one round (electionEpoch 1): no 2–2 tie, no random back-off as in Raft.',
      'zh-CN': '四台服务器同时启动，各自先投自己。每台服务器只要看到按 (epoch, zxid, sid) 更大的选票就改投它，于是四台在同一轮（electionEpoch 1）里都投给 server 4：不会出现 2:2 平票，也不需要 Raft 那样的随机退避。',
    },
    scenario: { version: 1, title: 'No split vote', seed: 6, ensemble: { servers: 4 }, steps: [{ await: 'serving' }, { sleep: 500 }] },
    outcome: (view) => {
      if (leaderOf(view)?.id !== 4) return 'server 4 should lead';
      const votes = view.servers.map((server) => server.detail.vote as { leader: number; electionEpoch: number } | undefined);
      if (votes.some((vote) => vote?.leader !== 4)) return 'every server should vote for server 4';
      return votes.every((vote) => vote?.electionEpoch === 1) ? null : 'the election should take a single round (electionEpoch 1)';
    },
  },
  {
    id: 'leader-crash',
    title: { en: 'Leader crash and failover', 'zh-CN': 'Leader 崩溃与故障转移' },
    summary: { en: 'Kill the leader: the others notice the closed connections at once, elect server 4 and bump the epoch.', 'zh-CN': '杀掉 leader：其余服务器立即发现连接断开，选出 server 4 并提升 epoch。' },
    scenario: { version: 1, title: 'Leader crash', seed: 2, ensemble: { servers: 5 }, steps: [{ await: 'serving' }, { sleep: 1000 }, { fault: 'crash', server: 5 }, { sleep: 2000 }] },
    outcome: (view) => {
      const leader = leaderOf(view);
      return leader?.id === 4 && leader.epoch >= 2 ? null : 'server 4 should lead epoch 2';
    },
  },
  {
    id: 'zxid-beats-sid',
    title: { en: 'Why FLE cannot lose a committed write', 'zh-CN': '为什么 FLE 不会丢失已提交的写入' },
    summary: { en: 'Server 5 missed writes while down; when the others restart with it, the highest (epoch, zxid) wins, not the highest id.', 'zh-CN': 'server 5 宕机期间错过了写入；重新选举时胜出的是 (epoch, zxid) 最大者，而不是 myid 最大者。' },
    scenario: {
      version: 1, title: 'zxid beats sid', seed: 3, ensemble: { servers: 5 },
      clients: { c1: { server: 1, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { fault: 'crash', server: 5 }, { sleep: 1000 },
        { client: 'c1', op: 'create', path: '/while-5-was-down', data: 'x' },
        { fault: 'crash', server: 1 }, { fault: 'crash', server: 2 }, { fault: 'crash', server: 3 }, { fault: 'crash', server: 4 },
        { fault: 'restart', server: 1 }, { fault: 'restart', server: 2 }, { fault: 'restart', server: 3 }, { fault: 'restart', server: 4 }, { fault: 'restart', server: 5 },
        { await: 'serving' }, { sleep: 500 },
      ],
    },
    outcome: (view) => {
      const leader = leaderOf(view);
      if (!leader || leader.id === 5) return 'server 5 (behind) must not lead';
      return has(view, '/while-5-was-down') ? null : 'the write made while 5 was down must survive';
    },
  },
  {
    id: 'minority-partition',
    title: { en: 'A minority partition cannot write', 'zh-CN': '少数派分区无法写入' },
    summary: { en: 'Servers 4 and 5 are cut off: the majority elects a leader and commits; the minority stops serving.', 'zh-CN': 'server 4 和 5 被隔离：多数派选出 leader 并继续提交；少数派停止服务。' },
    scenario: {
      version: 1, title: 'Minority partition', seed: 4, ensemble: { servers: 5 },
      clients: { c1: { server: 1, connectAtStart: false } },
      steps: [{ await: 'serving' }, { fault: 'partition', groups: [[1, 2, 3], [4, 5]] }, { sleep: 15000 }, { client: 'c1', op: 'create', path: '/majority', data: 'ok' }, { sleep: 500 }],
    },
    outcome: (view) => {
      const leader = leaderOf(view);
      if (!leader || leader.id > 3) return 'the leader must be on the majority side';
      if (view.servers.some((server) => server.id > 3 && server.serving)) return 'servers 4 and 5 must not serve';
      return has(view, '/majority') ? null : 'the majority must commit /majority';
    },
  },
  {
    id: 'trunc-old-leader',
    title: { en: 'A healed partition: TRUNC drops an uncommitted proposal', 'zh-CN': '分区恢复：TRUNC 丢弃未提交的提案' },
    summary: { en: 'The isolated leader logs a write it can never commit; after healing, the new leader tells it TRUNC.', 'zh-CN': '被隔离的 leader 记录了一个永远无法提交的写入；恢复后新 leader 向它发送 TRUNC。' },
    scenario: {
      version: 1, title: 'TRUNC', seed: 5, ensemble: { servers: 5 },
      clients: { c5: { server: 5, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { client: 'c5', op: 'create', path: '/before', data: 'committed' },
        { fault: 'isolate', server: 5 }, { client: 'c5', op: 'create', path: '/lost', data: 'never committed' },
        { sleep: 15000 }, { fault: 'heal' }, { sleep: 40000 },
      ],
    },
    outcome: (view) => {
      if (has(view, '/lost')) return '/lost must be gone';
      if (!has(view, '/before')) return '/before must survive';
      const five = view.servers.find((server) => server.id === 5)!;
      return five.role === 'FOLLOWING' ? null : 'server 5 must follow again';
    },
  },
  {
    id: 'diff-vs-snap',
    title: { en: 'Lagging follower: DIFF, far behind: SNAP', 'zh-CN': '落后的 follower：DIFF；落后太多：SNAP' },
    summary: { en: 'Server 1 misses a few writes and gets DIFF; server 2 misses more than the 500-txn committedLog and gets SNAP.', 'zh-CN': 'server 1 错过少量写入，同步方式为 DIFF；server 2 错过超过 500 个事务，同步方式为 SNAP。' },
    scenario: {
      version: 1, title: 'DIFF and SNAP', seed: 6, ensemble: { servers: 5 },
      clients: { c5: { server: 5, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { fault: 'crash', server: 2 },
        // The same data each time (every setData is still its own txn): identical steps compress to
        // almost nothing, so this demo's share URL stays under 2,000 characters.
        ...Array.from({ length: 520 }, () => ({ client: 'c5', op: 'setData', path: '/', data: 'w' })),
        { fault: 'crash', server: 1 },
        ...Array.from({ length: 5 }, (_, index) => ({ client: 'c5', op: 'setData', path: '/', data: `late ${index}` })),
        { fault: 'restart', server: 1 }, { fault: 'restart', server: 2 }, { await: 'serving' }, { sleep: 500 },
      ],
    },
    outcome: (view) => (view.servers.every((server) => server.serving) ? null : 'every server must serve again'),
  },
  {
    id: 'session-expiry',
    title: { en: 'Session expiry deletes ephemerals', 'zh-CN': '会话过期会删除临时节点' },
    summary: { en: 'c1 owns an ephemeral node; its network is cut for longer than its timeout; the leader expires the session and the node goes.', 'zh-CN': 'c1 拥有一个临时节点；它的网络断开时间超过会话超时；leader 使会话过期，节点被删除。' },
    scenario: {
      version: 1, title: 'Session expiry', seed: 7, ensemble: { servers: 3 },
      clients: { c1: { server: 1, sessionTimeoutMs: 6000, connectAtStart: false }, c2: { server: 2, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { client: 'c1', op: 'create', path: '/lock', mode: 'EPHEMERAL' }, { client: 'c2', op: 'exists', path: '/lock', watch: true },
        { fault: 'disconnect', client: 'c1', durationMs: 20000 }, { sleep: 25000 },
      ],
    },
    outcome: (view) => {
      if (has(view, '/lock')) return '/lock must be gone';
      return view.clients.find((client) => client.id === 'c1')?.state === 'EXPIRED' ? null : 'c1 must see EXPIRED';
    },
  },
  {
    id: 'reconnect-keeps-session',
    title: { en: 'Reconnecting to another server keeps the session', 'zh-CN': '重连到另一台服务器会保留会话' },
    summary: { en: 'c1\'s server crashes; c1 reconnects to the next server within its timeout and keeps its session and ephemeral node.', 'zh-CN': 'c1 所连的服务器崩溃；c1 在超时前重连到下一台服务器，会话和临时节点都保留。' },
    scenario: {
      version: 1, title: 'Reconnect', seed: 8, ensemble: { servers: 3 },
      clients: { c1: { server: 1, sessionTimeoutMs: 10000, connectAtStart: false } },
      steps: [{ await: 'serving' }, { client: 'c1', op: 'create', path: '/mine', mode: 'EPHEMERAL' }, { fault: 'crash', server: 1 }, { sleep: 8000 }],
    },
    outcome: (view) => {
      const client = view.clients.find((entry) => entry.id === 'c1')!;
      if (client.state !== 'CONNECTED' || client.server === 1) return 'c1 must be connected to another server';
      return view.znodes.find((node) => node.path === '/mine')?.ephemeralOwner === client.sessionId ? null : '/mine must still belong to c1';
    },
  },
  {
    id: 'stale-read-sync',
    title: { en: 'A stale read, and sync()', 'zh-CN': '读到旧数据，以及 sync()' },
    summary: { en: 'Reads are served by the connected server: a lagging follower answers the old value until the reader calls sync().', 'zh-CN': '读请求由所连服务器本地处理：落后的 follower 返回旧值，直到读者调用 sync()。' },
    scenario: {
      version: 1, title: 'Stale read', seed: 9, ensemble: { servers: 3 },
      clients: { writer: { server: 3, connectAtStart: false }, reader: { server: 1, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { client: 'writer', op: 'create', path: '/v', data: 'old' }, { client: 'reader', op: 'getData', path: '/v' },
        { fault: 'delay', from: 3, to: 1, latencyMsMin: 3000, latencyMsMax: 3000 },
        { client: 'writer', op: 'setData', path: '/v', data: 'new' }, { client: 'reader', op: 'getData', path: '/v' },
        { client: 'reader', op: 'sync', path: '/v' }, { client: 'reader', op: 'getData', path: '/v' },
      ],
    },
    outcome: (view) => (view.znodes.find((node) => node.path === '/v')?.data === 'new' ? null : '/v must end as new'),
  },
  {
    id: 'watch-once',
    title: { en: 'A watch fires once', 'zh-CN': 'watch 只触发一次' },
    summary: { en: 'c2 watches /w; two changes follow; c2 gets one NodeDataChanged, with no data in it.', 'zh-CN': 'c2 对 /w 设置 watch；随后发生两次修改；c2 只收到一次 NodeDataChanged，且事件不带数据。' },
    scenario: {
      version: 1, title: 'Watch once', seed: 10, ensemble: { servers: 3 },
      clients: { c1: { server: 1, connectAtStart: false }, c2: { server: 2, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { client: 'c1', op: 'create', path: '/w', data: 'a' }, { client: 'c2', op: 'getData', path: '/w', watch: true },
        { client: 'c1', op: 'setData', path: '/w', data: 'b' }, { client: 'c1', op: 'setData', path: '/w', data: 'c' }, { sleep: 500 },
      ],
    },
    outcome: (view) => (view.znodes.find((node) => node.path === '/w')?.version === 2 ? null : '/w must be at version 2'),
  },
  // Lock hand-off, herd effect, leader-election recipe, service discovery (recipe actors).
  ...RECIPE_DEMOS,
  {
    id: 'observer',
    title: { en: 'An observer learns by INFORM and never votes', 'zh-CN': 'observer 通过 INFORM 学习，从不投票' },
    summary: { en: 'Three voters and one observer: the observer gets committed txns as INFORM and does not count toward a quorum.', 'zh-CN': '三个投票者加一个 observer：observer 以 INFORM 接收已提交事务，不计入法定人数。' },
    scenario: {
      version: 1, title: 'Observer', seed: 11, ensemble: { servers: 3, observers: 1 },
      clients: { c4: { server: 4, connectAtStart: false } },
      steps: [{ await: 'serving' }, { client: 'c4', op: 'create', path: '/via-observer', data: 'x' }, { fault: 'crash', server: 2 }, { fault: 'crash', server: 3 }, { sleep: 15000 }],
    },
    outcome: (view) => {
      const observer = view.servers.find((server) => server.id === 4)!;
      if (!has(view, '/via-observer')) return 'the observer\'s write must have committed';
      return observer.role !== 'LEADING' && !leaderOf(view) ? null : 'with two voters down, nobody may lead (the observer does not count)';
    },
  },
  {
    id: 'reconfig-add-server',
    title: { en: 'Adding servers with reconfig', 'zh-CN': '用 reconfig 添加服务器' },
    summary: { en: 'Servers 4 and 5 run as non-voting joiners; a reconfig makes them voters, and the ensemble then survives two of the first three crashing.', 'zh-CN': 'server 4 和 5 先作为不投票的加入者运行；reconfig 让它们成为投票者，之后前三台中有两台崩溃集群仍可工作。' },
    scenario: {
      version: 1, title: 'Reconfig: add servers', seed: 13, ensemble: { servers: 3, spares: 2, reconfigEnabled: true },
      clients: { admin: { server: 3, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { sleep: 1000 },
        { client: 'admin', op: 'reconfig', joining: [{ server: 4 }, { server: 5 }] },
        { sleep: 1000 }, { fault: 'crash', server: 1 }, { fault: 'crash', server: 2 }, { sleep: 3000 },
        { client: 'admin', op: 'create', path: '/still-writable', data: 'three of five' },
      ],
    },
    outcome: (view) => (has(view, '/still-writable') ? null : 'with 3 of 5 voters alive the write must commit'),
  },
  {
    id: 'rolling-restart',
    title: { en: 'A rolling restart', 'zh-CN': '滚动重启' },
    summary: { en: 'Restart the servers one at a time: the ensemble keeps a quorum and keeps committing.', 'zh-CN': '逐台重启服务器：集群始终保有法定人数并持续提交。' },
    scenario: {
      version: 1, title: 'Rolling restart', seed: 12, ensemble: { servers: 3 },
      clients: { c1: { server: 1 } },
      steps: [
        { await: 'serving' },
        ...[1, 2, 3].flatMap((server) => [
          { fault: 'crash', server }, { sleep: 2000 }, { fault: 'restart', server }, { await: 'serving' },
          { client: 'c1', op: 'create', path: `/after-${server}`, data: 'ok' },
        ]),
      ],
    },
    outcome: (view) => ([1, 2, 3].every((server) => has(view, `/after-${server}`)) ? null : 'every write must commit'),
  },
];

/** A bug-lab scenario: ZooKeeper with one rule broken, and the checker that catches it; or a
 * recipe written the naive way (no `bug`: the engine is correct, the client code is not), with
 * the outcome the user sees instead. */
export interface BugDemo {
  id: string;
  /** The engine's broken variant (scenario "bugs"); absent for a flawed recipe. */
  bug?: string;
  title: { en: string; 'zh-CN': string };
  summary: { en: string; 'zh-CN': string };
  /** Why the rule exists: what breaks without it. */
  explanation: { en: string; 'zh-CN': string };
  scenario: Record<string, unknown>;
  /** The invariant violation the run must show (entries with a `bug`). */
  caughtBy?: RegExp;
  /** A flawed recipe's visible outcome, judged on the final view; why it failed, or null. */
  outcome?(view: WorldView): string | null;
}

const NAIVE_WAITERS = ['N1', 'N2', 'N3', 'N4', 'N5'];
const RECIPE_WAITERS = ['R1', 'R2', 'R3', 'R4', 'R5'];
const actorField = (view: WorldView, id: string, name: string): number => Number(view.actors?.find((actor) => actor.id === id)?.state[name] ?? 0);
const actorSum = (view: WorldView, ids: readonly string[], name: string): number => ids.reduce((sum, id) => sum + actorField(view, id, name), 0);

const TRUNC_STEPS = [
  { await: 'serving' }, { client: 'c5', op: 'create', path: '/before', data: 'committed' },
  { fault: 'isolate', server: 5 }, { client: 'c5', op: 'create', path: '/lost', data: 'never committed' },
  { sleep: 15000 }, { fault: 'heal' }, { sleep: 40000 },
];

export const BUG_LAB: readonly BugDemo[] = [
  {
    id: 'bug-election-ignores-zxid', bug: 'election-ignores-zxid',
    title: { en: 'Bug lab: an election that ignores zxids', 'zh-CN': 'Bug 实验：忽略 zxid 的选举' },
    summary: { en: 'Votes compare only epoch and id: server 5, which missed a committed write, wins and the write is lost.', 'zh-CN': '投票只比较 epoch 和 myid：错过了已提交写入的 server 5 当选，该写入丢失。' },
    explanation: {
      en: 'FLE orders votes by (epoch, zxid, sid) so that the new leader holds every committed txn: a quorum logged each commit, and any quorum that elects a leader overlaps it. Drop the zxid and a server with a shorter history can win; its TRUNC then erases an acknowledged write. CommittedNeverLost catches it.',
      'zh-CN': 'FLE 按 (epoch, zxid, sid) 比较投票，保证新 leader 拥有所有已提交事务：每次提交都被多数派记录，而任何选出 leader 的多数派都与之相交。去掉 zxid，历史更短的服务器也能当选，它发出的 TRUNC 会抹掉一个已确认的写入。CommittedNeverLost 会发现它。',
    },
    scenario: {
      version: 1, title: 'Bug lab: election-ignores-zxid', seed: 23, bugs: ['election-ignores-zxid'], ensemble: { servers: 5 },
      clients: { c1: { server: 1, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { fault: 'crash', server: 5 }, { sleep: 2000 }, { fault: 'restart', server: 5 }, { sleep: 2000 },
        { fault: 'crash', server: 5 }, { client: 'c1', op: 'create', path: '/while-5-was-down', data: 'x' },
        { fault: 'crash', server: 1 }, { fault: 'crash', server: 2 }, { fault: 'crash', server: 3 }, { fault: 'crash', server: 4 },
        { fault: 'restart', server: 1 }, { fault: 'restart', server: 2 }, { fault: 'restart', server: 3 }, { fault: 'restart', server: 4 },
        { fault: 'restart', server: 5 }, { await: 'serving' }, { sleep: 500 },
      ],
    },
    caughtBy: /CommittedNeverLost/,
  },
  {
    id: 'bug-commit-before-quorum', bug: 'commit-before-quorum',
    title: { en: 'Bug lab: committing before a quorum acks', 'zh-CN': 'Bug 实验：未获多数确认就提交' },
    summary: { en: 'An isolated leader commits on its own ACK and answers OK; the majority elects another leader and the write is gone.', 'zh-CN': '被隔离的 leader 仅凭自己的 ACK 就提交并回复 OK；多数派选出新 leader 后，这个写入消失了。' },
    explanation: {
      en: 'A leader may commit only once a quorum has logged the proposal: that is what makes an acknowledged write survive any later election. Committing on its own ACK lets a partitioned leader acknowledge a write that no other server has. CommittedNeverLost catches it.',
      'zh-CN': 'leader 只有在多数派把提案写入日志后才能提交，这正是已确认写入能在之后任何选举中存活的原因。仅凭自己的 ACK 提交，会让被分区的 leader 确认一个其他服务器都没有的写入。CommittedNeverLost 会发现它。',
    },
    scenario: {
      version: 1, title: 'Bug lab: commit-before-quorum', seed: 21, bugs: ['commit-before-quorum'], ensemble: { servers: 3 },
      // c1's sync then read after the heal: the acknowledged /acked is gone (the history view's
      // linearizability verdict shows it).
      clients: { c1: { server: 1, connectAtStart: false }, c3: { server: 3, connectAtStart: false } },
      steps: [
        { await: 'serving' }, { fault: 'isolate', server: 3 }, { client: 'c3', op: 'create', path: '/acked', data: 'acknowledged, never replicated' }, { sleep: 15000 }, { fault: 'heal' }, { sleep: 30000 },
        { client: 'c1', op: 'sync', path: '/' }, { client: 'c1', op: 'getData', path: '/acked' },
      ],
    },
    caughtBy: /CommittedNeverLost/,
  },
  {
    id: 'bug-serve-before-uptodate', bug: 'serve-before-uptodate',
    title: { en: 'Bug lab: serving before UPTODATE', 'zh-CN': 'Bug 实验：UPTODATE 之前就提供服务' },
    summary: { en: 'The old leader rejoins and answers clients before its TRUNC is done: it serves a write that was never committed.', 'zh-CN': '旧 leader 重新加入，在 TRUNC 完成之前就回答客户端：它提供了一个从未提交的写入。' },
    explanation: {
      en: 'A learner serves clients only after UPTODATE: until synchronization ends its tree may hold proposals that were never committed (here the old leader\'s /lost). ServeCommittedOnly catches a serving server that applied a txn no quorum ever committed.',
      'zh-CN': 'learner 只有收到 UPTODATE 之后才为客户端服务：同步结束前，它的树里可能还有从未提交的提案（这里是旧 leader 的 /lost）。ServeCommittedOnly 会发现正在服务的服务器应用了从未被多数派提交的事务。',
    },
    scenario: { version: 1, title: 'Bug lab: serve-before-uptodate', seed: 22, bugs: ['serve-before-uptodate'], ensemble: { servers: 5 }, clients: { c5: { server: 5, connectAtStart: false } }, steps: TRUNC_STEPS },
    caughtBy: /ServeCommittedOnly/,
  },
  {
    id: 'bug-skip-trunc', bug: 'skip-trunc',
    title: { en: 'Bug lab: DIFF instead of TRUNC', 'zh-CN': 'Bug 实验：用 DIFF 代替 TRUNC' },
    summary: { en: 'The new leader tells the old one DIFF where it owes a TRUNC: the old leader keeps a proposal nobody committed.', 'zh-CN': '新 leader 对旧 leader 该发 TRUNC 时却发了 DIFF：旧 leader 保留了一个无人提交的提案。' },
    explanation: {
      en: 'A rejoining server whose log has txns the leader never had (an old leader\'s uncommitted proposals) must truncate them; otherwise its committed prefix differs from everyone else\'s. PrefixConsistency catches it.',
      'zh-CN': '重新加入的服务器如果日志里有 leader 从未有过的事务（旧 leader 未提交的提案），必须截断它们；否则它的已提交前缀会与其他服务器不同。PrefixConsistency 会发现它。',
    },
    scenario: { version: 1, title: 'Bug lab: skip-trunc', seed: 22, bugs: ['skip-trunc'], ensemble: { servers: 5 }, clients: { c5: { server: 5, connectAtStart: false } }, steps: TRUNC_STEPS },
    caughtBy: /PrefixConsistency|PrimaryIntegrity/,
  },
  {
    id: 'bug-unreplicated-session-expiry', bug: 'unreplicated-session-expiry',
    title: { en: 'Bug lab: a follower ends a session by itself', 'zh-CN': 'Bug 实验：follower 自行结束会话' },
    summary: { en: 'c1\'s connection drops; its follower deletes c1\'s ephemeral locally, with no txn; the replicas now disagree.', 'zh-CN': 'c1 的连接断开；它所连的 follower 在本地删除了 c1 的临时节点，没有事务；副本从此不一致。' },
    explanation: {
      en: 'Only the leader expires sessions, and it does so with a closeSession txn that every server applies at the same point of the log. A server that ends a session on its own changes its tree outside the log: replicas that applied the same txns no longer hold the same tree. ReplicasAgree catches it.',
      'zh-CN': '只有 leader 会使会话过期，而且是通过一个 closeSession 事务，每台服务器在日志的同一位置应用它。服务器自行结束会话就是在日志之外修改了树：应用了相同事务的副本不再持有相同的树。ReplicasAgree 会发现它。',
    },
    scenario: {
      version: 1, title: 'Bug lab: unreplicated-session-expiry', seed: 24, bugs: ['unreplicated-session-expiry'], ensemble: { servers: 3 },
      clients: { c1: { server: 1, sessionTimeoutMs: 30000, connectAtStart: false }, c2: { server: 2, connectAtStart: false } },
      steps: [{ await: 'serving' }, { client: 'c1', op: 'create', path: '/member', mode: 'EPHEMERAL' }, { fault: 'disconnect', client: 'c1' }, { sleep: 1000 }, { client: 'c2', op: 'create', path: '/next', data: 'y' }, { sleep: 500 }],
    },
    caughtBy: /ReplicasAgree/,
  },
  {
    id: 'bug-naive-lock',
    title: { en: 'Bug lab: the naive lock (herd effect)', 'zh-CN': 'Bug 实验：简单锁（羊群效应）' },
    summary: {
      en: 'Five clients lock by creating one ephemeral node and watching it; five use the recipe (sequential nodes, each watching its predecessor). Every naive release wakes all the waiters; every recipe release wakes one.',
      'zh-CN': '五个客户端通过创建同一个临时节点并 watch 它来加锁；另外五个使用标准配方（顺序节点，各自 watch 前一个节点）。简单锁每次释放都唤醒所有等待者，配方每次只唤醒一个。',
    },
    explanation: {
      en: 'Nothing in ZooKeeper is broken here: the client code is. When every waiter watches the same node, each release sends a notification to every waiter, and all of them race to create the node again; only one wins, the others go back to waiting. With N waiters that is N notifications and N create requests per release, for one hand-off. The recipe (ZooKeeper Recipes, "Locks") has each waiter create a sequential node and watch only the node just before its own: a release wakes exactly one client. The counters next to each actor show it.',
      'zh-CN': '这里 ZooKeeper 本身没有错，错的是客户端代码。所有等待者 watch 同一个节点时，每次释放都会通知每个等待者，它们全部争着重新创建该节点；只有一个成功，其余的回去继续等待。N 个等待者意味着每次交接要 N 次通知和 N 个 create 请求。标准配方（ZooKeeper Recipes 的 "Locks"）让每个等待者创建顺序节点，只 watch 紧挨在自己前面的节点：一次释放只唤醒一个客户端。每个 actor 旁的计数显示了这一点。',
    },
    scenario: {
      version: 1, title: 'Bug lab: naive lock', seed: 33, ensemble: { servers: 3 },
      actors: [
        ...NAIVE_WAITERS.map((id, index) => ({ id, recipe: 'naive-lock', client: `n${index + 1}`, path: '/naive/lock', holdMs: 2500, ...(index === 0 ? {} : { startMs: 1500 }) })),
        ...RECIPE_WAITERS.map((id, index) => ({ id, recipe: 'lock', client: `r${index + 1}`, path: '/recipe/lock', holdMs: 2500, ...(index === 0 ? {} : { startMs: 1500 }) })),
      ],
      steps: [{ await: 'serving' }, { sleep: 9000 }],
    },
    outcome: (view) => {
      const naiveReleases = actorSum(view, NAIVE_WAITERS, 'round');
      const recipeReleases = actorSum(view, RECIPE_WAITERS, 'round');
      if (naiveReleases < 2 || recipeReleases < 2) return `each lock must be released at least twice (naive ${naiveReleases}, recipe ${recipeReleases})`;
      const naive = actorSum(view, NAIVE_WAITERS, 'wakeups');
      const recipe = actorSum(view, RECIPE_WAITERS, 'wakeups');
      if (recipe !== recipeReleases) return `the recipe must wake one waiter per release (${recipe} notifications for ${recipeReleases} releases)`;
      return naive >= naiveReleases * (NAIVE_WAITERS.length - 2) ? null : `the naive lock must wake every waiter on each release (${naive} notifications for ${naiveReleases} releases)`;
    },
  },
];
