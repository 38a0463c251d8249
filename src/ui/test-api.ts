// window.__zooscope: the typed hook browser tests drive the app through (CONTRACT.md section 3).
import type { DrawTracker } from './draw-tracker';
import type { ServerRole } from '../engine/sim/trace';
import type { WorldView } from '../engine/world/view';
import { currentShareUrl } from './share-url';
import { demoCatalog } from './model/demo-catalog';
import type { ZooStoreApi } from './store';
import type { ZooClient } from './worker-client';

/** The contract's view: { timeMs, servers: [{ id, role, epoch, lastZxid, alive }], clients, znodes } and the rest of the view. */
export type TestView = WorldView | { timeMs: number; servers: { id: number; role: ServerRole; epoch: number; lastZxid: number; alive: boolean }[]; clients: []; znodes: [] };

export interface TestCatalog {
  scenarios: { id: string; title: string; url: string }[];
  walkthroughs: { id: string; title: string; languages: string[]; checkpoints: unknown[] }[];
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
}

declare global {
  interface Window {
    __zooscope?: ZooscopeTestApi;
  }
}

/** Builds the test API over the app's services. */
export function createTestApi(client: ZooClient, store: ZooStoreApi, tracker: DrawTracker): ZooscopeTestApi {
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
      walkthroughs: [],
    }),
  };
}

/** Exposes the test API on window. */
export function installTestApi(api: ZooscopeTestApi): void {
  window.__zooscope = api;
}
