// Layout of the history view, Porcupine style: time is drawn by order, not by scale. Every
// distinct call and return time gets a slot, so a 20 ms op next to a 40 s pause stays readable;
// rows are clients. Pure, so it is tested without a browser.
import type { HistoryOp } from '../../../engine/check/history';

export const SLOT_PX = 46;
/** Client names are drawn in their own column (they stay put while the history scrolls). */
export const LEFT_PX = 14;
export const ROW_PX = 30;
export const TOP_PX = 22;

export interface OpBar {
  op: HistoryOp;
  x0: number;
  x1: number;
  y: number;
  /** Linearization point x, when the op has one. */
  pointX: number | null;
  pending: boolean;
  offending: boolean;
}

export interface HistoryLayout {
  clients: string[];
  bars: OpBar[];
  width: number;
  height: number;
  /** Time labels at slot positions (thinned so they do not overlap). */
  ticks: { x: number; timeMs: number }[];
  /** The offending window, when the history is not linearizable. */
  window: { x0: number; x1: number } | null;
}

export function layoutHistory(ops: readonly HistoryOp[], points: Readonly<Record<number, number>>, offending: readonly number[], windowMs: { fromMs: number; toMs: number } | null): HistoryLayout {
  const clients = [...new Set(ops.map((op) => op.client))].sort();
  const times = new Set<number>();
  for (const op of ops) {
    times.add(op.callMs);
    if (Number.isFinite(op.returnMs)) times.add(op.returnMs);
  }
  if (windowMs !== null) {
    times.add(windowMs.fromMs);
    times.add(windowMs.toMs);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const slot = new Map(sorted.map((time, index) => [time, index]));
  // Slot centres: SLOT_PX apart, widened where a bar needs room for its label (ops in order of
  // their return slot, so widening one never shrinks a bar already placed).
  const centres = sorted.map((_, index) => LEFT_PX + index * SLOT_PX + SLOT_PX / 2);
  const byReturn = ops.filter((op) => Number.isFinite(op.returnMs)).sort((a, b) => slot.get(a.returnMs)! - slot.get(b.returnMs)!);
  for (const op of byReturn) {
    const from = slot.get(op.callMs)!;
    const to = slot.get(op.returnMs)!;
    const missing = labelPx(op) - (centres[to]! - centres[from]!);
    if (missing <= 0) continue;
    for (let index = Math.max(to, from + 1); index < centres.length; index++) centres[index]! += missing;
  }
  const lastCentre = centres.length > 0 ? centres[centres.length - 1]! : LEFT_PX;
  const pendingLabel = ops.reduce((widest, op) => (Number.isFinite(op.returnMs) ? widest : Math.max(widest, labelPx(op))), 0);
  const endX = lastCentre + Math.max(SLOT_PX, pendingLabel);
  // A point lies between its op's call and return: place it by interpolating between slots.
  const xOf = (timeMs: number): number => {
    if (!Number.isFinite(timeMs)) return endX;
    const exact = slot.get(timeMs);
    if (exact !== undefined) return centres[exact]!;
    const after = sorted.findIndex((time) => time > timeMs);
    if (after === -1) return lastCentre;
    if (after === 0) return centres[0]!;
    const fraction = (timeMs - sorted[after - 1]!) / (sorted[after]! - sorted[after - 1]!);
    return centres[after - 1]! + fraction * (centres[after]! - centres[after - 1]!);
  };
  const bad = new Set(offending);
  const bars = ops.map((op) => {
    const x0 = xOf(op.callMs);
    const x1 = Math.max(x0 + SLOT_PX * 0.6, xOf(op.returnMs));
    const point = points[op.id];
    return {
      op, x0, x1, y: TOP_PX + clients.indexOf(op.client) * ROW_PX,
      pointX: point === undefined ? null : Math.min(x1, Math.max(x0, xOf(point))),
      pending: !Number.isFinite(op.returnMs), offending: bad.has(op.id),
    };
  });
  const ticks: { x: number; timeMs: number }[] = [];
  let lastX = Number.NEGATIVE_INFINITY;
  for (const time of sorted) {
    const x = xOf(time);
    if (x - lastX < 70) continue;
    ticks.push({ x, timeMs: time });
    lastX = x;
  }
  return {
    clients, bars, ticks,
    width: endX + SLOT_PX,
    height: TOP_PX + clients.length * ROW_PX + 6,
    window: windowMs === null ? null : { x0: xOf(windowMs.fromMs) - SLOT_PX / 2, x1: xOf(windowMs.toMs) + SLOT_PX / 2 },
  };
}

/** Pixels a bar needs to show its label (10 px monospace text). */
export const LABEL_CHAR_PX = 6.2;
function labelPx(op: HistoryOp): number {
  return opLabel(op).length * LABEL_CHAR_PX + 10;
}

/** The short text on a bar: what the op did and what it was told. */
export function opLabel(op: HistoryOp): string {
  const kind = op.kind === 'sync-then-read' ? 'sync+read' : op.kind;
  return `${kind} ${op.path} → ${opResult(op)}`;
}

export function opResult(op: HistoryOp): string {
  if (op.output === null) return '?';
  if (op.output.err !== 'OK') return op.output.err;
  if (op.kind === 'read' || op.kind === 'sync-then-read') return op.output.data === undefined ? `v${op.output.version ?? '?'}` : JSON.stringify(op.output.data);
  return 'OK';
}
