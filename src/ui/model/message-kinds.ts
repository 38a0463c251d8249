// Message labels → families → colours. The engine's labels are protocol words (PROPOSAL, ACK,
// FOLLOWERINFO…); the UI groups them so a glance tells election traffic from broadcast traffic.
// Unknown labels fall into "other" with a neutral colour, so a new packet type never breaks the view.
import type { MessageKey } from '../i18n/en';

export type MessageFamily =
  | 'election' | 'sync' | 'proposal' | 'ack' | 'commit' | 'inform' | 'ping'
  | 'client' | 'watch' | 'close' | 'heartbeat' | 'other';

export const MESSAGE_FAMILIES: readonly MessageFamily[] = [
  'election', 'sync', 'proposal', 'ack', 'commit', 'inform', 'ping', 'client', 'watch', 'close', 'heartbeat', 'other',
];

/** Colours chosen to stay apart from each other on a projector and against the white background. */
export const FAMILY_COLOURS: Record<MessageFamily, string> = {
  election: '#d97706',
  sync: '#7c3aed',
  proposal: '#db2777',
  ack: '#0891b2',
  commit: '#15803d',
  inform: '#65a30d',
  ping: '#64748b',
  client: '#2563eb',
  watch: '#a16207',
  close: '#b91c1c',
  heartbeat: '#0d9488',
  other: '#6b7280',
};

export const FAMILY_NAME_KEYS: Record<MessageFamily, MessageKey> = {
  election: 'family.election', sync: 'family.sync', proposal: 'family.proposal', ack: 'family.ack',
  commit: 'family.commit', inform: 'family.inform', ping: 'family.ping', client: 'family.client',
  watch: 'family.watch', close: 'family.close', heartbeat: 'family.heartbeat', other: 'family.other',
};

const SYNC_WORDS = new Set([
  'FOLLOWERINFO', 'OBSERVERINFO', 'LEADERINFO', 'ACKEPOCH', 'NEWEPOCH', 'DIFF', 'TRUNC', 'SNAP',
  'NEWLEADER', 'ACKNEWLEADER', 'ACK_NEWLEADER', 'UPTODATE', 'SYNC_DIFF', 'SYNC_TRUNC', 'SYNC_SNAP',
]);
const ELECTION_WORDS = new Set(['NOTIFICATION', 'VOTE', 'ELECTION', 'FLE', 'NOTIFY']);
const WATCH_WORDS = new Set(['WATCH', 'WATCHEVENT', 'WATCHED_EVENT', 'WATCHEDEVENT', 'EVENT', 'NODECREATED', 'NODEDELETED', 'NODEDATACHANGED', 'NODECHILDRENCHANGED']);
const CLIENT_WORDS = new Set([
  'REQUEST', 'REPLY', 'RESPONSE', 'CONNECT', 'CONNECT_RESPONSE', 'CONNECTREQUEST', 'CONNECTRESPONSE',
  'CREATE', 'DELETE', 'SETDATA', 'GETDATA', 'EXISTS', 'GETCHILDREN', 'GETACL', 'SETACL', 'ADDAUTH',
  'MULTI', 'SYNC', 'CLOSESESSION', 'CREATESESSION', 'ADDWATCH', 'REMOVEWATCHES', 'CHECK', 'AUTH',
]);

/** The family of a message label; the first word decides ("PROPOSAL 1:3" is a PROPOSAL). */
export function messageFamily(label: string): MessageFamily {
  const word = (label.trim().split(/[\s:(]/, 1)[0] ?? '').toUpperCase();
  if (ELECTION_WORDS.has(word)) return 'election';
  if (SYNC_WORDS.has(word)) return 'sync';
  if (word === 'PROPOSAL' || word === 'PROPOSE') return 'proposal';
  if (word === 'ACK') return 'ack';
  if (word === 'COMMIT' || word === 'COMMITANDACTIVATE') return 'commit';
  if (word === 'INFORM' || word === 'INFORMANDACTIVATE') return 'inform';
  if (word === 'PING' || word === 'PONG' || word === 'REVALIDATE') return 'ping';
  if (WATCH_WORDS.has(word)) return 'watch';
  if (CLIENT_WORDS.has(word) || word.startsWith('CLIENT')) return 'client';
  if (word === 'CLOSE') return 'close';
  if (word === 'HEARTBEAT') return 'heartbeat';
  return 'other';
}

/** The family's colour as a CSS value: the theme's variable, falling back to the light colour. */
export function familyColourVar(family: MessageFamily): string {
  return `var(--family-${family}, ${FAMILY_COLOURS[family]})`;
}

/** The colour a message with this label is drawn in. */
export function messageColour(label: string): string {
  return FAMILY_COLOURS[messageFamily(label)];
}
