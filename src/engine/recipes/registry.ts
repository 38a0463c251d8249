// Service registry as Curator's ServiceDiscovery does it (ServiceDiscoveryImpl; ZooKeeper Recipes
// doc, "Group Membership"): an instance registers an EPHEMERAL node "<path>/<id>" (on NODEEXISTS
// it deletes and re-creates it so watchers fire; after a new session it registers again); clients
// keep the member list with a child watch (ServiceCache) and pick one per call with a provider
// strategy: round-robin (RoundRobinStrategy) or random (RandomStrategy, here from the client's
// seeded stream). A member whose session expires disappears from every list.
import type { ActorConfig } from '../scenario/types';
import { intInRange } from '../sim/rng';
import { childrenOf, joinPath } from './common';
import type { ActorContext, ActorInput, Recipe } from './types';

const RETRY_DELAY_MS = 200;

export type RegistryPhase = 'idle' | 'registering' | 'replacing' | 'listing' | 'ready' | 'expired' | 'stopped';

export interface RegistryState {
  path: string;
  register: boolean;
  strategy: 'round-robin' | 'random';
  picks: number;
  intervalMs: number;
  phase: RegistryPhase;
  registered: boolean;
  members: string[];
  picked: number;
  cursor: number;
  lastPick: string | null;
  /** A child event came while an op was in flight: list again after it. */
  stale: boolean;
  /** The pick timer runs. */
  picking: boolean;
}

function ownPath(state: RegistryState, ctx: ActorContext): string {
  return joinPath(state.path, ctx.actorId);
}

function register(state: RegistryState, ctx: ActorContext): void {
  if (!state.register) return list(state, ctx);
  state.phase = 'registering';
  ctx.op({ op: 'create', path: ownPath(state, ctx), mode: 'EPHEMERAL', data: ctx.actorId });
}

function list(state: RegistryState, ctx: ActorContext): void {
  state.phase = 'listing';
  state.stale = false;
  ctx.op({ op: 'getChildren', path: state.path, watch: true });
}

function pick(state: RegistryState, ctx: ActorContext): void {
  if (state.picked >= state.picks) return;
  if (state.members.length > 0) {
    const index = state.strategy === 'random' ? intInRange(ctx.rng, 0, state.members.length - 1) : state.cursor++ % state.members.length;
    state.lastPick = state.members[index]!;
    state.picked++;
    ctx.event('picked', { member: state.lastPick, members: state.members.slice(), strategy: state.strategy });
  }
  if (state.picked < state.picks) ctx.setTimer('pick', state.intervalMs);
}

function onReply(state: RegistryState, input: Extract<ActorInput, { type: 'reply' }>, ctx: ActorContext): void {
  switch (state.phase) {
    case 'registering':
      if (input.err === 'OK') {
        state.registered = true;
        ctx.event('registered', { node: ownPath(state, ctx) });
        return list(state, ctx);
      }
      if (input.err === 'NODEEXISTS') {
        // ServiceDiscoveryImpl.internalRegisterService: delete the old node, create it again.
        state.phase = 'replacing';
        return ctx.op({ op: 'delete', path: ownPath(state, ctx), version: -1 });
      }
      return ctx.setTimer('retry', RETRY_DELAY_MS);
    case 'replacing':
      if (input.err === 'OK' || input.err === 'NONODE') return register(state, ctx);
      return ctx.setTimer('retry', RETRY_DELAY_MS);
    case 'listing':
      if (input.err !== 'OK') return ctx.setTimer('retry', RETRY_DELAY_MS);
      state.members = childrenOf(input.result).sort();
      state.phase = 'ready';
      if (state.stale) return list(state, ctx);
      if (!state.picking && state.picks > 0) {
        state.picking = true;
        ctx.setTimer('pick', state.intervalMs);
      }
      return;
    default:
      return;
  }
}

function onSession(state: RegistryState, status: string, ctx: ActorContext): void {
  if (state.phase === 'stopped') return;
  if (status === 'CRASHED' || status === 'CLOSED') {
    state.phase = 'stopped';
    state.registered = false;
    ctx.cancelTimer('pick');
  } else if (status === 'EXPIRED') {
    // Our node went with the session; the cache keeps its last list until we list again.
    if (state.registered) ctx.event('unregistered', { node: ownPath(state, ctx), reason: 'session expired' });
    state.registered = false;
    state.phase = 'expired';
    ctx.cancelTimer('retry');
  } else if (status === 'CONNECTED' && state.phase === 'expired') {
    // ServiceDiscoveryImpl's ConnectionStateListener: re-register everything on a new session.
    register(state, ctx);
  }
}

export function stepRegistry(state: RegistryState, input: ActorInput, ctx: ActorContext): void {
  switch (input.type) {
    case 'start':
      return register(state, ctx);
    case 'reply':
      return onReply(state, input, ctx);
    case 'watch':
      if (input.path !== state.path || state.phase === 'stopped' || state.phase === 'expired') return;
      if (state.phase === 'ready') return list(state, ctx);
      state.stale = true;
      return;
    case 'timer':
      if (input.name === 'pick' && state.phase !== 'stopped') return pick(state, ctx);
      if (input.name === 'retry' && (state.phase === 'registering' || state.phase === 'replacing')) return register(state, ctx);
      if (input.name === 'retry' && state.phase === 'listing') return list(state, ctx);
      return;
    case 'session':
      return onSession(state, input.status, ctx);
  }
}

export const registryRecipe: Recipe<RegistryState> = {
  name: 'registry',
  fields: {
    required: { path: 'path' },
    optional: { strategy: ['round-robin', 'random'], picks: 'nonNegativeInt', intervalMs: 'positiveInt', register: 'boolean', startMs: 'nonNegativeInt' },
  },
  directory: (config) => String(config.path),
  create: (config: ActorConfig) => ({
    path: String(config.path), register: config.register !== false,
    strategy: config.strategy === 'random' ? 'random' : 'round-robin', picks: Number(config.picks ?? 0), intervalMs: Number(config.intervalMs ?? 1000),
    phase: 'idle', registered: false, members: [], picked: 0, cursor: 0, lastPick: null, stale: false, picking: false,
  }),
  step: stepRegistry,
  done: (state) => state.phase === 'stopped' || (state.phase === 'ready' && state.picked >= state.picks),
  view: (state) => ({ phase: state.phase, register: state.register, registered: state.registered, members: state.members, picked: state.picked, picks: state.picks, lastPick: state.lastPick, strategy: state.strategy }),
};
