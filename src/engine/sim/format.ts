// How zxids and session ids are written for people: hex, as ZooKeeper's logs and tools do.

/** A zxid (epoch * 2^32 + counter) as "0x…" hex, like ZooKeeper prints it. */
export function formatZxidHex(zxid: number): string {
  return '0x' + zxid.toString(16);
}

/** A zxid as "epoch:counter", easier to read in the UI. */
export function formatZxidPair(zxid: number): string {
  return `${zxidEpoch(zxid)}:${zxidCounter(zxid)}`;
}

/** The epoch half (high 32 bits) of a zxid. */
export function zxidEpoch(zxid: number): number {
  return Math.floor(zxid / 0x100000000);
}

/** The counter half (low 32 bits) of a zxid. */
export function zxidCounter(zxid: number): number {
  return zxid % 0x100000000;
}

/** Builds a zxid from its epoch and counter. */
export function makeZxid(epoch: number, counter: number): number {
  return epoch * 0x100000000 + counter;
}
