// A recorded ActorContext for recipe unit tests: ops, timers and events land in lists.
import { createRng } from '../sim/rng';
import type { ActorContext, ActorOp } from './types';

export interface FakeContext extends ActorContext {
  ops: ActorOp[];
  timers: Record<string, number>;
  events: { name: string; fields: Record<string, unknown> }[];
}

/** A context for actor `actorId` whose effects are recorded, not carried out. */
export function fakeContext(actorId: string, seed = 1): FakeContext {
  const ctx: FakeContext = {
    nowMs: 0, actorId, sessionId: 1, rng: createRng(seed, `client:${actorId}`),
    ops: [], timers: {}, events: [],
    op: (op) => { ctx.ops.push(op); },
    setTimer: (name, delayMs) => { ctx.timers[name] = delayMs; },
    cancelTimer: (name) => { delete ctx.timers[name]; },
    event: (name, fields = {}) => { ctx.events.push({ name, fields }); },
  };
  return ctx;
}
