// Distributed queue as ZooKeeper's recipe (recipes/queue DistributedQueue.java) and Curator's
// DistributedQueue do it: producers create PERSISTENT_SEQUENTIAL "<path>/qn-NNNNNNNNNN" holding
// the item; a consumer lists the children with a watch, takes them in sequence order by getData
// then delete(-1), and a NONODE on either means another consumer took that item first. An empty
// queue waits for the child watch. Taking = delete before processing: at-most-once delivery.
// A producer's create whose reply was lost is simply retried (no protection), so an item can be
// queued twice: at-least-once production, as in the ZooKeeper recipe.
import type { ActorConfig } from '../scenario/types';
import { childrenOf, joinPath, sortedBySequence, baseName, createdPath } from './common';
import type { ActorContext, ActorInput, Recipe } from './types';

const ITEM_NAME = 'qn-';
const RETRY_DELAY_MS = 200;

export type QueuePhase = 'idle' | 'producing' | 'pausing' | 'listing' | 'reading' | 'taking' | 'waiting' | 'done';

export interface QueueState {
  path: string;
  role: 'producer' | 'consumer';
  count: number;
  intervalMs: number;
  phase: QueuePhase;
  /** Items produced or consumed so far. */
  handled: number;
  /** Consumer: the items of the last listing still to try, in order. */
  candidates: string[];
  current: string | null;
  currentData: string | null;
  /** The queue as this actor last listed it (for the view). */
  seen: string[];
  taken: string[];
}

function produce(state: QueueState, ctx: ActorContext): void {
  state.phase = 'producing';
  ctx.op({ op: 'create', path: joinPath(state.path, ITEM_NAME), mode: 'PERSISTENT_SEQUENTIAL', data: `${ctx.actorId}#${state.handled + 1}` });
}

function list(state: QueueState, ctx: ActorContext): void {
  state.phase = 'listing';
  ctx.op({ op: 'getChildren', path: state.path, watch: true });
}

function tryNext(state: QueueState, ctx: ActorContext): void {
  const next = state.candidates.shift();
  if (next === undefined) return list(state, ctx);
  state.current = next;
  state.phase = 'reading';
  ctx.op({ op: 'getData', path: joinPath(state.path, next) });
}

function finishOne(state: QueueState, ctx: ActorContext): boolean {
  state.handled++;
  if (state.handled < state.count) return false;
  state.phase = 'done';
  return true;
}

function onReply(state: QueueState, input: Extract<ActorInput, { type: 'reply' }>, ctx: ActorContext): void {
  switch (state.phase) {
    case 'producing': {
      if (input.err !== 'OK') return ctx.setTimer('retry', RETRY_DELAY_MS);
      const item = baseName(createdPath(input.result));
      ctx.event('produced', { item, data: `${ctx.actorId}#${state.handled + 1}` });
      if (finishOne(state, ctx)) return;
      state.phase = 'pausing';
      return ctx.setTimer('next', state.intervalMs);
    }
    case 'listing':
      if (input.err !== 'OK') return ctx.setTimer('retry', RETRY_DELAY_MS);
      state.seen = sortedBySequence(childrenOf(input.result), ITEM_NAME);
      state.candidates = state.seen.slice();
      if (state.candidates.length === 0) {
        state.phase = 'waiting';
        return;
      }
      return tryNext(state, ctx);
    case 'reading':
      if (input.err === 'NONODE') return tryNext(state, ctx);
      if (input.err !== 'OK') return ctx.setTimer('retry', RETRY_DELAY_MS);
      state.currentData = (input.result as { data: string | null }).data;
      state.phase = 'taking';
      return ctx.op({ op: 'delete', path: joinPath(state.path, state.current!), version: -1 });
    case 'taking':
      if (input.err === 'NONODE') return tryNext(state, ctx);
      if (input.err !== 'OK') return ctx.setTimer('retry', RETRY_DELAY_MS);
      state.taken.push(state.current!);
      ctx.event('consumed', { item: state.current, data: state.currentData });
      state.current = null;
      if (finishOne(state, ctx)) return;
      return tryNext(state, ctx);
    default:
      return;
  }
}

function onTimer(state: QueueState, name: string, ctx: ActorContext): void {
  if (name === 'next' && state.phase === 'pausing') return produce(state, ctx);
  if (name !== 'retry') return;
  if (state.phase === 'producing') return produce(state, ctx);
  // A lost delete may have taken the item: look at the queue afresh (at-most-once: it is gone).
  if (state.phase === 'listing' || state.phase === 'reading' || state.phase === 'taking') return list(state, ctx);
}

function onSession(state: QueueState, status: string, ctx: ActorContext): void {
  if (state.phase === 'done') return;
  if (status === 'CRASHED' || status === 'CLOSED') {
    state.phase = 'done';
  } else if (status === 'EXPIRED') {
    // The op in flight died with the session (its answer never comes): start over once a new
    // session is up. Items are persistent; only our child watch is lost.
    ctx.cancelTimer('retry');
    ctx.cancelTimer('next');
    state.phase = state.role === 'producer' ? 'pausing' : 'waiting';
    state.candidates = [];
  } else if (status === 'CONNECTED') {
    if (state.role === 'consumer' && state.phase === 'waiting') list(state, ctx);
    if (state.role === 'producer' && state.phase === 'pausing' && ctx.sessionId !== 0) {
      ctx.cancelTimer('next');
      produce(state, ctx);
    }
  }
}

export function stepQueue(state: QueueState, input: ActorInput, ctx: ActorContext): void {
  switch (input.type) {
    case 'start':
      if (state.count === 0) state.phase = 'done';
      else if (state.role === 'producer') produce(state, ctx);
      else list(state, ctx);
      return;
    case 'reply':
      return onReply(state, input, ctx);
    case 'watch':
      if (state.phase === 'waiting' && input.path === state.path) list(state, ctx);
      return;
    case 'timer':
      return onTimer(state, input.name, ctx);
    case 'session':
      return onSession(state, input.status, ctx);
  }
}

export const queueRecipe: Recipe<QueueState> = {
  name: 'queue',
  fields: { required: { path: 'path', role: ['producer', 'consumer'] }, optional: { count: 'nonNegativeInt', intervalMs: 'nonNegativeInt', startMs: 'nonNegativeInt' } },
  directory: (config) => String(config.path),
  create: (config: ActorConfig) => ({
    path: String(config.path), role: config.role === 'consumer' ? 'consumer' : 'producer', count: Number(config.count ?? 1),
    intervalMs: Number(config.intervalMs ?? 100), phase: 'idle', handled: 0, candidates: [], current: null, currentData: null, seen: [], taken: [],
  }),
  step: stepQueue,
  done: (state) => state.phase === 'done',
  view: (state) => ({ phase: state.phase, role: state.role, handled: state.handled, count: state.count, seen: state.seen, taken: state.taken, current: state.current }),
};
