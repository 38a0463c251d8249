// The recipe panel's model: the scenario's recipe actors (view.actors) grouped by what they share
// (a lock directory, an election path, a barrier, a queue, a registry), each group in the shape
// its drawing needs: the lock queue in sequence order with the predecessor each waiter watches,
// the naive lock's herd (everyone watching one node, each one's notification count, who was
// woken just now), barrier counts, queue items, registry members. Pure functions of the view.
import type { ActorView } from '../../engine/world/actors';
import type { WorldView, ZnodeView } from '../../engine/world/view';

/** A waiter woken at most this long ago (simulated ms) is drawn as "just woken". */
export const WOKEN_RECENT_MS = 800;

/** One contender of a queue-shaped recipe (lock, leader latch), in sequence order. */
export interface QueueEntry {
  actor: string;
  client: string;
  /** Sequence number of its node, or null without a node (not queued now). */
  seq: number | null;
  node: string | null;
  /** Holds the lock / leads. */
  first: boolean;
  phase: string;
  /** Index (in entries) of the contender whose node this one watches, or -1. */
  watchesIndex: number;
  notifications: number;
  woken: boolean;
  /** Its client is gone (crashed or closed) or its session expired. */
  gone: boolean;
  /** It names a node that the (leader's) tree no longer has: its session expired unheard. */
  nodeGone: boolean;
  /** Finished (no node, nothing left to do): listed on one line, not in the queue. */
  finished: boolean;
  /** Believes it holds / leads, but its node is gone. */
  believesFirst: boolean;
}

export interface LockGroup {
  kind: 'lock';
  path: string;
  entries: QueueEntry[];
  finished: string[];
  releases: number;
  notifications: number;
}

export interface ElectionGroup {
  kind: 'election';
  path: string;
  entries: QueueEntry[];
  finished: string[];
  leader: string | null;
}

export interface NaiveEntry {
  actor: string;
  client: string;
  holds: boolean;
  waiting: boolean;
  phase: string;
  finished: boolean;
  notifications: number;
  woken: boolean;
  lastWakeMs: number;
}

export interface NaiveLockGroup {
  kind: 'naive-lock';
  path: string;
  holder: string | null;
  entries: NaiveEntry[];
  releases: number;
  notifications: number;
  /** How many were woken by the latest release (those woken within WOKEN_RECENT_MS of the last wake-up). */
  lastStorm: number;
}

export interface BarrierGroup {
  kind: 'barrier';
  path: string;
  memberQty: number | null;
  /** Members present in the tree now (children of the barrier other than "ready"). */
  present: number;
  ready: boolean;
  entries: { actor: string; phase: string }[];
}

export interface QueueGroup {
  kind: 'queue';
  path: string;
  /** The queue's items in sequence order, as the tree holds them now. */
  items: { name: string; data: string | null }[];
  entries: { actor: string; role: string; phase: string; handled: number; count: number; current: string | null }[];
}

export interface RegistryGroup {
  kind: 'registry';
  path: string;
  /** Members registered in the tree now. */
  registered: string[];
  entries: { actor: string; provider: boolean; registered: boolean; phase: string; members: string[]; lastPick: string | null }[];
}

export type RecipeGroup = LockGroup | ElectionGroup | NaiveLockGroup | BarrierGroup | QueueGroup | RegistryGroup;

const num = (value: unknown, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The actors woken within WOKEN_RECENT_MS, as one string: it changes only when that set does,
 * so the panel re-renders on a wake-up, not on every frame. */
export function wokenKey(view: WorldView | null): string {
  if (!view?.actors) return '';
  return view.actors.filter((actor) => woken(num(actor.state.lastWakeMs, -1), view.timeMs)).map((actor) => actor.id).join(',');
}

/** The sequence number a sequential node name ends with (10 digits), or null. */
export function sequenceOf(node: string | null): number | null {
  if (node === null) return null;
  const match = /(\d{10})$/.exec(node);
  return match ? Number(match[1]) : null;
}

/** Children names of `path` in a tree, sorted. */
function childrenIn(znodes: readonly ZnodeView[], path: string): ZnodeView[] {
  const prefix = path === '/' ? '/' : `${path}/`;
  return znodes.filter((node) => node.path.startsWith(prefix) && !node.path.slice(prefix.length).includes('/') && node.path !== path)
    .sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
}

function isGone(actor: ActorView, clientStates: ReadonlyMap<string, string>): boolean {
  const state = clientStates.get(actor.client);
  return actor.stopped || state === 'EXPIRED' || state === 'CLOSED' || state === 'CRASHED';
}

function woken(lastWakeMs: number, timeMs: number): boolean {
  return lastWakeMs >= 0 && timeMs - lastWakeMs >= 0 && timeMs - lastWakeMs < WOKEN_RECENT_MS;
}

/** Contenders in queue order (queued ones by sequence, then the ones without a node), and the
 * ones that finished (listed apart, they are no longer in the queue). */
function queueEntries(actors: readonly ActorView[], view: WorldView, firstField: 'holds' | 'leader', clientStates: ReadonlyMap<string, string>): { entries: QueueEntry[]; finished: string[] } {
  const paths = new Set(view.znodes.map((znode) => znode.path));
  const all = actors.map((actor): QueueEntry & { watching: string | null } => {
    const node = str(actor.state.node);
    const phase = String(actor.state.phase ?? '');
    const believes = actor.state[firstField] === true;
    // An actor whose node is gone from the tree only believes it holds (ZooKeeper's lease
    // caveat) until it hears that its session expired.
    const nodeGone = node !== null && view.znodes.length > 0 && !paths.has(`${actor.path}/${node}`);
    return {
      actor: actor.id, client: actor.client, seq: sequenceOf(node), node, phase,
      first: believes && !nodeGone, believesFirst: believes && nodeGone, nodeGone,
      finished: node === null && (phase === 'done' || actor.stopped),
      watchesIndex: -1, notifications: num(actor.state.wakeups), woken: woken(num(actor.state.lastWakeMs, -1), view.timeMs),
      gone: isGone(actor, clientStates), watching: str(actor.state.watching),
    };
  });
  const queued = all.filter((entry) => !entry.finished);
  queued.sort((left, right) => (left.seq ?? Infinity) - (right.seq ?? Infinity) || (left.actor < right.actor ? -1 : 1));
  return {
    entries: queued.map(({ watching, ...entry }) => ({ ...entry, watchesIndex: watching === null ? -1 : queued.findIndex((other) => other.node === watching) })),
    finished: all.filter((entry) => entry.finished).map((entry) => entry.actor),
  };
}

function groupKey(actor: ActorView): string {
  const kind = actor.recipe === 'rw-lock' ? 'lock' : actor.recipe;
  return `${kind} ${actor.path}`;
}

/** The recipe groups of a view, in the order their first actor appears. */
export function recipeGroups(view: WorldView): RecipeGroup[] {
  const actors = view.actors ?? [];
  const clientStates = new Map(view.clients.map((client) => [client.id, client.state]));
  const byKey = new Map<string, ActorView[]>();
  for (const actor of actors) {
    const key = groupKey(actor);
    byKey.set(key, [...(byKey.get(key) ?? []), actor]);
  }
  const groups: RecipeGroup[] = [];
  for (const members of byKey.values()) {
    const first = members[0]!;
    const group = groupOf(first.recipe, first.path, members, view, clientStates);
    if (group) groups.push(group);
  }
  return groups;
}

function groupOf(recipe: string, path: string, actors: readonly ActorView[], view: WorldView, clientStates: ReadonlyMap<string, string>): RecipeGroup | null {
  switch (recipe) {
    case 'lock':
    case 'rw-lock': {
      const { entries, finished } = queueEntries(actors, view, 'holds', clientStates);
      return {
        kind: 'lock', path, entries, finished,
        releases: actors.reduce((sum, actor) => sum + num(actor.state.round), 0),
        notifications: actors.reduce((sum, actor) => sum + num(actor.state.wakeups), 0),
      };
    }
    case 'leader-election': {
      const { entries, finished } = queueEntries(actors, view, 'leader', clientStates);
      return { kind: 'election', path, entries, finished, leader: entries.find((entry) => entry.first)?.actor ?? null };
    }
    case 'naive-lock':
      return naiveGroup(path, actors, view.timeMs);
    case 'barrier': {
      const children = childrenIn(view.znodes, path);
      const quantity = actors.map((actor) => actor.state.memberQty).find((value) => typeof value === 'number');
      return {
        kind: 'barrier', path, memberQty: typeof quantity === 'number' ? quantity : null,
        present: children.filter((node) => !node.path.endsWith('/ready')).length,
        ready: children.some((node) => node.path.endsWith('/ready')),
        entries: actors.map((actor) => ({ actor: actor.id, phase: String(actor.state.phase ?? '') })),
      };
    }
    case 'queue':
      return {
        kind: 'queue', path,
        items: childrenIn(view.znodes, path).map((node) => ({ name: node.path.slice(node.path.lastIndexOf('/') + 1), data: node.data })),
        entries: actors.map((actor) => ({
          actor: actor.id, role: String(actor.state.role ?? ''), phase: String(actor.state.phase ?? ''),
          handled: num(actor.state.handled), count: num(actor.state.count), current: str(actor.state.current),
        })),
      };
    case 'registry':
      return {
        kind: 'registry', path,
        registered: childrenIn(view.znodes, path).map((node) => node.path.slice(node.path.lastIndexOf('/') + 1)),
        entries: actors.map((actor) => ({
          actor: actor.id, provider: actor.state.register !== false,
          registered: actor.state.registered === true, phase: String(actor.state.phase ?? ''),
          members: Array.isArray(actor.state.members) ? (actor.state.members as unknown[]).map(String) : [],
          lastPick: str(actor.state.lastPick),
        })),
      };
    default:
      return null;
  }
}

function naiveGroup(path: string, actors: readonly ActorView[], timeMs: number): NaiveLockGroup {
  const entries = actors.map((actor): NaiveEntry => {
    const lastWakeMs = num(actor.state.lastWakeMs, -1);
    const phase = String(actor.state.phase ?? '');
    return {
      actor: actor.id, client: actor.client, holds: actor.state.holds === true, waiting: phase === 'waiting' || phase === 'watching' || phase === 'creating',
      phase, finished: phase === 'done', notifications: num(actor.state.wakeups), woken: woken(lastWakeMs, timeMs), lastWakeMs,
    };
  });
  const latest = Math.max(-1, ...entries.map((entry) => entry.lastWakeMs));
  return {
    kind: 'naive-lock', path,
    holder: entries.find((entry) => entry.holds)?.actor ?? null,
    entries,
    releases: actors.reduce((sum, actor) => sum + num(actor.state.round), 0),
    notifications: entries.reduce((sum, entry) => sum + entry.notifications, 0),
    lastStorm: latest < 0 ? 0 : entries.filter((entry) => entry.lastWakeMs >= 0 && latest - entry.lastWakeMs < WOKEN_RECENT_MS).length,
  };
}
