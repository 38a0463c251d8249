// One server's own tree against the leader's (the Znodes tab's per-server selector): every node of
// either, each marked as the same, missing here (the leader has it, this replica has not applied
// it yet), older here (a lower mzxid) or extra here (the leader no longer has it: deleted on the
// leader and not yet here, or an uncommitted leftover about to be truncated).
import type { ZnodeView } from '../../engine/world/view';

export type NodeStatus = 'same' | 'missing' | 'older' | 'extra';

export interface ComparedTree {
  /** The nodes to draw: the server's own, plus the leader's it lacks (drawn greyed). */
  nodes: ZnodeView[];
  status: Map<string, NodeStatus>;
  missing: number;
  older: number;
}

export function compareTrees(server: readonly ZnodeView[], leader: readonly ZnodeView[]): ComparedTree {
  const mine = new Map(server.map((node) => [node.path, node]));
  const theirs = new Map(leader.map((node) => [node.path, node]));
  const status = new Map<string, NodeStatus>();
  let older = 0;
  for (const node of server) {
    const reference = theirs.get(node.path);
    if (!reference) status.set(node.path, leader.length === 0 ? 'same' : 'extra');
    else if (reference.mzxid > node.mzxid) {
      status.set(node.path, 'older');
      older++;
    } else status.set(node.path, 'same');
  }
  const lacking = leader.filter((node) => !mine.has(node.path));
  for (const node of lacking) status.set(node.path, 'missing');
  return { nodes: [...server, ...lacking], status, missing: lacking.length, older };
}
