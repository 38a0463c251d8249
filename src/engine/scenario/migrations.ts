// Scenario versions (CONTRACT.md sections 1 and 2): every scenario file and share URL says which
// format it was written in ("version": N). Before validation, an older document is brought up to
// date one version at a time, so a link made years ago still opens. Adding version 2 means: write
// one function `1 → 2` below, add it to MIGRATIONS under key 1, and bump SCENARIO_VERSION (the
// schema then accepts 2). A document from a version this build does not know yet gets a plain
// "made by a newer ZooScope" error instead of a confusing field-by-field complaint.
import { ScenarioError } from './parse';

/** The version this build writes and validates. */
export const SCENARIO_VERSION = 1;

/** Form B JSON as read from a file or URL, before validation. */
export type ScenarioDocument = Record<string, unknown>;

/** Turns a version-N document into a version-(N+1) one. Pure: returns a new object. */
export type Migration = (older: ScenarioDocument) => ScenarioDocument;

export interface MigrationRegistry {
  /** The version the migrations lead to. */
  current: number;
  /** MIGRATIONS[N] migrates from version N to N + 1. */
  steps: Readonly<Record<number, Migration>>;
}

/** No older version exists yet: version 1 is the first format. */
export const MIGRATIONS: MigrationRegistry = { current: SCENARIO_VERSION, steps: {} };

/**
 * Brings a form B document to `registry.current`. Form A (op lists) and documents whose version
 * is not a whole number pass through unchanged: validation reports those with the field's name.
 */
export function migrateScenario(json: unknown, registry: MigrationRegistry = MIGRATIONS): unknown {
  if (!json || typeof json !== 'object' || Array.isArray(json) || !Object.hasOwn(json, 'version')) return json;
  let current = json as ScenarioDocument;
  const declared = current.version;
  if (typeof declared !== 'number' || !Number.isSafeInteger(declared)) return json;
  if (declared > registry.current) {
    throw new ScenarioError(`version: ${declared} was made by a newer ZooScope (this one reads scenario versions up to ${registry.current}); open it with a newer ZooScope`);
  }
  for (let version = declared; version < registry.current; version++) {
    const step = Object.hasOwn(registry.steps, version) ? registry.steps[version] : undefined;
    if (step === undefined) {
      const oldest = oldestReadable(registry);
      throw new ScenarioError(`version: ${declared} is not a scenario version this ZooScope can read (it reads ${oldest}..${registry.current})`);
    }
    current = { ...step(current), version: version + 1 };
  }
  return current;
}

/** The oldest version with an unbroken chain of migrations up to the current one. */
function oldestReadable(registry: MigrationRegistry): number {
  let oldest = registry.current;
  while (Object.hasOwn(registry.steps, oldest - 1)) oldest--;
  return oldest;
}
