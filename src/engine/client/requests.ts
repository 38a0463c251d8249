// Turning an op of the op list into a request on the wire, with the client library's own checks
// (ZooKeeper.java validates paths and ACLs before sending: IllegalArgumentException, nothing sent).
import type { AclSpec, ClientOp, MultiSubOp as InputSubOp } from '../scenario/types';
import { CREATOR_ALL_ACL, OPEN_ACL_UNSAFE, READ_ACL_UNSAFE, parsePerms, type Acl } from '../server/acl';
import { modeInfo } from '../server/createMode';
import { pathProblem } from '../server/path';
import type { MultiSubOp, WriteOp } from '../server/txn';
import type { ClientRequest } from './packets';

/** The request to send, or why the client refuses to send it. */
export type BuiltRequest = { ok: true; request: ClientRequest } | { ok: false; reason: string };

const reject = (reason: string): BuiltRequest => ({ ok: false, reason });

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

function checkPath(path: string, sequential: boolean, raw: boolean): string | null {
  return raw ? null : pathProblem(path, sequential);
}

function buildCreate(op: { path: string; data?: string | null; mode?: ClientOp['mode']; acl?: AclSpec; ttl?: number }, raw: boolean): { ok: true; op: WriteOp & { type: 'create' } } | { ok: false; reason: string } {
  const mode = op.mode ?? 'PERSISTENT';
  const info = modeInfo(mode);
  const problem = checkPath(op.path, info?.sequential ?? false, raw);
  if (problem !== null) return { ok: false, reason: problem };
  const acl = aclOf(op.acl);
  if (typeof acl === 'string') return { ok: false, reason: acl };
  if (acl.length === 0) return { ok: false, reason: 'KeeperErrorCode = InvalidACL' };
  const create: WriteOp & { type: 'create' } = { type: 'create', path: op.path, data: op.data ?? null, acl, mode };
  if (op.ttl !== undefined) create.ttlMs = op.ttl;
  return { ok: true, op: create };
}

function buildSubOp(sub: InputSubOp, raw: boolean): { ok: true; op: MultiSubOp } | { ok: false; reason: string } {
  switch (sub.op) {
    case 'create':
      return buildCreate(sub, raw);
    case 'delete':
    case 'check':
    case 'setData': {
      const problem = checkPath(sub.path, false, raw);
      if (problem !== null) return { ok: false, reason: problem };
      const version = sub.version ?? -1;
      if (sub.op === 'setData') return { ok: true, op: { type: 'setData', path: sub.path, data: sub.data ?? '', version } };
      return { ok: true, op: { type: sub.op, path: sub.path, version } };
    }
  }
}

/** Builds the wire request for a client op that talks to the server. */
export function buildRequest(op: ClientOp): BuiltRequest {
  const raw = op.rawPath === true;
  const path = op.path ?? '';
  const simple = (sequential = false): string | null => checkPath(path, sequential, raw);
  switch (op.op) {
    case 'create': {
      const built = buildCreate({ ...op, path }, raw);
      return built.ok ? { ok: true, request: built.op } : reject(built.reason);
    }
    case 'delete':
      return simpleOr(simple(), { type: 'delete', path, version: op.version ?? -1 });
    case 'setData':
      return simpleOr(simple(), { type: 'setData', path, data: op.data ?? '', version: op.version ?? -1 });
    case 'getData':
    case 'exists':
    case 'getChildren':
      return simpleOr(simple(), { type: op.op, path, watch: op.watch === true });
    case 'getACL':
      return simpleOr(simple(), { type: 'getACL', path });
    case 'setACL': {
      const acl = aclOf(op.acl);
      if (typeof acl === 'string') return reject(acl);
      return simpleOr(simple(), { type: 'setACL', path, acl, version: op.version ?? -1 });
    }
    case 'sync':
      return simpleOr(op.path === undefined ? null : simple(), { type: 'sync', path: op.path ?? '/' });
    case 'addWatch':
      return simpleOr(simple(), { type: 'addWatch', path, mode: op.watchMode ?? 'PERSISTENT' });
    case 'removeWatches':
      return simpleOr(simple(), { type: 'removeWatches', path, watcherType: op.watcherType ?? 'Any' });
    case 'multi': {
      const ops: MultiSubOp[] = [];
      for (const sub of op.ops ?? []) {
        const built = buildSubOp(sub, raw || (sub as { rawPath?: boolean }).rawPath === true);
        if (!built.ok) return reject(built.reason);
        ops.push(built.op);
      }
      return { ok: true, request: { type: 'multi', ops } };
    }
    default:
      return reject(`${op.op} is not a server request`);
  }
}

function simpleOr(problem: string | null, request: ClientRequest): BuiltRequest {
  return problem === null ? { ok: true, request } : reject(problem);
}
