// Helpers shared by the recipes: sequential node names, Curator's protected names, paths.
import { intInRange, type RngState } from '../sim/rng';
import type { ActorContext } from './types';

/** The 10-digit counter ZooKeeper appends to a sequential node's name. */
export function sequenceOf(name: string): number {
  const digits = name.slice(-10);
  return name.length >= 10 && /^\d{10}$/.test(digits) ? Number(digits) : -1;
}

/**
 * Children carrying `marker` (e.g. "lock-"), ordered by their sequence suffix, as Curator's
 * StandardLockInternalsDriver.fixForSorting does (the protected "_c_<uuid>-" prefix must not
 * decide the order). Ties cannot happen: one parent's counter never repeats.
 */
export function sortedBySequence(children: readonly string[], marker: string): string[] {
  return children.filter((child) => child.includes(marker))
    .map((child) => ({ child, sequence: sequenceOf(child) }))
    .sort((left, right) => left.sequence - right.sequence)
    .map((entry) => entry.child);
}

/** A UUID-shaped id (36 chars) from the client's seeded stream (Curator: UUID.randomUUID). */
export function guid(rng: RngState): string {
  const hex = (count: number): string => Array.from({ length: count }, () => intInRange(rng, 0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + intInRange(rng, 0, 3)).toString(16)}${hex(3)}-${hex(12)}`;
}

/** Curator ProtectedUtils: "_c_" + uuid + "-" before the node name. */
export function protectedPrefix(id: string): string {
  return `_c_${id}-`;
}

/** The child of `children` created with protected prefix `prefix`, if any (CreateBuilderImpl.findNode). */
export function findProtected(children: readonly string[], prefix: string): string | null {
  return children.find((child) => child.startsWith(prefix)) ?? null;
}

export function joinPath(parent: string, child: string): string {
  return parent === '/' ? `/${child}` : `${parent}/${child}`;
}

export function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The children of a getChildren reply (empty when it failed). */
export function childrenOf(result: unknown): string[] {
  return ((result as { children?: string[] } | null)?.children ?? []).slice();
}

/** The path of a create reply. */
export function createdPath(result: unknown): string {
  return (result as { path: string }).path;
}

/** The state a protected-create recipe keeps (the lock, the leader latch). */
export interface ProtectedCreateState {
  phase: string;
  path: string;
  prefix: string | null;
  node: string | null;
}

/** A protected-create recipe's own next steps. */
export interface ProtectedCreateSteps {
  create(): void;
  check(): void;
  evaluate(children: string[]): void;
  retry(): void;
}

/** Curator's protected create and its recovery (CreateBuilderImpl.findProtectedNodeInForeground):
 * the replies of the phases "creating", "finding" and "checking", which the lock and the leader
 * latch share. Returns false for any other phase. */
export function protectedCreateReply(state: ProtectedCreateState, input: { err: string; result: unknown }, ctx: ActorContext, steps: ProtectedCreateSteps): boolean {
  switch (state.phase) {
    case 'creating':
      if (input.err === 'OK') {
        state.node = baseName(createdPath(input.result));
        steps.check();
        return true;
      }
      // The create may have happened: look for our protected name before creating again.
      state.phase = 'finding';
      ctx.op({ op: 'getChildren', path: state.path });
      return true;
    case 'finding':
      if (input.err !== 'OK') steps.retry();
      else {
        state.node = findProtected(childrenOf(input.result), state.prefix!);
        if (state.node === null) steps.create();
        else steps.evaluate(childrenOf(input.result));
      }
      return true;
    case 'checking':
      if (input.err !== 'OK') steps.retry();
      else steps.evaluate(childrenOf(input.result));
      return true;
    default:
      return false;
  }
}
