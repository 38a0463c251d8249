// The client-visible Stat and the version arithmetic.
// Sources: DataNode.copyStat (visible cversion, dataLength, client ephemeralOwner),
// PrepRequestProcessor.checkAndIncVersion (ZOOKEEPER-4743 wrap rule).

import { clientEphemeralOwner } from './createMode';
import type { ZNode } from './tree';
import { dataByteLength } from './data';

/** The 11 Stat fields exactly as a client receives them (times in ms since the epoch). */
export interface Stat {
  czxid: number;
  mzxid: number;
  ctime: number;
  mtime: number;
  version: number;
  cversion: number;
  aversion: number;
  ephemeralOwner: number;
  dataLength: number;
  numChildren: number;
  pzxid: number;
}

/** Stat of a node as clients see it. */
export function statOf(node: ZNode): Stat {
  const numChildren = node.children.length;
  return {
    czxid: node.czxid,
    mzxid: node.mzxid,
    ctime: node.ctimeMs,
    mtime: node.mtimeMs,
    version: node.version,
    // DataNode.copyStat: stored = child creates; shown = creates + deletes = 2 * stored - live children.
    cversion: toInt32(node.cversion * 2 - numChildren),
    aversion: node.aversion,
    ephemeralOwner: clientEphemeralOwner(node.kind, node.ephemeralOwner),
    dataLength: dataByteLength(node.data),
    numChildren,
    pzxid: node.pzxid,
  };
}

/** Java int overflow: wrap to signed 32 bits. */
export function toInt32(value: number): number {
  return value | 0;
}

/** True when an expected version matches: -1 means "any" (checkAndIncVersion). */
export function versionMatches(currentVersion: number, expectedVersion: number): boolean {
  return expectedVersion === -1 || expectedVersion === currentVersion;
}

/** The version after a change: +1 with int wrap, but never -1, which would read as "any" (ZOOKEEPER-4743). */
export function nextVersion(currentVersion: number): number {
  const next = toInt32(currentVersion + 1);
  return next === -1 ? 0 : next;
}

/** Sequential suffix: the parent's stored cversion formatted like Java's "%010d" (signed, zero padded). */
export function sequenceSuffix(parentCversion: number): string {
  const value = toInt32(parentCversion);
  if (value < 0) return '-' + String(-value).padStart(9, '0');
  return String(value).padStart(10, '0');
}
