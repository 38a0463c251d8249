// Client helpers for the views: how a client's link to its server is drawn, names of endpoints
// (servers by number, clients by label), and which client owns an ephemeral node.
import type { ClientView, ZnodeView } from '../../engine/world/view';
import { CLIENT_ENDPOINT_BASE } from './ring-layout';

/** How the line from a client to its server looks. */
export type ClientLinkKind = 'connected' | 'connecting' | 'expired' | 'none';

export function clientLinkKind(client: Pick<ClientView, 'state' | 'attemptServer'>): ClientLinkKind {
  if (client.state === 'EXPIRED') return 'expired';
  if (client.attemptServer === null || client.attemptServer === undefined) return 'none';
  if (client.state === 'CONNECTED') return 'connected';
  if (client.state === 'CONNECTING' || client.state === 'DISCONNECTED') return 'connecting';
  return 'none';
}

/** A colour class per client state: ok, busy (trying), bad (expired), off (idle/closed/crashed). */
export function clientTone(state: string): 'ok' | 'busy' | 'bad' | 'off' {
  if (state === 'CONNECTED') return 'ok';
  if (state === 'CONNECTING' || state === 'DISCONNECTED') return 'busy';
  if (state === 'EXPIRED') return 'bad';
  return 'off';
}

/** The endpoint of a client: from the view, else by order (clients sorted by label). */
export function clientEndpoint(clients: readonly ClientView[], index: number): number {
  return clients[index]?.endpoint ?? CLIENT_ENDPOINT_BASE + index;
}

/** Names endpoints for text: a client's label, or the server's number. */
export function endpointNamer(clients: readonly ClientView[] | undefined): (id: number) => string {
  if (!clients || clients.length === 0) return String;
  const names = new Map(clients.map((client, index) => [clientEndpoint(clients, index), client.id]));
  return (id) => names.get(id) ?? String(id);
}

/** Client label by session id (hex), for ephemeral owners. */
export function ownerLabels(clients: readonly ClientView[] | undefined): Map<string, string> {
  return new Map((clients ?? []).filter((client) => client.sessionId !== null).map((client) => [client.sessionId!, client.id]));
}

/** Paths of the ephemeral nodes a session owns. */
export function ephemeralsOf(znodes: readonly ZnodeView[], sessionId: string | null): string[] {
  if (sessionId === null) return [];
  return znodes.filter((node) => node.ephemeralOwner === sessionId).map((node) => node.path);
}
