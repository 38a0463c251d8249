// Scenario files (README "Scenario files"): the same document a share URL carries, as readable
// JSON — form B (CONTRACT.md section 1) plus the user's recorded actions under "inputs", which
// `npm run sim` runs as they are. Reading one is as defensive as decoding a URL: bounded size and
// depth, an older version migrated, then the same validation as every other input.
import { INFLATED_BYTES_MAX, parseInputs, type SharedRun } from './codec';
import { migrateScenario } from './migrations';
import { parseJsonText, parseScenarioJson, ScenarioError } from './parse';
import { toInputEntries } from './run-input';
import { scenarioToJson } from './serialize';

/** Largest scenario file accepted, in characters (as large as an inflated share URL may be). */
export const SCENARIO_FILE_CHARS_MAX = INFLATED_BYTES_MAX;

/** The file's text: pretty-printed form B JSON with "inputs" when the user acted. */
export function encodeScenarioFile(run: Pick<SharedRun, 'scenario' | 'inputs'>): string {
  return `${JSON.stringify(scenarioToJson(run.scenario, run.inputs), null, 2)}\n`;
}

/** Reads a scenario file; throws ScenarioError saying what is wrong. Form A op lists open too. */
export function decodeScenarioFile(text: string): SharedRun {
  if (text.length > SCENARIO_FILE_CHARS_MAX) throw new ScenarioError(`file: too large (${text.length} characters, at most ${SCENARIO_FILE_CHARS_MAX})`);
  const json = migrateScenario(parseJsonText(text));
  const scenario = parseScenarioJson(json);
  const inputs = Array.isArray(json) ? [] : parseInputs((json as { inputs?: unknown }).inputs);
  // Recorded actions are checked against the scenario here, so a bad one never reaches the worker.
  toInputEntries(scenario, inputs);
  return { scenario, inputs };
}

/** A file name for the current run: the title's letters and digits, or "scenario". */
export function scenarioFileName(title: string, timeMs: number): string {
  const stem = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
  return `zooscope-${stem}-${Math.max(0, Math.round(timeMs))}ms.json`;
}
