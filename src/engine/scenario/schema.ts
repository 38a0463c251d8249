// Validation of scenario input (CONTRACT.md section 1): structure with valibot, then the rules
// that need the whole scenario (server ids in range, disjoint partition groups). Every error
// names the field: "steps[3].fault: ...".
import * as v from 'valibot';
import { BUG_NAMES, CLIENT_OP_NAMES, FAULT_NAMES } from './types';

const nonNegativeInt = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0, 'must be >= 0'));
const positiveInt = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1, 'must be >= 1'));
const serverId = v.pipe(v.number(), v.integer('must be an integer server id'), v.minValue(1, 'server ids start at 1'));
// Labels become object keys: names JavaScript objects reserve are refused rather than silently lost.
const RESERVED_LABELS: readonly string[] = ['__proto__', 'prototype', 'constructor'];
const clientLabel = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(64, 'at most 64 characters'),
  v.check((label) => !RESERVED_LABELS.includes(label), 'must not be __proto__, prototype or constructor'));
const path = v.pipe(v.string('must be a string path'), v.maxLength(4096, 'path too long'));
const version = v.pipe(v.number(), v.integer('must be an integer'));
const at = v.optional(nonNegativeInt);

const modeNames = ['PERSISTENT', 'EPHEMERAL', 'PERSISTENT_SEQUENTIAL', 'EPHEMERAL_SEQUENTIAL', 'CONTAINER', 'PERSISTENT_WITH_TTL', 'PERSISTENT_SEQUENTIAL_WITH_TTL'] as const;
const mode = v.optional(v.union([v.picklist(modeNames, `must be one of ${modeNames.join(', ')}`), v.pipe(v.number(), v.integer())], 'must be a create mode name or flag number'));
const aclEntry = v.looseObject({ perms: v.union([v.string(), v.number()]), scheme: v.string(), id: v.string() });
const acl = v.optional(v.union([v.string(), v.array(aclEntry)], 'must be a preset name or a list of {perms, scheme, id}'));
const data = v.optional(v.nullable(v.pipe(v.string(), v.maxLength(2_000_000, 'data too long'))));

const subOp = v.looseObject({
  op: v.picklist(['create', 'delete', 'setData', 'check'], 'must be create, delete, setData or check'),
  path,
  data,
  dataB64: v.optional(v.string()),
  mode,
  acl,
  version: v.optional(version),
  ttl: v.optional(positiveInt),
});

/** Fields an op may carry (per op, the runner reads only its own). */
export const opSchema = v.looseObject({
  client: v.optional(clientLabel),
  op: v.picklist(CLIENT_OP_NAMES, `unknown op (expected one of ${CLIENT_OP_NAMES.join(', ')})`),
  path: v.optional(path),
  data,
  dataB64: v.optional(v.string()),
  mode,
  acl,
  version: v.optional(version),
  watch: v.optional(v.boolean('must be true or false')),
  ttl: v.optional(positiveInt),
  scheme: v.optional(v.string()),
  auth: v.optional(v.string()),
  ops: v.optional(v.pipe(v.array(subOp), v.maxLength(1000, 'at most 1000 sub-ops'))),
  sessionTimeout: v.optional(positiveInt),
  rawPath: v.optional(v.boolean()),
  watchMode: v.optional(v.picklist(['PERSISTENT', 'PERSISTENT_RECURSIVE'])),
  watcherType: v.optional(v.picklist(['Children', 'Data', 'Any'])),
  joining: v.optional(v.array(v.looseObject({ server: serverId, role: v.optional(v.picklist(['participant', 'observer'], 'must be participant or observer')) }), 'must be a list of {server, role}')),
  leaving: v.optional(v.array(serverId, 'must be a list of server ids')),
  fromConfig: v.optional(v.pipe(v.number(), v.integer('must be an integer'), v.minValue(-1, 'must be >= -1'))),
  ms: v.optional(nonNegativeInt),
  at,
});

const faultSchema = v.looseObject({
  fault: v.picklist(FAULT_NAMES, `unknown fault (expected one of ${FAULT_NAMES.join(', ')})`),
  server: v.optional(serverId),
  groups: v.optional(v.array(v.array(serverId, 'each group must be a list of server ids'), 'must be a list of groups')),
  from: v.optional(positiveInt),
  to: v.optional(positiveInt),
  ratio: v.optional(v.pipe(v.number(), v.minValue(0, 'must be in [0, 1]'), v.maxValue(1, 'must be in [0, 1]'))),
  latencyMsMin: v.optional(nonNegativeInt),
  latencyMsMax: v.optional(nonNegativeInt),
  durationMs: v.optional(positiveInt),
  client: v.optional(clientLabel),
  at,
});

const sleepSchema = v.looseObject({ sleep: nonNegativeInt, client: v.optional(clientLabel), at });

const ensembleSchema = v.looseObject({
  servers: v.optional(v.pipe(positiveInt, v.maxValue(15, 'at most 15 servers'))),
  observers: v.optional(v.pipe(nonNegativeInt, v.maxValue(15, 'at most 15 observers'))),
  spares: v.optional(v.pipe(nonNegativeInt, v.maxValue(15, 'at most 15 spares'))),
  reconfigEnabled: v.optional(v.boolean('must be true or false')),
  tickMs: v.optional(v.pipe(positiveInt, v.minValue(10, 'must be >= 10'), v.maxValue(60_000, 'must be <= 60000'))),
  initLimit: v.optional(v.pipe(positiveInt, v.maxValue(1000))),
  syncLimit: v.optional(v.pipe(positiveInt, v.maxValue(1000))),
  latencyMsMin: v.optional(v.pipe(nonNegativeInt, v.maxValue(60_000))),
  latencyMsMax: v.optional(v.pipe(nonNegativeInt, v.maxValue(60_000))),
  extendedTypes: v.optional(v.boolean('must be true or false')),
});

const clientSchema = v.looseObject({
  server: v.optional(serverId),
  sessionTimeoutMs: v.optional(v.pipe(positiveInt, v.maxValue(3_600_000))),
  connectAtStart: v.optional(v.boolean()),
});

const actorSchema = v.looseObject({ id: clientLabel, recipe: v.string(), client: clientLabel });

export const scenarioSchema = v.looseObject({
  version: v.literal(1, 'must be 1 (the only scenario version so far)'),
  title: v.optional(v.pipe(v.string(), v.maxLength(500, 'at most 500 characters'))),
  seed: v.optional(v.pipe(nonNegativeInt, v.maxValue(0xffffffff, 'must fit in 32 bits'))),
  ensemble: v.optional(ensembleSchema),
  clients: v.optional(v.record(clientLabel, clientSchema)),
  steps: v.pipe(v.array(v.unknown(), 'must be a list of steps'), v.maxLength(100_000, 'at most 100000 steps')),
  actors: v.optional(v.array(actorSchema)),
  bugs: v.optional(v.array(v.picklist(BUG_NAMES, `unknown bug (the bug lab has ${BUG_NAMES.join(', ')})`))),
});

export const oracleOptionsSchema = v.looseObject({
  tickMs: v.optional(v.pipe(positiveInt, v.minValue(10), v.maxValue(60_000))),
  stable: v.optional(v.boolean()),
  rawPaths: v.optional(v.boolean()),
  opTimeoutMs: v.optional(positiveInt),
});

export { faultSchema, sleepSchema };

/** Formats valibot's first issue as "where: what". */
export function describeIssue(prefix: string, issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]!;
  let where = prefix;
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    where += typeof key === 'number' ? `[${key}]` : `${where ? '.' : ''}${String(key)}`;
  }
  return `${where || 'input'}: ${issue.message}`;
}
