// Share URLs and scenario files against hostile input (CONTRACT.md section 2, issue #7): random
// and mutated fragments and files never crash or hang the decoder; each gives either a valid
// scenario or a ScenarioError with a reason. And the codec round-trips any valid scenario.
// Seeds are fixed: a failure prints its seed and path, and re-running reproduces it.
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url, decodeBase64Url } from './base64url';
import { decodeShareFragment, encodeShareFragment, INFLATED_BYTES_MAX } from './codec';
import { JSON_DEPTH_MAX } from './json-depth';
import { ScenarioError } from './parse';
import { parseRunJson, toInputEntries } from './run-input';
import { scenarioDocument } from './scenario-arbitrary';
import { decodeScenarioFile, encodeScenarioFile, SCENARIO_FILE_CHARS_MAX } from './scenario-file';
import { scenarioToJson } from './serialize';

const SEED = 20261125;

/** "#s=<prefix>.<payload>" for arbitrary JSON text, as the real encoder would pack it. */
function pack(text: string, prefix = '1'): string {
  return `#s=${prefix}.${encodeBase64Url(deflateSync(strToU8(text), { level: 6 }))}`;
}

type Outcome = { ok: true } | { ok: false; reason: string };

/** What the app does with input: decode, check the actions against the scenario, re-validate. */
function judge(open: () => { scenario: Parameters<typeof scenarioToJson>[0]; inputs: Parameters<typeof scenarioToJson>[1] }): Outcome {
  try {
    const run = open();
    toInputEntries(run.scenario, run.inputs ?? []);
    // A decoded scenario is a valid one: its canonical JSON passes validation again.
    parseRunJson(JSON.parse(JSON.stringify(scenarioToJson(run.scenario, run.inputs))));
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return { ok: false, reason: error.message };
  }
}

/** Runs `open`, failing the property on anything but a result or a ScenarioError with a reason. */
function expectHandled(open: Parameters<typeof judge>[0], timings: number[]): Outcome {
  const started = performance.now();
  const outcome = judge(open);
  timings.push(performance.now() - started);
  if (!outcome.ok) expect(outcome.reason.length).toBeGreaterThan(10);
  // Nothing decoded may reach Object.prototype ("__proto__" keys in the input).
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return outcome;
}

// Large hostile payloads are built once (building them is slow) and each decoded once below:
// they cost tens of ms each, so the 10,000 random cases stay small.
const LARGE = {
  bomb: pack(`{"version":1,"steps":[],"title":"${'a'.repeat(INFLATED_BYTES_MAX + 1000)}"}`),
  longTitle: pack(JSON.stringify({ version: 1, steps: [], title: 'x'.repeat(100_000) })),
  longData: pack(JSON.stringify({ version: 1, steps: [{ client: 'c1', op: 'create', path: '/a', data: 'd'.repeat(2_000_001) }] })),
  manySteps: pack(JSON.stringify({ version: 1, steps: Array.from({ length: 100_001 }, () => ({ sleep: 1 })) })),
  manyInputs: pack(JSON.stringify({ version: 1, steps: [], inputs: Array.from({ length: 100_001 }, () => ({ atMs: 0, action: { fault: 'heal' } })) })),
  deep: pack(`{"version":1,"steps":[],"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`),
  // Unknown fields of a step are kept, so without the depth limit this would reach every later
  // recursive walk of the scenario (re-encoding it overflows the stack).
  deepInStep: pack(`{"version":1,"steps":[{"sleep":1,"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}]}`),
  longPayload: `#s=1.${'A'.repeat(250_000)}`,
  // A stored deflate block that declares 65,535 bytes and carries 3.
  declaredHuge: `#s=1.${encodeBase64Url(new Uint8Array([0x01, 0xff, 0xff, 0x00, 0x00, 0x7b, 0x7d, 0x0a]))}`,
};

// Valid documents and their fragments come from a fixed pool: generating and deflating a fresh
// one for each of the 10,000 cases would cost most of the test's time, mutating them is cheap.
const DOCUMENTS = fc.sample(scenarioDocument, { seed: SEED, numRuns: 300 });
const document_ = fc.constantFrom(...DOCUMENTS);
const FRAGMENTS = DOCUMENTS.map((document) => encodeShareFragment({ scenario: parseRunJson(document).scenario, inputs: document.inputs as never }));
const validFragment = fc.constantFrom(...FRAGMENTS);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** A valid document with a prototype-ish key injected somewhere. */
const protoDocument = fc.tuple(document_, fc.constantFrom(...PROTO_KEYS), fc.constantFrom('top', 'clients', 'ensemble', 'step', 'action', 'clientName')).map(([document, key, where]) => {
  const text = JSON.stringify(document);
  const poison = `"${key}":{"polluted":true,"server":1}`;
  switch (where) {
    case 'top': return text.replace(/^\{/, `{${poison},`);
    case 'clients': return text.replace('"clients":{', `"clients":{${poison},`);
    case 'ensemble': return text.replace('"ensemble":{', `"ensemble":{${poison},`);
    case 'step': return text.replace('"steps":[', `"steps":[{${poison}},`);
    case 'action': return text.replace('"inputs":[', `"inputs":[{"atMs":0,"action":{"client":"${key}","op":"create","path":"/p"}},`);
    default: return text.replace('"steps":[', `"steps":[{"client":"${key}","op":"create","path":"/p"},`);
  }
});

const deepDocument = fc.integer({ min: 1, max: 3 * JSON_DEPTH_MAX }).map((depth) =>
  `{"version":1,"steps":[],"clients":{"c":${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}}}`);

/** Text made of the characters that mean something in a URL fragment: %-escapes, &, =, digits. */
const urlJunk = fc.string({ unit: fc.constantFrom(...'%%%0123456789ABCDEFabcdef&=#.-e+'), maxLength: 16 });

/** Mutations of a valid fragment. */
const mutatedFragment = fc.tuple(validFragment, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 6 })).chain(([fragment, a, b, kind]) => {
  const payload = fragment.slice(fragment.indexOf('.') + 1);
  switch (kind) {
    case 0: // truncated anywhere
      return fc.constant(fragment.slice(0, a % (fragment.length + 1)));
    case 1: { // characters of the base64 replaced
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ %.';
      return fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }).map((edits) => {
        const chars = [...payload];
        for (const [at, with_] of edits) chars[at % chars.length] = alphabet[with_ % alphabet.length]!;
        return `#s=1.${chars.join('')}`;
      });
    }
    case 2: { // bits of the compressed bytes flipped
      const bytes = decodeBase64Url(payload).slice();
      return fc.array(fc.nat(), { minLength: 1, maxLength: 3 }).map((flips) => {
        const copy = bytes.slice();
        for (const flip of flips) copy[flip % copy.length]! ^= 1 << (flip % 8);
        return `#s=1.${encodeBase64Url(copy)}`;
      });
    }
    case 3: // wrong version prefix
      return fc.constantFrom('0', '2', '99', '-1', 'x', '', '1.5', '01', '999999999999', ' 1', '1e0').map((prefix) => `#s=${prefix}.${payload}`);
    case 4: // garbage parameters
      return fc.tuple(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), urlJunk), fc.constantFrom('t', 'lang', 's', '')).map(([value, name]) => `${fragment}&${name}=${value}`);
    case 5: // a payload byte dropped or duplicated in the middle
      return fc.constant(`#s=1.${payload.slice(0, b % payload.length)}${payload.slice((b % payload.length) + (a % 2))}`);
    default: // two fragments glued together
      return fc.constant(`${fragment}${fragment.slice(1 + (a % fragment.length))}`);
  }
});

const anyFragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: mutatedFragment },
  { weight: 10, arbitrary: validFragment },
  { weight: 10, arbitrary: protoDocument.map((text) => pack(text)) },
  { weight: 6, arbitrary: deepDocument.map((text) => pack(text)) },
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => pack(JSON.stringify(value))) },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text) => pack(text)) },
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => `#s=1.${encodeBase64Url(bytes)}`) },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 4, arbitrary: fc.string({ maxLength: 300 }).map((text) => `#s=1.${text}`) },
);

/** Mutations of a valid scenario file. */
const anyFile: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: document_.map((document) => encodeScenarioFile(decodeScenarioFile(JSON.stringify(document)))) },
  { weight: 10, arbitrary: fc.tuple(document_, fc.nat()).map(([document, at]) => { const text = JSON.stringify(document, null, 2); return text.slice(0, at % text.length); }) },
  { weight: 10, arbitrary: fc.tuple(document_, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })).map(([document, at, junk]) => {
    const text = JSON.stringify(document);
    const where = at % text.length;
    return text.slice(0, where) + junk + text.slice(where + 1);
  }) },
  { weight: 8, arbitrary: protoDocument },
  { weight: 5, arbitrary: deepDocument },
  { weight: 5, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(
    JSON.stringify({ version: 99, steps: [] }),
    JSON.stringify({ version: 0, steps: [] }),
    JSON.stringify({ version: 1.5, steps: [] }),
  ) },
);

describe('share URL decoder under fuzzing', () => {
  it('10,000 random and mutated fragments each give a valid scenario or a reason, quickly', () => {
    const timings: number[] = [];
    let valid = 0;
    fc.assert(fc.property(anyFragment, (fragment) => {
      if (expectHandled(() => decodeShareFragment(fragment), timings).ok) valid++;
    }), { seed: SEED, numRuns: 10_000, endOnFailure: true });
    // Both outcomes were exercised, and no single decode came near "hanging".
    expect(valid).toBeGreaterThan(500);
    expect(valid).toBeLessThan(9_000);
    expect(Math.max(...timings)).toBeLessThan(2_000);
  });

  it('4,000 random and mutated scenario files each give a valid scenario or a reason, quickly', () => {
    const timings: number[] = [];
    fc.assert(fc.property(anyFile, (text) => {
      expectHandled(() => decodeScenarioFile(text), timings);
    }), { seed: SEED + 1, numRuns: 4_000, endOnFailure: true });
    expect(Math.max(...timings)).toBeLessThan(2_000);
  });

  it('names the reason for each kind of bad fragment', () => {
    const reason = (fragment: string): string => {
      const outcome = judge(() => decodeShareFragment(fragment));
      return outcome.ok ? 'ok' : outcome.reason;
    };
    expect(reason(LARGE.bomb)).toMatch(/larger than 4000000 bytes/);
    expect(reason(LARGE.deep)).toMatch(/nested more than 64 levels/);
    expect(reason(LARGE.deepInStep)).toMatch(/nested more than 64 levels/);
    expect(reason(LARGE.longPayload)).toMatch(/payload too long/);
    expect(reason(LARGE.declaredHuge)).toMatch(/truncated|corrupt/);
    expect(reason(LARGE.manySteps)).toMatch(/at most 100000 steps/);
    expect(reason(LARGE.manyInputs)).toMatch(/at most 100000 recorded actions/);
    expect(reason(LARGE.longTitle)).toMatch(/title: at most 500 characters/);
    expect(reason(pack(JSON.stringify({ version: 1, steps: [] }), '2'))).toMatch(/newer ZooScope/);
    expect(reason(pack(JSON.stringify({ version: 7, steps: [] })))).toMatch(/version: 7 was made by a newer ZooScope/);
    expect(reason(pack('{"version":1,"steps":[{"client":"__proto__","op":"create","path":"/a"}]}'))).toMatch(/steps\[0\]\.client: must not be __proto__/);
    expect(reason(`${pack(JSON.stringify({ version: 1, steps: [] }))}&t=1e99`)).toMatch(/t must be a whole number/);
    expect(reason(`${pack(JSON.stringify({ version: 1, steps: [] }))}&lang=%E0%A4%A`)).toMatch(/lang is not a valid/);
    expect(reason('#s=1.AAAA')).toMatch(/corrupt|truncated/);
  });

  it('names the reason for each kind of bad file', () => {
    const reason = (text: string): string => {
      const outcome = judge(() => decodeScenarioFile(text));
      return outcome.ok ? 'ok' : outcome.reason;
    };
    expect(reason(`{"version":1,"steps":[],"title":"${'t'.repeat(SCENARIO_FILE_CHARS_MAX)}"}`)).toMatch(/file: too large/);
    expect(reason(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatch(/nested more than 64 levels/);
    expect(reason('<html><script>alert(1)</script>')).toMatch(/not valid JSON/);
    expect(reason(JSON.stringify({ version: 2, steps: [] }))).toMatch(/version: 2 was made by a newer ZooScope/);
    expect(reason(JSON.stringify({ version: 0, steps: [] }))).toMatch(/version: 0 is not a scenario version this ZooScope can read/);
    expect(reason(JSON.stringify({ version: 1, steps: [], inputs: [{ atMs: 5, action: { fault: 'crash', server: 9 } }] }))).toMatch(/inputs\[0\]\.action\.server: server 9 is out of range/);
  });

  it('a client named like an Object.prototype member is an ordinary client', () => {
    const run = decodeShareFragment(pack('{"version":1,"steps":[{"client":"toString","op":"create","path":"/a"},{"client":"hasOwnProperty","op":"create","path":"/b"}]}'));
    expect(Object.keys(run.scenario.clients).sort()).toEqual(['hasOwnProperty', 'toString']);
  });
});

describe('codec round trip', () => {
  it('any valid scenario with recorded inputs survives a share URL and a file unchanged', () => {
    fc.assert(fc.property(scenarioDocument, (document) => {
      const run = parseRunJson(document);
      const inputs = run.inputs.map((entry) => {
        const { kind: _kind, ...action } = entry.action as { kind: string };
        return { atMs: entry.atMs, action };
      });
      const viaUrl = decodeShareFragment(encodeShareFragment({ scenario: run.scenario, inputs, timeMs: 1234, lang: 'zh-CN' }));
      expect(viaUrl.scenario).toEqual(run.scenario);
      expect(parseRunJson(scenarioToJson(viaUrl.scenario, viaUrl.inputs)).inputs).toEqual(run.inputs);
      expect(viaUrl.timeMs).toBe(1234);
      expect(viaUrl.lang).toBe('zh-CN');
      const viaFile = decodeScenarioFile(encodeScenarioFile({ scenario: run.scenario, inputs }));
      expect(viaFile.scenario).toEqual(run.scenario);
      expect(parseRunJson(scenarioToJson(viaFile.scenario, viaFile.inputs)).inputs).toEqual(run.inputs);
    }), { seed: SEED + 2, numRuns: 400, endOnFailure: true });
  });
});
