// The scenario: everything a run is a function of, besides the user's recorded actions
// (CONTRACT.md section 1, form B). Normalised: every default filled in.

import type { CreateModeName } from '../server/createMode';

export type { CreateModeName };

export type AclSpec = string | { perms: string | number; scheme: string; id: string }[];

/** One sub-operation of a multi (ZooKeeper's Op: create, delete, setData, check). */
export interface MultiSubOp {
  op: 'create' | 'delete' | 'setData' | 'check';
  path: string;
  data?: string | null;
  dataB64?: string;
  mode?: CreateModeName | number;
  acl?: AclSpec;
  version?: number;
  ttl?: number;
}

/** A client operation, as in the oracle's op lists. */
export interface ClientOp {
  client: string;
  op: ClientOpName;
  path?: string;
  data?: string | null;
  dataB64?: string;
  mode?: CreateModeName | number;
  acl?: AclSpec;
  version?: number;
  watch?: boolean;
  ttl?: number;
  scheme?: string;
  auth?: string;
  ops?: MultiSubOp[];
  sessionTimeout?: number;
  rawPath?: boolean;
  /** addWatch / removeWatches mode and type. */
  watchMode?: 'PERSISTENT' | 'PERSISTENT_RECURSIVE';
  watcherType?: 'Children' | 'Data' | 'Any';
  /** reconfig: servers joining (as participant or observer), leaving, and the expected version. */
  joining?: { server: number; role?: 'participant' | 'observer' }[];
  leaving?: number[];
  fromConfig?: number;
}

export const CLIENT_OP_NAMES = [
  'connect', 'create', 'delete', 'setData', 'getData', 'exists', 'getChildren', 'getACL', 'setACL',
  'addAuth', 'multi', 'close', 'crash', 'sync', 'addWatch', 'removeWatches', 'reconfig',
] as const;
export type ClientOpName = (typeof CLIENT_OP_NAMES)[number];

export const FAULT_NAMES = [
  'crash', 'restart', 'partition', 'heal', 'isolate', 'cut', 'uncut', 'loss', 'delay', 'pause', 'resume',
  'disconnect', 'expire',
] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

/** A fault: the network or a server misbehaves. Fields by fault, see README ("Faults"). */
export interface FaultAction {
  fault: FaultName;
  server?: number;
  groups?: number[][];
  from?: number;
  to?: number;
  /** loss: ratio in [0, 1]; delay: latency range in ms. */
  ratio?: number;
  latencyMsMin?: number;
  latencyMsMax?: number;
  /** pause: how long the server is frozen (omitted: until resume). */
  durationMs?: number;
  /** disconnect / expire: the client label. */
  client?: string;
}

export type Step =
  | ({ kind: 'op'; at?: number } & ClientOp)
  | ({ kind: 'fault'; at?: number } & FaultAction)
  /** Waits; `client` and `opIndex` are set for an op list's sleep op (it prints a line). */
  | { kind: 'sleep'; at?: number; ms: number; client?: string }
  /** Internal: wait until a leader is established and every live server serves clients. */
  | { kind: 'await-serving'; at?: number };

export interface EnsembleConfig {
  servers: number;
  observers: number;
  /** Servers that run but are not members yet: joiners for a reconfig (ids after the observers). */
  spares: number;
  /** reconfigEnabled: the reconfig operation works (off by default, as in ZooKeeper 3.5.3+). */
  reconfigEnabled: boolean;
  tickMs: number;
  initLimit: number;
  syncLimit: number;
  latencyMsMin: number;
  latencyMsMax: number;
  /** zookeeper.extendedTypesEnabled: TTL create modes work (off, as in ZooKeeper: UNIMPLEMENTED). */
  extendedTypes: boolean;
}

export interface ClientConfig {
  server: number;
  sessionTimeoutMs: number;
  /** Declared clients open their session at start; clients named only by ops open it on first use. */
  connectAtStart: boolean;
}

export interface ActorConfig {
  id: string;
  recipe: string;
  client: string;
  [field: string]: unknown;
}

export interface Scenario {
  version: 1;
  title: string;
  seed: number;
  ensemble: EnsembleConfig;
  clients: Record<string, ClientConfig>;
  steps: Step[];
  actors: ActorConfig[];
  bugs: string[];
  /** Form A runs: print oracle-style op lines (CONTRACT.md section 1, "Output"). */
  oracleMode: boolean;
}

export const DEFAULT_ENSEMBLE: EnsembleConfig = {
  servers: 3,
  observers: 0,
  spares: 0,
  reconfigEnabled: false,
  tickMs: 2000,
  initLimit: 10,
  syncLimit: 5,
  latencyMsMin: 2,
  latencyMsMax: 8,
  extendedTypes: false,
};

export const DEFAULT_SESSION_TIMEOUT_MS = 30_000;

/** Bug-lab variants a scenario may switch on (CONTRACT.md "bugs"); each breaks one rule. */
export const BUG_NAMES = ['election-ignores-zxid', 'commit-before-quorum', 'serve-before-uptodate', 'skip-trunc', 'unreplicated-session-expiry'] as const;
export const SERVERS_MAX = 15;

/** How many server processes a scenario runs: voters, observers and spares. */
export function serverCountOf(ensemble: Pick<EnsembleConfig, 'servers' | 'observers'> & { spares?: number }): number {
  return ensemble.servers + ensemble.observers + (ensemble.spares ?? 0);
}
