// The contract between the world and the state machines it runs (servers, clients, recipe actors),
// in the style of etcd's raft: a machine gets one input at a time and answers only through
// `Effects`; it never sends, sleeps or logs by itself. Same state + same input = same effects.
import type { EndpointId } from './network';
import type { RngState } from './rng';
import type { ServerRole, TraceRecord } from './trace';
import type { VoteJudgement } from './vote-judgement';

/** What a machine can be told. */
export type NodeInput<P> =
  | { type: 'start' }
  | { type: 'message'; from: EndpointId; channel: string; payload: P }
  | { type: 'timer'; name: string }
  /** The connection on `channel` to `peer` was closed by the peer's side (crash or close). */
  | { type: 'closed'; peer: EndpointId; channel: string }
  /** The user's "expire session" fault: a leader's session tracker expires it now. */
  | { type: 'expire-session'; sessionId: number };

/** What a machine can ask of the world while handling one input. */
export interface Effects<P> {
  readonly nowMs: number;
  /** The machine's own deterministic randomness (a named stream of the run). */
  readonly rng: RngState;
  /** Sends on a channel. `stream: true` = TCP-like (a drop breaks the stream until reset). */
  send(to: EndpointId, channel: string, payload: P, stream?: boolean): void;
  /** Opens a fresh stream on (me -> to, channel) after it broke: a reconnect. */
  resetChannel(to: EndpointId, channel: string): void;
  /** Closes the connection: the peer gets `closed` if it is reachable. */
  close(to: EndpointId, channel: string): void;
  /** (Re)arms the timer `name` to fire after delayMs; an armed timer of that name is replaced. */
  setTimer(name: string, delayMs: number): void;
  cancelTimer(name: string): void;
  /** Reports something worth showing (role change, commit, op result...). */
  trace(record: TraceRecord): void;
}

/** A protocol that a server runs (a heartbeat demo now, Zab once it lands). */
export interface ServerProtocol<S, P> {
  readonly name: string;
  /** A fresh server with empty disks. */
  create(id: EndpointId, peers: readonly EndpointId[], options: ProtocolOptions): S;
  /** Handles one input. */
  step(state: S, input: NodeInput<P>, effects: Effects<P>): void;
  /** What survives a crash: the durable part only (txn log, snapshots, epoch files). */
  crash(state: S): S;
  /** A short label for a payload, for the trace and the UI ("PROPOSAL", "PING"...). */
  label(payload: P): string;
  /** What the UI and the contract's view() show of a server (may be costly: views only). */
  summarize(state: S): ServerSummary;
  /** The few facts the world needs after every event, cheaply. */
  status(state: S): ServerStatus;
  /** status(state).appliedZxid without building the rest (asked after every event while ops settle). */
  appliedZxid?(state: S): number;
  /** The znodes of a server's data tree, sorted by path (protocols without a tree omit it). */
  znodes?(state: S): ZnodeSummary[];
  /** Leader only: when its session tracker would expire each session (key String(sessionId)),
   * absolute simulated ms; empty on other servers (protocols without sessions omit it). */
  sessionDeadlines?(state: S): { [sessionKey: string]: number };
  /** A one-line description of a payload for people (the message inspector). */
  describe?(payload: P): string;
  /** For an election notification on its way to `receiver`: whether its vote beats the
   * receiver's, by the protocol's own order (null for other payloads). */
  judgeVote?(receiver: S, payload: P): VoteJudgement | null;
}

/** One znode as the view shows it. */
export interface ZnodeSummary {
  path: string;
  /** Session id (hex) of an ephemeral's owner, else null. */
  ephemeralOwner: string | null;
  data: string | null;
  version: number;
  czxid: number;
  mzxid: number;
  numChildren: number;
}

/** What the world checks after events: the cheap part of a summary. */
export type ServerStatus = Pick<ServerSummary, 'role' | 'epoch' | 'serving' | 'appliedZxid'>;

/** The contract's per-server view (CONTRACT.md section 3) plus what the protocol adds. */
export interface ServerSummary {
  role: ServerRole;
  epoch: number;
  lastZxid: number;
  /** Whether it answers clients now (a leader or a learner past UPTODATE). */
  serving: boolean;
  /** The last zxid applied to its data tree (what its reads reflect). */
  appliedZxid: number;
  /** Protocol-specific detail for the inspector (plain data). */
  detail: Record<string, unknown>;
}

/** Ensemble-wide settings a protocol reads. */
export interface ProtocolOptions {
  /** Server ids that are observers (non-voting); every other server is a voter. */
  observers: readonly EndpointId[];
  /** Server ids that run but are not members yet (joiners for a reconfig). Each believes the
   * membership is the others' plus itself as a participant, as a ZooKeeper joiner is set up. */
  spares?: readonly EndpointId[];
  tickMs: number;
  initLimit: number;
  syncLimit: number;
}
