// zxid helpers. A zxid is 64 bits: high 32 = epoch, low 32 = counter (ZxidUtils.makeZxid), kept
// as a JS number epoch * 2^32 + counter, which is exact while epoch < 2^21.

const COUNTER_SPAN = 0x1_0000_0000;

/** zxid for (epoch, counter). */
export function makeZxid(epoch: number, counter: number): number {
  return epoch * COUNTER_SPAN + counter;
}

/** Epoch part (high 32 bits). */
export function zxidEpoch(zxid: number): number {
  return Math.floor(zxid / COUNTER_SPAN);
}

/** Counter part (low 32 bits). */
export function zxidCounter(zxid: number): number {
  return zxid % COUNTER_SPAN;
}

/** Hex form as ZooKeeper logs and the oracle print it: "0x100000002", "0x0". */
export function zxidHex(zxid: number): string {
  return '0x' + zxid.toString(16);
}
