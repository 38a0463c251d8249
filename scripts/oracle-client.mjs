#!/usr/bin/env node
// oracle-client.mjs - vendored from the team's realzk oracle (tools/realzk/oracle.mjs,
// ZooKeeper 3.8.0 + node-zookeeper-client 1.1.3) so that scripts/record-golden.mjs
// depends on nothing outside this repository at run time.  Keep the logic identical
// to the original: the golden *.out.jsonl files must be byte-identical to what
// `oracle.mjs --stable` prints for the same op list.
// It resolves node-zookeeper-client from this project's node_modules.
//
// oracle.mjs - run a JSON list of ZooKeeper operations, in order, against a REAL
// ZooKeeper server and print one JSON line per op result and per watch event.
//
// Usage:
//   node oracle.mjs --connect 127.0.0.1:2181 [--stable] [--raw-paths] [--op-timeout MS] [FILE]
//   (reads the JSON from FILE, or from stdin when FILE is absent or "-")
//   ZK_CONNECT may be used instead of --connect.  Normally run via run-oracle.sh,
//   which starts and stops a fresh standalone server around this script.
//
// Input: either a JSON array of ops, or {"options": {...}, "ops": [...]}.
// See README.md for the op reference and the output format.

import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
const zookeeper = require('node-zookeeper-client');
const Path = require('node-zookeeper-client/lib/Path.js');
const jute = require('node-zookeeper-client/lib/jute');
const Exception = require('node-zookeeper-client/lib/Exception.js');
const ConnectionManager = require('node-zookeeper-client/lib/ConnectionManager.js');
const CM = ConnectionManager.STATES;

// ---------------------------------------------------------------------------
// Error codes: Java KeeperException.Code names (ZooKeeper 3.8).
const CODE_NAMES = {
  0: 'OK', [-1]: 'SYSTEMERROR', [-2]: 'RUNTIMEINCONSISTENCY', [-3]: 'DATAINCONSISTENCY',
  [-4]: 'CONNECTIONLOSS', [-5]: 'MARSHALLINGERROR', [-6]: 'UNIMPLEMENTED',
  [-7]: 'OPERATIONTIMEOUT', [-8]: 'BADARGUMENTS', [-12]: 'UNKNOWNSESSION',
  [-13]: 'NEWCONFIGNOQUORUM', [-14]: 'RECONFIGINPROGRESS', [-100]: 'APIERROR',
  [-101]: 'NONODE', [-102]: 'NOAUTH', [-103]: 'BADVERSION',
  [-108]: 'NOCHILDRENFOREPHEMERALS', [-110]: 'NODEEXISTS', [-111]: 'NOTEMPTY',
  [-112]: 'SESSIONEXPIRED', [-113]: 'INVALIDCALLBACK', [-114]: 'INVALIDACL',
  [-115]: 'AUTHFAILED', [-118]: 'SESSIONMOVED', [-119]: 'NOTREADONLY',
  [-120]: 'EPHEMERALONLOCALSESSION', [-121]: 'NOWATCHER', [-122]: 'REQUESTTIMEOUT',
  [-123]: 'RECONFIGDISABLED', [-124]: 'SESSIONCLOSEDREQUIRESASLAUTH',
  [-125]: 'QUOTAEXCEEDED', [-127]: 'THROTTLEDOP',
};
const codeName = (c) => CODE_NAMES[c] ?? `UNKNOWN(${c})`;
const EVENT_TYPES = {
  [-1]: 'None', 1: 'NodeCreated', 2: 'NodeDeleted', 3: 'NodeDataChanged',
  4: 'NodeChildrenChanged', 5: 'DataWatchRemoved', 6: 'ChildWatchRemoved',
  7: 'PersistentWatchRemoved',
};
const KEEPER_STATES = {
  [-1]: 'Unknown', 0: 'Disconnected', 3: 'SyncConnected', 4: 'AuthFailed',
  5: 'ConnectedReadOnly', 6: 'SaslAuthenticated', [-112]: 'Expired', 7: 'Closed',
};
const CREATE_MODES = {
  PERSISTENT: 0, EPHEMERAL: 1, PERSISTENT_SEQUENTIAL: 2, EPHEMERAL_SEQUENTIAL: 3,
};
// Java sends these modes with other opcodes (createContainer / createTTL) that
// this client cannot send, so they are refused by name.  A numeric "mode" is
// passed through raw as the flags of a plain `create` request (e.g. 4 gives a
// plain persistent node on 3.8, 5/6 give UNIMPLEMENTED), which is NOT what the
// Java API does for containers/TTL nodes.
const UNSUPPORTED_MODES = ['CONTAINER', 'PERSISTENT_WITH_TTL', 'PERSISTENT_SEQUENTIAL_WITH_TTL'];

// The client throws on error codes it does not know (e.g. -125); make it lenient.
{
  const origCreate = Exception.create;
  Exception.create = function (code, path) {
    try { return origCreate(code, path); } catch (e) {
      const err = new Error(`Exception: ${codeName(code)}[${code}]`);
      err.code = code; err.name = codeName(code);
      err.getCode = () => code; err.getName = () => err.name;
      return err;
    }
  };
}
// Optional bypass of the client's own path validation (to observe server-side checks).
let skipPathValidation = false;
{
  const origValidate = Path.validate;
  Path.validate = (p) => { if (!skipPathValidation) origValidate(p); };
}

// ---------------------------------------------------------------------------
// CLI
const argv = process.argv.slice(2);
let connect = process.env.ZK_CONNECT || '';
let stable = false;
let rawPaths = false;
let opTimeoutMs = 15000;
let inputFile = '-';
for (let k = 0; k < argv.length; k++) {
  const a = argv[k];
  if (a === '--connect') connect = argv[++k];
  else if (a === '--stable') stable = true;
  else if (a === '--raw-paths') rawPaths = true;
  else if (a === '--op-timeout') opTimeoutMs = Number(argv[++k]);
  else if (a === '-h' || a === '--help') {
    process.stdout.write('usage: node oracle.mjs --connect HOST:PORT [--stable] [--raw-paths] [--op-timeout MS] [FILE|-]\n');
    process.exit(0);
  } else inputFile = a;
}
if (!connect) { console.error('oracle: no server given (--connect HOST:PORT or ZK_CONNECT)'); process.exit(64); }

let input;
try {
  const text = fs.readFileSync(inputFile === '-' ? 0 : inputFile, 'utf8');
  input = JSON.parse(text);
} catch (e) {
  console.error(`oracle: cannot read/parse input JSON: ${e.message}`);
  process.exit(65);
}
let ops = input;
if (!Array.isArray(input)) {
  ops = input.ops;
  const o = input.options || {};
  if (o.stable !== undefined) stable = !!o.stable;
  if (o.rawPaths !== undefined) rawPaths = !!o.rawPaths;
  if (o.opTimeoutMs !== undefined) opTimeoutMs = Number(o.opTimeoutMs);
}
if (!Array.isArray(ops)) { console.error('oracle: input must be an array of ops or {"ops":[...]}'); process.exit(65); }

// ---------------------------------------------------------------------------
// Output helpers
const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
const u64hex = (buf) => (Buffer.isBuffer(buf) ? '0x' + buf.readBigUInt64BE(0).toString(16) : null);
const i64num = (buf) => (Buffer.isBuffer(buf) ? Number(buf.readBigInt64BE(0)) : null);

const clients = new Map();      // label -> ClientRec
const clientOrder = [];         // labels in order of first appearance
const sessionToClient = new Map(); // session id hex -> label

function sessionLabel(hex) {
  if (!hex || hex === '0x0') return null;
  return sessionToClient.get(hex) ?? null;
}

function fmtStat(st) {
  if (!st) return null;
  const owner = u64hex(st.ephemeralOwner);
  const s = {
    czxid: u64hex(st.czxid), mzxid: u64hex(st.mzxid), pzxid: u64hex(st.pzxid),
    ctime: i64num(st.ctime), mtime: i64num(st.mtime),
    version: st.version, cversion: st.cversion, aversion: st.aversion,
    ephemeralOwner: owner, ephemeralOwnerClient: sessionLabel(owner),
    dataLength: st.dataLength, numChildren: st.numChildren,
  };
  if (stable) {
    delete s.ctime; delete s.mtime;
    if (owner !== '0x0') s.ephemeralOwner = s.ephemeralOwnerClient ? `<session ${s.ephemeralOwnerClient}>` : '<session ?>';
  }
  return s;
}

function fmtData(buf) {
  if (buf === undefined || buf === null) return { data: null };
  const str = buf.toString('utf8');
  if (Buffer.from(str, 'utf8').equals(buf)) return { data: str };
  return { dataB64: buf.toString('base64') };
}

function toBuf(op) {
  if (op.dataB64 !== undefined) return Buffer.from(op.dataB64, 'base64');
  if (op.data === undefined || op.data === null) return undefined;
  return Buffer.from(typeof op.data === 'string' ? op.data : JSON.stringify(op.data), 'utf8');
}

function parseMode(m) {
  if (m === undefined || m === null) return 0;
  if (typeof m === 'number') return m;
  const name = String(m).toUpperCase();
  if (UNSUPPORTED_MODES.includes(name)) throw new OracleUnsupported(`create mode ${name} needs the createContainer/createTTL opcodes, which node-zookeeper-client cannot send`);
  const v = CREATE_MODES[name];
  if (v === undefined) throw new OracleInputError(`unknown create mode ${JSON.stringify(m)}`);
  return v;
}

function parsePerms(p) {
  if (typeof p === 'number') return p;
  const map = { r: 1, w: 2, c: 4, d: 8, a: 16 };
  let v = 0;
  for (const ch of String(p).toLowerCase()) {
    if (!(ch in map)) throw new OracleInputError(`bad perms ${JSON.stringify(p)}`);
    v |= map[ch];
  }
  return v;
}
function permsStr(n) { return ['c', 'd', 'r', 'w', 'a'].filter((ch) => n & { r: 1, w: 2, c: 4, d: 8, a: 16 }[ch]).join(''); }

function parseAcl(acl) {
  if (acl === undefined || acl === null) return zookeeper.ACL.OPEN_ACL_UNSAFE;
  if (typeof acl === 'string') {
    const v = zookeeper.ACL[acl.toUpperCase()];
    if (!v) throw new OracleInputError(`unknown ACL ${acl} (use OPEN_ACL_UNSAFE, CREATOR_ALL_ACL, READ_ACL_UNSAFE or a list)`);
    return v;
  }
  if (!Array.isArray(acl)) throw new OracleInputError('acl must be a name or a list');
  return acl.map((a) => new zookeeper.ACL(parsePerms(a.perms), new zookeeper.Id(a.scheme, String(a.id ?? ''))));
}
const fmtAcl = (acls) => (acls || []).map((a) => ({ perms: a.permission, permsStr: permsStr(a.permission), scheme: a.id.scheme, id: a.id.id }));

class OracleInputError extends Error {}
class OracleUnsupported extends Error {}

// ---------------------------------------------------------------------------
// Events are buffered while an op (plus its barrier) runs, then flushed after the
// op's result line, grouped by client (input order of clients), keeping each
// client's own arrival order (which TCP guarantees).
let pendingEvents = [];
let currentOpIndex = -1;
let eventCount = 0;

function flushEvents() {
  const byClient = new Map();
  for (const ev of pendingEvents) {
    if (!byClient.has(ev.client)) byClient.set(ev.client, []);
    byClient.get(ev.client).push(ev);
  }
  for (const label of clientOrder) for (const ev of byClient.get(label) || []) out(ev);
  pendingEvents = [];
}

function makeClient(label, sessionTimeout) {
  const client = zookeeper.createClient(connect, {
    sessionTimeout: sessionTimeout ?? 30000, spinDelay: 200, retries: 0,
  });
  const cm = client.connectionManager;
  const rec = { label, client, cm, closing: false, closed: false, connected: false };

  // Log every raw notification the server sends on this session, and which
  // client-side watch registrations (op indices) it fired.
  const wm = cm.watcherManager;
  const origEmit = wm.emit.bind(wm);
  wm.emit = (we) => {
    const ev = { event: EVENT_TYPES[we.type] ?? `Unknown(${we.type})`, client: label, path: we.path ?? null };
    if (we.state !== 3) ev.state = KEEPER_STATES[we.state] ?? we.state;
    ev.afterOp = currentOpIndex;
    rec.firing = [];
    try { origEmit(we); } catch (e) { ev.clientError = String(e.message || e); }
    ev.firedWatchesOfOps = rec.firing.sort((a, b) => a - b);
    rec.firing = null;
    eventCount++;
    pendingEvents.push(ev);
  };
  cm.on('state', (s) => {
    if (s === CM.CONNECTED) rec.connected = true;
    if (s === CM.CLOSED) { rec.closed = true; rec.connected = false; }
    if (!rec.closing && rec.everConnected && (s === CM.DISCONNECTED || s === CM.SESSION_EXPIRED || s === CM.AUTHENTICATION_FAILED)) {
      const name = Object.keys(CM).find((k) => CM[k] === s);
      pendingEvents.push({ clientState: name, client: label, afterOp: currentOpIndex });
    }
  });
  return rec;
}

function watcherFor(rec, i) {
  return () => { if (rec.firing) rec.firing.push(i); };
}

function withTimeout(p, ms, what) {
  let t;
  return Promise.race([
    p,
    new Promise((_, rej) => { t = setTimeout(() => rej(Object.assign(new Error(`timeout after ${ms}ms: ${what}`), { oracleTimeout: true })), ms); }),
  ]).finally(() => clearTimeout(t));
}

async function connectClient(label, sessionTimeout) {
  const rec = makeClient(label, sessionTimeout);
  clients.set(label, rec);
  if (!clientOrder.includes(label)) clientOrder.push(label);
  await withTimeout(new Promise((resolve) => {
    rec.client.once('connected', resolve);
    rec.client.connect();
  }), opTimeoutMs, `connect ${label}`);
  rec.everConnected = true;
  const sid = u64hex(rec.cm.sessionId);
  sessionToClient.set(sid, label);
  rec.sessionId = sid;
  const res = { client: label, op: 'connect', err: 'OK', code: 0, timeout: rec.cm.getSessionTimeout() };
  if (!stable) res.sessionId = sid;
  return res;
}

// Run a node-zookeeper-client call; resolve with {error, args, zxid}.
function call(rec, fn, raw) {
  return new Promise((resolve, reject) => {
    skipPathValidation = rawPaths || !!raw;
    // The client replaces cm.zxid with a fresh Buffer on every server reply, so an
    // unchanged object means the result was produced locally (e.g. closed client).
    const zxidBefore = rec.cm.zxid;
    try {
      fn((error, ...args) => {
        const replied = rec.cm.zxid !== zxidBefore;
        resolve({ error, args, zxid: replied ? u64hex(rec.cm.zxid) : undefined, local: replied ? undefined : true });
      });
    } catch (e) {
      reject(Object.assign(e, { clientRejected: true }));
    } finally {
      skipPathValidation = false;
    }
  });
}

function errFields(error) {
  if (!error) return { err: 'OK', code: 0 };
  const code = typeof error.getCode === 'function' ? error.getCode() : error.code;
  return { err: codeName(code), code };
}

// Round trip on every live session so that all notifications caused by the last
// op have arrived (each session's socket is FIFO and, on a standalone server,
// the server queues notifications before it answers the triggering request).
async function barrier() {
  const live = [...clients.values()].filter((r) => r.connected && !r.closing && !r.closed);
  await Promise.all(live.map((r) => withTimeout(new Promise((resolve) => {
    r.client.exists('/', () => resolve());
  }), opTimeoutMs, `barrier ${r.label}`).catch(() => {})));
  await new Promise((r) => setImmediate(r));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function buildTxnOp(o, idx) {
  const t = o.op;
  const path = o.path;
  const version = o.version ?? -1;
  switch (t) {
    case 'create':
      return { type: jute.OP_CODES.CREATE, path, data: toBuf(o), acls: parseAcl(o.acl), mode: parseMode(o.mode) };
    case 'delete': case 'remove':
      return { type: jute.OP_CODES.DELETE, path, version };
    case 'setData':
      return { type: jute.OP_CODES.SET_DATA, path, data: toBuf(o) ?? Buffer.alloc(0), version };
    case 'check':
      return { type: jute.OP_CODES.CHECK, path, version };
    default:
      throw new OracleInputError(`multi: unsupported sub-op ${JSON.stringify(t)} at index ${idx} (create, delete, setData, check)`);
  }
}

const TXN_TYPE_NAMES = { 1: 'create', 2: 'delete', 5: 'setData', 13: 'check', [-1]: 'error' };

async function runOp(op, i) {
  const label = op.client ?? 'c1';
  const base = { i, client: label, op: op.op };
  if (op.path !== undefined) base.path = op.path;

  if (op.op === 'sleep') {
    await sleep(Number(op.ms ?? 0));
    return { ...base, ms: Number(op.ms ?? 0), err: 'OK', code: 0 };
  }

  if (op.op === 'connect') {
    const old = clients.get(label);
    if (old && !old.closed) return { ...base, err: 'ORACLE_ALREADY_CONNECTED', code: null };
    return { i, ...(await connectClient(label, op.sessionTimeout)) };
  }

  let rec = clients.get(label);
  if (!rec) {
    const c = await connectClient(label, op.sessionTimeout);
    out({ i, ...c, implicit: true });
    rec = clients.get(label);
  }

  const path = op.path;
  const watch = !!op.watch;
  const raw = !!op.rawPath;
  let r;
  switch (op.op) {
    case 'create': {
      const data = toBuf(op);
      const acls = parseAcl(op.acl);
      const mode = parseMode(op.mode);
      r = await call(rec, (cb) => rec.client.create(path, data ?? null, acls, mode, cb), raw);
      const res = { ...base, ...errFields(r.error), zxid: r.zxid, local: r.local, mode: op.mode ?? 'PERSISTENT' };
      if (!r.error) res.created = r.args[0];
      return res;
    }
    case 'delete': case 'remove': {
      r = await call(rec, (cb) => rec.client.remove(path, op.version ?? -1, cb), raw);
      return { ...base, version: op.version ?? -1, ...errFields(r.error), zxid: r.zxid, local: r.local };
    }
    case 'setData': {
      const data = toBuf(op) ?? Buffer.alloc(0);
      r = await call(rec, (cb) => rec.client.setData(path, data, op.version ?? -1, cb), raw);
      const res = { ...base, version: op.version ?? -1, ...errFields(r.error), zxid: r.zxid, local: r.local };
      if (!r.error) res.stat = fmtStat(r.args[0]);
      return res;
    }
    case 'getData': {
      r = await call(rec, (cb) => (watch ? rec.client.getData(path, watcherFor(rec, i), cb) : rec.client.getData(path, cb)), raw);
      const res = { ...base, watch, ...errFields(r.error), zxid: r.zxid, local: r.local };
      if (!r.error) Object.assign(res, fmtData(r.args[0]), { stat: fmtStat(r.args[1]) });
      return res;
    }
    case 'exists': {
      r = await call(rec, (cb) => (watch ? rec.client.exists(path, watcherFor(rec, i), cb) : rec.client.exists(path, cb)), raw);
      const res = { ...base, watch, ...errFields(r.error), zxid: r.zxid, local: r.local };
      if (!r.error) {
        const st = r.args[0];
        // On the wire the server answers NONODE; the Java API returns a null Stat.
        if (!st) Object.assign(res, { err: 'NONODE', code: -101, exists: false, stat: null });
        else Object.assign(res, { exists: true, stat: fmtStat(st) });
      }
      return res;
    }
    case 'getChildren': {
      r = await call(rec, (cb) => (watch ? rec.client.getChildren(path, watcherFor(rec, i), cb) : rec.client.getChildren(path, cb)), raw);
      const res = { ...base, watch, ...errFields(r.error), zxid: r.zxid, local: r.local };
      if (!r.error) Object.assign(res, { children: [...(r.args[0] || [])].sort(), stat: fmtStat(r.args[1]) });
      return res;
    }
    case 'getACL': {
      r = await call(rec, (cb) => rec.client.getACL(path, cb), raw);
      const res = { ...base, ...errFields(r.error), zxid: r.zxid, local: r.local };
      if (!r.error) Object.assign(res, { acl: fmtAcl(r.args[0]), stat: fmtStat(r.args[1]) });
      return res;
    }
    case 'setACL': {
      r = await call(rec, (cb) => rec.client.setACL(path, parseAcl(op.acl), op.version ?? -1, cb), raw);
      const res = { ...base, version: op.version ?? -1, ...errFields(r.error), zxid: r.zxid, local: r.local };
      if (!r.error) res.stat = fmtStat(r.args[0]);
      return res;
    }
    case 'addAuth': {
      // The client sends the auth packet without surfacing a reply; a bad one
      // moves the session to AUTH_FAILED (reported as a clientState line).
      rec.client.addAuthInfo(op.scheme ?? 'digest', Buffer.from(String(op.auth ?? ''), 'utf8'));
      return { ...base, scheme: op.scheme ?? 'digest', err: 'OK', code: 0, note: 'sent (no reply surfaced by client)' };
    }
    case 'multi': case 'transaction': {
      const subs = op.ops || [];
      const tx = rec.client.transaction();
      // Push raw op records: the client's helper turns version 0 into -1 (bug).
      for (let k = 0; k < subs.length; k++) {
        const t = buildTxnOp(subs[k], k);
        skipPathValidation = rawPaths || raw || !!subs[k].rawPath;
        try { if (!skipPathValidation) Path.validate(t.path); } finally { skipPathValidation = false; }
        tx.ops.push(t);
      }
      r = await call(rec, (cb) => tx.commit(cb), raw);
      const res = { ...base, ...errFields(r.error), zxid: r.zxid, local: r.local };
      const results = r.args[0];
      if (Array.isArray(results)) {
        res.results = results.map((x, k) => {
          const o = { op: subs[k]?.op ?? null, path: subs[k]?.path ?? null, resultType: TXN_TYPE_NAMES[x.type] ?? x.type };
          if (x.type === -1) Object.assign(o, { err: codeName(x.err), code: x.err });
          else Object.assign(o, { err: 'OK', code: 0 });
          if (x.path !== undefined) o.created = x.path;
          if (x.stat) o.stat = fmtStat(x.stat);
          return o;
        });
      }
      return res;
    }
    case 'close': {
      if (rec.closed) return { ...base, err: 'ORACLE_ALREADY_CLOSED', code: null };
      rec.closing = true;
      const done = new Promise((resolve) => {
        if (rec.closed) return resolve();
        rec.cm.on('state', (s) => { if (s === CM.CLOSED) resolve(); });
      });
      rec.client.close();
      await withTimeout(done, opTimeoutMs, `close ${label}`);
      return { ...base, err: 'OK', code: 0, zxid: u64hex(rec.cm.zxid) };
    }
    case 'crash': case 'disconnect': {
      // Drop the TCP connection WITHOUT closing the session and never reconnect:
      // the server expires the session after its timeout (ephemerals then vanish).
      if (rec.closed) return { ...base, err: 'ORACLE_ALREADY_CLOSED', code: null };
      rec.closing = true;
      const done = new Promise((resolve) => {
        if (rec.closed) return resolve();
        rec.cm.on('state', (s) => { if (s === CM.CLOSED) resolve(); });
      });
      rec.cm.setState(CM.CLOSING);
      rec.cm.socket.destroy();
      await withTimeout(done, opTimeoutMs, `crash ${label}`);
      return { ...base, err: 'OK', code: 0, sessionTimeout: rec.cm.getSessionTimeout() };
    }
    default:
      throw new OracleInputError(`unknown op ${JSON.stringify(op.op)}`);
  }
}

// ---------------------------------------------------------------------------
const t0 = Date.now();
let oracleErrors = 0;
let aborted = false;
for (let i = 0; i < ops.length; i++) {
  const op = ops[i] || {};
  currentOpIndex = i;
  let res;
  try {
    const budget = opTimeoutMs + 1000 + (op.op === 'sleep' ? Number(op.ms ?? 0) : 0);
    res = await withTimeout(runOp(op, i), budget, `op ${i}`);
  } catch (e) {
    oracleErrors++;
    res = { i, client: op.client ?? 'c1', op: op.op ?? null };
    if (op.path !== undefined) res.path = op.path;
    if (e instanceof OracleInputError) Object.assign(res, { err: 'ORACLE_BAD_INPUT', code: null, message: e.message });
    else if (e instanceof OracleUnsupported) Object.assign(res, { err: 'ORACLE_UNSUPPORTED', code: null, message: e.message });
    else if (e.clientRejected) Object.assign(res, { err: 'CLIENT_REJECTED', code: null, message: e.message });
    else if (e.oracleTimeout) { Object.assign(res, { err: 'ORACLE_TIMEOUT', code: null, message: e.message }); if (op.op === 'connect' || !clients.get(op.client ?? 'c1')?.everConnected) aborted = true; }
    else Object.assign(res, { err: 'ORACLE_ERROR', code: null, message: String(e && e.message || e) });
    if (res.err === 'CLIENT_REJECTED') oracleErrors--; // a client-side rejection is a legitimate result
  }
  out(res);
  await barrier();
  flushEvents();
  if (aborted) break;
}

// Tidy up: close every still-open session (not reported).
currentOpIndex = ops.length;
await Promise.all([...clients.values()].filter((r) => !r.closed).map((r) => {
  r.closing = true;
  return withTimeout(new Promise((resolve) => {
    r.cm.on('state', (s) => { if (s === CM.CLOSED) resolve(); });
    try { r.client.close(); } catch { resolve(); }
  }), 3000, 'final close').catch(() => { try { r.cm.socket?.destroy(); } catch {} });
}));
const summary = { done: true, ops: ops.length, events: eventCount, oracleErrors, aborted };
if (!stable) summary.elapsedMs = Date.now() - t0;
out(summary);
process.exit(oracleErrors > 0 || aborted ? 2 : 0);
