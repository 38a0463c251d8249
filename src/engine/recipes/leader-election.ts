// Leader election as Curator's LeaderLatch does it (LeaderLatch.java; ZooKeeper Recipes doc,
// "Leader Election"): each candidate creates "<path>/_c_<uuid>-latch-NNNNNNNNNN"
// EPHEMERAL_SEQUENTIAL with protection; the first in sequence order is the leader; every other one
// watches its predecessor with getData and looks again when it goes. Under the standard
// ConnectionStateErrorPolicy a SUSPENDED (disconnected) leader gives up leadership at once, and on
// RECONNECTED the latch resets: it deletes its node and joins again at the back. With holdMs the
// leader resigns after that long (LeaderLatch.close), deleting its node.
import type { ActorConfig } from '../scenario/types';
import { childrenOf, findProtected, guid, joinPath, protectedCreateReply, protectedPrefix, sortedBySequence } from './common';
import type { ActorContext, ActorInput, Recipe } from './types';

const LATCH_NAME = 'latch-';
const RETRY_DELAY_MS = 200;

export type ElectionPhase = 'idle' | 'creating' | 'finding' | 'checking' | 'watching' | 'waiting' | 'leading' | 'resetting' | 'cleaning' | 'cleaning-stray' | 'resigning' | 'suspended' | 'expired' | 'done';

export interface ElectionState {
  path: string;
  holdMs: number | null;
  phase: ElectionPhase;
  prefix: string | null;
  node: string | null;
  watching: string | null;
  leader: boolean;
  terms: number;
  /** Protected prefixes of earlier attempts in this session. */
  oldPrefixes: string[];
}

const OLD_PREFIXES_MAX = 16;

function join(state: ElectionState, ctx: ActorContext): void {
  if (state.prefix !== null) state.oldPrefixes = [...state.oldPrefixes, state.prefix].slice(-OLD_PREFIXES_MAX);
  state.prefix = protectedPrefix(guid(ctx.rng));
  state.node = null;
  state.watching = null;
  create(state, ctx);
}

function create(state: ElectionState, ctx: ActorContext): void {
  state.phase = 'creating';
  ctx.op({ op: 'create', path: joinPath(state.path, state.prefix + LATCH_NAME), mode: 'EPHEMERAL_SEQUENTIAL', data: ctx.actorId });
}

function check(state: ElectionState, ctx: ActorContext): void {
  state.phase = 'checking';
  ctx.op({ op: 'getChildren', path: state.path });
}

/** LeaderLatch.checkLeadership: first in order leads; others watch their predecessor. */
function evaluate(state: ElectionState, children: string[], ctx: ActorContext): void {
  // Our own strays (a create whose lost reply landed anyway) would block the latch: delete them
  // first, as Curator does for failed protected creates.
  const stray = children.find((child) => child !== state.node && (child.startsWith(state.prefix!) || state.oldPrefixes.some((prefix) => child.startsWith(prefix))));
  if (stray !== undefined) {
    state.phase = 'cleaning-stray';
    return ctx.op({ op: 'delete', path: joinPath(state.path, stray), version: -1 });
  }
  const sorted = sortedBySequence(children, LATCH_NAME);
  const index = state.node === null ? -1 : sorted.indexOf(state.node);
  if (index < 0) return join(state, ctx);
  if (index === 0) {
    state.phase = 'leading';
    state.leader = true;
    state.watching = null;
    state.terms++;
    ctx.event('elected', { node: state.node });
    if (state.holdMs !== null) ctx.setTimer('resign', state.holdMs);
    return;
  }
  state.watching = sorted[index - 1]!;
  state.phase = 'watching';
  ctx.op({ op: 'getData', path: joinPath(state.path, state.watching), watch: true });
}

function loseLeadership(state: ElectionState, reason: string, ctx: ActorContext): void {
  if (!state.leader) return;
  state.leader = false;
  ctx.cancelTimer('resign');
  ctx.event('resigned', { node: state.node, reason });
}

function onReply(state: ElectionState, input: Extract<ActorInput, { type: 'reply' }>, ctx: ActorContext): void {
  const steps = {
    create: () => create(state, ctx),
    check: () => check(state, ctx),
    evaluate: (children: string[]) => evaluate(state, children, ctx),
    retry: () => ctx.setTimer('retry', RETRY_DELAY_MS),
  };
  if (protectedCreateReply(state, input, ctx, steps)) return;
  switch (state.phase) {
    case 'watching':
      if (input.err === 'OK') state.phase = 'waiting';
      else check(state, ctx);
      return;
    case 'cleaning-stray':
      if (input.err !== 'OK' && input.err !== 'NONODE') return ctx.setTimer('retry', RETRY_DELAY_MS);
      return check(state, ctx);
    case 'cleaning':
      if (input.err !== 'OK') return ctx.setTimer('retry', RETRY_DELAY_MS);
      state.node = findProtected(childrenOf(input.result), state.prefix!);
      state.prefix = null;
      return deleteOurs(state, 'resetting', ctx);
    case 'resetting':
      if (input.err === 'OK' || input.err === 'NONODE') return join(state, ctx);
      return ctx.setTimer('retry', RETRY_DELAY_MS);
    case 'resigning':
      if (input.err === 'OK' || input.err === 'NONODE') {
        state.phase = 'done';
        state.node = null;
        return;
      }
      return ctx.setTimer('retry', RETRY_DELAY_MS);
    default:
      return;
  }
}

function deleteOurs(state: ElectionState, phase: 'resetting' | 'resigning', ctx: ActorContext): void {
  state.phase = phase;
  if (state.node === null && phase === 'resetting' && state.prefix !== null) {
    // A create whose reply was lost may have left a node: find it by its protected name first
    // (Curator deletes such leftovers in the background), or it would block everyone behind it.
    state.phase = 'cleaning';
    return ctx.op({ op: 'getChildren', path: state.path });
  }
  if (state.node === null) return phase === 'resetting' ? join(state, ctx) : void (state.phase = 'done');
  ctx.op({ op: 'delete', path: joinPath(state.path, state.node), version: -1 });
}

function onSession(state: ElectionState, status: string, ctx: ActorContext): void {
  if (state.phase === 'done') return;
  if (status === 'DISCONNECTED') {
    loseLeadership(state, 'connection suspended', ctx);
    state.phase = 'suspended';
  } else if (status === 'EXPIRED') {
    loseLeadership(state, 'session expired', ctx);
    state.phase = 'expired';
    state.node = null;
    state.oldPrefixes = [];
  } else if (status === 'CONNECTED' && (state.phase === 'suspended' || state.phase === 'expired')) {
    // LeaderLatch.reset on RECONNECTED: delete our node (if any) and join again.
    deleteOurs(state, 'resetting', ctx);
  } else if (status === 'CRASHED' || status === 'CLOSED') {
    state.leader = false;
    state.phase = 'done';
  }
}

export function stepElection(state: ElectionState, input: ActorInput, ctx: ActorContext): void {
  switch (input.type) {
    case 'start':
      return join(state, ctx);
    case 'reply':
      return onReply(state, input, ctx);
    case 'watch':
      if (state.phase === 'waiting' && state.watching !== null && input.path === joinPath(state.path, state.watching)) check(state, ctx);
      return;
    case 'timer':
      if (input.name === 'resign' && state.phase === 'leading') {
        loseLeadership(state, 'holdMs elapsed', ctx);
        return deleteOurs(state, 'resigning', ctx);
      }
      if (input.name !== 'retry') return;
      if (state.phase === 'finding' || state.phase === 'checking' || state.phase === 'cleaning-stray') return check(state, ctx);
      if (state.phase === 'cleaning') return ctx.op({ op: 'getChildren', path: state.path });
      if (state.phase === 'resetting' || state.phase === 'resigning') return deleteOurs(state, state.phase, ctx);
      return;
    case 'session':
      return onSession(state, input.status, ctx);
  }
}

export const leaderElectionRecipe: Recipe<ElectionState> = {
  name: 'leader-election',
  fields: { required: { path: 'path' }, optional: { holdMs: 'nonNegativeInt', startMs: 'nonNegativeInt' } },
  directory: (config) => String(config.path),
  create: (config: ActorConfig) => ({
    path: String(config.path), holdMs: config.holdMs === undefined ? null : Number(config.holdMs),
    phase: 'idle', prefix: null, node: null, watching: null, leader: false, terms: 0, oldPrefixes: [],
  }),
  step: stepElection,
  // A leader that never resigns has nothing more to do; a candidate waits on.
  done: (state) => state.phase === 'done' || (state.phase === 'leading' && state.holdMs === null),
  view: (state) => ({ phase: state.phase, leader: state.leader, node: state.node, watching: state.watching, terms: state.terms }),
};
