// What the invariant panel, the history view and the timeline show of a run's correctness: every
// named invariant (src/engine/check/catalog.ts) with the violation at the current time, and the
// violations met so far in this run (kept across seeks, so the timeline can mark a violation
// that lies ahead of the playhead; forgotten on a new run or a fork).
import { INVARIANTS, LINEARIZABILITY, invariantOfMessage, type InvariantEntry } from '../../engine/check/catalog';
import type { CorrectnessReport } from '../../engine/check/live-correctness';
import type { InvariantReport } from '../../engine/world';

export interface ViolationMark {
  name: string;
  timeMs: number;
  /** The world's event count when it broke (world checkers only). */
  event: number | null;
  message: string;
}

export type InvariantStatus = 'holds' | 'broken' | 'undecided';

export interface InvariantRow {
  entry: InvariantEntry;
  status: InvariantStatus;
  /** The violation at the current time (earliest), when broken. */
  now: ViolationMark | null;
  /** A violation met earlier in this run that the current time has not reached (seeked back). */
  later: ViolationMark | null;
}

/** The violations in force at the current time, the earliest one per invariant. */
export function currentViolations(invariants: InvariantReport, correctness: CorrectnessReport | null): ViolationMark[] {
  const marks: ViolationMark[] = invariants.violations.map((violation) => ({
    name: invariantOfMessage(violation.message) ?? violation.name, timeMs: violation.timeMs, event: violation.event, message: violation.message,
  }));
  for (const violation of correctness?.violations ?? []) marks.push({ name: violation.name, timeMs: violation.timeMs, event: null, message: violation.message });
  const verdict = correctness?.linearizability ?? null;
  if (verdict !== null && verdict.ok === false) {
    marks.push({
      name: LINEARIZABILITY, timeMs: verdict.windowMs.toMs, event: null,
      message: `${LINEARIZABILITY}: the ${verdict.check} check fails on ${verdict.path} (ops ${verdict.ops.join(', ')}, ${verdict.windowMs.fromMs}-${verdict.windowMs.toMs} ms)`,
    });
  }
  return earliestPerName(marks);
}

/** Marks seen so far in this run: the current ones joined with what was seen before (earliest per invariant). */
export function nextViolationMarks(previous: readonly ViolationMark[], current: readonly ViolationMark[], reset: boolean): ViolationMark[] {
  const joined = earliestPerName([...(reset ? [] : previous), ...current]);
  return sameMarks(previous, joined) ? (previous as ViolationMark[]) : joined;
}

/** One row per named invariant, in catalog order. */
export function invariantRows(current: readonly ViolationMark[], seen: readonly ViolationMark[], correctness: CorrectnessReport | null): InvariantRow[] {
  return INVARIANTS.map((entry) => {
    const now = current.find((mark) => mark.name === entry.name) ?? null;
    const later = now === null ? seen.find((mark) => mark.name === entry.name) ?? null : null;
    const undecided = entry.name === LINEARIZABILITY && correctness?.linearizability?.ok === 'unknown';
    return { entry, status: now !== null ? 'broken' : undecided ? 'undecided' : 'holds', now, later };
  });
}

function earliestPerName(marks: readonly ViolationMark[]): ViolationMark[] {
  const byName = new Map<string, ViolationMark>();
  for (const mark of marks) {
    const known = byName.get(mark.name);
    if (known === undefined || mark.timeMs < known.timeMs) byName.set(mark.name, mark);
  }
  return [...byName.values()].sort((a, b) => a.timeMs - b.timeMs || (a.name < b.name ? -1 : 1));
}

function sameMarks(a: readonly ViolationMark[], b: readonly ViolationMark[]): boolean {
  return a.length === b.length && a.every((mark, index) => mark.name === b[index]!.name && mark.timeMs === b[index]!.timeMs && mark.message === b[index]!.message);
}
