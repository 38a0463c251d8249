// The URL that reproduces the run as shown: the worker's share fragment (scenario + actions),
// the time on screen (so it opens paused there) and the language.
import { buildFragment } from './model/fragment';
import type { ZooState } from './store';

/** Longest share URL offered as a link; a longer run is shared as a JSON file (issue #7). */
export const SHARE_URL_CHARS_MAX = 8_000;

/** The share fragment ("#s=1.…&t=…") for the current state, or null before anything loaded. */
export function currentShareFragment(state: Pick<ZooState, 'shareFragment' | 'view' | 'language'>): string | null {
  if (!state.shareFragment || !state.view) return null;
  return buildFragment({ shareFragment: state.shareFragment, timeMs: state.view.timeMs, language: state.language });
}

/** The full share URL for the current page, or null before anything loaded. */
export function currentShareUrl(state: Pick<ZooState, 'shareFragment' | 'view' | 'language'>): string | null {
  const fragment = currentShareFragment(state);
  return fragment ? `${location.origin}${location.pathname}${fragment}` : null;
}
