// Transcript scripts (etcd's datadriven style): a text file holds a header (# comments and one
// `options` line) and commands starting with `> `; after each command comes its exact expected
// output. runScript re-runs the commands and returns the file as it should read.
import { describePayload } from '../describe';
import type { ZabServerState } from '../state';
import { formatZxid, makeZxid } from '../zxid';
import { kvMachine, type KvRequest } from './kv-machine';
import {
  clientSend, crashServer, createHarness, partition, runFor, startServers, serverIds,
  type Harness, type HarnessOptions, type HarnessRecord,
} from './harness';

type KvHarness = Harness<unknown, KvRequest, unknown, unknown>;

interface ScriptSession {
  harness: KvHarness;
  printed: number;
  showPings: boolean;
  nextRequestId: number;
}

/** Parses `options k=v ...` into harness options. */
function parseOptions(line: string): Partial<HarnessOptions> & { pings?: boolean } {
  const options: Partial<HarnessOptions> & { pings?: boolean } = {};
  const zab: Record<string, number> = {};
  for (const pair of line.split(/\s+/).slice(1)) {
    const [key, value] = pair.split('=') as [string, string];
    if (key === 'latency') {
      const [min, max] = value.split('-').map(Number);
      options.latencyMsMin = min!;
      options.latencyMsMax = max ?? min!;
    } else if (key === 'pings') options.pings = value === 'on';
    else if (['seed', 'servers', 'observers', 'spares', 'tickMs', 'initLimit', 'syncLimit'].includes(key)) (options as Record<string, number>)[key] = Number(value);
    else if (key === 'reconfig') options.zab = { ...options.zab, reconfigEnabled: value === 'on' };
    else zab[key] = Number(value);
  }
  options.zab = { ...options.zab, ...zab };
  return options;
}

/** Runs a script file's text and returns what the file should contain. */
export function runScript(text: string): string {
  const lines = text.replace(/\r/g, '').split('\n');
  const header: string[] = [];
  let index = 0;
  for (; index < lines.length && !lines[index]!.startsWith('> '); index++) header.push(lines[index]!);
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const optionsLine = header.find((line) => line.startsWith('options')) ?? 'options';
  const options = parseOptions(optionsLine);
  const session: ScriptSession = { harness: createHarness(kvMachine, options) as unknown as KvHarness, printed: 0, showPings: options.pings ?? false, nextRequestId: 1 };
  const output = [...header, ''];
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.startsWith('> ')) continue;
    output.push(line);
    output.push(...runCommand(session, line.slice(2).trim()));
    output.push('');
  }
  return output.join('\n');
}

function runCommand(session: ScriptSession, command: string): string[] {
  const harness = session.harness;
  const [verb, ...args] = command.split(/\s+/) as [string, ...string[]];
  switch (verb) {
    case 'start':
      startServers(harness, args.length > 0 ? args.map(Number) : serverIds(harness));
      break;
    case 'run':
      runFor(harness, Number(args[0]));
      break;
    case 'crash':
      crashServer(harness, Number(args[0]));
      break;
    case 'restart':
      startServers(harness, [Number(args[0])]);
      break;
    case 'partition':
      partition(harness, args.join(' ').split('|').map((group) => group.trim().split(',').map(Number)));
      break;
    case 'heal':
      partition(harness, null);
      break;
    case 'write': {
      const [key, value] = args[2]!.split('=') as [string, string];
      clientSend(harness, Number(args[0]), Number(args[1]), { type: 'CLIENT_WRITE', requestId: session.nextRequestId++, request: { op: 'set', key, value } });
      break;
    }
    case 'reconfig': {
      // reconfig <client> <server> add=4,5 remove=1
      const list = (name: string) => (args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1) ?? '').split(',').filter(Boolean).map(Number);
      clientSend(harness, Number(args[0]), Number(args[1]), { type: 'CLIENT_WRITE', requestId: session.nextRequestId++, request: { op: 'reconfig', add: list('add'), remove: list('remove') } });
      break;
    }
    case 'read':
      clientSend(harness, Number(args[0]), Number(args[1]), { type: 'CLIENT_READ', requestId: session.nextRequestId++, request: { op: 'get', key: args[2]! } });
      break;
    case 'preload':
      preload(harness, Number(args[0]), args.slice(1));
      break;
    case 'state':
      return [...newLines(session), ...harness.servers.map((state, position) => describeServer(state, harness.alive[position]!))];
    default:
      throw new Error(`unknown script command: ${command}`);
  }
  return newLines(session);
}

/** `preload <id> <epoch>:<count> ...`: writes txns set k<epoch>.<n>=v into a server's disk. */
function preload(harness: KvHarness, id: number, specs: string[]): void {
  const state = harness.servers[id - 1]!;
  for (const spec of specs) {
    const [epoch, count] = spec.split(':').map(Number) as [number, number];
    for (let counter = 1; counter <= count; counter++) {
      const key = `k${epoch}.${counter}`;
      state.disk.log.push({ zxid: makeZxid(epoch, counter), txn: { op: 'set', key, value: 'v' }, origin: null });
    }
    state.disk.acceptedEpoch = Math.max(state.disk.acceptedEpoch, epoch);
    state.disk.currentEpoch = Math.max(state.disk.currentEpoch, epoch);
  }
}

function newLines(session: ScriptSession): string[] {
  const records = session.harness.records;
  const lines: string[] = [];
  for (; session.printed < records.length; session.printed++) {
    const line = formatRecord(records[session.printed]!, session.showPings);
    if (line !== null) lines.push(line);
  }
  return lines;
}

const describeTxn = (txn: unknown) => kvMachine.describeTxn!(txn as never);
const describeRequest = (request: unknown) => kvMachine.describeRequest!(request as never);

/** One transcript line per record (PINGs hidden unless asked for). */
export function formatRecord(record: HarnessRecord, showPings: boolean): string | null {
  const time = (t: number) => `t=${t}`.padEnd(8);
  switch (record.kind) {
    case 'deliver':
      if (record.payload.type === 'PING' && !showPings) return null;
      return `${time(record.t)}${record.from}->${record.to} ${describePayload(record.payload, describeTxn, describeRequest)}`;
    case 'drop':
      if (record.payload.type === 'PING' && !showPings) return null;
      return `${time(record.t)}${record.from}->${record.to} ${describePayload(record.payload, describeTxn, describeRequest)} DROPPED (${record.reason})`;
    case 'close':
      return `${time(record.t)}${record.from}->${record.to} CLOSE ${record.channel}`;
    case 'fault':
      return `${time(record.t)}** ${record.text}`;
    case 'trace': {
      const r = record.record;
      if (r.type === 'role') return `${time(r.t)}[${r.server}] ${r.role} (currentEpoch ${r.epoch})`;
      if (r.type === 'commit') return `${time(r.t)}[${r.server}] commit ${formatZxid(r.zxid)}`;
      if (r.type === 'note') return `${time(r.t)}[${r.node}] ${r.text}`;
      return null;
    }
  }
}

/** "[2] FOLLOWING broadcast accepted=1 current=1 log=0x100000001* 0x100000002" (* = committed). */
export function describeServer(state: ZabServerState, alive: boolean): string {
  if (!alive) return `[${state.id}] DOWN accepted=${state.disk.acceptedEpoch} current=${state.disk.currentEpoch} log=${formatLog(state)}`;
  const leader = state.role === 'LEADING' ? '' : ` leader=${state.learner?.leaderId ?? '-'}`;
  return `[${state.id}] ${state.role} ${state.phase.toLowerCase()}${leader} accepted=${state.disk.acceptedEpoch} current=${state.disk.currentEpoch} applied=${formatZxid(state.lastProcessedZxid)} log=${formatLog(state)} snaps=${state.disk.snapshots.map((snapshot) => formatZxid(snapshot.zxid)).join(',')}`;
}

function formatLog(state: ZabServerState): string {
  const entries = [...state.disk.log, ...state.unsynced];
  if (entries.length === 0) return '[]';
  return '[' + entries.map((entry) => formatZxid(entry.zxid) + (state.running && entry.zxid <= state.lastCommittedZxid ? '*' : '')).join(' ') + ']';
}
