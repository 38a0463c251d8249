// Presenter keys: space = play/pause, '.' = one event, → = next interesting event, k = kill the
// leader (or the selected server when there is no leader). Keys typed into a field, or pressed on
// a control that handles them itself (buttons, sliders), are left alone.
// In presenter mode use-presenter-keys runs first (capture phase) and takes '.' for the remote's
// blank-screen button, PageUp/PageDown for checkpoints: there the remote's meaning wins.
import { useEffect } from 'react';
import type { ZooClient } from '../worker-client';
import type { ZooStoreApi } from '../store';

/** The server 'k' crashes: the leader if there is one, else the selection (if alive). */
export function killTarget(state: ReturnType<ZooStoreApi['getState']>): number | null {
  const servers = state.view?.servers ?? [];
  const leader = servers.find((server) => server.role === 'LEADING' && server.alive);
  if (leader) return leader.id;
  const selected = servers.find((server) => server.id === state.selectedServer);
  return selected && selected.alive ? selected.id : null;
}

function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"]')) {
    const input = target.closest('input');
    // A checkbox does not use arrows or '.', only space.
    return !(input && input.type === 'checkbox' && key !== ' ');
  }
  if (key === ' ' && target.closest('button, [role="button"], a')) return true;
  return false;
}

/** What a key does; returns false for keys that mean nothing here. */
export function handleShortcut(key: string, client: ZooClient, store: ZooStoreApi): boolean {
  switch (key) {
    case ' ':
      client.togglePlay();
      return true;
    case '.':
      void client.step('event');
      return true;
    case 'ArrowRight':
      void client.step('interesting');
      return true;
    case 'k':
    case 'K': {
      const target = killTarget(store.getState());
      if (target !== null) void client.act({ kind: 'fault', fault: 'crash', server: target });
      return true;
    }
    default:
      return false;
  }
}

export function useKeyboardShortcuts(client: ZooClient, store: ZooStoreApi): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat && event.key !== 'ArrowRight') return;
      if (ownsKey(event.target, event.key)) return;
      if (store.getState().error?.kind === 'worker') return;
      if (handleShortcut(event.key, client, store)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [client, store]);
}
