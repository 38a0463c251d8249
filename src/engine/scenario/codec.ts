// Share URLs (CONTRACT.md section 2): "#s=1.<payload>", payload = base64url(deflate(form B JSON
// with recorded inputs)). Never simulator state: a URL replays the run, it does not carry it.
// Decoding is defensive: sizes are bounded before and after inflating, and the JSON goes through
// the same validation as any other input.
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { jsonDepthProblem } from './json-depth';
import { migrateScenario } from './migrations';
import { parseScenarioJson, ScenarioError } from './parse';
import { scenarioToJson, type RecordedInput } from './serialize';
import type { Scenario } from './types';

/** The "1" of "#s=1.": the envelope (deflate + base64url of form B JSON with "inputs"). */
export const SHARE_FORMAT_VERSION = 1;
/** Longest payload accepted from a URL, in characters. */
export const PAYLOAD_CHARS_MAX = 200_000;
/** Latest "t=" accepted: a day of simulated time (seeking there must finish in reasonable time). */
export const TIME_MS_MAX = 86_400_000;
/** Largest inflated JSON accepted, in bytes (guards against decompression bombs). */
export const INFLATED_BYTES_MAX = 4_000_000;

export interface SharedRun {
  scenario: Scenario;
  inputs: RecordedInput[];
  /** Open paused at this simulated time. */
  timeMs?: number;
  lang?: string;
}

/** The fragment "#s=1.<payload>[&t=ms][&lang=..]" for a scenario and its recorded inputs. */
export function encodeShareFragment(run: SharedRun): string {
  const json = JSON.stringify(scenarioToJson(run.scenario, run.inputs));
  const payload = encodeBase64Url(deflateSync(strToU8(json), { level: 9 }));
  let fragment = `#s=${SHARE_FORMAT_VERSION}.${payload}`;
  if (run.timeMs !== undefined) fragment += `&t=${Math.round(run.timeMs)}`;
  if (run.lang !== undefined) fragment += `&lang=${encodeURIComponent(run.lang)}`;
  return fragment;
}

/** Decodes a URL or fragment; throws ScenarioError with a readable reason if anything is off. */
export function decodeShareFragment(urlOrFragment: string): SharedRun {
  const hashIndex = urlOrFragment.indexOf('#');
  const fragment = hashIndex === -1 ? urlOrFragment : urlOrFragment.slice(hashIndex + 1);
  const params = new Map<string, string>();
  for (const part of fragment.split('&')) {
    const equals = part.indexOf('=');
    if (equals > 0) params.set(part.slice(0, equals), part.slice(equals + 1));
  }
  const shared = params.get('s');
  if (shared === undefined) throw new ScenarioError('share URL: no "s=" scenario in the fragment');
  const dot = shared.indexOf('.');
  const prefix = dot === -1 ? '' : shared.slice(0, dot);
  const version = /^[0-9]{1,9}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(version >= 1)) throw new ScenarioError(`share URL: expected "s=${SHARE_FORMAT_VERSION}.<payload>", the format version is missing or not a number ("${prefix.slice(0, 10)}")`);
  if (version > SHARE_FORMAT_VERSION) throw new ScenarioError(`share URL: format version ${version} was made by a newer ZooScope (this one reads up to ${SHARE_FORMAT_VERSION}); open it with a newer ZooScope`);
  const payload = shared.slice(dot + 1);
  if (payload.length > PAYLOAD_CHARS_MAX) throw new ScenarioError(`share URL: payload too long (${payload.length} characters, at most ${PAYLOAD_CHARS_MAX})`);
  // An older payload carries its own scenario "version": migrations.ts brings it up to date.
  const json = migrateScenario(parseJson(inflateBounded(payload)));
  const scenario = parseScenarioJson(json);
  const run: SharedRun = { scenario, inputs: parseInputs((json as { inputs?: unknown }).inputs) };
  const time = params.get('t');
  if (time !== undefined) {
    const timeMs = Number(time);
    if (!/^[0-9]{1,12}$/.test(time) || timeMs > TIME_MS_MAX) throw new ScenarioError(`share URL: t must be a whole number of ms from 0 to ${TIME_MS_MAX}, got "${time.slice(0, 20)}"`);
    run.timeMs = timeMs;
  }
  const lang = params.get('lang');
  if (lang !== undefined) {
    try {
      run.lang = decodeURIComponent(lang);
    } catch {
      throw new ScenarioError(`share URL: lang is not a valid URL-encoded name ("${lang.slice(0, 20)}")`);
    }
  }
  return run;
}

const INFLATE_PIECE_BYTES = 1024;

function inflateBounded(payload: string): string {
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64Url(payload);
  } catch (error) {
    throw new ScenarioError(`share URL: payload is not base64url (${(error as Error).message})`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  try {
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > INFLATED_BYTES_MAX) throw new ScenarioError(`share URL: scenario larger than ${INFLATED_BYTES_MAX} bytes`);
      chunks.push(chunk);
      if (final) finished = true;
    });
    // Fed in small pieces so that a decompression bomb is stopped after about one piece's worth
    // of output past the limit (deflate expands at most ~1032×), not after inflating all of it.
    if (bytes.length === 0) inflater.push(bytes, true);
    for (let start = 0; start < bytes.length && !finished; start += INFLATE_PIECE_BYTES) {
      inflater.push(bytes.subarray(start, start + INFLATE_PIECE_BYTES), start + INFLATE_PIECE_BYTES >= bytes.length);
    }
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw new ScenarioError(`share URL: payload is corrupt or truncated (${(error as Error).message})`);
  }
  if (!finished) throw new ScenarioError('share URL: payload is truncated');
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return strFromU8(joined);
}

function parseJson(text: string): unknown {
  const tooDeep = jsonDepthProblem(text);
  if (tooDeep !== null) throw new ScenarioError(`share URL: scenario JSON ${tooDeep}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ScenarioError('share URL: payload does not hold JSON');
  }
}

const INPUTS_MAX = 100_000;

/** Recorded inputs: [{atMs, action}] with non-decreasing times. Actions are validated when run. */
export function parseInputs(raw: unknown): RecordedInput[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new ScenarioError('inputs: must be a list of {atMs, action}');
  if (raw.length > INPUTS_MAX) throw new ScenarioError(`inputs: at most ${INPUTS_MAX} recorded actions`);
  let lastMs = 0;
  return raw.map((entry, index) => {
    const atMs = (entry as { atMs?: unknown })?.atMs;
    const action = (entry as { action?: unknown })?.action;
    if (typeof atMs !== 'number' || !Number.isInteger(atMs) || atMs < lastMs) throw new ScenarioError(`inputs[${index}].atMs: must be an integer, not before the previous action`);
    if (!action || typeof action !== 'object' || Array.isArray(action)) throw new ScenarioError(`inputs[${index}].action: must be an object`);
    lastMs = atMs;
    return { atMs, action: action as Record<string, unknown> };
  });
}
