// zxid arithmetic. A zxid is 64 bits in ZooKeeper (ZxidUtils.makeZxid): high 32 = epoch, low 32 =
// counter. We keep it as a JS number epoch * 2^32 + counter, exact while epoch < 2^21.

const COUNTER_SPAN = 0x1_0000_0000;

/** The largest counter a leader may use before it must give up its epoch (Leader.propose). */
export const COUNTER_MAX = 0xffff_fffe;

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
  return zxid - zxidEpoch(zxid) * COUNTER_SPAN;
}

/** Hex form as ZooKeeper logs print it: 0x100000002; negative sentinels print in decimal. */
export function formatZxid(zxid: number): string {
  return zxid < 0 ? String(zxid) : '0x' + zxid.toString(16);
}
