// A single standalone ZooKeeper server built from src/engine/server, driven by a realzk op list
// (../shared/tools/realzk/README.md "Input format") and printing what oracle.mjs --stable prints.
// Test-only: it plays the parts the real engine owns elsewhere (connections, client library,
// clock), in the simplest way that matches one standalone server:
//  - every client's first op opens its session with a createSession txn (takes a zxid);
//  - a write is prepared and applied at once (no other txn is outstanding);
//  - after every op, every live session is touched (the oracle's `exists /` barrier) and the
//    watch notifications caused by the op are printed grouped by client;
//  - during `sleep`, the session tracker's expirer runs on each tick boundary and live clients ping.
// It also plays node-zookeeper-client 1.1.3 (the oracle's client library) where the printed lines
// come from the client, not the server (see "client library" below): its own path and argument
// checks (CLIENT_REJECTED with the library's assertion message), its local CONNECTIONLOSS after
// close/crash/AUTH_FAILED, and its AUTHENTICATION_FAILED -> DISCONNECTED -> CLOSED sequence.

import { type AclId, type Acl, CREATOR_ALL_ACL, OPEN_ACL_UNSAFE, READ_ACL_UNSAFE, authIdFor, connectionAuthIds, parsePerms, withAuthId } from '../../src/engine/server/acl';
import { applyTxn } from '../../src/engine/server/apply';
import type { CreateModeName } from '../../src/engine/server/createMode';
import { dataByteLength, dataFromBase64, dataFromText } from '../../src/engine/server/data';
import type { ErrorName } from '../../src/engine/server/errors';
import * as fmt from '../../src/engine/server/format';
import { prepareTxn } from '../../src/engine/server/prep';
import * as reads from '../../src/engine/server/reads';
import * as sessions from '../../src/engine/server/sessions';
import { type DataTree, createTree } from '../../src/engine/server/tree';
import type { MultiSubOp, OpResult, WriteOp } from '../../src/engine/server/txn';
import * as watches from '../../src/engine/server/watches';
import { clientPathProblem } from '../../src/engine/client/requests';

export type InputOp = { [key: string]: unknown; op: string; client?: string };

interface ClientTables { data: Record<string, number[]>; exist: Record<string, number[]>; child: Record<string, number[]> }

interface Client {
  label: string;
  sessionId: number;
  timeoutMs: number;
  authIds: AclId[];
  /** live; closed (close or expiry seen); crashed (connection dropped, session left to expire); authFailed (AUTH_FAILED, then CLOSED). */
  status: 'live' | 'closed' | 'crashed' | 'authFailed';
  tables: ClientTables;
}

interface Driver {
  tree: DataTree;
  watchManager: watches.WatchManager;
  tracker: sessions.SessionTracker;
  nowMs: number;
  zxidCounter: number;
  sessionCount: number;
  clients: Record<string, Client>;
  clientOrder: string[];
  lines: fmt.Line[];
  pending: { client: string; line: fmt.Line }[];
  eventCount: number;
  currentOp: number;
  format: fmt.FormatOptions;
  /** options.rawPaths: skip the client's path validation for every op. */
  rawPaths: boolean;
  /** Ops the oracle itself failed on (ORACLE_ERROR lines). */
  oracleErrors: number;
}

const START_MS = 1_700_000_000_000;
const SERVER_ID = 1;

/** Run an op list (array, or {options, ops}) and return the printed lines. */
export function runOpList(input: unknown): fmt.Line[] {
  const ops = (Array.isArray(input) ? input : (input as { ops: InputOp[] }).ops) as InputOp[];
  const options = Array.isArray(input) ? {} : ((input as { options?: { tickMs?: number; rawPaths?: boolean } }).options ?? {});
  const tickMs = options.tickMs ?? 2000;
  const driver: Driver = {
    // The oracle's server (Debian 3.8.0-11+deb12u2) has the CVE-2024-23944 fix: events need READ.
    tree: createTree(), watchManager: watches.createWatchManager(true), tracker: sessions.createSessionTracker(tickMs, START_MS),
    nowMs: START_MS, zxidCounter: 0, sessionCount: 0, clients: {}, clientOrder: [], lines: [], pending: [],
    eventCount: 0, currentOp: -1, format: { stable: true, clientOfSession: {} }, rawPaths: options.rawPaths === true, oracleErrors: 0,
  };
  ops.forEach((op, index) => {
    driver.currentOp = index;
    driver.nowMs += 1;
    driver.lines.push(runOp(driver, op, index));
    barrier(driver);
  });
  driver.lines.push(fmt.formatDoneLine(ops.length, driver.eventCount, { oracleErrors: driver.oracleErrors }));
  return driver.lines;
}

function runOp(driver: Driver, op: InputOp, index: number): fmt.Line {
  const label = op.client ?? 'c1';
  const base: fmt.LineBase = { i: index, client: label, op: op.op };
  if (typeof op.path === 'string') base.path = op.path;
  if (op.op === 'sleep') return sleep(driver, base, Number(op.ms ?? 0));
  if (op.op === 'connect') {
    // oracle.mjs: a label whose client is not CLOSED cannot connect again; after close, crash or
    // AUTH_FAILED the label gets a new session.
    if (driver.clients[label]?.status === 'live') return fmt.formatOracleOutcomeLine(base, 'ORACLE_ALREADY_CONNECTED');
    const client = openSession(driver, label, op.sessionTimeout as number | undefined);
    return fmt.formatConnectLine(index, label, client.timeoutMs, client.sessionId, false, driver.format);
  }
  let client = driver.clients[label];
  if (client === undefined) {
    client = openSession(driver, label, op.sessionTimeout as number | undefined);
    driver.lines.push(fmt.formatConnectLine(index, label, client.timeoutMs, client.sessionId, true, driver.format));
  }
  if (op.op === 'close' || op.op === 'crash' || op.op === 'disconnect') {
    if (client.status !== 'live') return fmt.formatOracleOutcomeLine(base, 'ORACLE_ALREADY_CLOSED');
  }
  if (op.op === 'multi' || op.op === 'transaction') {
    // oracle.mjs checks each sub-op path itself (Path.validate outside the client call): an
    // AssertionError there is an oracle-level error, not CLIENT_REJECTED.
    const problem = multiPathProblem(driver, op);
    if (problem !== null) {
      driver.oracleErrors += 1;
      return { ...fmt.formatOracleOutcomeLine(base, 'ORACLE_ERROR'), message: problem };
    }
  }
  const rejection = clientRejection(driver, op);
  if (rejection !== null) return fmt.formatClientRejectedLine(base, rejection);
  if (op.op === 'addAuth' && client.status !== 'live') {
    // ConnectionManager.addAuthInfo: remembered for a reconnect that never comes; nothing is sent.
    return fmt.formatAddAuthLine(base, (op.scheme as string | undefined) ?? 'digest');
  }
  if (client.status !== 'live') return localError(op, base, 'CONNECTIONLOSS');
  sessions.touchSession(driver.tracker, client.sessionId, driver.nowMs);
  return runClientOp(driver, client, op, base);
}

// ---- client library: node-zookeeper-client 1.1.3 ----

/** Its data limit (index.js DATA_SIZE_LIMIT), checked before sending create and setData. */
const CLIENT_DATA_SIZE_LIMIT = 1048576;

// node-zookeeper-client's Path.validate: the same check the simulated client makes.

const PATH_OPS = ['create', 'delete', 'remove', 'setData', 'getData', 'exists', 'getChildren', 'getACL', 'setACL'];

// The library's checks in its own order (index.js): the path first, then the arguments. They run
// before the connection state is looked at, so a closed client rejects the same way.
function clientRejection(driver: Driver, op: InputOp): string | null {
  if (!PATH_OPS.includes(op.op)) return null;
  if (!driver.rawPaths && op.rawPath !== true) {
    const problem = clientPathProblem(op.path);
    if (problem !== null) return problem;
  }
  const data = op.op === 'create' || op.op === 'setData' ? dataOf(op) : null;
  if (data !== null && dataByteLength(data) > CLIENT_DATA_SIZE_LIMIT) return `data must be equal of smaller than ${CLIENT_DATA_SIZE_LIMIT} bytes.`;
  if ((op.op === 'create' || op.op === 'setACL') && aclOf(op.acl).length === 0) return 'acls must be a non-empty array.';
  return null;
}

function multiPathProblem(driver: Driver, op: InputOp): string | null {
  if (driver.rawPaths || op.rawPath === true) return null;
  for (const sub of (op.ops as InputOp[] | undefined) ?? []) {
    if (sub.rawPath === true) continue;
    const problem = clientPathProblem(sub.path);
    if (problem !== null) return problem;
  }
  return null;
}

// A request the library fails itself (ConnectionManager.queue when CLOSED), in the oracle's key order.
function localError(op: InputOp, base: fmt.LineBase, err: ErrorName): fmt.Line {
  const version = (op.version as number | undefined) ?? -1;
  switch (op.op) {
    case 'create': return fmt.formatLocalErrorLine(base, err, {}, { mode: (op.mode as string | number | undefined) ?? 'PERSISTENT' });
    case 'delete': case 'remove': case 'setData': case 'setACL': return fmt.formatLocalErrorLine(base, err, { version });
    case 'getData': case 'exists': case 'getChildren': return fmt.formatLocalErrorLine(base, err, { watch: op.watch === true });
    default: return fmt.formatLocalErrorLine(base, err);
  }
}

function runClientOp(driver: Driver, client: Client, op: InputOp, base: fmt.LineBase): fmt.Line {
  const path = String(op.path ?? '');
  const version = (op.version as number | undefined) ?? -1;
  switch (op.op) {
    case 'create': {
      const { result, zxid } = submit(driver, client, createOp(op));
      return fmt.formatCreateLine(base, (op.mode as string | undefined) ?? 'PERSISTENT', result.err, zxid, result.type === 'create' ? result.path : null);
    }
    case 'delete': {
      const { result, zxid } = submit(driver, client, { type: 'delete', path, version });
      return fmt.formatDeleteLine(base, version, result.err, zxid);
    }
    case 'setData': {
      const { result, zxid } = submit(driver, client, { type: 'setData', path, data: dataOf(op) ?? '', version });
      return fmt.formatVersionedWriteLine(base, version, result.err, zxid, result.type === 'setData' ? result.stat : null, driver.format);
    }
    case 'setACL': {
      const { result, zxid } = submit(driver, client, { type: 'setACL', path, acl: aclOf(op.acl), version });
      return fmt.formatVersionedWriteLine(base, version, result.err, zxid, result.type === 'setACL' ? result.stat : null, driver.format);
    }
    case 'multi': case 'transaction': {
      const subs = (op.ops as InputOp[]) ?? [];
      const { result, zxid } = submit(driver, client, { type: 'multi', ops: subs.map(subOpOf) });
      return fmt.formatMultiLine(base, subs.map((sub) => ({ op: sub.op, path: sub.path as string })), result, zxid, driver.format);
    }
    case 'addAuth': {
      const scheme = (op.scheme as string | undefined) ?? 'digest';
      const id = authIdFor(scheme, String(op.auth ?? ''));
      if (id !== null) client.authIds = withAuthId(client.authIds, id);
      else authFailed(driver, client);
      return fmt.formatAddAuthLine(base, scheme);
    }
    case 'close': return closeClient(driver, client, base);
    case 'crash': case 'disconnect': return crashClient(driver, client, base);
    default: return runRead(driver, client, op, base);
  }
}

function runRead(driver: Driver, client: Client, op: InputOp, base: fmt.LineBase): fmt.Line {
  const path = String(op.path ?? '');
  const watch = op.watch === true;
  const zxid = driver.tree.lastProcessedZxid;
  switch (op.op) {
    case 'getData': {
      const result = reads.getData(driver.tree, path, client.authIds);
      registerWatch(driver, client, 'getData', path, result.err, watch);
      return fmt.formatGetDataLine(base, watch, result.err, zxid, 'data' in result ? result.data : null, 'stat' in result ? result.stat : null, driver.format);
    }
    case 'exists': {
      const result = reads.exists(driver.tree, path, client.authIds);
      registerWatch(driver, client, 'exists', path, result.err, watch);
      return fmt.formatExistsLine(base, watch, result.err, zxid, result.stat, driver.format);
    }
    case 'getChildren': {
      const result = reads.getChildren(driver.tree, path, client.authIds);
      registerWatch(driver, client, 'getChildren', path, result.err, watch);
      return fmt.formatGetChildrenLine(base, watch, result.err, zxid, 'children' in result ? result.children : [], 'stat' in result ? result.stat : null, driver.format);
    }
    case 'getACL': {
      const result = reads.getAcl(driver.tree, path, client.authIds);
      return fmt.formatGetAclLine(base, result.err, zxid, 'acl' in result ? result.acl : [], 'stat' in result ? result.stat : null, driver.format);
    }
    default:
      throw new Error(`driver: unknown op ${op.op}`);
  }
}

// Server side (watches.ts) and client side (node-zookeeper-client's WatcherManager tables).
function registerWatch(driver: Driver, client: Client, read: reads.WatchingRead, path: string, err: ErrorName, watch: boolean): void {
  const kind = watch ? reads.readWatchKind(read, err) : null;
  if (kind === null) return;
  watches.addStandardWatch(driver.watchManager, client.sessionId, path, kind);
  const table = client.tables[kind];
  table[path] = [...(table[path] ?? []), driver.currentOp];
}

// oracle.mjs toBuf: dataB64 wins; a non-string value is sent as its JSON text.
function dataOf(op: InputOp): string | null {
  if (typeof op.dataB64 === 'string') return dataFromBase64(op.dataB64);
  if (op.data === undefined || op.data === null) return null;
  return dataFromText(typeof op.data === 'string' ? op.data : JSON.stringify(op.data));
}

function aclOf(acl: unknown): Acl[] {
  if (acl === undefined || acl === null) return [...OPEN_ACL_UNSAFE];
  if (typeof acl === 'string') {
    const named: Record<string, readonly Acl[]> = { OPEN_ACL_UNSAFE, CREATOR_ALL_ACL, READ_ACL_UNSAFE };
    return [...(named[acl.toUpperCase()] ?? [])];
  }
  return (acl as { perms: string | number; scheme: string; id?: string }[])
    .map((entry) => ({ perms: parsePerms(entry.perms) ?? 0, scheme: entry.scheme, id: String(entry.id ?? '') }));
}

function createOp(op: InputOp): WriteOp & { type: 'create' } {
  const mode = (op.mode as CreateModeName | number | undefined) ?? 'PERSISTENT';
  return { type: 'create', path: String(op.path), data: dataOf(op), acl: aclOf(op.acl), mode };
}

function subOpOf(op: InputOp): MultiSubOp {
  const path = String(op.path);
  const version = (op.version as number | undefined) ?? -1;
  if (op.op === 'create') return createOp(op);
  if (op.op === 'delete') return { type: 'delete', path, version };
  if (op.op === 'setData') return { type: 'setData', path, data: dataOf(op) ?? '', version };
  return { type: 'check', path, version };
}

// Prep against the tree (on a standalone server nothing else is outstanding), apply, fire watches.
function submit(driver: Driver, client: Client, op: WriteOp): { result: OpResult; zxid: number } {
  const zxid = ++driver.zxidCounter;
  const sessionError = op.type === 'createSession' || op.type === 'closeSession'
    ? null : sessions.checkSession(driver.tracker, client.sessionId, SERVER_ID);
  if (op.type === 'closeSession') sessions.setSessionClosing(driver.tracker, client.sessionId);
  const txn = prepareTxn(driver.tree, { sessionId: client.sessionId, authIds: client.authIds, op }, { zxid, timeMs: driver.nowMs, sessionError });
  const { result, triggers } = applyTxn(driver.tree, txn);
  const authBySession: watches.AuthIdsBySession = {};
  for (const label of driver.clientOrder) {
    const other = driver.clients[label] as Client;
    authBySession[String(other.sessionId)] = other.authIds;
  }
  deliver(driver, watches.triggerWatches(driver.watchManager, triggers, authBySession));
  return { result, zxid };
}

function openSession(driver: Driver, label: string, requestedMs: number | undefined): Client {
  driver.sessionCount += 1;
  const sessionId = SERVER_ID * 2 ** 40 + driver.sessionCount;
  const timeoutMs = sessions.negotiateTimeoutMs(requestedMs ?? 30000, driver.tracker.tickMs);
  // NIOServerCnxn: every connection starts with the ip id of its remote address.
  const client: Client = { label, sessionId, timeoutMs, authIds: connectionAuthIds(), status: 'live', tables: { data: {}, exist: {}, child: {} } };
  driver.clients[label] = client;
  if (!driver.clientOrder.includes(label)) driver.clientOrder.push(label);
  driver.format.clientOfSession[String(sessionId)] = label;
  sessions.trackSession(driver.tracker, sessionId, timeoutMs, driver.nowMs);
  submit(driver, client, { type: 'createSession', timeoutMs });
  return client;
}

// close(): closeSession txn; the client still gets events the txn fires, then its watches go.
function closeClient(driver: Driver, client: Client, base: fmt.LineBase): fmt.Line {
  const { zxid } = submit(driver, client, { type: 'closeSession' });
  endSession(driver, client, 'closed');
  return fmt.formatCloseLine(base, zxid);
}

function endSession(driver: Driver, client: Client, status: Client['status']): void {
  watches.removeSessionWatches(driver.watchManager, client.sessionId);
  sessions.removeSession(driver.tracker, client.sessionId);
  client.status = status;
}

// The server answers an addAuth of an unregistered scheme with AUTHFAILED and closes the connection
// (ZooKeeperServer.processPacket); the session stays until it expires, its watches go with the
// connection. node-zookeeper-client: AUTHENTICATION_FAILED on the reply, DISCONNECTED when the
// socket closes, then CLOSED without retrying (ConnectionManager.onSocketClosed); the oracle
// prints the first two as clientState lines.
function authFailed(driver: Driver, client: Client): void {
  watches.removeSessionWatches(driver.watchManager, client.sessionId);
  client.status = 'authFailed';
  for (const state of ['AUTHENTICATION_FAILED', 'DISCONNECTED']) {
    driver.pending.push({ client: client.label, line: { clientState: state, client: client.label, afterOp: driver.currentOp } });
  }
}

// crash: the connection drops (its watches go with it: DataTree.removeCnxn), the session stays.
function crashClient(driver: Driver, client: Client, base: fmt.LineBase): fmt.Line {
  watches.removeSessionWatches(driver.watchManager, client.sessionId);
  client.status = 'crashed';
  return fmt.formatCrashLine(base, client.timeoutMs);
}

// Time passes tick by tick: live clients ping, the expirer closes what is due.
function sleep(driver: Driver, base: fmt.LineBase, ms: number): fmt.Line {
  const endMs = driver.nowMs + ms;
  while (sessions.nextExpiryCheckMs(driver.tracker) <= endMs) {
    driver.nowMs = sessions.nextExpiryCheckMs(driver.tracker);
    touchLiveSessions(driver);
    for (const sessionId of sessions.expireSessions(driver.tracker, driver.nowMs)) expire(driver, sessionId);
  }
  driver.nowMs = endMs;
  return fmt.formatSleepLine(base, ms);
}

function expire(driver: Driver, sessionId: number): void {
  const label = driver.format.clientOfSession[String(sessionId)] as string;
  const client = driver.clients[label] as Client;
  submit(driver, client, { type: 'closeSession' });
  endSession(driver, client, client.status === 'live' ? 'closed' : client.status);
}

function touchLiveSessions(driver: Driver): void {
  for (const label of driver.clientOrder) {
    const client = driver.clients[label] as Client;
    if (client.status === 'live') sessions.touchSession(driver.tracker, client.sessionId, driver.nowMs);
  }
}

// The oracle's barrier (exists / on every live session), then events grouped by client.
function barrier(driver: Driver): void {
  touchLiveSessions(driver);
  for (const label of driver.clientOrder) {
    for (const event of driver.pending) if (event.client === label) driver.lines.push(event.line);
  }
  driver.pending = [];
}

// node-zookeeper-client's WatcherManager.emit: which registrations (op indices) a notification consumes.
function deliver(driver: Driver, notifications: readonly watches.WatchNotification[]): void {
  for (const notification of notifications) {
    const label = driver.format.clientOfSession[String(notification.sessionId)];
    const client = label === undefined ? undefined : driver.clients[label];
    if (client === undefined || client.status !== 'live') continue;
    const tableNames: (keyof ClientTables)[] = notification.event === 'NodeChildrenChanged' ? ['child']
      : notification.event === 'NodeDeleted' ? ['data', 'child'] : ['data', 'exist'];
    const fired: number[] = [];
    for (const name of tableNames) {
      fired.push(...(client.tables[name][notification.path] ?? []));
      delete client.tables[name][notification.path];
    }
    driver.eventCount += 1;
    driver.pending.push({ client: client.label, line: fmt.formatEventLine(notification.event, client.label, notification.path, driver.currentOp, fired) });
  }
}
