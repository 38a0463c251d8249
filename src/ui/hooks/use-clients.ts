// The clients as components draw them: everything but the session countdown, which changes with
// every batch while playing. Selecting a string (compared by value) and parsing it keeps React
// from re-rendering clients, links and sessions on every frame; the countdown is painted by
// SessionCountdown straight into the DOM.
import { useMemo } from 'react';
import type { ClientView } from '../../engine/world/view';
import { useZoo, type ZooState } from '../store';

export type StaticClient = Omit<ClientView, 'sessionExpiresInMs'>;

const NONE = '[]';

export function staticClientsJson(state: Pick<ZooState, 'view'>): string {
  const clients = state.view?.clients;
  if (!clients || clients.length === 0) return NONE;
  return JSON.stringify(clients, (key, value: unknown) => (key === 'sessionExpiresInMs' ? undefined : value));
}

/** Every client, without the countdown; the same array until something else changes. */
export function useStaticClients(): StaticClient[] {
  const json = useZoo(staticClientsJson);
  return useMemo(() => JSON.parse(json) as StaticClient[], [json]);
}

/** One client by label, without the countdown. */
export function useStaticClient(id: string): StaticClient | undefined {
  const clients = useStaticClients();
  return useMemo(() => clients.find((client) => client.id === id), [clients, id]);
}
