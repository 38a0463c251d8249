// The scenario's steps: a step without `at` starts when the one before it completes; a step with
// `at` starts at that simulated time (CONTRACT.md section 1, form B).
import type { Step } from '../scenario/types';
import { schedule } from '../sim/scheduler';
import { applyFault } from './faults';
import { emit, type Runtime } from './runtime';
import { opIndexOf } from './clients';

/** Schedules the first chained step and every step with `at`. Call once on a fresh world. */
export function scheduleScript(runtime: Runtime): void {
  const state = runtime.state;
  const steps = state.scenario.steps;
  steps.forEach((step, index) => {
    if (step.at !== undefined) schedule(state.queue, { kind: 'step-start', timeMs: step.at, step: index });
  });
  if (steps.length > 0 && steps[0]!.at === undefined) schedule(state.queue, { kind: 'step-start', timeMs: 0, step: 0 });
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
