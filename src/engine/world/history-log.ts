// The run's client history, kept apart from the trace sink: op calls, op completions and watch
// notifications, recorded even while seeking (when the sink is silent), so a history up to where
// the run stands can be rebuilt at any time. It lives beside the state, not in it: the state's
// fingerprint (and so `npm run sim` output) does not see it.
//
// The log is one deterministic sequence per input log. `cursor` is where the run stands in it:
// a seek restores a snapshot and sets the cursor to the log length the snapshot was taken at;
// replaying re-emits the same records (overwritten in place). A fork (an action in the past)
// drops what lies after the cursor, and bumps `generation` so readers know to start over.
import type { TraceRecord } from '../sim/trace';

export type HistoryRecord = Extract<TraceRecord, { type: 'op' | 'op-call' | 'watch' }>;

export interface HistoryLog {
  records: HistoryRecord[];
  cursor: number;
  generation: number;
}

/** What readers see: the records up to where the run stands are records[0, length). */
export interface HistoryLogView {
  records: readonly HistoryRecord[];
  length: number;
  generation: number;
}

export function createHistoryLog(): HistoryLog {
  return { records: [], cursor: 0, generation: 0 };
}

export function isHistoryRecord(record: TraceRecord): record is HistoryRecord {
  return record.type === 'op' || record.type === 'op-call' || record.type === 'watch';
}

/** Appends (or, when replaying, rewrites in place) the record at the cursor; a call gets its seq. */
export function logHistory(log: HistoryLog, record: HistoryRecord): void {
  if (record.type === 'op-call') record.seq = log.cursor;
  if (log.cursor < log.records.length) log.records[log.cursor] = record;
  else log.records.push(record);
  log.cursor++;
}

/** The run forks here: what was recorded after the cursor belongs to a future that is gone. */
export function forkHistory(log: HistoryLog): void {
  if (log.records.length === log.cursor) return;
  log.records.length = log.cursor;
  log.generation++;
}
