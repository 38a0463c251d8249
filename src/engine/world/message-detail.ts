// One message in flight in full, for the message inspector: every payload field as text, the
// protocol's own one-line description, and for an election notification whether its vote beats
// the receiver's. Built on demand for the one selected message (kept out of the per-frame view).
import type { DropReason, EndpointId } from '../sim/network';
import { formatZxidHex, formatZxidPair } from '../sim/format';
import type { VoteJudgement } from '../sim/vote-judgement';
import type { Runtime } from './runtime';

/** A payload field as text (nested objects as JSON, zxids as epoch:counter with the hex). */
export interface MessageField {
  name: string;
  value: string;
}

export interface MessageDetailView {
  id: number;
  from: EndpointId;
  to: EndpointId;
  channel: string;
  label: string;
  /** The protocol's one-line description ("PROPOSAL 0x100000001 set x=1"). */
  summary: string;
  sendTimeMs: number;
  deliverTimeMs: number;
  dropped: DropReason | null;
  control: 'data' | 'close';
  retransmits: number;
  fields: MessageField[];
  /** For an election notification to a server: its vote against the receiver's. */
  vote: VoteJudgement | null;
}

/** Longest text kept for one field (a SNAP carries a whole data tree). */
const FIELD_TEXT_MAX = 300;

/** The message with this id while it is in flight, or null once delivered (or unknown). */
export function messageDetailView(runtime: Runtime, id: number): MessageDetailView | null {
  for (const event of runtime.state.queue.heap) {
    if (event.kind !== 'deliver' || event.message.id !== id) continue;
    const { message, control } = event;
    const protocol = runtime.protocol;
    const isClose = control === 'close';
    const slot = runtime.state.servers[message.to - 1];
    const receiver = slot && slot.id === message.to ? slot : null;
    return {
      id: message.id, from: message.from, to: message.to, channel: message.channel,
      label: isClose ? 'CLOSE' : protocol.label(message.payload),
      summary: isClose ? 'CLOSE' : (protocol.describe?.(message.payload) ?? protocol.label(message.payload)),
      sendTimeMs: message.sendTimeMs, deliverTimeMs: message.deliverTimeMs, dropped: message.dropped, control,
      retransmits: message.retransmits,
      fields: isClose ? [] : payloadFields(message.payload),
      vote: !isClose && receiver !== null && protocol.judgeVote ? protocol.judgeVote(receiver.state, message.payload) : null,
    };
  }
  return null;
}

/** Every field of a payload, in the packet's own order. */
export function payloadFields(payload: unknown): MessageField[] {
  if (payload === null || typeof payload !== 'object') return [{ name: 'value', value: fieldText('value', payload) }];
  return Object.entries(payload as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ({ name, value: fieldText(name, value) }));
}

function fieldText(name: string, value: unknown): string {
  if (typeof value === 'number' && /zxid/i.test(name) && Number.isSafeInteger(value) && value >= 0) {
    return `${formatZxidPair(value)} (${formatZxidHex(value)})`;
  }
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > FIELD_TEXT_MAX ? `${text.slice(0, FIELD_TEXT_MAX)}…` : text;
}
