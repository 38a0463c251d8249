// Double barrier as Curator's DistributedDoubleBarrier does it (ZooKeeper Recipes doc, "Double
// Barriers"). Enter: watch "<path>/ready" with exists; create our EPHEMERAL member node
// "<path>/<uuid>"; if the members number memberQty or more, create "ready" (NODEEXISTS is fine);
// else wait for ready to appear. After holdMs, leave: if no member is left we are through; if only
// we are left, delete ours; if ours is the lowest, wait for the highest to go; else delete ours and
// wait for the lowest to go; repeat. The last one out deletes "ready".
import type { ActorConfig } from '../scenario/types';
import { guid, joinPath, childrenOf, parentOf } from './common';
import type { ActorContext, ActorInput, Recipe } from './types';
import { createSimpleBarrier, stepSimpleBarrier, type SimpleBarrierState } from './simple-barrier';

const READY = 'ready';
const RETRY_DELAY_MS = 200;

export type BarrierPhase = 'idle' | 'watching-ready' | 'joining' | 'counting' | 'readying' | 'waiting-ready'
  | 'inside' | 'leaving' | 'deleting' | 'watching-other' | 'waiting-other' | 'clearing' | 'left' | 'expired';

export interface BarrierState {
  mode: 'double';
  path: string;
  memberQty: number;
  holdMs: number;
  phase: BarrierPhase;
  member: string | null;
  readySeen: boolean;
  /** Members seen at the last look (without "ready"). */
  members: string[];
  watching: string | null;
}

function memberPath(state: BarrierState): string {
  return joinPath(state.path, state.member!);
}

function enter(state: BarrierState, ctx: ActorContext): void {
  state.member = state.member ?? guid(ctx.rng);
  state.phase = 'watching-ready';
  ctx.op({ op: 'exists', path: joinPath(state.path, READY), watch: true });
}

function entered(state: BarrierState, ctx: ActorContext): void {
  state.phase = 'inside';
  ctx.event('entered', { members: state.members.length, memberQty: state.memberQty });
  ctx.setTimer('hold', state.holdMs);
}

function look(state: BarrierState, phase: 'counting' | 'leaving', ctx: ActorContext): void {
  state.phase = phase;
  ctx.op({ op: 'getChildren', path: state.path });
}

/** DistributedDoubleBarrier.internalLeave, one round. */
function leaveRound(state: BarrierState, children: string[], ctx: ActorContext): void {
  const members = children.filter((child) => child !== READY).sort();
  state.members = members;
  const ours = members.indexOf(state.member!);
  if (members.length === 0 || ours < 0) return clearReady(state, ctx);
  if (members.length === 1) {
    state.phase = 'deleting';
    return ctx.op({ op: 'delete', path: memberPath(state), version: -1 });
  }
  const lowest = members[0]!;
  const highest = members[members.length - 1]!;
  if (ours === 0) return watchOther(state, highest, ctx);
  state.phase = 'deleting';
  state.watching = lowest;
  ctx.op({ op: 'delete', path: memberPath(state), version: -1 });
}

function watchOther(state: BarrierState, other: string, ctx: ActorContext): void {
  state.watching = other;
  state.phase = 'watching-other';
  ctx.op({ op: 'exists', path: joinPath(state.path, other), watch: true });
}

function clearReady(state: BarrierState, ctx: ActorContext): void {
  state.phase = 'clearing';
  ctx.op({ op: 'delete', path: joinPath(state.path, READY), version: -1 });
}

function onReply(state: BarrierState, input: Extract<ActorInput, { type: 'reply' }>, ctx: ActorContext): void {
  if (input.err === 'CONNECTIONLOSS') return ctx.setTimer('retry', RETRY_DELAY_MS);
  switch (state.phase) {
    case 'watching-ready':
      state.readySeen = input.err === 'OK';
      state.phase = 'joining';
      return ctx.op({ op: 'create', path: memberPath(state), mode: 'EPHEMERAL', data: ctx.actorId });
    case 'joining':
      return look(state, 'counting', ctx);
    case 'counting':
      state.members = childrenOf(input.result).filter((child) => child !== READY).sort();
      if (state.members.length >= state.memberQty) {
        state.phase = 'readying';
        return ctx.op({ op: 'create', path: joinPath(state.path, READY), mode: 'PERSISTENT', data: '' });
      }
      if (state.readySeen) return entered(state, ctx);
      state.phase = 'waiting-ready';
      return;
    case 'readying':
      return entered(state, ctx);
    case 'leaving':
      return leaveRound(state, childrenOf(input.result), ctx);
    case 'deleting':
      if (state.watching !== null) return watchOther(state, state.watching, ctx);
      return clearReady(state, ctx);
    case 'watching-other':
      if (input.err === 'OK') state.phase = 'waiting-other';
      else look(state, 'leaving', ctx);
      return;
    case 'clearing':
      state.phase = 'left';
      state.watching = null;
      return ctx.event('left', {});
    default:
      return;
  }
}

function onTimer(state: BarrierState, name: string, ctx: ActorContext): void {
  if (name === 'hold' && state.phase === 'inside') return look(state, 'leaving', ctx);
  if (name !== 'retry') return;
  // A lost reply: start the current stage again (every stage is safe to repeat).
  if (state.phase === 'watching-ready' || state.phase === 'joining' || state.phase === 'counting' || state.phase === 'readying') return enter(state, ctx);
  if (state.phase === 'clearing') return clearReady(state, ctx);
  if (state.phase === 'leaving' || state.phase === 'deleting' || state.phase === 'watching-other') return look(state, 'leaving', ctx);
}

export function stepBarrier(state: BarrierState, input: ActorInput, ctx: ActorContext): void {
  switch (input.type) {
    case 'start':
      return enter(state, ctx);
    case 'reply':
      return onReply(state, input, ctx);
    case 'watch':
      if (state.phase === 'waiting-ready' && input.path === joinPath(state.path, READY)) {
        state.readySeen = true;
        return entered(state, ctx);
      }
      if (state.phase === 'waiting-other' && state.watching !== null && input.path === joinPath(state.path, state.watching)) {
        state.watching = null;
        return look(state, 'leaving', ctx);
      }
      return;
    case 'timer':
      return onTimer(state, input.name, ctx);
    case 'session':
      // Our member node died with the session: before "entered", join again; after, the others no
      // longer wait for us, and we count as having left.
      if (input.status === 'EXPIRED' && state.phase !== 'left') {
        const wasInside = !['idle', 'watching-ready', 'joining', 'counting', 'readying', 'waiting-ready', 'expired'].includes(state.phase);
        ctx.cancelTimer('hold');
        state.phase = wasInside ? 'left' : 'expired';
        if (wasInside) ctx.event('left', { reason: 'session expired' });
      } else if (input.status === 'CONNECTED' && state.phase === 'expired') {
        enter(state, ctx);
      }
      return;
  }
}

/** A barrier actor: a double barrier (memberQty or members given), else a simple one (role). */
export type AnyBarrierState = BarrierState | SimpleBarrierState;

export const barrierRecipe: Recipe<AnyBarrierState> = {
  name: 'barrier',
  fields: {
    required: { path: 'path' },
    optional: { memberQty: 'positiveInt', members: 'positiveInt', role: ['setter', 'waiter'], holdMs: 'nonNegativeInt', startMs: 'nonNegativeInt' },
  },
  // The simple barrier's node is the barrier itself: only its parent must exist.
  directory: (config) => (config.role !== undefined && config.memberQty === undefined && config.members === undefined ? parentOf(String(config.path)) : String(config.path)),
  create: (config: ActorConfig) => (config.role !== undefined && config.memberQty === undefined && config.members === undefined ? createSimpleBarrier(config) : {
    mode: 'double', path: String(config.path), memberQty: Number(config.memberQty ?? config.members ?? 2), holdMs: Number(config.holdMs ?? 1000),
    phase: 'idle', member: null, readySeen: false, members: [], watching: null,
  }),
  step: (state, input, ctx) => (state.mode === 'simple' ? stepSimpleBarrier(state, input, ctx) : stepBarrier(state, input, ctx)),
  done: (state) => (state.mode === 'simple' ? state.phase === 'passed' : state.phase === 'left'),
  view: (state) => (state.mode === 'simple'
    ? { mode: state.mode, phase: state.phase, role: state.role, up: state.phase === 'up' || state.phase === 'blocked' }
    : { mode: state.mode, phase: state.phase, member: state.member, members: state.members.length, memberQty: state.memberQty, watching: state.watching }),
};
