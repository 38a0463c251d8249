// What every protocol helper works with while handling one input.
import type { Effects } from '../sim/actor';
import type { AnyMachine } from './machine';
import type { ZabOptions } from './options';
import type { ZabPayload } from './packets';
import type { ZabServerState } from './state';
import type { ServerLayer } from './layer';

export interface ZabContext {
  state: ZabServerState;
  machine: AnyMachine;
  options: ZabOptions;
  effects: Effects<ZabPayload>;
  /** The client-facing layer, or null for the bare CLIENT_* request path. */
  layer: ServerLayer | null;
  /** The layer's context for this input, made on first use. */
  layerContext?: import('./layer').LayerContext;
}

/** Records an "impossible" event for the ShouldNotBeTriggered checker and the trace. */
export function flagViolation(context: ZabContext, text: string): void {
  const violations = context.state.violations;
  if (violations.length < 100) violations.push(text);
  note(context, `VIOLATION ${text}`);
}

/** Emits a teaching note into the trace ("sync DIFF for 2", "step down: ..."). */
export function note(context: ZabContext, text: string): void {
  context.effects.trace({ type: 'note', t: context.effects.nowMs, node: context.state.id, text });
}

/** Whether a deliberately broken variant is switched on. */
export function hasBug(context: ZabContext, bug: ZabOptions['bugs'][number]): boolean {
  return context.options.bugs.includes(bug);
}

/** Inserts into a sorted number array if absent. */
export function addSorted(values: number[], value: number): void {
  // In place, from the end (no sort: it allocates, and this runs on every ACK).
  let index = values.length;
  while (index > 0 && values[index - 1]! > value) index--;
  if (index > 0 && values[index - 1] === value) return;
  if (index === values.length) values.push(value);
  else values.splice(index, 0, value);
}
