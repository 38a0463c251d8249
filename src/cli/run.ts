// Runs a scenario headless and renders its output lines (CONTRACT.md section 1, "Output").
// Pure apart from the world: the caller does the I/O, so tests call it directly.
import type { RunInput } from '../engine/scenario/run-input';
import { formatZxidHex } from '../engine/sim/format';
import type { TraceRecord } from '../engine/sim/trace';
import { createWorld, type World, type WorldOptions } from '../engine/world';
import { formatEventLine, type FormatOptions } from '../engine/server/format';
import { outcomeLine } from './lines';
import { allCheckers } from '../engine/check/world-checkers';
import { ACTOR_OP_INDEX } from '../engine/world/actors';

export interface RunOptions {
  stable: boolean;
  trace: boolean;
  /** Also print every message sent, delivered and dropped. */
  messages: boolean;
  /** Simulated time after which a run that has not finished its steps stops. */
  limitMs?: number;
  world?: WorldOptions;
}

/** Simulated time a run may take past its last scheduled step before it is stopped. */
export const RUN_GRACE_MS = 600_000;

/** Runs to the end of the scenario's steps and returns the output lines. */
export function runToLines(input: RunInput, options: RunOptions): string[] {
  const world = createWorld(input.scenario, input.inputs, { checkers: allCheckers(input.scenario.bugs as never), ...options.world, traceMessages: options.messages });
  const lastAt = Math.max(0, ...input.scenario.steps.map((step) => step.at ?? 0), ...input.inputs.map((entry) => entry.atMs));
  const limitMs = options.limitMs ?? lastAt + RUN_GRACE_MS;
  const lines: string[] = [];
  const counts = { ops: 0, events: 0 };
  const format: FormatOptions = { stable: options.stable, clientOfSession: {} };
  const flush = (): void => {
    for (const record of world.drain()) {
      if (record.type === 'client' && record.sessionId !== 0) format.clientOfSession[String(record.sessionId)] = record.client;
      const line = render(record, options, counts, format);
      if (line !== null) lines.push(JSON.stringify(line));
    }
  };
  // Recipe actors run past the last step until each has nothing left to do on its own.
  while (!(world.scriptDone() && world.actorsDone()) && world.timeMs() <= limitMs) {
    if (!world.stepEvent()) break;
    flush();
  }
  flush();
  lines.push(JSON.stringify(doneLine(world, counts, world.scriptDone() && world.actorsDone())));
  return lines;
}

/** Client states the oracle reports as clientState lines (the node client's state names). */
const REPORTED_CLIENT_STATES: Record<string, string> = { DISCONNECTED: 'DISCONNECTED', EXPIRED: 'SESSION_EXPIRED', AUTH_FAILED: 'AUTHENTICATION_FAILED' };

function render(record: TraceRecord, options: RunOptions, counts: { ops: number; events: number }, format: FormatOptions): Record<string, unknown> | null {
  switch (record.type) {
    case 'op':
      // A recipe actor's own ops show with --trace only; its events are the lines that matter.
      if (record.outcome.opIndex === ACTOR_OP_INDEX && !options.trace) return null;
      if (record.outcome.op.op !== 'connect' || record.outcome.implicit !== true) counts.ops++;
      if (record.outcome.sessionId) format.clientOfSession[String(record.outcome.sessionId)] = record.client;
      return outcomeLine(record.outcome, record.client, format);
    case 'watch':
      if (record.fired.length > 0 && record.fired.every((opIndex) => opIndex === ACTOR_OP_INDEX) && !options.trace) return null;
      counts.events++;
      return formatEventLine(record.event, record.client, record.path, record.afterOp, record.fired);
    case 'client': {
      const name = REPORTED_CLIENT_STATES[record.state];
      return name === undefined ? null : { clientState: name, client: record.client, afterOp: record.afterOp ?? -1 };
    }
    case 'role':
      return options.trace ? { t: record.t, server: record.server, role: record.role, epoch: record.epoch } : null;
    case 'commit':
      return options.trace ? { t: record.t, server: record.server, commit: formatZxidHex(record.zxid) } : null;
    case 'fault':
      return options.trace ? { t: record.t, ...record.action } : null;
    case 'send':
    case 'deliver':
    case 'drop':
      return options.messages ? { t: record.t, message: record.type, id: record.id, from: record.from, to: record.to, label: record.label, ...(record.type === 'drop' ? { reason: record.reason } : {}) } : null;
    case 'note':
    case 'op-call':
      return null;
    case 'actor':
      return { t: record.t, actor: record.actor, event: record.event, ...record.fields };
  }
}

function doneLine(world: World, counts: { ops: number; events: number }, finished: boolean): Record<string, unknown> {
  return {
    done: true,
    ops: counts.ops,
    events: counts.events,
    ...(finished ? {} : { unfinished: true }),
    t: world.timeMs(),
    fingerprint: world.fingerprint(),
    invariants: world.invariants(),
  };
}
