// The worker boundary (DESIGN.md): a typed, versioned protocol, a union type each way.
// Commands go in; batches (trace records since the last batch + the current view) come out, at
// most one per animation frame because the UI asks for each one ("frame").
import type { InputAction } from '../engine/world';
import type { TraceRecord } from '../engine/sim/trace';
import type { ServerTreeView, WorldView } from '../engine/world/view';
import type { MessageDetailView } from '../engine/world/message-detail';
import type { InvariantReport } from '../engine/world';
import type { CorrectnessReport, HistoryPicture } from '../engine/check/live-correctness';

export const WORKER_PROTOCOL_VERSION = 1;

/** Where a run comes from. */
export type RunSource =
  | { kind: 'default' }
  | { kind: 'fragment'; fragment: string }
  | { kind: 'json'; json: unknown };

export type StepGranularity = 'event' | 'interesting';

export type WorkerCommand =
  | { type: 'load'; version: number; source: RunSource; atMs?: number }
  /** Play; with untilMs, playback stops exactly there (a walkthrough's checkpoint). */
  | { type: 'play'; speed: number; untilMs?: number }
  | { type: 'pause' }
  | { type: 'set-speed'; speed: number }
  | { type: 'step'; granularity: StepGranularity }
  | { type: 'seek'; timeMs: number; requestId?: number }
  | { type: 'act'; action: InputAction }
  /** Send this server's own tree with every batch (null: stop; the view keeps the leader's). */
  | { type: 'tree'; server: number | null }
  /** Send this message's full detail with every batch (null: stop): the message inspector. */
  | { type: 'message'; id: number | null }
  /** The UI is ready to draw: advance the playback clock and send one batch. */
  | { type: 'frame' };

/** How a load went: the app opens the default scenario when the requested one is bad. */
export interface LoadOutcome {
  ok: boolean;
  /** Why the requested run could not be opened (shown in the error banner). */
  error?: string;
}

export interface Batch {
  type: 'batch';
  version: number;
  playing: boolean;
  /** Simulated ms per real ms. */
  speed: number;
  headTimeMs: number;
  /** Trace records since the previous batch (bounded; `truncated` counts the rest). */
  records: TraceRecord[];
  truncated: number;
  view: WorldView;
  invariants: InvariantReport;
  /** The share fragment of the run as it stands (scenario + recorded actions): in the first
   * batch of a run and whenever it changed since the previous batch, absent otherwise (it is
   * kilobytes, and a batch goes with every frame). */
  shareFragment?: string;
  /** Answers a seek with this id: its view is the one in this batch. */
  seekDone?: number;
  /** Set on the first batch after a load. */
  loaded?: LoadOutcome;
  /** The client history judged so far (up to where the run stands): linearizability and the
   * history-based invariants. */
  correctness?: CorrectnessReport;
  /** The history to draw; sent only when it changed since the previous batch. */
  history?: HistoryPicture;
  /** The tree of the server the UI asked for with 'tree' (absent unless asked). */
  serverTree?: ServerTreeView;
  /** The message the UI asked for with 'message' (absent unless asked); detail null once it
   * has been delivered. */
  message?: { id: number; detail: MessageDetailView | null };
}

export type WorkerReply =
  | Batch
  | { type: 'error'; version: number; message: string; shareFragment: string | null; timeMs: number };
