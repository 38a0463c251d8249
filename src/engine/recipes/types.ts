// The contract between a recipe and the world: a recipe is a small plain-data state machine that
// drives one ZooKeeper client through its public API (ops with watches) and reports events.
// The world (world/actors.ts) feeds it inputs and carries out what it asks for.
import type { ActorConfig, ClientOp } from '../scenario/types';
import type { RngState } from '../sim/rng';

/** An op as a recipe issues it: a client op without the client label. */
export type ActorOp = Omit<ClientOp, 'client'>;

/** What happens to a recipe. Replies come back in the order ops were issued (FIFO per client). */
export type ActorInput =
  /** The actor starts (its directory exists by then). */
  | { type: 'start' }
  /** The answer to the recipe's last op (SESSIONEXPIRED answers are not delivered: see 'session'). */
  | { type: 'reply'; op: string; path: string; err: string; result: unknown }
  /** A watch notification reached the client. */
  | { type: 'watch'; event: string; path: string }
  /** The client's connection state changed: CONNECTED, DISCONNECTED, EXPIRED, CLOSED, CRASHED. */
  | { type: 'session'; status: string }
  | { type: 'timer'; name: string };

/** What a recipe may do. */
export interface ActorContext {
  readonly nowMs: number;
  readonly actorId: string;
  /** The client's session id (0 before the first connect). */
  readonly sessionId: number;
  /** Randomness from the client's seeded stream (never the platform's generator). */
  readonly rng: RngState;
  /** Issues an op on the actor's own client; its reply comes back as a 'reply' input. */
  op(op: ActorOp): void;
  setTimer(name: string, delayMs: number): void;
  cancelTimer(name: string): void;
  /** Reports an event line {"t", "actor", "event", ...fields}. */
  event(name: string, fields?: Record<string, unknown>): void;
}

/** A field a recipe accepts in its actor config. */
export type FieldKind = 'path' | 'positiveInt' | 'nonNegativeInt' | 'boolean' | readonly string[];

export interface RecipeFields {
  required: Record<string, FieldKind>;
  optional: Record<string, FieldKind>;
}

/** A recipe: how to make its state, step it, show it. Its state is plain data. */
export interface Recipe<S> {
  name: string;
  fields: RecipeFields;
  /** The persistent directory the world creates (with its ancestors) before 'start'. */
  directory(config: ActorConfig): string;
  create(config: ActorConfig): S;
  step(state: S, input: ActorInput, ctx: ActorContext): void;
  /** True when the actor has nothing left to do on its own. */
  done(state: S): boolean;
  /** What a UI shows of it. */
  view(state: S): Record<string, unknown>;
}
