// The clients as components draw them: everything but the session countdown, which changes with
// every batch while playing. Selecting a string (compared by value) and parsing it keeps React
// from re-rendering clients, links and sessions on every frame; the countdown is painted by
// SessionCountdown straight into the DOM.
import { useCallback, useMemo } from 'react';
import type { ClientView } from '../../engine/world/view';
import { useZoo, type ZooState } from '../store';

export type StaticClient = Omit<ClientView, 'sessionExpiresInMs'>;

const NONE = '[]';

interface StaticJson {
  all: string;
  byId: Map<string, string>;
}

// Every subscriber's selector runs on every store update (several per frame while playing, some
// twenty subscribers): the strings are made once per batch's clients array and shared.
const cache = new WeakMap<readonly ClientView[], StaticJson>();

function staticJsonOf(clients: readonly ClientView[]): StaticJson {
  let found = cache.get(clients);
  if (found === undefined) {
    const byId = new Map<string, string>();
    for (const client of clients) {
      const { sessionExpiresInMs: _countdown, ...rest } = client;
      byId.set(client.id, JSON.stringify(rest));
    }
    found = { all: `[${[...byId.values()].join(',')}]`, byId };
    cache.set(clients, found);
  }
  return found;
}

export function staticClientsJson(state: Pick<ZooState, 'view'>): string {
  const clients = state.view?.clients;
  if (!clients || clients.length === 0) return NONE;
  return staticJsonOf(clients).all;
}

/** One client's JSON without the countdown ('null' when there is no such client). */
export function staticClientJson(state: Pick<ZooState, 'view'>, id: string): string {
  const clients = state.view?.clients;
  if (!clients || clients.length === 0) return 'null';
  return staticJsonOf(clients).byId.get(id) ?? 'null';
}

/** Every client, without the countdown; the same array until something else changes. */
export function useStaticClients(): StaticClient[] {
  const json = useZoo(staticClientsJson);
  return useMemo(() => JSON.parse(json) as StaticClient[], [json]);
}

/** One client by label, without the countdown; re-renders only when that client changes. */
export function useStaticClient(id: string): StaticClient | undefined {
  const json = useZoo(useCallback((state: ZooState) => staticClientJson(state, id), [id]));
  return useMemo(() => (JSON.parse(json) as StaticClient | null) ?? undefined, [json]);
}
