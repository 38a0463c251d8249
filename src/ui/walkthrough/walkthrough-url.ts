// The walkthrough's part of the address: "#w=<id>&cp=<n>&q=<k>" (next to the existing "lang"),
// so a teacher can send "open at checkpoint 3", and "present=1" for presenter mode. cp counts
// checkpoints from 1 (0 is the question, "answer" the model answer); q is the option picked at
// that checkpoint's quiz, counted from 1 like the buttons show it. "?embed=1" in the query string
// asks for the embeddable view.
import type { Language } from '../i18n/translate';
import type { WalkthroughState } from './walkthrough-state';

export interface WalkthroughRequest {
  id: string;
  /** The raw cp value ('' when absent). */
  cp: string;
  /** The raw q value ('' when absent). */
  q: string;
}

function params(hash: string): Map<string, string> {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const result = new Map<string, string>();
  for (const part of body.split('&')) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    try {
      result.set(part.slice(0, equals), decodeURIComponent(part.slice(equals + 1)));
    } catch {
      result.set(part.slice(0, equals), '');
    }
  }
  return result;
}

/** The walkthrough the address asks for, or null. */
export function readWalkthroughRequest(hash: string): WalkthroughRequest | null {
  const found = params(hash);
  const id = found.get('w');
  if (id === undefined) return null;
  return { id, cp: found.get('cp') ?? '', q: found.get('q') ?? '' };
}

/** The address asks for presenter mode. */
export function readPresent(hash: string): boolean {
  return params(hash).get('present') === '1';
}

/** The query string asks for the embeddable view. */
export function readEmbed(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

export type StepResult = { ok: true; step: number; answer: number | null } | { ok: false; reason: 'checkpoint' | 'quiz' };

/** Reads cp and q against a walkthrough with these checkpoints (quiz option counts, or 0 without a quiz). */
export function resolveStep(request: Pick<WalkthroughRequest, 'cp' | 'q'>, quizOptions: readonly number[]): StepResult {
  const count = quizOptions.length;
  let step = 0;
  if (request.cp === 'answer') step = count + 1;
  else if (request.cp !== '') {
    if (!/^\d{1,4}$/.test(request.cp) || Number(request.cp) > count) return { ok: false, reason: 'checkpoint' };
    step = Number(request.cp);
  }
  if (request.q === '') return { ok: true, step, answer: null };
  const options = step >= 1 && step <= count ? quizOptions[step - 1]! : 0;
  if (!/^\d{1,2}$/.test(request.q) || Number(request.q) < 1 || Number(request.q) > options) return { ok: false, reason: 'quiz' };
  return { ok: true, step, answer: Number(request.q) - 1 };
}

/** The address for a walkthrough at a step. */
export function walkthroughFragment(state: Pick<WalkthroughState, 'id' | 'step' | 'answers'>, checkpoints: number, language: Language, presenter: boolean): string {
  let fragment = `#w=${encodeURIComponent(state.id)}`;
  if (state.step > checkpoints) fragment += '&cp=answer';
  else if (state.step > 0) {
    fragment += `&cp=${state.step}`;
    const answer = state.answers[state.step - 1];
    if (answer !== null && answer !== undefined) fragment += `&q=${answer + 1}`;
  }
  if (presenter) fragment += '&present=1';
  if (language !== 'en') fragment += `&lang=${encodeURIComponent(language)}`;
  return fragment;
}
