#!/usr/bin/env node
// record-golden.mjs - record golden traces from a REAL ZooKeeper.
//
// For every op-list file (default: tests/golden/*.json) this script starts its own
// standalone ZooKeeper 3.8 (Debian's package) on a free 127.0.0.1 port with a temp
// dataDir, runs the op list against it with scripts/oracle-client.mjs
// (node-zookeeper-client from this project's node_modules), and saves the output,
// exactly as `oracle.mjs --stable` prints it, as NAME.out.jsonl beside NAME.json.
// Then it kills that server (by its own PID) and deletes the temp dir.
//
// Usage:
//   node scripts/record-golden.mjs [options] [FILE.json ...]
// Options:
//   -j, --jobs N     files recorded in parallel (default 2)
//   --check          record into memory and compare with the saved NAME.out.jsonl
//                    instead of writing (exit 1 on any difference)
//   --stdout         print the output to stdout instead of writing files (one file
//                    at a time, so the output comes in the order of the files)
//   --op-timeout MS  per-op timeout passed to the client (default: the client's 15000)
//   --keep           keep each temp dir (zoo.cfg, server.log) and print its path
//   -h, --help
// Exit status: 0 all recorded cleanly; 1 some file failed (oracle-level errors,
// server did not start, or --check found a difference); 2 bad usage;
// 70 ZooKeeper/Java not installed; 130 interrupted.
//
// tickTime comes from the file's options.tickMs (default 2000).  Sessions are
// clamped by the server to 2-20 ticks.  Nothing here reads ../shared at run time.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const GOLDEN_DIR = path.join(ROOT, 'tests', 'golden');
const ORACLE_CLIENT = path.join(HERE, 'oracle-client.mjs');
const ZK_JAR = '/usr/share/java/zookeeper.jar';
const SLF4J_JAR = '/usr/share/java/slf4j-simple.jar'; // log binding; readiness needs the log
const INSTALL_HINT = 'apt-get install -y --no-install-recommends zookeeper';
const DEFAULT_TICK_MS = 2000;
const START_ATTEMPTS = 3;
const START_TIMEOUT_MS = 15000;
const FILE_TIMEOUT_MS = 180000;

// Everything this process started, so that an interrupt can stop exactly that.
const liveChildren = new Set();
const liveTempDirs = new Set();
const liveTempFiles = new Set();

// ---------------------------------------------------------------------------
// Command line

function usage() {
  return 'usage: node scripts/record-golden.mjs [-j N] [--check | --stdout] [--op-timeout MS] [--keep] [FILE.json ...]';
}

function parseArgs(argv) {
  const options = { jobs: 2, check: false, stdout: false, keep: false, opTimeoutMs: null, files: [] };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '-j' || a === '--jobs') options.jobs = Number(argv[++k]);
    else if (a === '--check') options.check = true;
    else if (a === '--stdout') options.stdout = true;
    else if (a === '--keep') options.keep = true;
    else if (a === '--op-timeout') options.opTimeoutMs = Number(argv[++k]);
    else if (a === '-h' || a === '--help') { process.stdout.write(usage() + '\n'); process.exit(0); }
    else if (a.startsWith('-')) fail(2, `unknown option ${a}\n${usage()}`);
    else options.files.push(path.resolve(a));
  }
  if (!Number.isInteger(options.jobs) || options.jobs < 1) fail(2, `--jobs must be a positive integer`);
  if (options.opTimeoutMs !== null && !(options.opTimeoutMs > 0)) fail(2, `--op-timeout must be a positive number`);
  if (options.check && options.stdout) fail(2, '--check and --stdout exclude each other');
  if (options.stdout) options.jobs = 1;
  return options;
}

function defaultFiles() {
  if (!fs.existsSync(GOLDEN_DIR)) return [];
  return fs.readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(GOLDEN_DIR, f));
}

function fail(status, message) {
  process.stderr.write(`record-golden: ${message}\n`);
  process.exit(status);
}

// ---------------------------------------------------------------------------
// Prerequisites

function checkPrerequisites() {
  if (!fs.existsSync(ZK_JAR)) {
    fail(70, `Debian's ZooKeeper is not installed (${ZK_JAR} missing). Install it with:\n  ${INSTALL_HINT}`);
  }
  if (!fs.existsSync(SLF4J_JAR)) {
    fail(70, `${SLF4J_JAR} missing (package libslf4j-java, a dependency of zookeeper). Install with:\n  ${INSTALL_HINT}`);
  }
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (java.error || java.status !== 0) {
    fail(70, `no working 'java' on PATH (Debian's zookeeper package pulls in default-jre). Install with:\n  ${INSTALL_HINT}`);
  }
  if (!fs.existsSync(path.join(ROOT, 'node_modules', 'node-zookeeper-client'))) {
    fail(70, 'node_modules/node-zookeeper-client missing; run npm ci in the project root');
  }
}

// ---------------------------------------------------------------------------
// One standalone ZooKeeper server

function readTickMs(file) {
  try {
    const input = JSON.parse(fs.readFileSync(file, 'utf8'));
    const t = input && !Array.isArray(input) && input.options && input.options.tickMs;
    return Number.isInteger(t) && t > 0 ? t : DEFAULT_TICK_MS;
  } catch {
    return DEFAULT_TICK_MS; // the client reports the parse error itself
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function writeConfig(dir, port, tickMs) {
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const config = [
    `tickTime=${tickMs}`,
    `dataDir=${dataDir}`,
    `clientPort=${port}`,
    'clientPortAddress=127.0.0.1',
    'admin.enableServer=false',
    '4lw.commands.whitelist=srvr,ruok,stat,mntr,conf,cons,dump,wchc,wchp,wchs',
    'forceSync=no',
    'maxClientCnxns=0',
    '',
  ].join('\n');
  const configPath = path.join(dir, 'zoo.cfg');
  fs.writeFileSync(configPath, config);
  return configPath;
}

function launchServer(dir, configPath) {
  const logPath = path.join(dir, 'server.log');
  const logFd = fs.openSync(logPath, 'w');
  const child = spawn('java', [
    '-Xshare:auto', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xms64m', '-Xmx512m',
    '-Dzookeeper.jmx.log4j.disable=true',
    '-cp', `${ZK_JAR}:${SLF4J_JAR}`,
    'org.apache.zookeeper.server.quorum.QuorumPeerMain', configPath,
  ], { stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const server = { child, logPath, exited: false };
  liveChildren.add(child);
  child.on('exit', () => { server.exited = true; liveChildren.delete(child); });
  return server;
}

// Sends the `srvr` four-letter word and resolves with the reply ('' on failure).
function srvr(port) {
  return new Promise((resolve) => {
    let reply = '';
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.setTimeout(500, () => sock.destroy());
    sock.on('connect', () => sock.write('srvr'));
    sock.on('data', (d) => { reply += d; });
    sock.on('close', () => resolve(reply));
    sock.on('error', () => resolve(''));
  });
}

// ZooKeeper 3.8.0 bug: a four-letter word that arrives after the port is bound but
// before the database is loaded hits an NPE and its socket is never closed.  So
// only poll `srvr` once the request pipeline has logged that it is running.
function pipelineUp(server) {
  try { return fs.readFileSync(server.logPath, 'utf8').includes('PrepRequestProcessor (sid'); } catch { return false; }
}

async function waitReady(server, port) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && !server.exited) {
    if (pipelineUp(server) && /^Mode: standalone/m.test(await srvr(port))) return true;
    await sleep(30);
  }
  return false;
}

function stopServer(server) {
  // The data dir is thrown away, so SIGKILL is safe and saves the JVM shutdown.
  if (server.exited) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once('exit', resolve);
    server.child.kill('SIGKILL');
  });
}

async function startServer(dir, tickMs) {
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const port = await freePort();
    const configPath = writeConfig(dir, port, tickMs);
    const server = launchServer(dir, configPath);
    if (await waitReady(server, port)) return { server, port };
    const log = fs.readFileSync(server.logPath, 'utf8').split('\n').slice(-20).join('\n');
    process.stderr.write(`record-golden: server did not come up on port ${port} (attempt ${attempt})\n${log}\n`);
    await stopServer(server);
    fs.rmSync(path.join(dir, 'data'), { recursive: true, force: true });
  }
  return null;
}

// ---------------------------------------------------------------------------
// Running one op list

function runClient(port, file, opTimeoutMs) {
  const args = [ORACLE_CLIENT, '--connect', `127.0.0.1:${port}`, '--stable'];
  if (opTimeoutMs !== null) args.push('--op-timeout', String(opTimeoutMs));
  args.push(file);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    liveChildren.add(child);
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), FILE_TIMEOUT_MS);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

function summaryLine(stdout) {
  const lines = stdout.trim().split('\n');
  try { return JSON.parse(lines[lines.length - 1]); } catch { return null; }
}

function outPathFor(file) {
  return file.replace(/\.json$/, '') + '.out.jsonl';
}

function writeAtomically(target, text) {
  const temporary = `${target}.tmp-${process.pid}`;
  liveTempFiles.add(temporary);
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, target);
  liveTempFiles.delete(temporary);
}

// Starts a server, runs the client on `file`, stops the server, cleans up.
async function recordOne(file, options) {
  const startedAtMs = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zooscope-golden-'));
  liveTempDirs.add(dir);
  let started = null;
  try {
    started = await startServer(dir, readTickMs(file));
    if (!started) return { file, ok: false, elapsedMs: Date.now() - startedAtMs, problem: 'server did not start' };
    const run = await runClient(started.port, file, options.opTimeoutMs);
    return { file, elapsedMs: Date.now() - startedAtMs, ...judgeRun(run) };
  } finally {
    if (started) await stopServer(started.server);
    if (options.keep) process.stderr.write(`record-golden: kept ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
    liveTempDirs.delete(dir);
  }
}

function judgeRun(run) {
  const summary = summaryLine(run.stdout);
  const base = { stdout: run.stdout, summary };
  if (run.signal) return { ...base, ok: false, problem: `client killed by ${run.signal}` };
  if (!summary || summary.done !== true) return { ...base, ok: false, problem: `client exited ${run.status}: ${run.stderr.trim()}` };
  if (run.status !== 0) return { ...base, ok: false, problem: `${summary.oracleErrors} oracle-level error(s)${summary.aborted ? ', aborted' : ''}` };
  return { ...base, ok: true };
}

// Writes, compares or prints the recorded output; returns the line to report.
function deliver(result, options) {
  const name = path.relative(process.cwd(), result.file);
  const seconds = (result.elapsedMs / 1000).toFixed(2);
  const counts = result.summary ? `${result.summary.ops} ops, ${result.summary.events} events` : '';
  if (result.stdout === undefined) return { ok: false, line: `FAIL ${name}: ${result.problem}` };
  if (options.stdout) {
    process.stdout.write(result.stdout);
  } else if (options.check) {
    const target = outPathFor(result.file);
    const saved = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
    if (saved !== result.stdout) {
      return { ok: false, line: `DIFF ${name}: output differs from ${path.basename(target)}${saved === null ? ' (missing)' : ''}` };
    }
  } else {
    writeAtomically(outPathFor(result.file), result.stdout);
  }
  if (!result.ok) return { ok: false, line: `FAIL ${name}: ${result.problem} (${seconds} s)` };
  return { ok: true, line: `${options.check ? 'same' : 'ok  '} ${name} (${counts}, ${seconds} s)` };
}

// ---------------------------------------------------------------------------
// Parallel runner and interrupts

async function runPool(items, jobs, worker) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) await worker(items[next++]);
  });
  await Promise.all(lanes);
}

function cleanupAfterSignal(signal) {
  for (const child of liveChildren) { try { child.kill('SIGKILL'); } catch { /* already gone */ } }
  for (const dir of liveTempDirs) fs.rmSync(dir, { recursive: true, force: true });
  for (const tmp of liveTempFiles) fs.rmSync(tmp, { force: true });
  process.stderr.write(`record-golden: interrupted (${signal}); stopped ${liveChildren.size} process(es), removed temp dirs\n`);
  process.exit(130);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  checkPrerequisites();
  if (options.files.length === 0) options.files = defaultFiles();
  if (options.files.length === 0) fail(2, `no op lists given and none in ${path.relative(ROOT, GOLDEN_DIR)}/`);
  for (const f of options.files) if (!fs.existsSync(f)) fail(2, `no such file: ${f}`);
  process.on('SIGINT', () => cleanupAfterSignal('SIGINT'));
  process.on('SIGTERM', () => cleanupAfterSignal('SIGTERM'));

  const startedAtMs = Date.now();
  let failures = 0;
  await runPool(options.files, options.jobs, async (file) => {
    const { ok, line } = deliver(await recordOne(file, options), options);
    if (!ok) failures++;
    process.stderr.write(line + '\n');
  });
  const total = ((Date.now() - startedAtMs) / 1000).toFixed(1);
  process.stderr.write(`record-golden: ${options.files.length - failures}/${options.files.length} ok in ${total} s (${options.jobs} in parallel)\n`);
  process.exit(failures ? 1 : 0);
}

await main();
