// Curator's DistributedBarrier (ZooKeeper Recipes doc, "Barriers"): the barrier is up while its
// node exists. The setter creates it (NODEEXISTS is fine: setBarrier), keeps it up for holdMs,
// then removes it (removeBarrier). A waiter loops on exists(node, watch) until the node is
// gone (waitOnBarrier). Events: a waiter "entered" when it reaches a raised barrier and "left" when
// it passes; the setter "entered" when it raised it and "left" when it removed it.
import type { ActorConfig } from '../scenario/types';
import type { ActorContext, ActorInput } from './types';

const RETRY_DELAY_MS = 200;

export type SimpleBarrierPhase = 'idle' | 'raising' | 'up' | 'lowering' | 'checking' | 'blocked' | 'passed';

export interface SimpleBarrierState {
  mode: 'simple';
  path: string;
  role: 'setter' | 'waiter';
  holdMs: number;
  phase: SimpleBarrierPhase;
  announced: boolean;
}

export function createSimpleBarrier(config: ActorConfig): SimpleBarrierState {
  return { mode: 'simple', path: String(config.path), role: config.role === 'setter' ? 'setter' : 'waiter', holdMs: Number(config.holdMs ?? 1000), phase: 'idle', announced: false };
}

function raise(state: SimpleBarrierState, ctx: ActorContext): void {
  state.phase = 'raising';
  ctx.op({ op: 'create', path: state.path, mode: 'PERSISTENT', data: ctx.actorId });
}

function lower(state: SimpleBarrierState, ctx: ActorContext): void {
  state.phase = 'lowering';
  ctx.op({ op: 'delete', path: state.path, version: -1 });
}

function look(state: SimpleBarrierState, ctx: ActorContext): void {
  state.phase = 'checking';
  ctx.op({ op: 'exists', path: state.path, watch: true });
}

function onReply(state: SimpleBarrierState, input: Extract<ActorInput, { type: 'reply' }>, ctx: ActorContext): void {
  if (input.err === 'CONNECTIONLOSS') return ctx.setTimer('retry', RETRY_DELAY_MS);
  switch (state.phase) {
    case 'raising':
      state.phase = 'up';
      ctx.event('entered', { barrier: state.path, role: 'setter' });
      return ctx.setTimer('hold', state.holdMs);
    case 'lowering':
      state.phase = 'passed';
      return ctx.event('left', { barrier: state.path, role: 'setter' });
    case 'checking':
      if (input.err === 'NONODE') {
        state.phase = 'passed';
        return ctx.event('left', { barrier: state.path, role: 'waiter' });
      }
      if (!state.announced) ctx.event('entered', { barrier: state.path, role: 'waiter' });
      state.announced = true;
      state.phase = 'blocked';
      return;
    default:
      return;
  }
}

/** One step of the simple barrier. */
export function stepSimpleBarrier(state: SimpleBarrierState, input: ActorInput, ctx: ActorContext): void {
  switch (input.type) {
    case 'start':
      return state.role === 'setter' ? raise(state, ctx) : look(state, ctx);
    case 'reply':
      return onReply(state, input, ctx);
    case 'watch':
      if (state.phase === 'blocked' && input.path === state.path) look(state, ctx);
      return;
    case 'timer':
      if (input.name === 'hold' && state.phase === 'up') return lower(state, ctx);
      if (input.name !== 'retry') return;
      if (state.phase === 'raising') return raise(state, ctx);
      if (state.phase === 'lowering') return lower(state, ctx);
      if (state.phase === 'checking') return look(state, ctx);
      return;
    case 'session':
      // A new session lost the exists watch: look again.
      if (input.status === 'CONNECTED' && state.phase === 'blocked') look(state, ctx);
      return;
  }
}
