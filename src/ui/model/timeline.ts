// The history behind the timeline and the swimlane: role changes, faults and commits (bounded), and
// recent message sends (bounded). Runs are deterministic, so what was seen stays true after a seek
// back; only a new input (the share fragment changes) or a new load rewrites the future. A forward
// seek skips records: the view's roles are sampled then, so the bands still say who led (from the
// time the view was seen, marked approximate).
import type { TraceRecord } from '../../engine/sim/trace';
import type { WorldView } from '../../engine/world/view';

export const HISTORY_KEPT_MAX = 5000;
export const SENDS_KEPT_MAX = 3000;

export type TimelineEvent =
  | { kind: 'role'; t: number; server: number; role: string; epoch: number; approx?: boolean }
  | { kind: 'fault'; t: number; action: Record<string, unknown> }
  | { kind: 'commit'; t: number; zxid: number };

export type SendRecord = Extract<TraceRecord, { type: 'send' }>;

export interface HistoryInput {
  records: readonly TraceRecord[];
  view: WorldView;
  /** A new run (load): forget everything. */
  reset: boolean;
  /** The run's inputs changed (an action): what lies after view.timeMs is no longer true. */
  rewritten: boolean;
}

function eventKey(event: TimelineEvent): string {
  switch (event.kind) {
    case 'role': return `r${event.t}:${event.server}:${event.role}:${event.epoch}`;
    case 'fault': return `f${event.t}:${JSON.stringify(event.action)}`;
    case 'commit': return `c${event.zxid}`;
  }
}

/** Inserts `items` into the sorted `list` (by t, stable). Most arrive at the end. */
function insertSorted<T extends { t: number }>(list: T[], items: readonly T[]): void {
  for (const item of items) {
    let index = list.length;
    while (index > 0 && list[index - 1]!.t > item.t) index--;
    list.splice(index, 0, item);
  }
}

/** Role and epoch of each server at `t` as the history tells it. */
export function rolesAt(history: readonly TimelineEvent[], t: number): Map<number, { role: string; epoch: number }> {
  const roles = new Map<number, { role: string; epoch: number }>();
  for (const event of history) {
    if (event.t > t) break;
    if (event.kind === 'role') roles.set(event.server, { role: event.role, epoch: event.epoch });
  }
  return roles;
}

/** The next history: the same array (identity) when nothing changed. */
export function nextHistory(previous: readonly TimelineEvent[], input: HistoryInput): TimelineEvent[] {
  const now = input.view.timeMs;
  let list: TimelineEvent[] = input.reset ? [] : (previous as TimelineEvent[]);
  if (input.rewritten && list.some((event) => event.t > now)) list = list.filter((event) => event.t <= now);
  const fresh: TimelineEvent[] = [];
  for (const record of input.records) {
    if (record.type === 'role') fresh.push({ kind: 'role', t: record.t, server: record.server, role: record.role, epoch: record.epoch });
    else if (record.type === 'fault') fresh.push({ kind: 'fault', t: record.t, action: record.action });
    else if (record.type === 'commit') fresh.push({ kind: 'commit', t: record.t, zxid: record.zxid });
  }
  let changed = list !== previous;
  if (fresh.length > 0) {
    const known = new Set(list.map(eventKey));
    const added = fresh.filter((event) => {
      const key = eventKey(event);
      if (known.has(key)) return false;
      known.add(key);
      return true;
    });
    if (added.length > 0) {
      if (!changed) list = list.slice();
      insertSorted(list, added);
      changed = true;
    }
  }
  // The view is the truth at `now`: add what the records did not say (a forward seek skipped them).
  const roles = rolesAt(list, now);
  const samples: TimelineEvent[] = [];
  for (const server of input.view.servers) {
    const known = roles.get(server.id);
    if (!known || known.role !== server.role || known.epoch !== server.epoch) {
      samples.push({ kind: 'role', t: now, server: server.id, role: server.role, epoch: server.epoch, approx: true });
    }
  }
  if (samples.length > 0) {
    if (!changed) list = list.slice();
    insertSorted(list, samples);
    changed = true;
  }
  if (list.length > HISTORY_KEPT_MAX) list = list.slice(list.length - HISTORY_KEPT_MAX);
  return changed ? list : (previous as TimelineEvent[]);
}

/** The next list of sends (sorted by send time; the ones nearest to now are kept). */
export function nextSends(previous: readonly SendRecord[], input: HistoryInput): SendRecord[] {
  const now = input.view.timeMs;
  let list: SendRecord[] = input.reset ? [] : (previous as SendRecord[]);
  if (input.rewritten && list.some((send) => send.sendTimeMs > now)) list = list.filter((send) => send.sendTimeMs <= now);
  const fresh = input.records.filter((record): record is SendRecord => record.type === 'send');
  if (fresh.length === 0) return list;
  const known = new Set(list.map((send) => send.id));
  const added = fresh.filter((send) => !known.has(send.id));
  if (added.length === 0) return list;
  list = list.slice();
  for (const send of added) {
    let index = list.length;
    while (index > 0 && list[index - 1]!.sendTimeMs > send.sendTimeMs) index--;
    list.splice(index, 0, send);
  }
  if (list.length > SENDS_KEPT_MAX) {
    // Keep the ones nearest to the time shown (and a margin, so trimming is rare).
    const keep = Math.floor(SENDS_KEPT_MAX * 0.8);
    const nearest = list.map((send, index) => ({ index, distance: Math.abs(send.sendTimeMs - now) }))
      .sort((a, b) => a.distance - b.distance).slice(0, keep).map((entry) => entry.index).sort((a, b) => a - b);
    list = nearest.map((index) => list[index]!);
  }
  return list;
}

export interface Band {
  server: number;
  epoch: number;
  role: string;
  from: number;
  /** Infinity: still going. */
  to: number;
  approx: boolean;
}

/** Each server's role over time: consecutive segments (same role merged). A server that stays
 * in one role while its epoch rises is one tenure: a leader elected in epoch 0 whose NEWLEADER
 * establishes epoch 1 leads epoch 1 (the engine reports role changes; the view shows the new
 * epoch later), so the segment takes the higher epoch instead of splitting. */
export function roleSegments(history: readonly TimelineEvent[]): Map<number, Band[]> {
  const segments = new Map<number, Band[]>();
  for (const event of history) {
    if (event.kind !== 'role') continue;
    const list = segments.get(event.server) ?? [];
    const last = list[list.length - 1];
    if (last && last.role === event.role && event.epoch >= last.epoch) {
      last.epoch = event.epoch;
      continue;
    }
    if (last) last.to = event.t;
    list.push({ server: event.server, role: event.role, epoch: event.epoch, from: event.t, to: Infinity, approx: event.approx === true });
    segments.set(event.server, list);
  }
  return segments;
}

/** Who led which epoch when: the LEADING segment with the highest epoch at each moment. */
export function leaderBands(history: readonly TimelineEvent[]): Band[] {
  const leading: Band[] = [];
  for (const list of roleSegments(history).values()) for (const band of list) if (band.role === 'LEADING') leading.push(band);
  leading.sort((a, b) => a.from - b.from || b.epoch - a.epoch);
  const bands: Band[] = [];
  for (const band of leading) {
    const last = bands[bands.length - 1];
    if (last && band.from < last.to) {
      if (band.epoch <= last.epoch) continue; // an older leader that has not noticed yet
      last.to = band.from;
    }
    bands.push({ ...band });
  }
  return bands;
}

/** Where the timeline's axis ends: the furthest time reached, rounded up so it grows in steps. */
export function timelineEnd(headTimeMs: number): number {
  const target = Math.max(1000, headTimeMs * 1.05);
  const power = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 1.5, 2, 3, 4, 5, 6, 8, 10]) if (step * power >= target) return step * power;
  return 10 * power;
}
