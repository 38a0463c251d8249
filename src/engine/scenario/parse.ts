// Turns user input (form A op list or form B scenario, CONTRACT.md section 1) into a normalised
// Scenario, or throws ScenarioError with one line naming the field that is wrong.
import * as v from 'valibot';
import { actorProblem } from '../recipes/catalog';
import { jsonDepthProblem } from './json-depth';
import { migrateScenario } from './migrations';
import { describeIssue, faultSchema, opSchema, oracleOptionsSchema, scenarioSchema, sleepSchema } from './schema';
import {
  DEFAULT_ENSEMBLE, serverCountOf, DEFAULT_SESSION_TIMEOUT_MS, type ClientOp, type EnsembleConfig, type FaultAction,
  type Scenario, type Step,
} from './types';

/** Bad input: the message names what is wrong and where. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

function fail(message: string): never {
  throw new ScenarioError(message);
}

/** Parses JSON text in either input form. */
export function parseScenarioText(text: string): Scenario {
  return parseScenarioJson(parseJsonText(text));
}

/** JSON text to a value, refusing text nested too deep to handle safely (json-depth.ts). */
export function parseJsonText(text: string): unknown {
  const tooDeep = jsonDepthProblem(text);
  if (tooDeep !== null) fail(`input: ${tooDeep}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`input: not valid JSON (${(error as Error).message})`);
  }
}

/** Validates parsed JSON in either input form. */
export function parseScenarioJson(raw: unknown): Scenario {
  const json = migrateScenario(raw);
  if (Array.isArray(json)) return fromOpList(json, {});
  if (json && typeof json === 'object' && 'ops' in json && !('version' in json)) {
    const record = json as { options?: unknown; ops: unknown };
    const options = v.safeParse(oracleOptionsSchema, record.options ?? {});
    if (!options.success) fail(describeIssue('options', options.issues));
    if (!Array.isArray(record.ops)) fail('ops: must be a list of ops');
    return fromOpList(record.ops, options.output);
  }
  if (json && typeof json === 'object' && 'version' in json) return fromScenario(json);
  return fail('input: expected an op list (a JSON array, or {"options", "ops"}) or a scenario ({"version": 1, "steps": [...]})');
}

/** Form A: the ops run in order on the default ensemble once it serves, every client on server 1. */
function fromOpList(ops: unknown[], options: { tickMs?: number | undefined; rawPaths?: boolean | undefined }): Scenario {
  const ensemble: EnsembleConfig = { ...DEFAULT_ENSEMBLE, tickMs: options.tickMs ?? DEFAULT_ENSEMBLE.tickMs };
  const steps: Step[] = [{ kind: 'await-serving' }];
  ops.forEach((raw, index) => {
    const step = parseOpListEntry(raw, `ops[${index}]`);
    // options.rawPaths (oracle.mjs --raw-paths): no client path validation for any op.
    if (options.rawPaths === true && step.kind === 'op') step.rawPath = true;
    steps.push(step);
  });
  const scenario: Scenario = {
    version: 1, title: '', seed: 1, ensemble, clients: {}, steps, actors: [], bugs: [], oracleMode: true,
  };
  for (const step of steps) {
    if (step.kind === 'op' && !Object.hasOwn(scenario.clients, step.client)) {
      scenario.clients[step.client] = { server: 1, sessionTimeoutMs: DEFAULT_SESSION_TIMEOUT_MS, connectAtStart: false };
    }
  }
  checkSteps(scenario);
  return scenario;
}

function parseOpListEntry(raw: unknown, where: string): Step {
  const op = raw as { op?: unknown } | null;
  if (op && typeof op === 'object' && (op.op === 'sleep')) {
    const ms = (raw as { ms?: unknown }).ms;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) fail(`${where}.ms: must be a non-negative integer`);
    const client = (raw as { client?: unknown }).client;
    return { kind: 'sleep', ms, client: typeof client === 'string' ? client : 'c1' };
  }
  if (op && typeof op === 'object' && op.op === 'transaction') return parseOpStep({ ...op, op: 'multi' }, where);
  return parseOpStep(raw, where);
}

function parseOpStep(raw: unknown, where: string): Step {
  const parsed = v.safeParse(opSchema, raw);
  if (!parsed.success) fail(describeIssue(where, parsed.issues));
  const op = { ...parsed.output, client: parsed.output.client ?? 'c1' } as ClientOp & { at?: number };
  if (needsPath(op.op) && op.path === undefined) fail(`${where}.path: required for ${op.op}`);
  if (op.op === 'multi' && op.ops === undefined) fail(`${where}.ops: required for multi`);
  if (op.op === 'addAuth' && op.auth === undefined) fail(`${where}.auth: required for addAuth`);
  return { kind: 'op', ...op };
}

function needsPath(op: ClientOp['op']): boolean {
  return !['connect', 'multi', 'close', 'crash', 'addAuth', 'sync', 'reconfig'].includes(op);
}

/** Form B. */
function fromScenario(json: object): Scenario {
  const parsed = v.safeParse(scenarioSchema, json);
  if (!parsed.success) fail(describeIssue('', parsed.issues));
  const input = parsed.output;
  const ensemble: EnsembleConfig = { ...DEFAULT_ENSEMBLE, ...stripUndefined(input.ensemble ?? {}) };
  if (ensemble.latencyMsMin > ensemble.latencyMsMax) fail('ensemble.latencyMsMin: must not exceed latencyMsMax');
  if (serverCountOf(ensemble) > 15) fail('ensemble: at most 15 servers, observers and spares in all');
  const scenario: Scenario = {
    version: 1,
    title: input.title ?? '',
    seed: input.seed ?? 1,
    ensemble,
    clients: {},
    steps: input.steps.map((raw, index) => parseStep(raw, `steps[${index}]`)),
    actors: (input.actors ?? []) as Scenario['actors'],
    bugs: input.bugs ?? [],
    oracleMode: false,
  };
  for (const [label, client] of Object.entries(input.clients ?? {})) {
    scenario.clients[label] = { server: client.server ?? 1, sessionTimeoutMs: client.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS, connectAtStart: client.connectAtStart ?? true };
  }
  for (const step of scenario.steps) {
    if (step.kind === 'op' && !Object.hasOwn(scenario.clients, step.client)) {
      scenario.clients[step.client] = { server: 1, sessionTimeoutMs: DEFAULT_SESSION_TIMEOUT_MS, connectAtStart: false };
    }
  }
  checkActors(scenario);
  checkClients(scenario);
  checkSteps(scenario);
  return scenario;
}

/** Actors: known recipes with their fields, unique ids, one client each (declared or added). */
function checkActors(scenario: Scenario): void {
  const ids = new Set<string>();
  const clients = new Set<string>();
  scenario.actors.forEach((actor, index) => {
    const where = `actors[${index}]`;
    const problem = actorProblem(actor);
    if (problem !== null) fail(`${where}.${problem}`);
    if (ids.has(actor.id)) fail(`${where}.id: "${actor.id}" is used by another actor`);
    if (clients.has(actor.client)) fail(`${where}.client: "${actor.client}" already belongs to another actor (one client per actor)`);
    ids.add(actor.id);
    clients.add(actor.client);
    if (!Object.hasOwn(scenario.clients, actor.client)) {
      // An undeclared actor client gets its own session, spread over the voting servers.
      scenario.clients[actor.client] = { server: (index % scenario.ensemble.servers) + 1, sessionTimeoutMs: DEFAULT_SESSION_TIMEOUT_MS, connectAtStart: true };
    }
  });
}

function parseStep(raw: unknown, where: string): Step {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(`${where}: must be an object (an op, a fault or a sleep)`);
  if ('fault' in raw) {
    const parsed = v.safeParse(faultSchema, raw);
    if (!parsed.success) fail(describeIssue(where, parsed.issues));
    return { kind: 'fault', ...(stripUndefined(parsed.output) as FaultAction & { at?: number }) };
  }
  if ('sleep' in raw) {
    const parsed = v.safeParse(sleepSchema, raw);
    if (!parsed.success) fail(describeIssue(where, parsed.issues));
    const { sleep: ms, client, at } = parsed.output;
    return { kind: 'sleep', ms, ...(client === undefined ? {} : { client }), ...(at === undefined ? {} : { at }) };
  }
  if ('op' in raw) return parseOpListEntry(raw, where);
  if ('await' in raw) {
    const { await: awaited, at } = raw as { await: unknown; at?: unknown };
    if (awaited !== 'serving') fail(`${where}.await: the only condition is "serving"`);
    if (at !== undefined && (typeof at !== 'number' || !Number.isInteger(at) || at < 0)) fail(`${where}.at: must be a non-negative integer`);
    return { kind: 'await-serving', ...(at === undefined ? {} : { at: at as number }) };
  }
  return fail(`${where}: a step needs "op", "fault", "sleep" or "await"`);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

function checkClients(scenario: Scenario): void {
  const serverCount = serverCountOf(scenario.ensemble);
  for (const [label, client] of Object.entries(scenario.clients)) {
    if (client.server > serverCount) fail(`clients.${label}.server: ${client.server} is out of range (1..${serverCount})`);
  }
}

/** Rules that need the whole scenario: ids in range, fields each fault requires. */
function checkSteps(scenario: Scenario): void {
  const serverCount = serverCountOf(scenario.ensemble);
  const inRange = (id: number | undefined, where: string): void => {
    if (id === undefined) fail(`${where}: required`);
    if (id < 1 || id > serverCount) fail(`${where}: server ${id} is out of range (1..${serverCount})`);
  };
  scenario.steps.forEach((step, index) => {
    const where = `steps[${index}]`;
    if (step.kind !== 'fault') return;
    checkFault(step, where, inRange, scenario);
  });
}

function checkFault(step: FaultAction, where: string, inRange: (id: number | undefined, where: string) => void, scenario: Scenario): void {
  switch (step.fault) {
    case 'crash': case 'restart': case 'isolate': case 'pause': case 'resume':
      inRange(step.server, `${where}.server`);
      return;
    case 'partition': {
      if (!step.groups || step.groups.length < 2) fail(`${where}.groups: a partition needs at least two groups of server ids`);
      const seen = new Set<number>();
      step.groups.forEach((group, groupIndex) => group.forEach((id, position) => {
        inRange(id, `${where}.groups[${groupIndex}][${position}]`);
        if (seen.has(id)) fail(`${where}.groups: server ${id} is in two groups`);
        seen.add(id);
      }));
      return;
    }
    case 'cut': case 'uncut':
      inRange(step.from, `${where}.from`);
      inRange(step.to, `${where}.to`);
      if (step.from === step.to) fail(`${where}.to: must differ from "from"`);
      return;
    case 'loss':
      if (step.ratio === undefined) fail(`${where}.ratio: required (a loss ratio in [0, 1])`);
      if (step.from !== undefined) inRange(step.from, `${where}.from`);
      if (step.to !== undefined) inRange(step.to, `${where}.to`);
      return;
    case 'delay':
      if (step.latencyMsMin === undefined || step.latencyMsMax === undefined) fail(`${where}.latencyMsMin: delay needs latencyMsMin and latencyMsMax`);
      if (step.latencyMsMin > step.latencyMsMax) fail(`${where}.latencyMsMin: must not exceed latencyMsMax`);
      if (step.from !== undefined) inRange(step.from, `${where}.from`);
      if (step.to !== undefined) inRange(step.to, `${where}.to`);
      return;
    case 'disconnect': case 'expire':
      if (step.client === undefined) fail(`${where}.client: required`);
      if (!Object.hasOwn(scenario.clients, step.client)) fail(`${where}.client: unknown client "${step.client}"`);
      return;
    case 'heal':
      return;
  }
}

/** A recorded user action (from a scenario's "inputs" or a share URL), validated like a step. */
export function parseRecordedAction(raw: unknown, where: string): Extract<Step, { kind: 'op' } | { kind: 'fault' }> {
  const step = parseStep(raw, where);
  if (step.kind !== 'op' && step.kind !== 'fault') fail(`${where}: a recorded action is an op or a fault`);
  return step;
}

/** Checks a recorded fault against the scenario (server ids in range and so on). */
export function checkRecordedFault(scenario: Scenario, step: FaultAction, where: string): void {
  const serverCount = serverCountOf(scenario.ensemble);
  checkFault(step, where, (id, at) => {
    if (id === undefined) fail(`${at}: required`);
    if (id < 1 || id > serverCount) fail(`${at}: server ${id} is out of range (1..${serverCount})`);
  }, scenario);
}
