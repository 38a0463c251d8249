// The UI benchmark's load (CONTRACT.md §4, ui_frame_ms_p95 / ui_long_tasks): a 7-server ensemble,
// 20 declared clients spread over the servers, slow links and a steady write workload, so that
// about 300 messages are in flight throughout the measured window.
import { parseRunJson } from '../src/engine/scenario/run-input';
import { encodeShareFragment } from '../src/engine/scenario/codec';
import type { Scenario } from '../src/engine/scenario/types';

export const UI_LOAD = {
  servers: 7,
  clients: 20,
  /** Simulated time the load starts (the ensemble has elected a leader well before). */
  loadFromMs: 10_000,
  /** Simulated time the load ends. */
  loadUntilMs: 36_000,
  /** Each client writes every this many simulated ms (staggered across clients). */
  writeEveryMs: 860,
  latencyMsMin: 300,
  latencyMsMax: 700,
  /** Where the measured playback starts (the share URL opens paused here). */
  startAtMs: 14_000,
  /** Playback speed (simulated ms per real ms): 60 s of wall clock cover 15 s of load. */
  speed: 0.25,
} as const;

export function uiLoadScenario(): Scenario {
  const clients: Record<string, { server: number; sessionTimeoutMs: number }> = {};
  for (let index = 0; index < UI_LOAD.clients; index++) clients[`c${index + 1}`] = { server: (index % UI_LOAD.servers) + 1, sessionTimeoutMs: 30_000 };
  const steps: unknown[] = [{ await: 'serving' }];
  for (let index = 0; index < UI_LOAD.clients; index++) {
    steps.push({ client: `c${index + 1}`, op: 'create', path: `/w${index + 1}`, data: '0' });
  }
  const stagger = UI_LOAD.writeEveryMs / UI_LOAD.clients;
  for (let at = UI_LOAD.loadFromMs; at < UI_LOAD.loadUntilMs; at += UI_LOAD.writeEveryMs) {
    for (let index = 0; index < UI_LOAD.clients; index++) {
      const time = Math.round(at + index * stagger);
      steps.push({ at: time, client: `c${index + 1}`, op: 'setData', path: `/w${index + 1}`, data: String(time) });
    }
  }
  return parseRunJson({
    version: 1, title: 'UI benchmark load', seed: 11,
    ensemble: { servers: UI_LOAD.servers, latencyMsMin: UI_LOAD.latencyMsMin, latencyMsMax: UI_LOAD.latencyMsMax },
    clients, steps,
  }).scenario;
}

/** The share fragment ("#s=1.…&t=…") that opens the load paused at UI_LOAD.startAtMs. */
export function uiLoadFragment(): string {
  return encodeShareFragment({ scenario: uiLoadScenario(), inputs: [], timeMs: UI_LOAD.startAtMs });
}
