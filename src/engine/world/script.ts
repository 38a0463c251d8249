// The scenario's steps: a step without `at` starts when the one before it completes; a step with
// `at` starts at that simulated time (CONTRACT.md section 1, form B).
import type { Step } from '../scenario/types';
import { reserveSeqs, schedule, scheduleSequenced } from '../sim/scheduler';
import { markImmutable } from '../sim/clone';
import type { TimedSteps, WorldState } from './state';
import { applyFault } from './faults';
import { emit, type Runtime } from './runtime';
import { opIndexOf } from './clients';

/** Schedules the first chained step and every step with `at`. Call once on a fresh world.
 * The steps with `at` take their seqs now, in step order, as if each were queued now; but only
 * the first due waits in the queue, and each one, when it comes due, queues the next
 * (feedTimedStep). The events run in exactly the order of a queue holding them all. */
export function scheduleScript(runtime: Runtime): void {
  const state = runtime.state;
  const steps = state.scenario.steps;
  const timedIndices: number[] = [];
  steps.forEach((step, index) => {
    if (step.at !== undefined) timedIndices.push(index);
  });
  if (timedIndices.length > 0) {
    const firstSeq = reserveSeqs(state.queue, timedIndices.length);
    // Seqs rise with the step index, so (at, seq) order is (at, index) order.
    const order = timedIndices.map((_, rank) => rank);
    order.sort((left, right) => steps[timedIndices[left]!]!.at! - steps[timedIndices[right]!]!.at! || left - right);
    state.script.timed = markImmutable({ steps: order.map((rank) => timedIndices[rank]!), seqs: order.map((rank) => firstSeq + rank) });
    state.script.timedNext = 0;
    queueTimedStep(state, state.script.timed, 0);
  }
  if (steps.length > 0 && steps[0]!.at === undefined) schedule(state.queue, { kind: 'step-start', timeMs: 0, step: 0 });
}

function queueTimedStep(state: WorldState, timed: TimedSteps, position: number): void {
  const step = timed.steps[position]!;
  scheduleSequenced(state.queue, { kind: 'step-start', timeMs: state.scenario.steps[step]!.at!, step, seq: timed.seqs[position]! });
}

/** A step-start event came due: if it is the timed step in the queue, queues the next one. */
export function feedTimedStep(state: WorldState, event: { seq: number }): void {
  const timed = state.script.timed;
  if (timed == null) return; // a state from before timed steps were fed: all are queued
  const position = state.script.timedNext;
  if (position >= timed.seqs.length || timed.seqs[position] !== event.seq) return;
  state.script.timedNext = position + 1;
  if (position + 1 < timed.seqs.length) queueTimedStep(state, timed, position + 1);
}

/** Starts step `index` now. */
export function startStep(runtime: Runtime, index: number): void {
  const state = runtime.state;
  const step = state.scenario.steps[index];
  if (!step || state.script.status[index] !== 'pending') return;
  state.script.status[index] = 'running';
  runStep(runtime, step, index);
}

function runStep(runtime: Runtime, step: Step, index: number): void {
  const state = runtime.state;
  switch (step.kind) {
    case 'fault':
      applyFault(runtime, step);
      return completeStep(runtime, index);
    case 'sleep':
      if (step.client !== undefined) state.script.currentOpIndex = opIndexOf(state, index);
      schedule(state.queue, { kind: 'step-done', timeMs: state.timeMs + step.ms, step: index });
      return;
    case 'await-serving':
      state.script.waitingServing.push(index);
      return checkServing(runtime);
    case 'op':
      if (!runtime.startOp) throw new Error('client operations need the client layer');
      runtime.startOp(runtime, index, step);
      return;
  }
}

/** Marks step `index` done and starts the next chained step. */
export function completeStep(runtime: Runtime, index: number): void {
  const state = runtime.state;
  if (state.script.status[index] === 'done') return;
  state.script.status[index] = 'done';
  const step = state.scenario.steps[index]!;
  if (step.kind === 'sleep' && step.client !== undefined) {
    const op = { op: 'sleep', client: step.client, ms: step.ms };
    emit(runtime, { type: 'op', t: state.timeMs, client: step.client, outcome: { opIndex: opIndexOf(state, index), op, err: 'OK', zxid: null, result: null } });
  }
  const next = state.scenario.steps[index + 1];
  if (next && next.at === undefined) startStep(runtime, index + 1);
}

/** Completes "await-serving" steps once a leader leads and every live server serves. */
export function checkServing(runtime: Runtime): void {
  const state = runtime.state;
  if (state.script.waitingServing.length === 0) return;
  let leaders = 0;
  let allServing = true;
  for (const slot of state.servers) {
    if (!slot.alive) continue;
    const summary = runtime.protocol.status(slot.state);
    if (summary.role === 'LEADING' && summary.serving) leaders++;
    if (!summary.serving) allServing = false;
  }
  if (leaders !== 1 || !allServing) return;
  const waiting = state.script.waitingServing;
  state.script.waitingServing = [];
  for (const index of waiting) completeStep(runtime, index);
}

/** The scenario has no step left to run. */
export function scriptFinished(runtime: Runtime): boolean {
  return runtime.state.script.status.every((status) => status === 'done');
}
