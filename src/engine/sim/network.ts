// The simulated network between servers and clients.
//
// It models what the protocols above it can observe of TCP:
// - per-link latency drawn from a range, FIFO per (from, to, channel): a later message never
//   overtakes an earlier one on the same channel;
// - loss as a ratio: a lost segment is retransmitted after a TCP retransmission timeout that
//   doubles, so loss slows a stream but never reorders it or leaves a gap;
// - partitions and one-way cuts drop what crosses them; on a stream channel the first drop breaks
//   the stream (later messages are dropped too), so the ends notice only through their own
//   timeouts, as with a silent peer over TCP;
// - a crashed endpoint is "down": what is sent to it is dropped; the world sends its peers a
//   close notice at once, as a killed process's kernel does.
import { chance, intInRange, type RngState } from './rng';

/** Servers are numbered by myid (1..255); clients get ids from CLIENT_ID_BASE up. */
export type EndpointId = number;
export const CLIENT_ID_BASE = 1000;

/** Per directed link overrides of the defaults (a fault: delay or loss on one link). */
export interface LinkRule {
  from: EndpointId;
  to: EndpointId;
  latencyMsMin: number;
  latencyMsMax: number;
  lossPerMillion: number;
}

/** One channel of one direction of a link: FIFO clock and whether its stream broke. */
interface ChannelState {
  lastDeliverMs: number;
  broken: boolean;
}

export interface NetworkState {
  latencyMsMin: number;
  latencyMsMax: number;
  lossPerMillion: number;
  /** Sorted by (from, to). */
  links: LinkRule[];
  /** One-way cuts "from>to", sorted. */
  cuts: string[];
  /** Groups of server ids, or null when the network is whole. */
  partition: EndpointId[][] | null;
  /** Client endpoint -> server it is attached to (clients follow their server's group). */
  attachment: Record<string, EndpointId>;
  /** Crashed endpoints, sorted. */
  down: EndpointId[];
  /** Clients whose own network is cut off (the "disconnect" fault), sorted. */
  isolated: EndpointId[];
  channels: Record<string, ChannelState>;
  nextMessageId: number;
}

export type DropReason = 'partition' | 'cut' | 'down' | 'broken' | 'loss';

/** A message on the wire. Its on-screen position is a function of (sendTimeMs, deliverTimeMs, now). */
export interface Message<P = unknown> {
  id: number;
  from: EndpointId;
  to: EndpointId;
  channel: string;
  stream: boolean;
  sendTimeMs: number;
  deliverTimeMs: number;
  retransmits: number;
  /** Set when the network decided at send time that it will not arrive. */
  dropped: DropReason | null;
  payload: P;
}

export const RETRANSMIT_TIMEOUT_MS = 200;
const RETRANSMITS_MAX = 6;

/** A whole, loss-free network with latency in [latencyMsMin, latencyMsMax]. */
export function createNetwork(latencyMsMin: number, latencyMsMax: number): NetworkState {
  return {
    latencyMsMin,
    latencyMsMax,
    lossPerMillion: 0,
    links: [],
    cuts: [],
    partition: null,
    attachment: {},
    down: [],
    isolated: [],
    channels: {},
    nextMessageId: 1,
  };
}

// Channel keys are made on every send and every arrival; a run uses only a few dozen, so each
// is built once and reused (a pure function of its inputs: sharing the strings is safe).
const channelKeys = new Map<string, Map<number, string>>();

function channelKey(from: EndpointId, to: EndpointId, channel: string): string {
  let byPair = channelKeys.get(channel);
  if (byPair === undefined) channelKeys.set(channel, (byPair = new Map()));
  const pair = from * 0x100000 + to;
  let key = byPair.get(pair);
  if (key === undefined) byPair.set(pair, (key = `${from}>${to}#${channel}`));
  return key;
}

function groupOf(network: NetworkState, endpoint: EndpointId): number {
  if (network.partition === null) return 0;
  const server = endpoint >= CLIENT_ID_BASE ? network.attachment[endpoint] : endpoint;
  if (server === undefined) return -1; // an unattached client reaches every group
  const index = network.partition.findIndex((group) => group.includes(server));
  return index === -1 ? 1000 + server : index; // an unlisted server is alone
}

/** Why a message from `from` cannot reach `to` now, or null if it can. */
export function unreachableReason(network: NetworkState, from: EndpointId, to: EndpointId): DropReason | null {
  if (network.down.length > 0 && (network.down.includes(to) || network.down.includes(from))) return 'down';
  if (network.cuts.length > 0 && network.cuts.includes(`${from}>${to}`)) return 'cut';
  if (network.isolated.length > 0 && (network.isolated.includes(from) || network.isolated.includes(to))) return 'partition';
  if (network.partition === null) return null;
  const fromGroup = groupOf(network, from);
  const toGroup = groupOf(network, to);
  if (fromGroup !== -1 && toGroup !== -1 && fromGroup !== toGroup) return 'partition';
  return null;
}

function linkRule(network: NetworkState, from: EndpointId, to: EndpointId): LinkRule | undefined {
  if (network.links.length === 0) return undefined;
  return network.links.find((rule) => rule.from === from && rule.to === to);
}

/** Puts a message on the wire: draws its latency and retransmits, keeps FIFO, decides drops. */
export function sendMessage<P>(
  network: NetworkState,
  rng: RngState,
  nowMs: number,
  from: EndpointId,
  to: EndpointId,
  channel: string,
  stream: boolean,
  payload: P,
): Message<P> {
  const rule = linkRule(network, from, to);
  const latencyMin = rule?.latencyMsMin ?? network.latencyMsMin;
  const latencyMax = rule?.latencyMsMax ?? network.latencyMsMax;
  const lossPerMillion = rule?.lossPerMillion ?? network.lossPerMillion;
  let delayMs = intInRange(rng, latencyMin, latencyMax);
  let retransmits = 0;
  while (lossPerMillion > 0 && retransmits <= RETRANSMITS_MAX && chance(rng, lossPerMillion, 1_000_000)) {
    delayMs += RETRANSMIT_TIMEOUT_MS << retransmits;
    retransmits++;
  }
  const key = channelKey(from, to, channel);
  const state = network.channels[key] ?? (network.channels[key] = { lastDeliverMs: 0, broken: false });
  const deliverTimeMs = Math.max(nowMs + delayMs, state.lastDeliverMs);
  state.lastDeliverMs = deliverTimeMs;
  let dropped: DropReason | null = unreachableReason(network, from, to);
  if (dropped === null && stream && state.broken) dropped = 'broken';
  if (dropped === null && retransmits > RETRANSMITS_MAX) dropped = 'loss';
  if (dropped !== null && stream) state.broken = true;
  const id = network.nextMessageId++;
  return { id, from, to, channel, stream, sendTimeMs: nowMs, deliverTimeMs, retransmits, dropped, payload };
}

/** At delivery time: null if the message arrives, else why it is lost (a partition may have
 * started while it was in flight). A drop breaks the stream it belongs to. */
export function arrivalVerdict(network: NetworkState, message: Message): DropReason | null {
  if (message.dropped !== null) return message.dropped;
  const key = channelKey(message.from, message.to, message.channel);
  const state = network.channels[key];
  let verdict: DropReason | null = network.down.includes(message.to) ? 'down' : null;
  // A message already on the wire when its sender crashed still arrives: it left the host.
  if (verdict === null) {
    const reason = unreachableReason(network, message.from, message.to);
    if (reason !== null && reason !== 'down') verdict = reason;
  }
  if (verdict === null && message.stream && state?.broken) verdict = 'broken';
  if (verdict !== null && message.stream && state) state.broken = true;
  return verdict;
}

/** Forgets every channel touching `endpoint` (a restart opens fresh connections). */
export function forgetChannelsOf(network: NetworkState, endpoint: EndpointId): void {
  for (const key of Object.keys(network.channels)) {
    const [pair] = key.split('#');
    const [from, to] = pair!.split('>').map(Number);
    if (from === endpoint || to === endpoint) delete network.channels[key];
  }
}

/** Opens a fresh stream on a channel: the next message starts a new connection. */
export function resetChannel(network: NetworkState, from: EndpointId, to: EndpointId, channel: string): void {
  const state = network.channels[channelKey(from, to, channel)];
  if (state) state.broken = false;
}

/** Marks an endpoint crashed or back up. */
export function setDown(network: NetworkState, endpoint: EndpointId, isDown: boolean): void {
  const without = network.down.filter((id) => id !== endpoint);
  network.down = isDown ? [...without, endpoint].sort((a, b) => a - b) : without;
}

/** Splits the servers into groups (validated by the caller), or heals with null. */
export function setPartition(network: NetworkState, groups: EndpointId[][] | null): void {
  network.partition = groups === null ? null : groups.map((group) => [...group].sort((a, b) => a - b));
}

/** Cuts or restores the one-way link from -> to. */
export function setCut(network: NetworkState, from: EndpointId, to: EndpointId, isCut: boolean): void {
  const key = `${from}>${to}`;
  const without = network.cuts.filter((cut) => cut !== key);
  network.cuts = isCut ? [...without, key].sort() : without;
}

/** Sets or clears latency/loss overrides on the directed link from -> to. */
export function setLinkRule(network: NetworkState, rule: LinkRule | { from: EndpointId; to: EndpointId; clear: true }): void {
  network.links = network.links.filter((existing) => existing.from !== rule.from || existing.to !== rule.to);
  if (!('clear' in rule)) network.links.push(rule);
  network.links.sort((left, right) => left.from - right.from || left.to - right.to);
}

/** Whether the network currently has any fault in force. */
export function isHealthy(network: NetworkState): boolean {
  return network.partition === null && network.cuts.length === 0 && network.links.length === 0 && network.lossPerMillion === 0;
}
