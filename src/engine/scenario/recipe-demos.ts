// The classroom demos that need recipe actors (the recipe panel of the app shows each one):
// lock hand-off, the naive lock's herd against the recipe, the leader-election recipe and
// service discovery. Each one's outcome is judged on the actors' own state in the final view.
import type { ActorView } from '../world/actors';
import type { WorldView } from '../world/view';
import type { Demo } from './demos';

const actor = (view: WorldView, id: string): ActorView | undefined => view.actors?.find((entry) => entry.id === id);
const field = (view: WorldView, id: string, name: string): unknown => actor(view, id)?.state[name];
const sumOf = (view: WorldView, ids: readonly string[], name: string): number => ids.reduce((sum, id) => sum + Number(field(view, id, name) ?? 0), 0);

/** Short session timeouts so that an expiry happens in class time (the default is 30 s). */
const SHORT_SESSION = { sessionTimeoutMs: 6000 };

const HERD_NAIVE = ['N1', 'N2', 'N3', 'N4', 'N5'];
const HERD_RECIPE = ['R1', 'R2', 'R3', 'R4', 'R5'];

export const RECIPE_DEMOS: readonly Demo[] = [
  {
    id: 'lock-handoff',
    title: { en: 'Lock queue hand-off when the holder\'s session dies', 'zh-CN': '持锁者会话失效时锁队列的交接' },
    summary: {
      en: 'A holds /locks/job, B and C wait, each watching only its predecessor; A\'s client is cut off past its 6 s timeout, its ephemeral node goes and B (and only B) is woken and acquires.',
      'zh-CN': 'A 持有 /locks/job，B 和 C 排队，各自只 watch 前一个节点；A 的客户端断网超过 6 秒超时，它的临时节点被删除，只有 B 被唤醒并获得锁。',
    },
    scenario: {
      version: 1, title: 'Lock hand-off', seed: 31, ensemble: { servers: 3 },
      clients: { a: { server: 1, ...SHORT_SESSION }, b: { server: 2, ...SHORT_SESSION }, c: { server: 3, ...SHORT_SESSION } },
      actors: [
        { id: 'A', recipe: 'lock', client: 'a', path: '/locks/job', holdMs: 600_000 },
        { id: 'B', recipe: 'lock', client: 'b', path: '/locks/job', holdMs: 600_000, startMs: 1500 },
        { id: 'C', recipe: 'lock', client: 'c', path: '/locks/job', holdMs: 600_000, startMs: 2000 },
      ],
      steps: [{ await: 'serving' }, { sleep: 4000 }, { fault: 'disconnect', client: 'a', durationMs: 20_000 }, { sleep: 26_000 }],
    },
    outcome: (view) => {
      if (field(view, 'B', 'holds') !== true) return 'B must hold the lock after A\'s session expired';
      if (field(view, 'A', 'holds') === true || field(view, 'C', 'holds') === true) return 'only B may hold the lock';
      if (field(view, 'C', 'watching') !== field(view, 'B', 'node')) return 'C must watch B\'s node';
      return field(view, 'A', 'watching') === field(view, 'C', 'node') ? null : 'A must queue again behind C';
    },
  },
  {
    id: 'herd-effect',
    title: { en: 'The herd effect: naive lock against the recipe', 'zh-CN': '羊群效应：简单锁与标准锁配方对比' },
    summary: {
      en: 'Five clients take a naive lock (everyone watches one node) and five take the recipe lock (each watches its predecessor): every naive release wakes all the waiters, every recipe release wakes one.',
      'zh-CN': '五个客户端争用简单锁（都 watch 同一个节点），另五个使用标准锁配方（各自 watch 前一个节点）：简单锁每次释放唤醒所有等待者，配方每次只唤醒一个。',
    },
    scenario: {
      version: 1, title: 'Herd effect', seed: 32, ensemble: { servers: 3 },
      actors: [
        ...HERD_NAIVE.map((id, index) => ({ id, recipe: 'naive-lock', client: `n${index + 1}`, path: '/naive/lock', holdMs: 3000, ...(index === 0 ? {} : { startMs: 1500 }) })),
        ...HERD_RECIPE.map((id, index) => ({ id, recipe: 'lock', client: `r${index + 1}`, path: '/recipe-lock', holdMs: 3000, ...(index === 0 ? {} : { startMs: 1500 }) })),
      ],
      steps: [{ await: 'serving' }, { sleep: 10_000 }],
    },
    outcome: (view) => {
      const naiveReleases = sumOf(view, HERD_NAIVE, 'round');
      const recipeReleases = sumOf(view, HERD_RECIPE, 'round');
      if (naiveReleases < 2 || recipeReleases < 2) return 'each lock must have been released at least twice';
      const naive = sumOf(view, HERD_NAIVE, 'wakeups');
      const recipe = sumOf(view, HERD_RECIPE, 'wakeups');
      if (recipe !== recipeReleases) return `the recipe must wake one waiter per release (${recipe} for ${recipeReleases})`;
      return naive >= naiveReleases * 3 ? null : `the naive lock must wake the herd (${naive} for ${naiveReleases})`;
    },
  },
  {
    id: 'leader-election-recipe',
    title: { en: 'Leader election recipe: the next candidate takes over', 'zh-CN': 'Leader 选举配方：下一个候选者接任' },
    summary: {
      en: 'E1, E2 and E3 create sequential ephemeral nodes; the lowest leads. E1\'s client is cut off: it gives up leadership at once, and E2 is elected when E1\'s session expires and its node goes.',
      'zh-CN': 'E1、E2、E3 创建顺序临时节点，序号最小者当选。E1 的客户端断网：它立即放弃领导权；E1 的会话过期、节点删除后，E2 当选。',
    },
    scenario: {
      version: 1, title: 'Leader election recipe', seed: 33, ensemble: { servers: 3 },
      clients: { e1: { server: 1, ...SHORT_SESSION }, e2: { server: 2, ...SHORT_SESSION }, e3: { server: 3, ...SHORT_SESSION } },
      actors: [
        { id: 'E1', recipe: 'leader-election', client: 'e1', path: '/election' },
        { id: 'E2', recipe: 'leader-election', client: 'e2', path: '/election', startMs: 1500 },
        { id: 'E3', recipe: 'leader-election', client: 'e3', path: '/election', startMs: 2000 },
      ],
      steps: [{ await: 'serving' }, { sleep: 4000 }, { fault: 'disconnect', client: 'e1', durationMs: 20_000 }, { sleep: 12_000 }],
    },
    outcome: (view) => {
      if (field(view, 'E2', 'leader') !== true) return 'E2 must be the leader';
      if (field(view, 'E1', 'leader') === true || field(view, 'E3', 'leader') === true) return 'only E2 may lead';
      return field(view, 'E3', 'watching') === field(view, 'E2', 'node') ? null : 'E3 must watch E2\'s node';
    },
  },
  {
    id: 'service-discovery',
    title: { en: 'Service discovery: a provider dies, consumers see it go', 'zh-CN': '服务发现：提供者失效，消费者看到它消失' },
    summary: {
      en: 'Three providers register ephemeral nodes under /services/api; two consumers list them with a child watch. P2\'s client is cut off past its timeout: its node is deleted and both consumers\' lists drop it.',
      'zh-CN': '三个提供者在 /services/api 下注册临时节点；两个消费者用子节点 watch 获取列表。P2 的客户端断网超过超时：它的节点被删除，两个消费者的列表都去掉了它。',
    },
    scenario: {
      version: 1, title: 'Service discovery', seed: 34, ensemble: { servers: 3 },
      clients: { p1: { server: 1 }, p2: { server: 2, ...SHORT_SESSION }, p3: { server: 3 }, u1: { server: 1 }, u2: { server: 3 } },
      actors: [
        { id: 'P1', recipe: 'registry', client: 'p1', path: '/services/api' },
        { id: 'P2', recipe: 'registry', client: 'p2', path: '/services/api' },
        { id: 'P3', recipe: 'registry', client: 'p3', path: '/services/api' },
        { id: 'U1', recipe: 'registry', client: 'u1', path: '/services/api', register: false, startMs: 1000 },
        { id: 'U2', recipe: 'registry', client: 'u2', path: '/services/api', register: false, startMs: 1000 },
      ],
      steps: [{ await: 'serving' }, { sleep: 3000 }, { fault: 'disconnect', client: 'p2', durationMs: 30_000 }, { sleep: 12_000 }],
    },
    outcome: (view) => {
      for (const consumer of ['U1', 'U2']) {
        const members = field(view, consumer, 'members');
        if (!Array.isArray(members) || members.join(',') !== 'P1,P3') return `${consumer} must list P1 and P3 only (has ${String(members)})`;
      }
      return view.znodes.some((node) => node.path === '/services/api/P2') ? '/services/api/P2 must be gone' : null;
    },
  },
];
