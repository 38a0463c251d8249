// Share URLs (CONTRACT.md section 2): "#s=1.<payload>", payload = base64url(deflate(form B JSON
// with recorded inputs)). Never simulator state: a URL replays the run, it does not carry it.
// Decoding is defensive: sizes are bounded before and after inflating, and the JSON goes through
// the same validation as any other input.
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { parseScenarioJson, ScenarioError } from './parse';
import { scenarioToJson, type RecordedInput } from './serialize';
import type { Scenario } from './types';

export const SHARE_FORMAT_VERSION = 1;
/** Longest payload accepted from a URL, in characters. */
export const PAYLOAD_CHARS_MAX = 200_000;
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
  const version = dot === -1 ? NaN : Number(shared.slice(0, dot));
  if (version !== SHARE_FORMAT_VERSION) throw new ScenarioError(`share URL: unsupported format version "${shared.slice(0, Math.max(dot, 0)).slice(0, 10)}" (this app reads ${SHARE_FORMAT_VERSION})`);
  const payload = shared.slice(dot + 1);
  if (payload.length > PAYLOAD_CHARS_MAX) throw new ScenarioError(`share URL: payload too long (${payload.length} characters, at most ${PAYLOAD_CHARS_MAX})`);
  const json = parseJson(inflateBounded(payload));
  const scenario = parseScenarioJson(json);
  const run: SharedRun = { scenario, inputs: parseInputs((json as { inputs?: unknown }).inputs) };
  const time = params.get('t');
  if (time !== undefined) {
    const timeMs = Number(time);
    if (!Number.isInteger(timeMs) || timeMs < 0) throw new ScenarioError(`share URL: t must be a non-negative integer of ms, got "${time.slice(0, 20)}"`);
    run.timeMs = timeMs;
  }
  const lang = params.get('lang');
  if (lang !== undefined) run.lang = decodeURIComponent(lang);
  return run;
}

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
    inflater.push(bytes, true);
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
