// fast-check generators of valid form B documents (CONTRACT.md section 1) with recorded inputs,
// for the codec's round-trip and fuzz tests. Only tests import this file.
import fc from 'fast-check';
import { BUG_NAMES } from './types';

const RESERVED = new Set(['__proto__', 'prototype', 'constructor']);

/** Any text at all: control characters, lone surrogates, markup, right-to-left marks. */
const anyText = (maxLength: number): fc.Arbitrary<string> => fc.oneof(
  fc.string({ unit: 'binary', maxLength }),
  fc.constantFrom('<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>', 'javascript:alert(1)', '\u0000\u001f\u007f\u2028\u2029', '\u202eevil', '{"version":2}'),
);

const label = fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }).filter((text) => !RESERVED.has(text));

const path = fc.array(fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme-ascii' }).filter((name) => !name.includes('/')), { minLength: 1, maxLength: 3 })
  .map((names) => `/${names.join('/')}`);

/** A valid scenario document: servers, clients, steps in range, recorded actions in time order. */
export const scenarioDocument: fc.Arbitrary<Record<string, unknown>> = fc.record({
  servers: fc.integer({ min: 1, max: 7 }),
  observers: fc.integer({ min: 0, max: 2 }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  title: fc.option(anyText(80), { nil: undefined }),
  labels: fc.uniqueArray(label, { minLength: 1, maxLength: 4 }),
  bugs: fc.subarray([...BUG_NAMES]),
}).chain((base) => {
  const total = base.servers + base.observers;
  const server = fc.integer({ min: 1, max: total });
  const client = fc.constantFrom(...base.labels);
  const op = fc.record({
    client,
    op: fc.constantFrom('create', 'setData', 'getData', 'exists', 'delete', 'getChildren'),
    path,
    data: anyText(40),
  });
  // A partition needs two groups, so only ensembles of two or more servers get one.
  const partition = fc.integer({ min: 1, max: Math.max(1, total - 1) })
    .map((cut) => ({ fault: 'partition', groups: [Array.from({ length: cut }, (_, i) => i + 1), Array.from({ length: total - cut }, (_, i) => cut + i + 1)] }));
  const fault = fc.oneof(
    fc.record({ fault: fc.constantFrom('crash', 'restart', 'pause', 'resume', 'isolate'), server }),
    fc.constant({ fault: 'heal' }),
    ...(total >= 2 ? [partition] : []),
    fc.record({ fault: fc.constant('loss'), ratio: fc.double({ min: 0, max: 1, noNaN: true }) }),
  );
  const step = fc.oneof(op, fault, fc.record({ sleep: fc.integer({ min: 0, max: 60_000 }) }));
  const timedStep = fc.tuple(step, fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: undefined }))
    .map(([value, at]) => (at === undefined ? value : { ...value, at }));
  const action = fc.oneof(op, fault);
  const inputs = fc.array(fc.tuple(fc.integer({ min: 0, max: 5_000 }), action), { maxLength: 6 }).map((entries) => {
    let atMs = 0;
    return entries.map(([gap, recorded]) => ({ atMs: (atMs += gap), action: recorded }));
  });
  const clientConfig = fc.record({ server, sessionTimeoutMs: fc.integer({ min: 1, max: 3_600_000 }) });
  return fc.record({
    steps: fc.array(timedStep, { maxLength: 12 }),
    inputs,
    clients: fc.tuple(...base.labels.map(() => clientConfig)),
    tickMs: fc.integer({ min: 10, max: 60_000 }),
  }).map(({ steps, inputs, clients, tickMs }) => {
    const scenario: Record<string, unknown> = {
      version: 1,
      seed: base.seed,
      ensemble: { servers: base.servers, observers: base.observers, tickMs },
      clients: Object.fromEntries(base.labels.map((name, index) => [name, clients[index]])),
      steps,
      inputs,
    };
    if (base.title !== undefined) scenario.title = base.title;
    if (base.bugs.length > 0) scenario.bugs = base.bugs;
    return scenario;
  });
});
