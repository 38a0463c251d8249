// Versioned scenarios: an older document is migrated one version at a time before validation;
// a newer one gets a plain "made by a newer ZooScope" error. Only version 1 exists today, so the
// registry is injected here with a made-up older format (v0) and a made-up next one (v2).
import { describe, expect, it } from 'vitest';
import { migrateScenario, MIGRATIONS, SCENARIO_VERSION, type MigrationRegistry } from './migrations';
import { ScenarioError } from './parse';
import { parseRunJson } from './run-input';
import { decodeScenarioFile } from './scenario-file';

/** A made-up v0: the ensemble size at the top level and the steps under "script". */
const V0_TO_V1: MigrationRegistry['steps'][number] = (document) => {
  const { servers, script, ...rest } = document as { servers?: number; script?: unknown[] };
  return { ...rest, ensemble: { servers }, steps: script ?? [] };
};

/** A made-up v2 that renames "steps" to "timeline": adding a version is one function. */
const V1_TO_V2: MigrationRegistry['steps'][number] = (document) => {
  const { steps, ...rest } = document as { steps?: unknown[] };
  return { ...rest, timeline: steps };
};

const V0_DOCUMENT = { version: 0, title: 'old', servers: 5, script: [{ fault: 'crash', server: 5 }], inputs: [{ atMs: 10, action: { fault: 'heal' } }] };

describe('scenario migrations', () => {
  it('today: version 1 is current and passes through untouched', () => {
    expect(SCENARIO_VERSION).toBe(1);
    const document = { version: 1, steps: [] };
    expect(migrateScenario(document)).toBe(document);
    expect(migrateScenario([{ op: 'create', path: '/a' }])).toEqual([{ op: 'create', path: '/a' }]);
  });

  it('a v0 document is migrated to v1 and then validates like any v1 scenario', () => {
    const migrated = migrateScenario(V0_DOCUMENT, { current: 1, steps: { 0: V0_TO_V1 } });
    expect(migrated).toEqual({ version: 1, title: 'old', ensemble: { servers: 5 }, steps: [{ fault: 'crash', server: 5 }], inputs: [{ atMs: 10, action: { fault: 'heal' } }] });
    const run = parseRunJson(migrated);
    expect(run.scenario.ensemble.servers).toBe(5);
    expect(run.scenario.steps).toEqual([{ kind: 'fault', fault: 'crash', server: 5 }]);
    expect(run.inputs).toEqual([{ atMs: 10, action: { kind: 'fault', fault: 'heal' } }]);
  });

  it('migrations run one version at a time, in order (v0 → v1 → v2)', () => {
    const migrated = migrateScenario(V0_DOCUMENT, { current: 2, steps: { 0: V0_TO_V1, 1: V1_TO_V2 } }) as Record<string, unknown>;
    expect(migrated.version).toBe(2);
    expect(migrated.timeline).toEqual([{ fault: 'crash', server: 5 }]);
    expect(migrated.ensemble).toEqual({ servers: 5 });
    expect(migrated).not.toHaveProperty('steps');
    expect(migrated).not.toHaveProperty('script');
    // The input is not modified in place.
    expect(V0_DOCUMENT.script).toHaveLength(1);
  });

  it('a document from a newer ZooScope is refused with that reason, in files and the CLI path alike', () => {
    expect(() => migrateScenario({ version: 2, steps: [] })).toThrow(ScenarioError);
    expect(() => migrateScenario({ version: 2, steps: [] })).toThrow('version: 2 was made by a newer ZooScope (this one reads scenario versions up to 1)');
    expect(() => decodeScenarioFile(JSON.stringify({ version: 3, timeline: [] }))).toThrow(/newer ZooScope/);
    expect(() => parseRunJson({ version: 3, steps: [] })).toThrow(/newer ZooScope/);
  });

  it('a version older than any migration says which versions it can read', () => {
    expect(() => migrateScenario({ version: 0, steps: [] })).toThrow('version: 0 is not a scenario version this ZooScope can read (it reads 1..1)');
    expect(() => migrateScenario({ version: -4, steps: [] }, { current: 2, steps: { 1: V1_TO_V2 } })).toThrow('(it reads 1..2)');
  });

  it('the shipped registry has a migration for every version before the current one', () => {
    for (let version = 1; version < MIGRATIONS.current; version++) expect(MIGRATIONS.steps[version]).toBeTypeOf('function');
    expect(MIGRATIONS.current).toBe(SCENARIO_VERSION);
  });
});
