// JSON line shapes of ../shared/tools/realzk/oracle.mjs (CONTRACT.md section 1), so the CLI and
// the tests print exactly what real ZooKeeper printed through the oracle: same keys, same key
// order, zxids and session ids as hex strings, --stable dropping times and session ids.

import { type Acl, permsString } from './acl';
import { dataToBase64, isTextData } from './data';
import { ERROR_CODES, type ErrorName } from './errors';
import type { Stat } from './stat';
import type { OpResult } from './txn';
import { zxidHex } from './zxid';

/** JSON value of a printed line (kept as a plain object; key order is insertion order). */
export type Line = { [key: string]: unknown };

export interface FormatOptions {
  /** --stable: no ctime/mtime/sessionId, owners printed as "<session c1>". */
  stable: boolean;
  /** Client label per session id (String(sessionId) -> "c1"). */
  clientOfSession: { [sessionKey: string]: string };
}

/** The common head of an op line: i, client, op, and path when the op has one. */
export interface LineBase {
  i: number;
  client: string;
  op: string;
  path?: string;
}

/** Session id as the oracle prints it ("0x" + hex of the unsigned 64-bit id). */
export function sessionIdHex(sessionId: number): string {
  return '0x' + sessionId.toString(16);
}

function head(base: LineBase): Line {
  const line: Line = { i: base.i, client: base.client, op: base.op };
  if (base.path !== undefined) line.path = base.path;
  return line;
}

function errFields(err: ErrorName): Line {
  return { err, code: ERROR_CODES[err] };
}

/** A Stat as the oracle's fmtStat prints it. */
export function formatStat(stat: Stat, options: FormatOptions): Line {
  const owner = sessionIdHex(stat.ephemeralOwner);
  const ownerClient = stat.ephemeralOwner === 0 ? null : options.clientOfSession[String(stat.ephemeralOwner)] ?? null;
  const line: Line = { czxid: zxidHex(stat.czxid), mzxid: zxidHex(stat.mzxid), pzxid: zxidHex(stat.pzxid) };
  if (!options.stable) {
    line.ctime = stat.ctime;
    line.mtime = stat.mtime;
  }
  line.version = stat.version;
  line.cversion = stat.cversion;
  line.aversion = stat.aversion;
  line.ephemeralOwner = options.stable && owner !== '0x0' ? (ownerClient !== null ? `<session ${ownerClient}>` : '<session ?>') : owner;
  line.ephemeralOwnerClient = ownerClient;
  line.dataLength = stat.dataLength;
  line.numChildren = stat.numChildren;
  return line;
}

/** connect line (implicit = opened by the client's first op). */
export function formatConnectLine(i: number, client: string, timeoutMs: number, sessionId: number, implicit: boolean, options: FormatOptions): Line {
  const line: Line = { i, client, op: 'connect', ...errFields('OK'), timeout: timeoutMs };
  if (!options.stable) line.sessionId = sessionIdHex(sessionId);
  if (implicit) line.implicit = true;
  return line;
}

/** create line: mode as given in the input (default PERSISTENT), created path on success. */
export function formatCreateLine(base: LineBase, mode: string | number, err: ErrorName, zxid: number, created: string | null): Line {
  const line: Line = { ...head(base), ...errFields(err), zxid: zxidHex(zxid), mode };
  if (err === 'OK' && created !== null) line.created = created;
  return line;
}

/** delete line. */
export function formatDeleteLine(base: LineBase, version: number, err: ErrorName, zxid: number): Line {
  return { ...head(base), version, ...errFields(err), zxid: zxidHex(zxid) };
}

/** setData / setACL line: stat on success. */
export function formatVersionedWriteLine(base: LineBase, version: number, err: ErrorName, zxid: number, stat: Stat | null, options: FormatOptions): Line {
  const line: Line = { ...head(base), version, ...errFields(err), zxid: zxidHex(zxid) };
  if (err === 'OK' && stat !== null) line.stat = formatStat(stat, options);
  return line;
}

/** Data as the oracle's fmtData prints it: null, UTF-8 text as "data", other bytes as "dataB64" (data.ts). */
export function formatData(data: string | null): Line {
  if (data === null) return { data: null };
  return isTextData(data) ? { data } : { dataB64: dataToBase64(data) };
}

/** getData line. */
export function formatGetDataLine(base: LineBase, watch: boolean, err: ErrorName, zxid: number, data: string | null, stat: Stat | null, options: FormatOptions): Line {
  const line: Line = { ...head(base), watch, ...errFields(err), zxid: zxidHex(zxid) };
  if (err === 'OK' && stat !== null) Object.assign(line, formatData(data), { stat: formatStat(stat, options) });
  return line;
}

/** exists line: a missing node prints err NONODE with exists:false, stat:null. */
export function formatExistsLine(base: LineBase, watch: boolean, err: ErrorName, zxid: number, stat: Stat | null, options: FormatOptions): Line {
  const line: Line = { ...head(base), watch, ...errFields(err), zxid: zxidHex(zxid) };
  if (err === 'OK' && stat !== null) Object.assign(line, { exists: true, stat: formatStat(stat, options) });
  else if (err === 'NONODE') Object.assign(line, { exists: false, stat: null });
  return line;
}

/** getChildren line: children sorted, as the oracle sorts them. */
export function formatGetChildrenLine(base: LineBase, watch: boolean, err: ErrorName, zxid: number, children: readonly string[], stat: Stat | null, options: FormatOptions): Line {
  const line: Line = { ...head(base), watch, ...errFields(err), zxid: zxidHex(zxid) };
  if (err === 'OK' && stat !== null) Object.assign(line, { children: [...children].sort(), stat: formatStat(stat, options) });
  return line;
}

/** getACL line. */
export function formatGetAclLine(base: LineBase, err: ErrorName, zxid: number, acl: readonly Acl[], stat: Stat | null, options: FormatOptions): Line {
  const line: Line = { ...head(base), ...errFields(err), zxid: zxidHex(zxid) };
  if (err === 'OK' && stat !== null) {
    line.acl = acl.map((entry) => ({ perms: entry.perms, permsStr: permsString(entry.perms), scheme: entry.scheme, id: entry.id }));
    line.stat = formatStat(stat, options);
  }
  return line;
}

/** One sub-op of a multi as given in the input (only op and path are printed). */
export interface MultiSubInput {
  op: string;
  path?: string;
}

/** multi line: one result per sub-op; a failed multi shows resultType "error" everywhere. */
export function formatMultiLine(base: LineBase, subOps: readonly MultiSubInput[], result: OpResult, zxid: number, options: FormatOptions): Line {
  const line: Line = { ...head(base), ...errFields(result.err), zxid: zxidHex(zxid) };
  if (result.type !== 'multi') return line;
  line.results = result.results.map((sub, index) => formatMultiResult(subOps[index], sub, options));
  return line;
}

function formatMultiResult(input: MultiSubInput | undefined, sub: OpResult, options: FormatOptions): Line {
  const line: Line = { op: input?.op ?? null, path: input?.path ?? null, resultType: sub.type, ...errFields(sub.err) };
  if (sub.type === 'create') line.created = sub.path;
  if (sub.type === 'setData') line.stat = formatStat(sub.stat, options);
  return line;
}

/** close line: zxid of the closeSession txn. */
export function formatCloseLine(base: LineBase, zxid: number): Line {
  return { ...head(base), ...errFields('OK'), zxid: zxidHex(zxid) };
}

/** crash line: the client drops its connection; the session lives on until it expires. */
export function formatCrashLine(base: LineBase, sessionTimeoutMs: number): Line {
  return { ...head(base), ...errFields('OK'), sessionTimeout: sessionTimeoutMs };
}

/** sleep line. */
export function formatSleepLine(base: LineBase, ms: number): Line {
  return { ...head(base), ms, ...errFields('OK') };
}

/** addAuth line (the oracle's client surfaces no reply). */
export function formatAddAuthLine(base: LineBase, scheme: string): Line {
  return { ...head(base), scheme, ...errFields('OK'), note: 'sent (no reply surfaced by client)' };
}

/**
 * An op that failed in the client library without a server reply (e.g. CONNECTIONLOSS after close
 * or crash). Keys as the oracle orders them: `before` (version, watch) precede err, `after`
 * (create's mode) follows local.
 */
export function formatLocalErrorLine(base: LineBase, err: ErrorName, before: Line = {}, after: Line = {}): Line {
  return { ...head(base), ...before, ...errFields(err), local: true, ...after };
}

/** An outcome of the oracle itself (code null): ORACLE_ALREADY_CLOSED, ORACLE_ALREADY_CONNECTED, ORACLE_ERROR. */
export function formatOracleOutcomeLine(base: LineBase, err: string): Line {
  return { ...head(base), err, code: null };
}

/** An op the client library refused before sending (oracle: CLIENT_REJECTED with the library's assertion message). */
export function formatClientRejectedLine(base: LineBase, message: string): Line {
  return { ...head(base), err: 'CLIENT_REJECTED', code: null, message };
}

/** A watch notification line. */
export function formatEventLine(event: string, client: string, path: string, afterOp: number, firedWatchesOfOps: readonly number[]): Line {
  return { event, client, path, afterOp, firedWatchesOfOps: [...firedWatchesOfOps].sort((a, b) => a - b) };
}

/** The summary line that ends the output. */
export function formatDoneLine(ops: number, events: number, extra: Line = {}): Line {
  return { done: true, ops, events, oracleErrors: 0, aborted: false, ...extra };
}
