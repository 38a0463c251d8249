// The leader's ContainerManager as pure functions over the committed tree: which container and
// TTL nodes are due for deletion, and how fast the deletions may be submitted.
// Source: server/ContainerManager.java (getCandidates, getMinIntervalMs, checkContainers).

import { addToJavaHashSet, javaHashSetIteration, newJavaHashSet } from './javaHash';
import { type DataTree, sortedPaths } from './tree';

/** Settings of the container manager (system properties znode.container.*). */
export interface ContainerOptions {
  /** znode.container.checkIntervalMs: the reaper runs at this fixed rate (default 1 minute). */
  checkIntervalMs: number;
  /** znode.container.maxPerMinute: deletions submitted at most this fast (default 10 000). */
  maxPerMinute: number;
  /** znode.container.maxNeverUsedIntervalMs: a container that never had a child is deleted after
   * this long; 0 = never (the 3.9.x release default; master's is 5 minutes, ZOOKEEPER-4915). */
  maxNeverUsedIntervalMs: number;
}

export const DEFAULT_CONTAINER_OPTIONS: ContainerOptions = { checkIntervalMs: 60_000, maxPerMinute: 10_000, maxNeverUsedIntervalMs: 0 };

/** getMinIntervalMs: the pause after each submitted deletion (one minute / maxPerMinute). */
export function minDeleteIntervalMs(options: ContainerOptions): number {
  return Math.floor(60_000 / options.maxPerMinute);
}

/**
 * getCandidates at nowMs: containers with no children that once had one (stored cversion > 0),
 * or never had one for longer than maxNeverUsedIntervalMs (when that is set); TTL nodes with no
 * children whose mtime is more than their TTL ago. ZooKeeper collects them in a HashSet, so they
 * are submitted in that set's iteration order.
 */
export function containerCandidates(tree: DataTree, nowMs: number, options: ContainerOptions): string[] {
  const candidates = newJavaHashSet();
  for (const path of sortedPaths(tree)) {
    const node = tree.nodes[path]!;
    if (node.children.length > 0) continue;
    const elapsedMs = nowMs - node.mtimeMs;
    if (node.kind === 'container') {
      if (node.cversion > 0 || (options.maxNeverUsedIntervalMs !== 0 && elapsedMs > options.maxNeverUsedIntervalMs)) addToJavaHashSet(candidates, path);
    } else if (node.kind === 'ttl' && node.ttlMs !== 0 && elapsedMs > node.ttlMs) {
      addToJavaHashSet(candidates, path);
    }
  }
  return javaHashSetIteration(candidates);
}
