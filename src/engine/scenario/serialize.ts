// A normalised Scenario back to form B JSON (CONTRACT.md section 1): what share URLs carry and
// `--decode-url` prints. Parsing the result gives the same scenario again.
import type { Scenario, Step } from './types';

/** Recorded user action as it appears in a scenario file or share URL. */
export interface RecordedInput {
  atMs: number;
  action: Record<string, unknown>;
}

/** Form B JSON of a scenario, with the user's recorded actions (if any) under "inputs". */
export function scenarioToJson(scenario: Scenario, inputs: readonly RecordedInput[] = []): Record<string, unknown> {
  const json: Record<string, unknown> = {
    version: 1,
    ...(scenario.title ? { title: scenario.title } : {}),
    seed: scenario.seed,
    ensemble: { ...scenario.ensemble },
    clients: { ...scenario.clients },
    steps: scenario.steps.map(stepToJson),
  };
  if (scenario.actors.length > 0) json.actors = scenario.actors;
  if (scenario.bugs.length > 0) json.bugs = scenario.bugs;
  if (inputs.length > 0) json.inputs = inputs;
  return json;
}

function stepToJson(step: Step): Record<string, unknown> {
  const at = step.at === undefined ? {} : { at: step.at };
  switch (step.kind) {
    case 'sleep': return { sleep: step.ms, ...(step.client === undefined ? {} : { client: step.client }), ...at };
    case 'await-serving': return { await: 'serving', ...at };
    case 'fault':
    case 'op': {
      const { kind: _kind, ...rest } = step;
      return rest;
    }
  }
}
