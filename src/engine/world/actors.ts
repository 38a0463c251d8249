// Recipe actors (CONTRACT.md section 1, "actors"): each drives its own client through the same
// path UI ops take, and hears back its client's op outcomes, watch events and state changes.
// Routing goes through the client's effects, not the trace sink, so it works while seeking.
// Everything an actor is lives in WorldState.actors as plain data.
import type { ActorInput, ActorContext, ActorOp, Recipe } from '../recipes/types';
import { recipeByName } from '../recipes/catalog';
import type { ActorConfig } from '../scenario/types';
import { schedule } from '../sim/scheduler';
import type { TraceRecord } from '../sim/trace';
import { emit, type Runtime } from './runtime';
import type { ActorSlot, ClientSlot, WorldState } from './state';
import { clientSlot, dispatchToClient, emitOpCall } from './clients';

/** opIndex of ops an actor issues: its replies are routed back to it, and hidden from op lines. */
export const ACTOR_OP_INDEX = -2;
const ACTOR_OP_TAG = -2;
/** Inputs one drain may hand out before it gives up (a recipe looping without time passing). */
const ACTOR_INPUTS_PER_DRAIN_MAX = 1_000_000;

/** Actor slots for a scenario (directories not created yet: see startActors). */
export function createActorSlots(actors: readonly ActorConfig[]): ActorSlot[] {
  return actors.map((config) => ({
    id: config.id, recipe: config.recipe, client: config.client, config: { ...config },
    state: recipeOf(config.recipe).create(config), timers: {}, inbox: [],
    mkdirs: ancestorsAndSelf(recipeOf(config.recipe).directory(config)), started: false, stopped: false,
  }));
}

/** Which actor owns which client (label -> actor index). */
export function actorOfClientMap(actors: readonly ActorConfig[]): Record<string, number> {
  const map: Record<string, number> = {};
  actors.forEach((actor, index) => { map[actor.client] = index; });
  return map;
}

function recipeOf(name: string): Recipe<unknown> {
  const recipe = recipeByName(name);
  if (!recipe) throw new Error(`unknown recipe ${name}`);
  return recipe as Recipe<unknown>;
}

function ancestorsAndSelf(path: string): string[] {
  const parts = path.split('/').filter((part) => part !== '');
  return parts.map((_, index) => '/' + parts.slice(0, index + 1).join('/'));
}

/** Starts every actor at time 0: first it creates its directory (Curator's creatingParentsIfNeeded). */
export function startActors(runtime: Runtime): void {
  runtime.state.actors.forEach((actor) => {
    const startMs = typeof actor.config.startMs === 'number' ? actor.config.startMs : 0;
    setActorTimer(runtime, actor, '_start', startMs);
  });
}

/** Called by the client layer for each trace record a client makes: routes it to its actor. */
export function routeClientRecord(runtime: Runtime, client: ClientSlot, record: TraceRecord): void {
  const index = runtime.state.actorOfClient[client.label];
  if (index === undefined) return;
  const actor = runtime.state.actors[index]!;
  if (record.type === 'op') {
    const outcome = record.outcome;
    if (outcome.opIndex !== ACTOR_OP_INDEX || outcome.implicit === true || outcome.err === 'SESSIONEXPIRED') return;
    actor.inbox.push({ type: 'reply', op: outcome.op.op, path: String(outcome.op.path ?? ''), err: outcome.err, result: outcome.result });
  } else if (record.type === 'watch') {
    actor.inbox.push({ type: 'watch', event: record.event, path: record.path });
  } else if (record.type === 'client') {
    actor.inbox.push({ type: 'session', status: record.state });
  }
}

/** Runtimes whose actors are being handed inputs now (a drain is never re-entered). */
const draining = new WeakSet<Runtime>();

/** Hands every actor its waiting inputs (after a client step, never inside one). */
export function drainActors(runtime: Runtime): void {
  if (draining.has(runtime) || runtime.state.actors.length === 0) return;
  draining.add(runtime);
  try {
    let handed = 0;
    let progressed = true;
    while (progressed) {
      progressed = false;
      for (const actor of runtime.state.actors) {
        while (actor.inbox.length > 0) {
          if (++handed > ACTOR_INPUTS_PER_DRAIN_MAX) throw new Error(`actor ${actor.id}: more than ${ACTOR_INPUTS_PER_DRAIN_MAX} inputs at one instant`);
          stepActor(runtime, actor, actor.inbox.shift()!);
          progressed = true;
        }
      }
    }
  } finally {
    draining.delete(runtime);
  }
}

/** An actor timer came due (queue event 'actor-timer'). */
export function fireActorTimer(runtime: Runtime, event: { actor: number; name: string; generation: number }): void {
  const actor = runtime.state.actors[event.actor];
  if (!actor || actor.timers[event.name] !== event.generation) return;
  delete actor.timers[event.name];
  if (event.name === '_start') mkdirNext(runtime, actor);
  else actor.inbox.push({ type: 'timer', name: event.name });
  drainActors(runtime);
}

function setActorTimer(runtime: Runtime, actor: ActorSlot, name: string, delayMs: number): void {
  const state = runtime.state;
  const generation = state.nextTimerGeneration++;
  actor.timers[name] = generation;
  schedule(state.queue, { kind: 'actor-timer', timeMs: state.timeMs + Math.max(0, Math.round(delayMs)), actor: state.actors.indexOf(actor), name, generation });
}

/** Before 'start': create the directory and its ancestors, one at a time, ignoring NODEEXISTS. */
function mkdirNext(runtime: Runtime, actor: ActorSlot): void {
  const next = actor.mkdirs[0];
  if (next === undefined) {
    actor.started = true;
    actor.inbox.push({ type: 'start' });
    return;
  }
  issueOp(runtime, actor, { op: 'create', path: next, mode: 'PERSISTENT', data: '' });
}

function stepActor(runtime: Runtime, actor: ActorSlot, input: ActorInput): void {
  if (actor.stopped) return;
  // A crashed or closed handle never talks again: the recipe hears it once, then nothing more.
  if (input.type === 'session' && (input.status === 'CRASHED' || input.status === 'CLOSED')) actor.stopped = true;
  if (!actor.started) return actor.stopped ? undefined : stepMkdir(runtime, actor, input);
  const client = clientSlot(runtime.state, actor.client)!;
  // Curator's handle: once the session is gone it opens a new one (ConnectionState.LOST, then a
  // new ZooKeeper instance). The recipe learns EXPIRED first and CONNECTED when the new one is up.
  if (input.type === 'session' && input.status === 'EXPIRED') issueOp(runtime, actor, { op: 'connect' });
  if (input.type === 'reply' && input.op === 'connect') return;
  recipeOf(actor.recipe).step(actor.state, input, contextFor(runtime, actor, client));
}

function stepMkdir(runtime: Runtime, actor: ActorSlot, input: ActorInput): void {
  if (input.type === 'session' && input.status === 'EXPIRED') return issueOp(runtime, actor, { op: 'connect' });
  if (input.type === 'reply' && input.op === 'connect') return mkdirNext(runtime, actor);
  if (input.type === 'timer' && input.name === '_mkdir') return mkdirNext(runtime, actor);
  if (input.type !== 'reply' || input.op !== 'create') return;
  if (input.err === 'OK' || input.err === 'NODEEXISTS') {
    actor.mkdirs.shift();
    return mkdirNext(runtime, actor);
  }
  // CONNECTIONLOSS and the like: try again a little later (Curator's retry policy sleeps too).
  setActorTimer(runtime, actor, '_mkdir', 200);
}

function issueOp(runtime: Runtime, actor: ActorSlot, op: ActorOp): void {
  const client = clientSlot(runtime.state, actor.client)!;
  const clientOp = { ...op, client: actor.client };
  emitOpCall(runtime, actor.client, ACTOR_OP_INDEX, clientOp);
  dispatchToClient(runtime, client, { type: 'op', tag: ACTOR_OP_TAG, opIndex: ACTOR_OP_INDEX, op: clientOp });
}

function contextFor(runtime: Runtime, actor: ActorSlot, client: ClientSlot): ActorContext {
  return {
    nowMs: runtime.state.timeMs,
    actorId: actor.id,
    sessionId: client.state.sessionId,
    rng: client.rng,
    op: (op) => issueOp(runtime, actor, op),
    setTimer: (name, delayMs) => setActorTimer(runtime, actor, name, delayMs),
    cancelTimer: (name) => { delete actor.timers[name]; },
    event: (name, fields = {}) => emit(runtime, { type: 'actor', t: runtime.state.timeMs, actor: actor.id, event: name, fields }),
  };
}

/** Every actor has nothing left to do on its own (the CLI stops then). */
export function actorsDone(state: WorldState): boolean {
  return state.actors.every((actor) => actor.stopped || (actor.started && recipeOf(actor.recipe).done(actor.state)));
}

/** The view of each actor: its recipe's state for the UI. */
export function actorViews(state: WorldState): ActorView[] {
  return state.actors.map((actor) => ({
    id: actor.id, recipe: actor.recipe, client: actor.client,
    path: String(actor.config.path ?? ''),
    started: actor.started,
    stopped: actor.stopped,
    done: actor.stopped || (actor.started && recipeOf(actor.recipe).done(actor.state)),
    state: recipeOf(actor.recipe).view(actor.state),
  }));
}

export interface ActorView {
  id: string;
  recipe: string;
  client: string;
  path: string;
  started: boolean;
  /** Its client crashed or was closed. */
  stopped: boolean;
  done: boolean;
  state: Record<string, unknown>;
}
