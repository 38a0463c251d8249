// Exclusive lock as Curator's InterProcessMutex does it (LockInternals.attemptLock and
// internalLockLoop; ZooKeeper Recipes doc, "Locks"): an EPHEMERAL_SEQUENTIAL child
// "<path>/_c_<uuid>-lock-NNNNNNNNNN" with protection; the lowest sequence holds the lock; every
// other contender watches only its predecessor, with getData (not exists, so a vanished node leaves
// no watch behind), so a release wakes one waiter. A create whose reply was lost (CONNECTIONLOSS) is
// found again by its protected prefix (CreateBuilderImpl.findProtectedNodeInForeground).
import { guid, joinPath, protectedCreateReply, protectedPrefix, sortedBySequence } from './common';
import type { ActorConfig } from '../scenario/types';
import type { ActorContext, ActorInput, Recipe } from './types';

const LOCK_NAME = 'lock-';
/** Curator's InterProcessReadWriteLock names: both kinds live in one directory. */
const READ_NAME = '__READ__';
const WRITE_NAME = '__WRIT__';
const RETRY_DELAY_MS = 200;

/** exclusive: InterProcessMutex; read / write: the two halves of InterProcessReadWriteLock. */
export type LockMode = 'exclusive' | 'read' | 'write';

function nodeNameOf(mode: LockMode): string {
  return mode === 'exclusive' ? LOCK_NAME : mode === 'read' ? READ_NAME : WRITE_NAME;
}

export type LockPhase = 'idle' | 'creating' | 'finding' | 'checking' | 'cleaning' | 'watching' | 'waiting' | 'held' | 'releasing' | 'expired' | 'done';

export interface LockState {
  mode: LockMode;
  path: string;
  holdMs: number;
  rounds: number;
  round: number;
  phase: LockPhase;
  /** Protected prefix of this attempt's node. */
  prefix: string | null;
  /** Our node's name under path, once known. */
  node: string | null;
  /** The predecessor we watch. */
  watching: string | null;
  /** What the actor believes (the lease caveat: it may be wrong after a long pause). */
  holds: boolean;
  /** Said "waiting" in this round already. */
  announced: boolean;
  /** Nodes ahead of ours at the last check. */
  ahead: number;
  /** Protected prefixes of earlier attempts in this session (a lost create may surface later). */
  oldPrefixes: string[];
  /** Our own stray nodes being deleted before we look again. */
  leftovers: string[];
  /** Watch notifications this contender received (the herd measure: one per release here). */
  wakeups: number;
  /** When the last one came (-1: never), so a view can flash the one that was woken. */
  lastWakeMs: number;
}

export function createLockState(config: ActorConfig): LockState {
  const mode: LockMode = config.recipe === 'rw-lock' ? (config.mode === 'write' ? 'write' : 'read') : 'exclusive';
  return {
    mode,
    path: String(config.path), holdMs: Number(config.holdMs ?? 1000), rounds: Number(config.rounds ?? 1), round: 0,
    phase: 'idle', prefix: null, node: null, watching: null, holds: false, announced: false, ahead: 0, oldPrefixes: [], leftovers: [],
    wakeups: 0, lastWakeMs: -1,
  };
}

const OLD_PREFIXES_MAX = 16;

function acquire(state: LockState, ctx: ActorContext): void {
  if (state.prefix !== null) state.oldPrefixes = [...state.oldPrefixes, state.prefix].slice(-OLD_PREFIXES_MAX);
  state.prefix = protectedPrefix(guid(ctx.rng));
  state.node = null;
  state.watching = null;
  create(state, ctx);
}

function create(state: LockState, ctx: ActorContext): void {
  state.phase = 'creating';
  ctx.op({ op: 'create', path: joinPath(state.path, state.prefix + nodeNameOf(state.mode)), mode: 'EPHEMERAL_SEQUENTIAL', data: ctx.actorId });
}

function check(state: LockState, ctx: ActorContext): void {
  state.phase = 'checking';
  ctx.op({ op: 'getChildren', path: state.path });
}

/** internalLockLoop: the lowest node holds; otherwise watch the one just before ours. */
function evaluate(state: LockState, children: string[], ctx: ActorContext): void {
  // A create whose reply was lost can still land after we created again: such strays are ours
  // and would block everyone behind them. Curator deletes nodes of a failed protected create in
  // the background (CreateBuilderImpl / FindAndDeleteProtectedNodeInBackground); so do we, first.
  const strays = children.filter((child) => child !== state.node && (child.startsWith(state.prefix!) || state.oldPrefixes.some((prefix) => child.startsWith(prefix))));
  if (strays.length > 0) {
    state.leftovers = strays;
    return deleteLeftover(state, ctx);
  }
  const sorted = state.mode === 'exclusive' ? sortedBySequence(children, LOCK_NAME) : sortedBySequence(children, '__');
  const index = state.node === null ? -1 : sorted.indexOf(state.node);
  // Our node vanished (our session expired under us): Curator throws NoNodeException; we retry.
  if (index < 0) return acquire(state, ctx);
  const blocker = blockerOf(state.mode, sorted, index);
  state.ahead = index;
  if (blocker === null) {
    state.phase = 'held';
    state.holds = true;
    state.watching = null;
    ctx.event('acquired', { node: state.node, round: state.round + 1 });
    ctx.setTimer('hold', state.holdMs);
    return;
  }
  state.watching = blocker;
  state.phase = 'watching';
  if (!state.announced) ctx.event('waiting', { node: state.node, watching: state.watching, ahead: index });
  state.announced = true;
  ctx.op({ op: 'getData', path: joinPath(state.path, state.watching), watch: true });
}

/** The node a contender must wait for, or null when it holds the lock (Recipes doc, "Shared
 * Locks"; Curator's read/write lock driver): an exclusive or write lock waits for whatever
 * precedes it; a read lock only for the nearest write lock before it, so readers share. */
function blockerOf(mode: LockMode, sorted: readonly string[], index: number): string | null {
  if (mode !== 'read') return index === 0 ? null : sorted[index - 1]!;
  for (let before = index - 1; before >= 0; before--) if (sorted[before]!.includes(WRITE_NAME)) return sorted[before]!;
  return null;
}

function deleteLeftover(state: LockState, ctx: ActorContext): void {
  state.phase = 'cleaning';
  ctx.op({ op: 'delete', path: joinPath(state.path, state.leftovers[0]!), version: -1 });
}

function release(state: LockState, ctx: ActorContext): void {
  state.phase = 'releasing';
  state.holds = false;
  ctx.event('released', { node: state.node, round: state.round + 1 });
  ctx.op({ op: 'delete', path: joinPath(state.path, state.node!), version: -1 });
}

function nextRound(state: LockState, ctx: ActorContext): void {
  state.round++;
  state.node = null;
  state.announced = false;
  if (state.round >= state.rounds) {
    state.phase = 'done';
    return;
  }
  acquire(state, ctx);
}

function onReply(state: LockState, input: Extract<ActorInput, { type: 'reply' }>, ctx: ActorContext): void {
  const steps = {
    create: () => create(state, ctx),
    check: () => check(state, ctx),
    evaluate: (children: string[]) => evaluate(state, children, ctx),
    retry: () => ctx.setTimer('retry', RETRY_DELAY_MS),
  };
  if (protectedCreateReply(state, input, ctx, steps)) return;
  switch (state.phase) {
    case 'watching':
      // NONODE: the predecessor went away before we could watch it: look again at once.
      if (input.err === 'OK') {
        state.phase = 'waiting';
        return;
      }
      return check(state, ctx);
    case 'cleaning':
      if (input.err !== 'OK' && input.err !== 'NONODE') return ctx.setTimer('retry', RETRY_DELAY_MS);
      state.leftovers.shift();
      return state.leftovers.length > 0 ? deleteLeftover(state, ctx) : check(state, ctx);
    case 'releasing':
      // Curator's guaranteed delete: keep trying until it is gone (NONODE counts as gone).
      if (input.err === 'OK' || input.err === 'NONODE') return nextRound(state, ctx);
      return ctx.setTimer('retry', RETRY_DELAY_MS);
    default:
      return;
  }
}

function onTimer(state: LockState, name: string, ctx: ActorContext): void {
  if (name === 'hold' && state.phase === 'held') return release(state, ctx);
  if (name !== 'retry') return;
  if (state.phase === 'finding' || state.phase === 'checking') return check(state, ctx);
  if (state.phase === 'cleaning') return deleteLeftover(state, ctx);
  if (state.phase === 'releasing') ctx.op({ op: 'delete', path: joinPath(state.path, state.node!), version: -1 });
}

function onSession(state: LockState, status: string, ctx: ActorContext): void {
  if (status === 'EXPIRED') {
    // The ephemeral node died with the session: whoever held the lock has lost it.
    if (state.holds) ctx.event('lost', { node: state.node, reason: 'session expired' });
    ctx.cancelTimer('hold');
    ctx.cancelTimer('retry');
    if (state.phase !== 'done') state.phase = 'expired';
    state.holds = false;
    state.node = null;
    state.watching = null;
    // The old session's nodes died with it.
    state.oldPrefixes = [];
    state.prefix = null;
    return;
  }
  if (status === 'CONNECTED' && state.phase === 'expired') return acquire(state, ctx);
  if (status === 'CRASHED' || status === 'CLOSED') {
    state.holds = false;
    state.phase = 'done';
  }
}

/** One step of the lock (also used by leader-election's neighbour logic by analogy, not code). */
export function stepLock(state: LockState, input: ActorInput, ctx: ActorContext): void {
  switch (input.type) {
    case 'start':
      if (state.rounds > 0) acquire(state, ctx);
      else state.phase = 'done';
      return;
    case 'reply':
      return onReply(state, input, ctx);
    case 'watch':
      if (input.path.startsWith(state.path + '/')) {
        state.wakeups++;
        state.lastWakeMs = ctx.nowMs;
      }
      if (state.phase === 'waiting' && state.watching !== null && input.path === joinPath(state.path, state.watching)) check(state, ctx);
      return;
    case 'timer':
      return onTimer(state, input.name, ctx);
    case 'session':
      return onSession(state, input.status, ctx);
  }
}

export const lockRecipe: Recipe<LockState> = {
  name: 'lock',
  fields: { required: { path: 'path' }, optional: { holdMs: 'nonNegativeInt', rounds: 'nonNegativeInt', startMs: 'nonNegativeInt' } },
  directory: (config) => String(config.path),
  create: createLockState,
  step: stepLock,
  done: (state) => state.phase === 'done',
  view: (state) => ({
    phase: state.phase, holds: state.holds, node: state.node, watching: state.watching, ahead: state.ahead,
    round: state.round, rounds: state.rounds, wakeups: state.wakeups, lastWakeMs: state.lastWakeMs,
  }),
};

/** InterProcessReadWriteLock: a reader or a writer (field mode) in one lock directory. */
export const readWriteLockRecipe: Recipe<LockState> = {
  ...lockRecipe,
  name: 'rw-lock',
  fields: { required: { path: 'path' }, optional: { ...lockRecipe.fields.optional, mode: ['read', 'write'] } },
  view: (state) => ({ ...lockRecipe.view(state), mode: state.mode }),
};
