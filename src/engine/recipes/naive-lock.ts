// The lock from the interview notes (seed/zookeeper-interview-notes.zh.md, "分布式锁"), as people
// often write it: everyone creates the same EPHEMERAL node; on NODEEXISTS each one sets
// exists(watch) on that one node and tries again on NodeDeleted. Two flaws it shows:
// - herd effect: a release wakes every waiter, and all of them race to create again
//   (ZooKeeper Recipes doc: "the herd effect"), N notifications per release;
// - the CONNECTIONLOSS race: a create whose reply was lost may have succeeded; the retry then gets
//   NODEEXISTS for our own node and waits on it, holding the lock without knowing it, until our
//   session ends (the Recipes doc's reason for the guid in lock names).
import type { ActorConfig } from '../scenario/types';
import type { ActorContext, ActorInput, Recipe } from './types';
import { parentOf } from './common';

const RETRY_DELAY_MS = 200;

export type NaiveLockPhase = 'idle' | 'creating' | 'watching' | 'waiting' | 'held' | 'releasing' | 'expired' | 'done';

export interface NaiveLockState {
  path: string;
  holdMs: number;
  rounds: number;
  round: number;
  phase: NaiveLockPhase;
  holds: boolean;
  announced: boolean;
  /** Notifications this actor received (the herd measure). */
  wakeups: number;
  /** When the last notification came (-1: never), so a view can flash the herd as it wakes. */
  lastWakeMs: number;
}

function create(state: NaiveLockState, ctx: ActorContext): void {
  state.phase = 'creating';
  ctx.op({ op: 'create', path: state.path, mode: 'EPHEMERAL', data: ctx.actorId });
}

function onReply(state: NaiveLockState, input: Extract<ActorInput, { type: 'reply' }>, ctx: ActorContext): void {
  switch (state.phase) {
    case 'creating':
      if (input.err === 'OK') {
        state.phase = 'held';
        state.holds = true;
        ctx.event('acquired', { node: state.path, round: state.round + 1 });
        return ctx.setTimer('hold', state.holdMs);
      }
      if (input.err === 'NODEEXISTS') {
        if (!state.announced) ctx.event('waiting', { watching: state.path });
        state.announced = true;
        state.phase = 'watching';
        return ctx.op({ op: 'exists', path: state.path, watch: true });
      }
      // CONNECTIONLOSS: the naive code simply tries again (and may meet its own node).
      return ctx.setTimer('retry', RETRY_DELAY_MS);
    case 'watching':
      if (input.err === 'OK') {
        state.phase = 'waiting';
        return;
      }
      // NONODE: gone already (an exist watch is set anyway), try now.
      return create(state, ctx);
    case 'releasing':
      if (input.err === 'OK' || input.err === 'NONODE') return nextRound(state, ctx);
      return ctx.setTimer('retry', RETRY_DELAY_MS);
    default:
      return;
  }
}

function nextRound(state: NaiveLockState, ctx: ActorContext): void {
  state.round++;
  state.announced = false;
  if (state.round >= state.rounds) {
    state.phase = 'done';
    return;
  }
  create(state, ctx);
}

export function stepNaiveLock(state: NaiveLockState, input: ActorInput, ctx: ActorContext): void {
  switch (input.type) {
    case 'start':
      if (state.rounds > 0) create(state, ctx);
      else state.phase = 'done';
      return;
    case 'reply':
      return onReply(state, input, ctx);
    case 'watch':
      if (input.path !== state.path) return;
      state.wakeups++;
      state.lastWakeMs = ctx.nowMs;
      if (state.phase === 'waiting' && input.event === 'NodeDeleted') create(state, ctx);
      return;
    case 'timer':
      if (input.name === 'hold' && state.phase === 'held') {
        state.phase = 'releasing';
        state.holds = false;
        ctx.event('released', { node: state.path, round: state.round + 1 });
        return ctx.op({ op: 'delete', path: state.path, version: -1 });
      }
      if (input.name === 'retry' && state.phase === 'creating') return create(state, ctx);
      if (input.name === 'retry' && state.phase === 'releasing') return ctx.op({ op: 'delete', path: state.path, version: -1 });
      return;
    case 'session':
      if (input.status === 'EXPIRED') {
        if (state.holds) ctx.event('lost', { node: state.path, reason: 'session expired' });
        state.holds = false;
        ctx.cancelTimer('hold');
        if (state.phase !== 'done') state.phase = 'expired';
      } else if (input.status === 'CONNECTED' && state.phase === 'expired') {
        create(state, ctx);
      } else if (input.status === 'CRASHED' || input.status === 'CLOSED') {
        state.holds = false;
        state.phase = 'done';
      }
      return;
  }
}

export const naiveLockRecipe: Recipe<NaiveLockState> = {
  name: 'naive-lock',
  fields: { required: { path: 'path' }, optional: { holdMs: 'nonNegativeInt', rounds: 'nonNegativeInt', startMs: 'nonNegativeInt' } },
  directory: (config) => parentOf(String(config.path)),
  create: (config: ActorConfig) => ({
    path: String(config.path), holdMs: Number(config.holdMs ?? 1000), rounds: Number(config.rounds ?? 1), round: 0,
    phase: 'idle', holds: false, announced: false, wakeups: 0, lastWakeMs: -1,
  }),
  step: stepNaiveLock,
  done: (state) => state.phase === 'done',
  view: (state) => ({ phase: state.phase, holds: state.holds, watching: state.phase === 'waiting' ? state.path : null, round: state.round, rounds: state.rounds, wakeups: state.wakeups, lastWakeMs: state.lastWakeMs }),
};
