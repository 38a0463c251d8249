// Small formatting helpers of the recipe panel.

/** A sequential node's name without Curator's protection prefix ("_c_<uuid>-"): "lock-0000000001". */
export function shortNode(node: string): string {
  return node.replace(/^_c_[0-9a-f-]{36}-/, '');
}

/** notifications / releases with one decimal, or null before the first release. */
export function perRelease(notifications: number, releases: number): string | null {
  return releases > 0 ? (notifications / releases).toFixed(1) : null;
}
