// The view: plain data describing the run at the current instant, for the UI and the test API
// (CONTRACT.md section 3: timeMs, servers, clients, znodes; plus what the UI draws).
import type { DropReason, EndpointId } from '../sim/network';
import type { ServerRole } from '../sim/trace';
import type { Runtime } from './runtime';
import type { ZnodeSummary } from '../sim/actor';
import { actorViews, type ActorView } from './actors';

export interface ServerView {
  id: EndpointId;
  role: ServerRole;
  epoch: number;
  lastZxid: number;
  alive: boolean;
  paused: boolean;
  serving: boolean;
  observer: boolean;
  detail: Record<string, unknown>;
}

export interface MessageView {
  id: number;
  from: EndpointId;
  to: EndpointId;
  label: string;
  sendTimeMs: number;
  deliverTimeMs: number;
  dropped: DropReason | null;
  control: 'data' | 'close';
}

export interface ClientView {
  id: string;
  /** The network endpoint of this client (messages from/to it carry this id). */
  endpoint: EndpointId;
  state: string;
  server: EndpointId | null;
  /** Server of the current connection or connection attempt (set while CONNECTING too). */
  attemptServer: EndpointId | null;
  sessionId: string | null;
  sessionTimeoutMs: number;
  /**
   * The cluster's countdown for this session: the serving leader's tracker deadline (last touch
   * the leader knows + timeout, rounded up to the next tick: SessionTrackerImpl/ExpiryQueue)
   * minus now. A follower's client is touched there only with the follower's next PING reply, so
   * it may read up to tickTime/2 low. null when no leader serves, or the leader does not track
   * the session (not created yet, closing, expired). Not the client's own read timeout.
   * Always set by buildView; optional only so that views built by hand (UI fixtures) stay valid.
   */
  sessionExpiresInMs?: number | null;
  lastZxid: number;
  /** Requests sent and not yet answered, oldest first. */
  pending: string[];
}

export type ZnodeView = ZnodeSummary;

export interface NetworkView {
  partition: EndpointId[][] | null;
  cuts: { from: EndpointId; to: EndpointId }[];
  slowLinks: { from: EndpointId; to: EndpointId; latencyMsMin: number; latencyMsMax: number; lossRatio: number }[];
  lossRatio: number;
}

export interface WorldView {
  timeMs: number;
  title: string;
  protocol: string;
  servers: ServerView[];
  clients: ClientView[];
  znodes: ZnodeView[];
  messages: MessageView[];
  network: NetworkView;
  /** Recipe actors: each one's recipe state (lock holder and whom it watches, barrier counts...).
   * Always set by buildView; optional only so that views built by hand (UI fixtures) stay valid. */
  actors?: ActorView[];
}

const MESSAGES_IN_VIEW_MAX = 2000;

/** Builds the view of the run as it stands now. */
export function buildView(runtime: Runtime): WorldView {
  const state = runtime.state;
  const observers = new Set(Array.from({ length: state.scenario.ensemble.observers }, (_, index) => state.scenario.ensemble.servers + index + 1));
  const servers: ServerView[] = state.servers.map((slot) => {
    const summary = runtime.protocol.summarize(slot.state);
    return {
      id: slot.id,
      role: slot.alive ? summary.role : 'DOWN',
      epoch: summary.epoch,
      lastZxid: summary.lastZxid,
      alive: slot.alive,
      paused: slot.paused,
      serving: slot.alive && summary.serving,
      observer: observers.has(slot.id),
      detail: summary.detail,
    };
  });
  return {
    timeMs: state.timeMs,
    title: state.scenario.title,
    protocol: runtime.protocol.name,
    servers,
    clients: clientViews(runtime),
    znodes: znodeViews(runtime, servers),
    messages: messagesInFlight(runtime),
    network: networkView(runtime),
    actors: actorViews(state),
  };
}

function messagesInFlight(runtime: Runtime): MessageView[] {
  const messages: MessageView[] = [];
  for (const event of runtime.state.queue.heap) {
    if (event.kind !== 'deliver') continue;
    const { message } = event;
    messages.push({
      id: message.id, from: message.from, to: message.to,
      label: event.control === 'close' ? 'CLOSE' : runtime.protocol.label(message.payload),
      sendTimeMs: message.sendTimeMs, deliverTimeMs: message.deliverTimeMs, dropped: message.dropped, control: event.control,
    });
  }
  messages.sort((left, right) => left.id - right.id);
  return messages.length > MESSAGES_IN_VIEW_MAX ? messages.slice(messages.length - MESSAGES_IN_VIEW_MAX) : messages;
}

function networkView(runtime: Runtime): NetworkView {
  const network = runtime.state.network;
  return {
    partition: network.partition,
    cuts: network.cuts.map((cut) => {
      const [from, to] = cut.split('>').map(Number) as [number, number];
      return { from, to };
    }),
    slowLinks: network.links.map((rule) => ({ from: rule.from, to: rule.to, latencyMsMin: rule.latencyMsMin, latencyMsMax: rule.latencyMsMax, lossRatio: rule.lossPerMillion / 1_000_000 })),
    lossRatio: network.lossPerMillion / 1_000_000,
  };
}

/** The serving leader's session deadlines (empty without one). */
function leaderSessionDeadlines(runtime: Runtime): { [sessionKey: string]: number } {
  const protocol = runtime.protocol;
  if (!protocol.sessionDeadlines) return {};
  for (const slot of runtime.state.servers) {
    if (!slot.alive) continue;
    const status = protocol.status(slot.state);
    if (status.role === 'LEADING' && status.serving) return protocol.sessionDeadlines(slot.state);
  }
  return {};
}

function clientViews(runtime: Runtime): ClientView[] {
  const deadlines = leaderSessionDeadlines(runtime);
  return runtime.state.clients.map((slot) => {
    const client = slot.state;
    const deadline = client.sessionId === 0 ? undefined : deadlines[String(client.sessionId)];
    return {
      id: slot.label,
      endpoint: slot.endpoint,
      state: client.status,
      server: client.status === 'CONNECTED' ? client.server : null,
      attemptServer: client.server,
      sessionId: client.sessionId === 0 ? null : '0x' + client.sessionId.toString(16),
      sessionTimeoutMs: client.negotiatedTimeoutMs,
      sessionExpiresInMs: deadline === undefined ? null : Math.max(0, deadline - runtime.state.timeMs),
      lastZxid: client.lastZxid,
      pending: [...client.inFlight, ...client.queued].map((pending) => pending.op.op + (pending.op.path === undefined ? '' : ` ${pending.op.path}`)),
    };
  });
}

/** One server's own data tree, asked for by the UI's per-server tree selector (kept out of the
 * default view so that view stays small). A down server keeps no tree in memory: null. */
export interface ServerTreeView {
  server: EndpointId;
  alive: boolean;
  lastZxid: number;
  znodes: ZnodeView[] | null;
}

export function serverTreeView(runtime: Runtime, id: EndpointId): ServerTreeView | null {
  const slot = runtime.state.servers[id - 1];
  if (!slot || slot.id !== id) return null;
  const summary = runtime.protocol.summarize(slot.state);
  const znodes = slot.alive && runtime.protocol.znodes ? runtime.protocol.znodes(slot.state) : null;
  return { server: id, alive: slot.alive, lastZxid: summary.lastZxid, znodes };
}

/** The tree of the serving leader (or, without one, of the most advanced live server). */
function znodeViews(runtime: Runtime, servers: readonly ServerView[]): ZnodeView[] {
  const protocol = runtime.protocol;
  if (!protocol.znodes) return [];
  const live = servers.filter((server) => server.alive);
  const chosen = live.find((server) => server.role === 'LEADING' && server.serving)
    ?? [...live].sort((left, right) => right.lastZxid - left.lastZxid)[0];
  return chosen ? protocol.znodes(runtime.state.servers[chosen.id - 1]!.state) : [];
}
