// Turning an op of the op list into a request on the wire, with the client library's own checks.
// The oracle's library is node-zookeeper-client 1.1.3: index.js validates the path (lib/Path.js)
// and its arguments with assert() before it looks at the connection, so nothing is sent and the
// oracle prints CLIENT_REJECTED with the assertion's message, whatever state the client is in.
import type { AclSpec, ClientOp, MultiSubOp as InputSubOp } from '../scenario/types';
import { CREATOR_ALL_ACL, OPEN_ACL_UNSAFE, READ_ACL_UNSAFE, parsePerms, type Acl } from '../server/acl';
import { dataByteLength, dataFromBase64, dataFromText } from '../server/data';
import type { MultiSubOp, WriteOp } from '../server/txn';
import type { ClientRequest } from './packets';

/** The request to send, or why the client refuses to send it. */
export type BuiltRequest = { ok: true; request: ClientRequest } | { ok: false; reason: string };

const reject = (reason: string): BuiltRequest => ({ ok: false, reason });

/** index.js DATA_SIZE_LIMIT: create and setData refuse larger data. */
export const CLIENT_DATA_SIZE_LIMIT = 1048576;

/**
 * lib/Path.js validate: the assertion message for a path the library refuses, or null. Unlike
 * Java's PathUtils it checks no characters (NUL and control characters reach the server) and
 * knows nothing of sequential suffixes ("/q/" is refused even for a sequential create).
 */
export function clientPathProblem(path: unknown): string | null {
  if (typeof path !== 'string' || path === '') return 'Node path must be a non-empty string.';
  if (path[0] !== '/') return 'Node path must start with / character.';
  if (path.length === 1) return null;
  if (path.endsWith('/')) return 'Node path must not end with / character.';
  if (path.includes('//')) return 'Node path must not contain empty node name.';
  if (/\/\.(\.)?(\/|$)/.test(path)) return 'Node path must not contain relative path(s).';
  return null;
}

/** Client methods that run Path.validate first (remove is the library's name for delete). */
const PATH_CHECKED: ReadonlySet<string> = new Set(['create', 'delete', 'setData', 'getData', 'exists', 'getChildren', 'getACL', 'setACL']);

/** The op's data: oracle.mjs toBuf (dataB64 wins), bytes kept as data.ts says; null when absent. */
export function dataOf(op: { data?: string | null; dataB64?: string }): string | null {
  if (typeof op.dataB64 === 'string') return dataFromBase64(op.dataB64);
  return op.data === undefined || op.data === null ? null : dataFromText(op.data);
}

/** The library's checks of a plain op, in index.js order (path, data size, ACL list), or null. */
export function clientRejection(op: ClientOp): string | null {
  if (!PATH_CHECKED.has(op.op)) return null;
  if (op.rawPath !== true) {
    const problem = clientPathProblem(op.path);
    if (problem !== null) return problem;
  }
  const data = op.op === 'create' || op.op === 'setData' ? dataOf(op) : null;
  if (data !== null && dataByteLength(data) > CLIENT_DATA_SIZE_LIMIT) return `data must be equal of smaller than ${CLIENT_DATA_SIZE_LIMIT} bytes.`;
  if (op.op === 'create' || op.op === 'setACL') {
    const acl = aclOf(op.acl);
    if (typeof acl !== 'string' && acl.length === 0) return 'acls must be a non-empty array.';
  }
  return null;
}

/**
 * oracle.mjs validates each multi sub-op path itself, outside the client call (the library's
 * Transaction checks nothing): a refused path is an ORACLE_ERROR with the assertion's message.
 */
export function multiPathProblem(op: ClientOp): string | null {
  if (op.op !== 'multi' || op.rawPath === true) return null;
  for (const sub of op.ops ?? []) {
    if ((sub as { rawPath?: boolean }).rawPath === true) continue;
    const problem = clientPathProblem(sub.path);
    if (problem !== null) return problem;
  }
  return null;
}

/** An ACL preset name or list as a list of ACL entries; a string error if it is not one. */
export function aclOf(spec: AclSpec | undefined): Acl[] | string {
  if (spec === undefined || spec === 'OPEN_ACL_UNSAFE') return [...OPEN_ACL_UNSAFE];
  if (spec === 'CREATOR_ALL_ACL') return [...CREATOR_ALL_ACL];
  if (spec === 'READ_ACL_UNSAFE') return [...READ_ACL_UNSAFE];
  if (typeof spec === 'string') return `unknown ACL preset ${spec}`;
  const acl: Acl[] = [];
  for (const entry of spec) {
    const perms = parsePerms(entry.perms);
    if (perms === null) return `bad permissions ${JSON.stringify(entry.perms)}`;
    acl.push({ perms, scheme: entry.scheme, id: entry.id });
  }
  return acl;
}

function buildCreate(op: { path: string; data?: string | null; dataB64?: string; mode?: ClientOp['mode']; acl?: AclSpec; ttl?: number }): { ok: true; op: WriteOp & { type: 'create' } } | { ok: false; reason: string } {
  const acl = aclOf(op.acl);
  if (typeof acl === 'string') return { ok: false, reason: acl };
  const create: WriteOp & { type: 'create' } = { type: 'create', path: op.path, data: dataOf(op), acl, mode: op.mode ?? 'PERSISTENT' };
  if (op.ttl !== undefined) create.ttlMs = op.ttl;
  return { ok: true, op: create };
}

function buildSubOp(sub: InputSubOp): { ok: true; op: MultiSubOp } | { ok: false; reason: string } {
  const version = sub.version ?? -1;
  switch (sub.op) {
    case 'create': return buildCreate(sub); // an empty ACL list goes to the server (INVALIDACL)
    case 'setData': return { ok: true, op: { type: 'setData', path: sub.path, data: dataOf(sub) ?? '', version } };
    case 'delete':
    case 'check': return { ok: true, op: { type: sub.op, path: sub.path, version } };
  }
}

/** Ops the oracle cannot run (sync, addWatch, removeWatches) get the client's path check too. */
function pathChecked(op: ClientOp, request: ClientRequest & { path: string }): BuiltRequest {
  const problem = op.rawPath === true ? null : clientPathProblem(request.path);
  return problem === null ? { ok: true, request } : reject(problem);
}

/** Builds the wire request for a client op that talks to the server (clientRejection already passed). */
export function buildRequest(op: ClientOp): BuiltRequest {
  const path = op.path ?? '';
  switch (op.op) {
    case 'create': {
      const built = buildCreate({ ...op, path });
      return built.ok ? { ok: true, request: built.op } : reject(built.reason);
    }
    case 'delete':
      return { ok: true, request: { type: 'delete', path, version: op.version ?? -1 } };
    case 'setData':
      return { ok: true, request: { type: 'setData', path, data: dataOf(op) ?? '', version: op.version ?? -1 } };
    case 'getData':
    case 'exists':
    case 'getChildren':
      return { ok: true, request: { type: op.op, path, watch: op.watch === true } };
    case 'getACL':
      return { ok: true, request: { type: 'getACL', path } };
    case 'setACL': {
      const acl = aclOf(op.acl);
      return typeof acl === 'string' ? reject(acl) : { ok: true, request: { type: 'setACL', path, acl, version: op.version ?? -1 } };
    }
    case 'reconfig':
      // ZooKeeperAdmin.reconfig(joining, leaving, null, fromConfig): incremental form.
      return { ok: true, request: { type: 'reconfig', joining: (op.joining ?? []).map((entry) => ({ id: entry.server, role: entry.role ?? 'participant' })), leaving: op.leaving ?? [], fromConfig: op.fromConfig ?? -1 } };
    case 'sync':
      return op.path === undefined ? { ok: true, request: { type: 'sync', path: '/' } } : pathChecked(op, { type: 'sync', path });
    case 'addWatch':
      return pathChecked(op, { type: 'addWatch', path, mode: op.watchMode ?? 'PERSISTENT' });
    case 'removeWatches':
      return pathChecked(op, { type: 'removeWatches', path, watcherType: op.watcherType ?? 'Any' });
    case 'multi': {
      const ops: MultiSubOp[] = [];
      for (const sub of op.ops ?? []) {
        const built = buildSubOp(sub);
        if (!built.ok) return reject(built.reason);
        ops.push(built.op);
      }
      return { ok: true, request: { type: 'multi', ops } };
    }
    default:
      return reject(`${op.op} is not a server request`);
  }
}
