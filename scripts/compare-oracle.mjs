#!/usr/bin/env node
// Vendored from the team's shared tools (shared/tools/compare-oracle.mjs) so tests run on any clone.
// compare-oracle.mjs EXPECTED.jsonl ACTUAL.jsonl
//
// Compares what real ZooKeeper printed (tools/realzk/oracle.mjs --stable) with what the simulator
// printed for the same op list (CONTRACT.md, section 1). Prints one line per difference and a last
// line "N passed, M failed" counting ops; exits 0 only when nothing differs.
//
// Normalisation (differences that are allowed):
//  - zxids (reply header and stat czxid/mzxid/pzxid) compare by their counter, the low 32 bits:
//    a standalone server runs in epoch 0, an ensemble in a later epoch;
//  - ephemeralOwner compares by the client label it belongs to (ephemeralOwnerClient);
////  - ctime, mtime, sessionId and the oracle's own fields (local, note, oracleErrors, aborted) are ignored;
//  - watch events that follow the same op compare as a set (their order across clients is free).
import fs from 'node:fs';

const [expectedFile, actualFile] = process.argv.slice(2);
if (!expectedFile || !actualFile) {
  console.error('usage: compare-oracle.mjs EXPECTED.jsonl ACTUAL.jsonl');
  process.exit(2);
}

function readLines(file) {
  const text = fs.readFileSync(file, 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l, n) => {
    try { return JSON.parse(l); } catch { throw new Error(`${file}:${n + 1}: not JSON: ${l.slice(0, 120)}`); }
  });
}

function counter(zxid) {
  if (zxid === undefined || zxid === null) return zxid;
  const big = BigInt(zxid);
  return '0x' + (big & 0xffffffffn).toString(16);
}

const IGNORED = new Set(['ctime', 'mtime', 'sessionId', 'local', 'note', 'oracleErrors', 'aborted', 'fingerprint', 'invariants', 't']);

function normalise(value, key) {
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value).sort()) {
      if (IGNORED.has(k)) continue;
      if (k === 'ephemeralOwner') continue;
      out[k] = normalise(value[k], k);
    }
    if (Array.isArray(out.children)) out.children = [...out.children].sort();
    return out;
  }
  if (key && /zxid$/i.test(key) && typeof value === 'string') return counter(value);
  return value;
}

// Group lines into units: each op line (with i and op), the events after it, and the rest.
function units(lines) {
  const ops = new Map();
  const events = new Map();
  const other = [];
  for (const line of lines) {
    if (line.event !== undefined) {
      const key = String(line.afterOp);
      if (!events.has(key)) events.set(key, []);
      events.get(key).push(JSON.stringify(normalise(line)));
    } else if (line.op !== undefined && line.i !== undefined) {
      ops.set(`${line.i}:${line.op}:${line.client}`, normalise(line));
    } else if (line.done) {
      other.push({ done: true, ops: line.ops, events: line.events });
    } else if (line.clientState !== undefined) {
      other.push(normalise(line));
    }
  }
  for (const list of events.values()) list.sort();
  return { ops, events, other };
}

const expected = units(readLines(expectedFile));
const actual = units(readLines(actualFile));
let passed = 0;
let failed = 0;
const say = (s) => console.log(s);

for (const [key, want] of expected.ops) {
  const got = actual.ops.get(key);
  const wantText = JSON.stringify(want);
  const gotText = got === undefined ? 'missing' : JSON.stringify(got);
  const i = key.split(':')[0];
  const wantEvents = JSON.stringify(expected.events.get(i) ?? []);
  const gotEvents = JSON.stringify(actual.events.get(i) ?? []);
  if (wantText === gotText && wantEvents === gotEvents) {
    passed += 1;
    continue;
  }
  failed += 1;
  if (wantText !== gotText) say(`op ${key}\n  real: ${wantText}\n  sim:  ${gotText}`);
  if (wantEvents !== gotEvents) say(`events after op ${i}\n  real: ${wantEvents}\n  sim:  ${gotEvents}`);
}
for (const key of actual.ops.keys()) {
  if (!expected.ops.has(key)) {
    failed += 1;
    say(`op ${key}: printed by the simulator only`);
  }
}
const wantOther = JSON.stringify(expected.other);
const gotOther = JSON.stringify(actual.other);
if (wantOther !== gotOther) {
  failed += 1;
  say(`summary lines\n  real: ${wantOther}\n  sim:  ${gotOther}`);
}
say(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
