// Built-in scenarios. The default one opens when the app starts without a share URL (or with a
// bad one): a five-server ensemble, nothing scripted, ready to be broken by hand.
import { parseRunJson, type RunInput } from './run-input';

export const DEFAULT_SCENARIO_JSON = {
  version: 1,
  title: 'Five servers, ready to break',
  seed: 1,
  ensemble: { servers: 5 },
  steps: [],
} as const;

/** The default run (parsed fresh each time: callers may mutate it). */
export function defaultRun(): RunInput {
  return parseRunJson(JSON.parse(JSON.stringify(DEFAULT_SCENARIO_JSON)));
}
