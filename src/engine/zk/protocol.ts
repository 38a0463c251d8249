// A ZooKeeper server as the world runs it: Zab (FLE, discovery, sync, broadcast) carrying the
// data tree, with ZooKeeperServer's client side on top.
import type { ServerProtocol } from '../sim/actor';
import { createZabProtocol } from '../zab/protocol';
import type { ZabOptions } from '../zab/options';
import { zooKeeperLayer } from './layer';
import { zooKeeperMachine } from './machine';

/** The real protocol of the app and the CLI. */
export function createZooKeeperProtocol(options: Partial<ZabOptions> = {}): ServerProtocol<unknown, unknown> {
  return createZabProtocol(zooKeeperMachine, options, zooKeeperLayer) as unknown as ServerProtocol<unknown, unknown>;
}
