// A ZooKeeper server as the world runs it: Zab (FLE, discovery, sync, broadcast) carrying the
// data tree, with ZooKeeperServer's client side on top.
import type { ServerProtocol, ZnodeSummary } from '../sim/actor';
import { statOf } from '../server/stat';
import { sortedPaths, type DataTree } from '../server/tree';
import { createZabProtocol } from '../zab/protocol';
import type { ZabOptions } from '../zab/options';
import { zooKeeperLayer } from './layer';
import { zooKeeperMachine } from './machine';

/** The real protocol of the app and the CLI. */
export function createZooKeeperProtocol(options: Partial<ZabOptions> = {}): ServerProtocol<unknown, unknown> {
  const zab = createZabProtocol(zooKeeperMachine, options, zooKeeperLayer) as unknown as ServerProtocol<unknown, unknown>;
  return { ...zab, znodes: (state) => znodesOf((state as { db: DataTree }).db) };
}

/** Every znode of a tree, sorted by path. */
export function znodesOf(tree: DataTree): ZnodeSummary[] {
  return sortedPaths(tree).map((path) => {
    const node = tree.nodes[path]!;
    const stat = statOf(node);
    return {
      path,
      ephemeralOwner: stat.ephemeralOwner === 0 ? null : '0x' + stat.ephemeralOwner.toString(16),
      data: node.data,
      version: stat.version,
      czxid: stat.czxid,
      mzxid: stat.mzxid,
      numChildren: stat.numChildren,
    };
  });
}
