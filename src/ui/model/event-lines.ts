// The lines of the event list, newest first: story records (or every message on request), with
// the commits of one zxid on several servers merged into one line.
import type { TraceRecord } from '../../engine/sim/trace';
import { isStoryRecord } from './describe-record';

export interface EventLine {
  record: TraceRecord;
  /** For a commit: every server that committed this zxid (newest first). */
  servers?: number[];
}

/** The newest `max` records the list may show (story records, or every message), oldest first. */
export function shownRecords(events: readonly TraceRecord[], everyMessage: boolean, max: number): TraceRecord[] {
  const picked: TraceRecord[] = [];
  for (let index = events.length - 1; index >= 0 && picked.length < max; index--) {
    const record = events[index]!;
    if (everyMessage ? record.type !== 'deliver' : isStoryRecord(record)) picked.push(record);
  }
  return picked.reverse();
}

export function eventLines(events: readonly TraceRecord[], everyMessage: boolean, max: number): EventLine[] {
  const lines: EventLine[] = [];
  const commits = new Map<number, EventLine>();
  for (let index = events.length - 1; index >= 0 && lines.length < max; index--) {
    const record = events[index]!;
    if (everyMessage ? record.type === 'deliver' : !isStoryRecord(record)) continue;
    if (record.type === 'commit') {
      const line = commits.get(record.zxid);
      if (line) {
        line.servers!.push(record.server);
        continue;
      }
      const fresh: EventLine = { record, servers: [record.server] };
      commits.set(record.zxid, fresh);
      lines.push(fresh);
      continue;
    }
    lines.push({ record });
  }
  return lines;
}
