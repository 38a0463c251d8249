// A ZooKeeper server as the world runs it: Zab (FLE, discovery, sync, broadcast) carrying the
// data tree, with ZooKeeperServer's client side on top.
import type { ServerProtocol, ZnodeSummary } from '../sim/actor';
import { statOf } from '../server/stat';
import { sortedPaths, type DataTree } from '../server/tree';
import { createZabProtocol } from '../zab/protocol';
import type { ZabOptions } from '../zab/options';
import { createZooKeeperLayer, type ZooKeeperLayerOptions } from './layer';
import type { ZkLocal } from './local';
import { createZooKeeperMachine, type ZooKeeperMachineOptions } from './machine';

/** ZooKeeperServer settings beyond Zab's: extended types (TTL nodes), the container manager. */
export type ZooKeeperServerOptions = Partial<ZooKeeperMachineOptions> & Partial<ZooKeeperLayerOptions>;

/** The real protocol of the app and the CLI. */
export function createZooKeeperProtocol(options: Partial<ZabOptions> = {}, server: ZooKeeperServerOptions = {}): ServerProtocol<unknown, unknown> {
  const machine = createZooKeeperMachine({ extendedTypesEnabled: server.extendedTypesEnabled === true });
  const layer = createZooKeeperLayer({ ...(server.containers === undefined ? {} : { containers: server.containers }), unreplicatedSessionExpiry: server.unreplicatedSessionExpiry === true });
  const zab = createZabProtocol(machine, options, layer) as unknown as ServerProtocol<unknown, unknown>;
  return { ...zab, znodes: (state) => znodesOf((state as { db: DataTree }).db), sessionDeadlines: (state) => sessionDeadlinesOf((state as { local: ZkLocal | null }).local) };
}

/** The leader's SessionTrackerImpl deadlines: last touch it knows + timeout, rounded up to the
 * next tick boundary (ExpiryQueue); a learner's touches reach it with its next PING reply. */
export function sessionDeadlinesOf(local: ZkLocal | null): { [sessionKey: string]: number } {
  const deadlines: { [sessionKey: string]: number } = {};
  const tracker = local?.tracker ?? null;
  if (tracker === null) return deadlines;
  for (const key of Object.keys(tracker.sessions).sort()) {
    const session = tracker.sessions[key]!;
    if (!session.closing) deadlines[key] = session.expiryMs;
  }
  return deadlines;
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
