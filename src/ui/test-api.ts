// window.__zooscope: the typed hook browser tests drive the app through (CONTRACT.md section 3).
import type { DrawTracker } from './draw-tracker';
import type { ServerRole } from '../engine/sim/trace';
import type { WorldView } from '../engine/world/view';
import { currentShareUrl } from './share-url';
import { demoCatalog } from './model/demo-catalog';
import type { ZooStoreApi } from './store';
import type { ZooClient } from './worker-client';
import { WALKTHROUGHS } from '../content/walkthroughs/index';
import { findWalkthrough, walkthroughLanguages, walkthroughTitle } from '../content/walkthroughs/loader';
import type { WalkthroughController } from './walkthrough/walkthrough-controller';
import { checkpointIndex } from './walkthrough/walkthrough-state';

/** The contract's view: { timeMs, servers: [{ id, role, epoch, lastZxid, alive }], clients, znodes } and the rest of the view. */
export type TestView = WorldView | { timeMs: number; servers: { id: number; role: ServerRole; epoch: number; lastZxid: number; alive: boolean }[]; clients: []; znodes: [] };

export interface TestCatalog {
  scenarios: { id: string; title: string; url: string }[];
  /** Guided walkthroughs: title in English, the languages it has, how many checkpoints, and the URL that opens it. */
  walkthroughs: { id: string; title: string; languages: string[]; checkpoints: number; url: string }[];
}

/** Where the open walkthrough stands (null when none is open). */
export interface TestWalkthrough {
  id: string;
  /** 0: the question; 1..checkpoints: a checkpoint; checkpoints + 1: the answer. */
  step: number;
  checkpoints: number;
  checkpoint: string | null;
  atMs: number | null;
  /** Paused exactly at the checkpoint's time. */
  arrived: boolean;
  /** The checkpoint's expect run on the current view: null when it holds, else why not (undefined without an expect). */
  outcome: string | null | undefined;
  answers: (number | null)[];
}

export interface ZooscopeTestApi {
  /** Resolves when the first complete frame is drawn. */
  ready(): Promise<void>;
  pause(): Promise<void>;
  play(speed?: number): Promise<void>;
  /** Resolves when the view at `ms` has been drawn. */
  seek(ms: number): Promise<void>;
  view(): TestView;
  /** The URL that reproduces the current run (paused at the time shown). */
  shareUrl(): string;
  catalog(): TestCatalog;
  /** The open guided walkthrough, if any. */
  walkthrough?(): TestWalkthrough | null;
  /** Opens a walkthrough at a step (as its URL would); false for an unknown id. */
  openWalkthrough?(id: string, step?: number): Promise<boolean>;
}

declare global {
  interface Window {
    __zooscope?: ZooscopeTestApi;
  }
}

/** Builds the test API over the app's services. */
export function createTestApi(client: ZooClient, store: ZooStoreApi, tracker: DrawTracker, walkthroughs?: WalkthroughController): ZooscopeTestApi {
  return {
    ready: () => tracker.whenDrawn(1),
    pause: () => client.pause(),
    play: (speed) => client.play(speed),
    seek: (ms) => client.seek(ms),
    view: () => {
      const view = store.getState().view;
      return view ? structuredClone(view) : { timeMs: 0, servers: [], clients: [], znodes: [] };
    },
    shareUrl: () => currentShareUrl(store.getState()) ?? location.href,
    catalog: () => ({
      scenarios: demoCatalog(store.getState().language).map((demo) => ({ id: demo.id, title: demo.title, url: `${location.origin}${location.pathname}${demo.fragment}` })),
      walkthroughs: WALKTHROUGHS.map((def) => ({
        id: def.id,
        title: walkthroughTitle(def.id, 'en') ?? def.id,
        languages: walkthroughLanguages(def.id),
        checkpoints: def.checkpoints.length,
        url: `${location.origin}${location.pathname}#w=${encodeURIComponent(def.id)}`,
      })),
    }),
    walkthrough: () => {
      const state = store.getState();
      const open = state.walkthrough;
      const def = open ? findWalkthrough(open.id) : undefined;
      if (!open || !def) return null;
      const index = checkpointIndex(open.step, def.checkpoints.length);
      const checkpoint = index === null ? null : def.checkpoints[index]!;
      const view = state.view;
      const arrived = checkpoint !== null && view !== null && !state.playing && view.timeMs === checkpoint.atMs;
      return {
        id: def.id, step: open.step, checkpoints: def.checkpoints.length, checkpoint: checkpoint?.id ?? null, atMs: checkpoint?.atMs ?? null,
        arrived, outcome: checkpoint?.expect && view ? checkpoint.expect(view) : undefined, answers: [...open.answers],
      };
    },
    openWalkthrough: (id, step) => walkthroughs?.open(id, step) ?? Promise.resolve(false),
  };
}

/** Exposes the test API on window. */
export function installTestApi(api: ZooscopeTestApi): void {
  window.__zooscope = api;
}
