// A run's whole input: the scenario plus the user's recorded actions, from any input form.
import type { InputAction, InputEntry } from '../world';
import { parseInputs } from './codec';
import { migrateScenario } from './migrations';
import { checkRecordedFault, parseJsonText, parseRecordedAction, parseScenarioJson, ScenarioError } from './parse';
import type { Scenario } from './types';

export interface RunInput {
  scenario: Scenario;
  inputs: InputEntry[];
}

/** Turns recorded actions into validated input log entries. */
export function toInputEntries(scenario: Scenario, recorded: readonly { atMs: number; action: Record<string, unknown> }[]): InputEntry[] {
  return recorded.map((entry, index) => {
    const where = `inputs[${index}].action`;
    const step = parseRecordedAction(entry.action, where);
    if (step.kind === 'fault') checkRecordedFault(scenario, step, where);
    if (step.kind === 'op' && !Object.hasOwn(scenario.clients, step.client)) throw new ScenarioError(`${where}.client: unknown client "${step.client}"`);
    const { at: _at, ...action } = step as typeof step & { at?: number };
    return { atMs: entry.atMs, action: action as InputAction };
  });
}

/** Parses JSON text (form A, or form B with optional "inputs"). */
export function parseRunText(text: string): RunInput {
  return parseRunJson(parseJsonText(text));
}

/** Same, from already parsed JSON (an older scenario version is migrated first). */
export function parseRunJson(raw: unknown): RunInput {
  const json = migrateScenario(raw);
  const scenario = parseScenarioJson(json);
  const recorded = Array.isArray(json) ? [] : parseInputs((json as { inputs?: unknown }).inputs);
  return { scenario, inputs: toInputEntries(scenario, recorded) };
}
