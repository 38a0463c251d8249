// Create modes, their wire flags, and how each node kind is encoded in ephemeralOwner.
// Sources: CreateMode.java (flags, fromFlag), EphemeralType.java (container / TTL encodings,
// MAX_TTL, validateTTL), DataNode.copyStat/getClientEphemeralOwner (clients see 0 for both).

export type CreateModeName =
  | 'PERSISTENT'
  | 'EPHEMERAL'
  | 'PERSISTENT_SEQUENTIAL'
  | 'EPHEMERAL_SEQUENTIAL'
  | 'CONTAINER'
  | 'PERSISTENT_WITH_TTL'
  | 'PERSISTENT_SEQUENTIAL_WITH_TTL';

/** What kind of node a create makes; stored on the node instead of ZooKeeper's 64-bit owner tricks. */
export type NodeKind = 'persistent' | 'ephemeral' | 'container' | 'ttl';

interface ModeInfo {
  name: CreateModeName;
  flag: number;
  ephemeral: boolean;
  sequential: boolean;
  container: boolean;
  ttl: boolean;
}

// CreateMode enum, in flag order.
const MODES: readonly ModeInfo[] = [
  { name: 'PERSISTENT', flag: 0, ephemeral: false, sequential: false, container: false, ttl: false },
  { name: 'EPHEMERAL', flag: 1, ephemeral: true, sequential: false, container: false, ttl: false },
  { name: 'PERSISTENT_SEQUENTIAL', flag: 2, ephemeral: false, sequential: true, container: false, ttl: false },
  { name: 'EPHEMERAL_SEQUENTIAL', flag: 3, ephemeral: true, sequential: true, container: false, ttl: false },
  { name: 'CONTAINER', flag: 4, ephemeral: false, sequential: false, container: true, ttl: false },
  { name: 'PERSISTENT_WITH_TTL', flag: 5, ephemeral: false, sequential: false, container: false, ttl: true },
  { name: 'PERSISTENT_SEQUENTIAL_WITH_TTL', flag: 6, ephemeral: false, sequential: true, container: false, ttl: true },
];

/** Mode facts for a name or wire flag; null for an unknown flag (CreateMode.fromFlag -> BadArguments). */
export function modeInfo(mode: CreateModeName | number): ModeInfo | null {
  return MODES.find((info) => (typeof mode === 'number' ? info.flag === mode : info.name === mode)) ?? null;
}

/** Largest TTL in ms: the low 40 bits of ephemeralOwner (EphemeralType.MAX_TTL). */
export const MAX_TTL_MS = 0xff_ffff_ffff;

/** EphemeralType.validateTTL: TTL modes need 0 < ttl <= MAX_TTL; other modes must not carry one (ttl < 0). */
export function isValidTtl(info: ModeInfo, ttlMs: number): boolean {
  if (info.ttl) return ttlMs > 0 && ttlMs <= MAX_TTL_MS;
  return ttlMs < 0;
}

/** Kind of the node a create with this mode makes. */
export function nodeKindOf(info: ModeInfo): NodeKind {
  if (info.container) return 'container';
  if (info.ttl) return 'ttl';
  return info.ephemeral ? 'ephemeral' : 'persistent';
}

/**
 * The 64-bit ephemeralOwner ZooKeeper stores, as hex (it does not fit a JS number): the session
 * for ephemerals, 0x8000000000000000 for containers, 0xff00 0000 0000 0000 | ttl for TTL nodes.
 */
export function storedEphemeralOwnerHex(kind: NodeKind, ephemeralOwner: number, ttlMs: number): string {
  if (kind === 'container') return '0x8000000000000000';
  if (kind === 'ttl') return '0xff' + ttlMs.toString(16).padStart(14, '0');
  return '0x' + ephemeralOwner.toString(16);
}

/** The ephemeralOwner clients see in a Stat: the session for ephemerals, else 0 (DataNode.getClientEphemeralOwner). */
export function clientEphemeralOwner(kind: NodeKind, ephemeralOwner: number): number {
  return kind === 'ephemeral' ? ephemeralOwner : 0;
}
