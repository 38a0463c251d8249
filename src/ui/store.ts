// UI state (DESIGN.md, "The UI"): the latest engine view plus what the user chose (selection,
// speed, language). Components subscribe to small slices; message motion never goes through here
// per frame (the animation loop reads getState() directly).
import { create } from 'zustand';
import type { Batch } from '../worker/protocol';
import type { InvariantReport } from '../engine/world';
import type { TraceRecord } from '../engine/sim/trace';
import type { ServerTreeView, WorldView } from '../engine/world/view';
import type { MessageDetailView } from '../engine/world/message-detail';
import type { Language } from './i18n/translate';
import type { WalkthroughState } from './walkthrough/walkthrough-state';
import { plainEqual, reconcileView } from './model/reconcile';
import { SPEED_DEFAULT } from './model/playback-format';
import { nextHistory, nextSends, type SendRecord, type TimelineEvent } from './model/timeline';
import { currentViolations, nextViolationMarks, type ViolationMark } from './model/correctness';
import type { CorrectnessReport, HistoryPicture } from '../engine/check/live-correctness';

/** Recent trace records kept for the events list. */
export const EVENTS_KEPT_MAX = 500;

/** The tabs of the side panel. */
export type SideTab = 'inspector' | 'znodes' | 'recipes' | 'sessions' | 'events' | 'swimlane' | 'network' | 'invariants' | 'history';
/** 'recipes' shows only when the run has recipe actors (SidePanel). */
export const SIDE_TABS: readonly SideTab[] = ['inspector', 'znodes', 'recipes', 'sessions', 'events', 'swimlane', 'network', 'invariants', 'history'];

export type UiError =
  | { kind: 'worker'; message: string; shareFragment: string | null; timeMs: number }
  | { kind: 'load'; message: string }
  /** A scenario file that could not be opened (the current run stays). */
  | { kind: 'import'; message: string }
  /** A walkthrough address that asks for something that does not exist (the app stays usable). */
  | { kind: 'walkthrough'; message: string };

export interface ZooState {
  view: WorldView | null;
  /** Increments with every batch applied; the animation loop reports which one it drew. */
  batchSeq: number;
  /** Playback as the worker last reported it. */
  playing: boolean;
  /** The speed the user chose (simulated ms per real ms); sent with every play. */
  speed: number;
  headTimeMs: number;
  shareFragment: string | null;
  invariants: InvariantReport;
  /** The client history's verdicts at the current time (linearizability, history invariants). */
  correctness: CorrectnessReport | null;
  /** The client history to draw (the worker resends it when it changes). */
  historyPicture: HistoryPicture | null;
  /** Invariant violations at the current time, earliest per invariant. */
  violationsNow: ViolationMark[];
  /** Violations met so far in this run, also ahead of the playhead after a seek back (timeline marks). */
  violationMarks: ViolationMark[];
  selectedServer: number | null;
  /** The selected client (label), shown in the inspector and picked in the console. */
  selectedClient: string | null;
  /** The selected znode (path), shown in the inspector. */
  selectedZnode: string | null;
  /** The selected message in flight (id), shown in the inspector. */
  selectedMessage: number | null;
  /** The selected message in full, as the worker last sent it (kept after delivery). */
  messageDetail: MessageDetailView | null;
  /** The selected message has been delivered (its detail is the last one seen in flight). */
  messageDelivered: boolean;
  sideTab: SideTab;
  error: UiError | null;
  language: Language;
  events: TraceRecord[];
  /** Records the worker left out of batches (long jumps). */
  eventsTruncated: number;
  /** Role changes, faults and commits over the whole run (bounded), for the timeline. */
  history: TimelineEvent[];
  /** Recent message sends (bounded), for the swimlane. */
  sends: SendRecord[];
  /** The high-contrast theme. */
  contrast: boolean;
  /** The timeline strip is open. */
  timelineOpen: boolean;
  /** One server's own tree, when the Znodes tab asked for it (client.showTree). */
  serverTree: ServerTreeView | null;
  /** Runs loaded so far (a walkthrough notices when another run replaced its own). */
  loads: number;
  /** The guided walkthrough on screen (src/ui/walkthrough), or null. */
  walkthrough: WalkthroughState | null;
  /** Presenter mode: large type, chrome hidden, presenter-remote keys. */
  presenter: boolean;
}

export interface ZooActions {
  applyBatch(batch: Batch): number;
  setError(error: UiError | null): void;
  selectServer(id: number | null): void;
  selectClient(id: string | null): void;
  selectZnode(path: string | null): void;
  selectMessage(id: number | null): void;
  setSideTab(tab: SideTab): void;
  setLanguage(language: Language): void;
  /** Records the speed the user chose. */
  setSpeed(speed: number): void;
  setContrast(contrast: boolean): void;
  setTimelineOpen(open: boolean): void;
  setWalkthrough(walkthrough: WalkthroughState | null): void;
  setPresenter(presenter: boolean): void;
  /** Forgets the run (before loading another one). */
  resetRun(): void;
}

export type ZooStore = ZooState & ZooActions;

const initialRun = {
  view: null, batchSeq: 0, playing: false, headTimeMs: 0, shareFragment: null,
  invariants: { checked: 0, violations: [] }, correctness: null, historyPicture: null, violationsNow: [], violationMarks: [], events: [], eventsTruncated: 0, history: [], sends: [], serverTree: null,
  selectedMessage: null, messageDetail: null, messageDelivered: false,
} satisfies Partial<ZooState>;

/** Appends records, keeping the newest EVENTS_KEPT_MAX; after a seek, drops records from the future. */
export function nextEvents(previous: readonly TraceRecord[], batch: Batch): TraceRecord[] {
  let kept = batch.loaded ? [] : previous;
  if (batch.seekDone !== undefined || kept.some((record) => record.t > batch.view.timeMs)) {
    kept = kept.filter((record) => record.t <= batch.view.timeMs);
  }
  if (batch.records.length === 0) return kept as TraceRecord[];
  const joined = kept.concat(batch.records);
  return joined.length > EVENTS_KEPT_MAX ? joined.slice(joined.length - EVENTS_KEPT_MAX) : joined;
}

/** Makes a store (one per app; tests make their own). */
export function createZooStore(initial: Partial<ZooState> = {}) {
  return create<ZooStore>()((set, get) => ({
    ...initialRun,
    speed: SPEED_DEFAULT,
    selectedServer: null,
    selectedClient: null,
    selectedZnode: null,
    sideTab: 'znodes',
    error: null,
    language: 'en',
    contrast: false,
    timelineOpen: true,
    loads: 0,
    walkthrough: null,
    presenter: false,
    ...initial,
    applyBatch(batch) {
      const state = get();
      const batchSeq = state.batchSeq + 1;
      const events = nextEvents(state.events, batch);
      const historyInput = {
        records: batch.records, view: batch.view, reset: batch.loaded !== undefined,
        rewritten: state.shareFragment !== null && batch.shareFragment !== undefined && batch.shareFragment !== state.shareFragment,
      };
      const history = nextHistory(state.history, historyInput);
      const sends = nextSends(state.sends, historyInput);
      const error = batch.loaded && !batch.loaded.ok
        ? { kind: 'load' as const, message: batch.loaded.error ?? 'unknown reason' }
        : state.error;
      const correctness = batch.correctness ?? (batch.loaded ? null : state.correctness);
      const violationsNow = currentViolations(batch.invariants, correctness);
      const violationMarks = nextViolationMarks(state.violationMarks, violationsNow, historyInput.reset || historyInput.rewritten);
      const selectedServer = state.selectedServer !== null && batch.view.servers.some((server) => server.id === state.selectedServer)
        ? state.selectedServer : null;
      set({
        view: reconcileView(state.view, batch.view),
        batchSeq,
        playing: batch.playing,
        headTimeMs: batch.headTimeMs,
        // Sent with a run's first batch and when it changes (protocol.ts).
        shareFragment: batch.shareFragment ?? state.shareFragment,
        invariants: sameInvariants(state.invariants, batch.invariants) ? state.invariants : batch.invariants,
        correctness,
        historyPicture: batch.history ?? (batch.loaded ? null : state.historyPicture),
        violationsNow: nextViolationMarks(state.violationsNow, violationsNow, true),
        violationMarks,
        events,
        history,
        sends,
        eventsTruncated: batch.loaded ? batch.truncated : state.eventsTruncated + batch.truncated,
        error,
        selectedServer,
        ...nextMessageDetail(state, batch),
        loads: batch.loaded ? state.loads + 1 : state.loads,
        // The same tree keeps its identity (the Znodes tab does not re-render on every frame).
        serverTree: batch.serverTree && plainEqual(state.serverTree, batch.serverTree) ? state.serverTree : batch.serverTree ?? null,
        // A run with recipe actors opens on its recipe panel (lock queues, elections, registries).
        ...(batch.loaded && (batch.view.actors?.length ?? 0) > 0 && state.sideTab === 'znodes' ? { sideTab: 'recipes' as const } : {}),
      });
      return batchSeq;
    },
    setError: (error) => set({ error }),
    selectServer: (id) => set(id === null ? { selectedServer: null } : { selectedServer: id, selectedClient: null, selectedZnode: null, ...NO_MESSAGE, sideTab: 'inspector' }),
    selectClient: (id) => set(id === null ? { selectedClient: null } : { selectedClient: id, selectedServer: null, selectedZnode: null, ...NO_MESSAGE, sideTab: 'inspector' }),
    selectZnode: (path) => set(path === null ? { selectedZnode: null } : { selectedZnode: path, selectedServer: null, selectedClient: null, ...NO_MESSAGE, sideTab: 'inspector' }),
    selectMessage: (id) => set(id === null ? NO_MESSAGE : { ...NO_MESSAGE, selectedMessage: id, selectedServer: null, selectedClient: null, selectedZnode: null, sideTab: 'inspector' }),
    setSideTab: (sideTab) => set({ sideTab }),
    setLanguage: (language) => set({ language }),
    setSpeed: (speed) => set({ speed }),
    setContrast: (contrast) => set({ contrast }),
    setTimelineOpen: (timelineOpen) => set({ timelineOpen }),
    setWalkthrough: (walkthrough) => set({ walkthrough }),
    setPresenter: (presenter) => set({ presenter }),
    resetRun: () => set({ ...initialRun, batchSeq: get().batchSeq }),
  }));
}

const NO_MESSAGE = { selectedMessage: null, messageDetail: null, messageDelivered: false } as const;

/** The selected message's detail after a batch: a new load forgets the selection (ids restart);
 * a delivered message keeps its last detail, marked delivered. */
function nextMessageDetail(state: ZooState, batch: Batch): Pick<ZooState, 'selectedMessage' | 'messageDetail' | 'messageDelivered'> {
  if (batch.loaded) return NO_MESSAGE;
  const answer = batch.message;
  if (state.selectedMessage === null || answer === undefined || answer.id !== state.selectedMessage) {
    return { selectedMessage: state.selectedMessage, messageDetail: state.messageDetail, messageDelivered: state.messageDelivered };
  }
  if (answer.detail === null) return { selectedMessage: state.selectedMessage, messageDetail: state.messageDetail, messageDelivered: true };
  const same = plainEqual(state.messageDetail, answer.detail);
  return { selectedMessage: state.selectedMessage, messageDetail: same ? state.messageDetail : answer.detail, messageDelivered: false };
}

function sameInvariants(left: InvariantReport, right: InvariantReport): boolean {
  return left.checked === right.checked && left.violations.length === right.violations.length;
}

export type ZooStoreApi = ReturnType<typeof createZooStore>;

/** The app's store. */
export const useZoo = createZooStore();
