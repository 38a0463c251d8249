// Keeps the page in step with the store: the address bar's fragment always reproduces the run
// (so a reload or a copied address brings it back; paused runs keep their time), and <html lang>
// follows the chosen language (fonts and screen readers depend on it).
import { buildFragment } from './model/fragment';
import type { ZooState, ZooStoreApi } from './store';
import { findWalkthrough } from '../content/walkthroughs/loader';
import { walkthroughFragment } from './walkthrough/walkthrough-url';

/** Where the high-contrast choice is remembered. */
export const CONTRAST_KEY = 'zooscope.contrast';

/** The remembered high-contrast choice. */
export function storedContrast(): boolean {
  try {
    return localStorage.getItem(CONTRAST_KEY) === '1';
  } catch {
    return false;
  }
}

/** Address bar updates wait this long for things to settle (browsers throttle replaceState). */
const ADDRESS_DEBOUNCE_MS = 250;

/** The fragment the address bar should hold, or null to leave it alone. */
export function addressFragment(state: Pick<ZooState, 'shareFragment' | 'view' | 'playing' | 'language' | 'error'> & Partial<Pick<ZooState, 'walkthrough' | 'presenter'>>): string | null {
  // In a walkthrough the address names the walkthrough and its checkpoint, not the run.
  const def = state.walkthrough ? findWalkthrough(state.walkthrough.id) : undefined;
  if (state.walkthrough && def) return walkthroughFragment(state.walkthrough, def.checkpoints.length, state.language, state.presenter === true);
  if (!state.shareFragment || !state.view || state.error?.kind === 'worker') return null;
  const fragment = { shareFragment: state.shareFragment, language: state.language };
  const address = buildFragment(state.playing ? fragment : { ...fragment, timeMs: state.view.timeMs });
  return state.presenter ? `${address}&present=1` : address;
}

/** Starts syncing; returns a function that stops it. */
export function startPageSync(store: ZooStoreApi): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const writeAddress = (): void => {
    timer = null;
    const fragment = addressFragment(store.getState());
    if (fragment !== null && fragment !== location.hash) history.replaceState(history.state, '', fragment);
  };
  const applyLanguage = (language: string): void => {
    document.documentElement.lang = language;
  };
  const applyContrast = (contrast: boolean): void => {
    document.documentElement.toggleAttribute('data-contrast', contrast);
    document.documentElement.classList.toggle('high-contrast', contrast);
    try {
      localStorage.setItem(CONTRAST_KEY, contrast ? '1' : '0');
    } catch {
      // storage may be off (private mode): the theme still applies for this page
    }
  };
  applyLanguage(store.getState().language);
  applyContrast(store.getState().contrast);
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.language !== previous.language) applyLanguage(next.language);
    if (next.contrast !== previous.contrast) applyContrast(next.contrast);
    if (addressFragment(next) !== addressFragment(previous) && timer === null) timer = setTimeout(writeAddress, ADDRESS_DEBOUNCE_MS);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
