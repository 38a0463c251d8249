// The znode tree as rows of an indented list, in depth-first order (d3-hierarchy builds the tree).
import { stratify } from 'd3';
import type { ZnodeView } from '../../engine/world/view';

export interface ZnodeRow {
  node: ZnodeView;
  name: string;
  depth: number;
  /** System nodes (/zookeeper and below). */
  system: boolean;
}

function parentOf(path: string): string | null {
  if (path === '/') return null;
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** Rows of the tree; nodes whose parent is missing hang under the root. */
export function znodeRows(znodes: readonly ZnodeView[]): ZnodeRow[] {
  if (znodes.length === 0) return [];
  const byPath = new Map(znodes.map((node) => [node.path, node]));
  const root: ZnodeView = byPath.get('/') ?? { path: '/', ephemeralOwner: null, data: null, version: 0, czxid: 0, mzxid: 0, numChildren: 0 };
  const all = byPath.has('/') ? [...znodes] : [root, ...znodes];
  const tree = stratify<ZnodeView>()
    .id((node) => node.path)
    .parentId((node) => {
      const parent = parentOf(node.path);
      return parent === null ? null : byPath.has(parent) || parent === '/' ? parent : '/';
    })(all);
  tree.sort((left, right) => (left.id! < right.id! ? -1 : left.id! > right.id! ? 1 : 0));
  const rows: ZnodeRow[] = [];
  tree.eachBefore((entry) => {
    const path = entry.data.path;
    rows.push({
      node: entry.data,
      name: path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1),
      depth: entry.depth,
      system: path === '/zookeeper' || path.startsWith('/zookeeper/'),
    });
  });
  return rows;
}
