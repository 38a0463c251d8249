// Output lines in the shape ../shared/tools/realzk/oracle.mjs prints (CONTRACT.md section 1):
// op outcomes and watch events from the trace become the oracle's JSON lines.
import * as fmt from '../engine/server/format';
import { errorCode, isErrorName, type ErrorName } from '../engine/server/errors';
import type { OpResult } from '../engine/server/txn';
import type { Stat } from '../engine/server/stat';
import type { Acl } from '../engine/server/acl';
import type { OpOutcome } from '../engine/sim/trace';

type Result = Record<string, unknown> | null;

/** Formats one op outcome; `format.clientOfSession` must already know every session. */
export function outcomeLine(outcome: OpOutcome, client: string, format: fmt.FormatOptions): fmt.Line {
  const op = outcome.op as Record<string, unknown> & { op: string };
  const base: fmt.LineBase = { i: outcome.opIndex, client, op: op.op };
  if (typeof op.path === 'string') base.path = op.path;
  if (outcome.err === 'CLIENT_REJECTED') return fmt.formatClientRejectedLine(base, outcome.message ?? '');
  if (outcome.err.startsWith('ORACLE_')) {
    const line = fmt.formatOracleOutcomeLine(base, outcome.err);
    return outcome.message === undefined ? line : { ...line, message: outcome.message };
  }
  if (op.op === 'connect') return fmt.formatConnectLine(outcome.opIndex, client, outcome.timeoutMs ?? 0, outcome.sessionId ?? 0, outcome.implicit === true, format);
  const err: ErrorName = isErrorName(outcome.err) ? outcome.err : 'SYSTEMERROR';
  if (outcome.zxid === null) return localLine(base, op, err, outcome);
  return replyLine(base, op, err, outcome.zxid, outcome.result as Result, format);
}

function localLine(base: fmt.LineBase, op: Record<string, unknown>, err: ErrorName, outcome: OpOutcome): fmt.Line {
  switch (op.op) {
    case 'crash': return fmt.formatCrashLine(base, outcome.timeoutMs ?? 0);
    case 'sleep': return fmt.formatSleepLine(base, (op.ms as number | undefined) ?? 0);
    case 'addAuth': return fmt.formatAddAuthLine(base, (op.scheme as string | undefined) ?? 'digest');
    default: {
      const extra: fmt.Line = {};
      if (op.op === 'delete' || op.op === 'setData' || op.op === 'setACL') extra.version = (op.version as number | undefined) ?? -1;
      if (op.op === 'getData' || op.op === 'exists' || op.op === 'getChildren') extra.watch = op.watch === true;
      if (op.op === 'create') extra.mode = op.mode ?? 'PERSISTENT';
      return fmt.formatLocalErrorLine(base, err, extra);
    }
  }
}

function replyLine(base: fmt.LineBase, op: Record<string, unknown>, err: ErrorName, zxid: number, result: Result, format: fmt.FormatOptions): fmt.Line {
  const version = (op.version as number | undefined) ?? -1;
  const watch = op.watch === true;
  const stat = (result?.stat ?? null) as Stat | null;
  switch (op.op) {
    case 'create':
      return fmt.formatCreateLine(base, (op.mode as string | number | undefined) ?? 'PERSISTENT', err, zxid, (result?.path as string | undefined) ?? null);
    case 'delete':
      return fmt.formatDeleteLine(base, version, err, zxid);
    case 'setData':
    case 'setACL':
      return fmt.formatVersionedWriteLine(base, version, err, zxid, stat, format);
    case 'getData':
      return fmt.formatGetDataLine(base, watch, err, zxid, (result?.data ?? null) as string | null, stat, format);
    case 'exists':
      return fmt.formatExistsLine(base, watch, err, zxid, stat, format);
    case 'getChildren':
      return fmt.formatGetChildrenLine(base, watch, err, zxid, (result?.children ?? []) as string[], stat, format);
    case 'getACL':
      return fmt.formatGetAclLine(base, err, zxid, (result?.acl ?? []) as Acl[], stat, format);
    case 'multi': {
      const subs = ((op.ops ?? []) as { op: string; path?: string }[]).map((sub) => ({ op: sub.op, ...(sub.path === undefined ? {} : { path: sub.path }) }));
      return fmt.formatMultiLine(base, subs, (result ?? { type: 'error', err }) as OpResult, zxid, format);
    }
    case 'close':
      return fmt.formatCloseLine(base, zxid);
    default:
      return { ...base, err, code: errorCode(err), zxid: '0x' + zxid.toString(16) };
  }
}
