// Built-in scenarios. The default one opens when the app starts without a share URL (or with a
// bad one): a five-server ensemble with two clients (c1 on server 1, c2 on server 3) that open
// their sessions at start, nothing scripted, ready to be driven and broken by hand.
import { parseRunJson, type RunInput } from './run-input';

export const DEFAULT_SCENARIO_JSON = {
  version: 1,
  title: 'Five servers, ready to break',
  seed: 1,
  ensemble: { servers: 5 },
  clients: {
    c1: { server: 1, sessionTimeoutMs: 10_000, connectAtStart: true },
    c2: { server: 3, sessionTimeoutMs: 10_000, connectAtStart: true },
  },
  steps: [],
} as const;

/** The default run (parsed fresh each time: callers may mutate it). */
export function defaultRun(): RunInput {
  return parseRunJson(JSON.parse(JSON.stringify(DEFAULT_SCENARIO_JSON)));
}
