// The sequential specification of ONE znode, for the linearizability checker: what a single
// copy of the node, applying operations one at a time, would answer. The checker partitions a
// history by path (P-compositionality), so the model never looks at parents or children: the
// answers that depend on them (create NONODE because the parent is missing, delete NOTEMPTY) are
// accepted whenever they are consistent with this node alone.
// Sources: facts 4.6 (versions, -1 = any, ZOOKEEPER-4743 wrap), facts 4.7 (check order: node
// exists before version; delete checks version before NOTEMPTY).
//
// Why writes are checked for linearizability but plain reads only for (ordered) sequential
// consistency (facts 4.9, misconception 3):
// - Every write goes through the leader and is committed by a quorum in one total order (Zab),
//   and the client is told OK only after its server applied the commit. So once a write is
//   acknowledged, every later write is ordered after it and every later sync+read sees it. A
//   write that was acknowledged and then is not there (a lost acknowledged write) breaks the
//   promise ZooKeeper makes: it is a bug.
// - A plain read is answered from the local replica of the server the client is connected to,
//   without asking a quorum. That replica may lag the leader, so a read can return a value that
//   another client already overwrote: a stale read. ZooKeeper only promises that each client
//   sees the writes in the one global order, never goes back in time, and sees its own writes
//   (FIFO client order). A stale read is therefore allowed; a read that goes backwards for its
//   client, misses the client's own earlier write, or returns a value nobody wrote is a bug.
import { nextVersion, versionMatches } from '../server/stat';
import type { HistoryOp } from './history';

/** One znode as the model sees it; `data`/`version` mean nothing when `exists` is false. */
export interface ZnodeState {
  exists: boolean;
  data: string | null;
  version: number;
}

/** The fields of an operation the model reads. */
export type ModelOp = Pick<HistoryOp, 'kind' | 'input' | 'output'>;

export interface StepResult {
  /** True when the op, applied to the state, could have produced the recorded output. */
  ok: boolean;
  /** The state after the op (unchanged when not ok or when the op changes nothing). */
  newState: ZnodeState;
}

/** The state of a path nobody created. */
export const ABSENT_ZNODE: ZnodeState = Object.freeze({ exists: false, data: null, version: 0 });

/** Applies one op to the znode state: is its output legal here, and what is the state after it. */
export function stepZnode(state: ZnodeState, op: ModelOp): StepResult {
  switch (op.kind) {
    case 'create':
      return stepCreate(state, op);
    case 'delete':
      return stepDelete(state, op);
    case 'setData':
      return stepSetData(state, op);
    case 'read':
    case 'sync-then-read':
      return { ok: readMatches(state, op), newState: state };
  }
}

/** True when the op may change the node: a write that succeeded or whose outcome is unknown. */
export function mayChangeState(op: ModelOp): boolean {
  if (op.kind === 'read' || op.kind === 'sync-then-read') return false;
  return op.output === null || op.output.err === 'OK';
}

const stay = (state: ZnodeState, ok: boolean): StepResult => ({ ok, newState: state });

function stepCreate(state: ZnodeState, op: ModelOp): StepResult {
  const created: ZnodeState = { exists: true, data: op.input.data ?? null, version: 0 };
  if (op.output === null) return { ok: true, newState: state.exists ? state : created };
  switch (op.output.err) {
    case 'OK':
      return state.exists ? stay(state, false) : { ok: true, newState: created };
    case 'NODEEXISTS':
      return stay(state, state.exists);
    case 'NONODE':
      // The parent was missing; then this node cannot exist either (no child without parent).
      return stay(state, !state.exists);
    default:
      return stay(state, false);
  }
}

function stepDelete(state: ZnodeState, op: ModelOp): StepResult {
  const expected = op.input.expectedVersion ?? -1;
  const allowed = state.exists && versionMatches(state.version, expected);
  if (op.output === null) return { ok: true, newState: allowed ? ABSENT_ZNODE : state };
  switch (op.output.err) {
    case 'OK':
      return allowed ? { ok: true, newState: ABSENT_ZNODE } : stay(state, false);
    case 'NONODE':
      return stay(state, !state.exists);
    case 'BADVERSION':
      return stay(state, state.exists && !versionMatches(state.version, expected));
    case 'NOTEMPTY':
      // Children are another partition's business; the version is checked before NOTEMPTY.
      return stay(state, allowed);
    default:
      return stay(state, false);
  }
}

function stepSetData(state: ZnodeState, op: ModelOp): StepResult {
  const expected = op.input.expectedVersion ?? -1;
  const allowed = state.exists && versionMatches(state.version, expected);
  const written: ZnodeState = { exists: true, data: op.input.data ?? null, version: nextVersion(state.version) };
  if (op.output === null) return { ok: true, newState: allowed ? written : state };
  switch (op.output.err) {
    case 'OK': {
      const versionOk = op.output.version === undefined || op.output.version === written.version;
      return allowed && versionOk ? { ok: true, newState: written } : stay(state, false);
    }
    case 'NONODE':
      return stay(state, !state.exists);
    case 'BADVERSION':
      return stay(state, state.exists && !versionMatches(state.version, expected));
    default:
      return stay(state, false);
  }
}

/** A read's answer against the state: NONODE iff absent; data and version when recorded. */
function readMatches(state: ZnodeState, op: ModelOp): boolean {
  const output = op.output;
  if (output === null) return true;
  if (output.err === 'NONODE') return !state.exists;
  if (output.err !== 'OK' || !state.exists) return false;
  if (output.data !== undefined && output.data !== state.data) return false;
  return output.version === undefined || output.version === state.version;
}
