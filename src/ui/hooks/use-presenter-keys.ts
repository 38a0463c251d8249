// Presenter-remote keys. A remote sends PageDown / PageUp for its arrows and '.' or 'b' for its
// "blank screen" button; 'p' toggles presenter mode, 's' the spotlight, Escape leaves.
// This listener runs in the capture phase, before use-keyboard-shortcuts, so in presenter mode the
// remote's meaning wins: '.' blanks the screen instead of stepping one event.
// PageDown / PageUp: next / previous checkpoint in a walkthrough; without one (presenter mode
// only) PageDown runs to the next interesting event and PageUp plays or pauses.
import { useEffect } from 'react';
import type { ZooStoreApi } from '../store';
import type { WalkthroughController } from '../walkthrough/walkthrough-controller';
import type { ZooClient } from '../worker-client';

export interface PresenterKeyActions {
  toggleBlank(): void;
  toggleSpotlight(): void;
}

function typingIn(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** What a key does; returns false for keys left to others. */
export function handlePresenterKey(key: string, store: ZooStoreApi, client: ZooClient, walkthrough: WalkthroughController, actions: PresenterKeyActions): boolean {
  const state = store.getState();
  const presenter = state.presenter;
  const inWalkthrough = state.walkthrough !== null;
  switch (key) {
    case 'p':
    case 'P':
      state.setPresenter(!presenter);
      return true;
    case 'Escape':
      if (!presenter) return false;
      state.setPresenter(false);
      return true;
    case 'PageDown':
      if (inWalkthrough) void walkthrough.next();
      else if (presenter) void client.step('interesting');
      else return false;
      return true;
    case 'PageUp':
      if (inWalkthrough) void walkthrough.previous();
      else if (presenter) client.togglePlay();
      else return false;
      return true;
    case '.':
    case 'b':
    case 'B':
      if (!presenter) return false;
      actions.toggleBlank();
      return true;
    case 's':
    case 'S':
      if (!presenter) return false;
      actions.toggleSpotlight();
      return true;
    default:
      return false;
  }
}

export function usePresenterKeys(store: ZooStoreApi, client: ZooClient, walkthrough: WalkthroughController, actions: PresenterKeyActions): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      if (typingIn(event.target)) return;
      if (store.getState().error?.kind === 'worker') return;
      if (handlePresenterKey(event.key, store, client, walkthrough, actions)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [store, client, walkthrough, actions]);
}
