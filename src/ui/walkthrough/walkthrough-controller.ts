// Drives a walkthrough: opens its scenario, plays to each checkpoint (the worker stops exactly at
// its atMs), goes back by seeking, records quiz answers, and ends when another run is loaded.
import { findWalkthrough } from '../../content/walkthroughs/loader';
import type { WalkthroughDef } from '../../content/walkthroughs/types';
import { translate } from '../i18n/translate';
import type { ZooStoreApi } from '../store';
import type { ZooClient } from '../worker-client';
import { checkpointIndex } from './walkthrough-state';
import { resolveStep, type WalkthroughRequest } from './walkthrough-url';

/** A stretch between checkpoints plays in about this long, however far apart they are. */
const SEGMENT_REAL_MS = 6000;

export interface WalkthroughController {
  /** Opens walkthrough `id` at a step (0: the question); false if there is no such walkthrough. */
  open(id: string, step?: number, answer?: number | null): Promise<boolean>;
  /** Opens what the address asks for; bad input shows the error banner and leaves the app usable. */
  openRequest(request: WalkthroughRequest): Promise<void>;
  /** Plays on to the next checkpoint (or shows the answer after the last one). */
  next(): Promise<void>;
  /** Back to the previous checkpoint (seeks there). */
  previous(): Promise<void>;
  /** Jumps to a step at once (seeks). */
  goTo(step: number): Promise<void>;
  /** While playing toward a checkpoint: arrive at once. */
  skip(): Promise<void>;
  /** Records the option the learner chose at the current checkpoint's quiz. */
  answer(option: number): void;
  close(): void;
  /** Stops watching the store. */
  dispose(): void;
}

export function createWalkthroughController(client: ZooClient, store: ZooStoreApi): WalkthroughController {
  const current = (): { def: WalkthroughDef; step: number } | null => {
    const state = store.getState().walkthrough;
    const def = state ? findWalkthrough(state.id) : undefined;
    return state && def ? { def, step: state.step } : null;
  };

  const setStep = (step: number): void => {
    const state = store.getState().walkthrough;
    if (state) store.getState().setWalkthrough({ ...state, step });
  };

  /** The time a step stands at: its checkpoint's, 0 for the question, the last one's for the answer. */
  const timeOf = (def: WalkthroughDef, step: number): number => {
    if (step <= 0) return 0;
    const checkpoint = def.checkpoints[Math.min(step, def.checkpoints.length) - 1];
    return checkpoint?.atMs ?? 0;
  };

  const seekTo = async (timeMs: number): Promise<void> => {
    if (store.getState().playing) await client.pause();
    await client.seek(timeMs);
  };

  // Another run loaded (a demo, an imported file): the walkthrough no longer describes the screen.
  const unsubscribe = store.subscribe((next) => {
    if (next.walkthrough && next.loads !== next.walkthrough.load) next.setWalkthrough(null);
  });

  const controller: WalkthroughController = {
    async open(id, step = 0, answer = null) {
      const def = findWalkthrough(id);
      if (!def) return false;
      store.getState().setWalkthrough(null);
      if (store.getState().error?.kind !== 'worker') store.getState().setError(null);
      const clamped = Math.max(0, Math.min(step, def.checkpoints.length + 1));
      await client.start({ kind: 'json', json: def.scenario }, { atMs: timeOf(def, clamped) });
      // The worker could not run the scenario (it says why in the banner and shows the default run).
      if (store.getState().error?.kind === 'load') return false;
      const answers = def.checkpoints.map(() => null as number | null);
      const index = checkpointIndex(clamped, def.checkpoints.length);
      if (index !== null && answer !== null) answers[index] = answer;
      store.getState().setWalkthrough({ id, step: clamped, answers, load: store.getState().loads });
      return true;
    },
    async openRequest(request) {
      const language = store.getState().language;
      const def = findWalkthrough(request.id);
      if (!def) {
        await client.start({ kind: 'default' }, { play: true });
        store.getState().setError({ kind: 'walkthrough', message: translate(language, 'walkthrough.error.unknown', { id: request.id.slice(0, 60) }) });
        return;
      }
      const resolved = resolveStep(request, def.checkpoints.map((checkpoint) => checkpoint.quiz?.options ?? 0));
      if (resolved.ok) {
        await controller.open(def.id, resolved.step, resolved.answer);
        return;
      }
      await controller.open(def.id, 0);
      const message = resolved.reason === 'checkpoint'
        ? translate(language, 'walkthrough.error.checkpoint', { cp: request.cp.slice(0, 20), count: def.checkpoints.length })
        : translate(language, 'walkthrough.error.quiz', { q: request.q.slice(0, 20) });
      store.getState().setError({ kind: 'walkthrough', message });
    },
    async next() {
      const at = current();
      if (!at) return;
      const count = at.def.checkpoints.length;
      if (at.step > count) return;
      const step = at.step + 1;
      setStep(step);
      if (step > count) {
        if (store.getState().playing) await client.pause();
        return;
      }
      const target = at.def.checkpoints[step - 1]!.atMs;
      const now = store.getState().view?.timeMs ?? 0;
      if (now >= target) {
        await seekTo(target);
        return;
      }
      // Slow enough to watch the messages, fast enough that no stretch drags on.
      const speed = Math.max(store.getState().speed, (target - now) / SEGMENT_REAL_MS);
      await client.play(speed, target);
    },
    async previous() {
      const at = current();
      if (!at || at.step <= 0) return;
      await controller.goTo(at.step - 1);
    },
    async goTo(step) {
      const at = current();
      if (!at) return;
      const clamped = Math.max(0, Math.min(step, at.def.checkpoints.length + 1));
      setStep(clamped);
      await seekTo(timeOf(at.def, clamped));
    },
    async skip() {
      const at = current();
      if (!at) return;
      await seekTo(timeOf(at.def, at.step));
    },
    answer(option) {
      const state = store.getState().walkthrough;
      const at = current();
      if (!state || !at) return;
      const index = checkpointIndex(at.step, at.def.checkpoints.length);
      const quiz = index === null ? undefined : at.def.checkpoints[index]!.quiz;
      if (index === null || !quiz || option < 0 || option >= quiz.options || state.answers[index] !== null) return;
      const answers = [...state.answers];
      answers[index] = option;
      store.getState().setWalkthrough({ ...state, answers });
    },
    close() {
      store.getState().setWalkthrough(null);
    },
    dispose: unsubscribe,
  };
  return controller;
}
