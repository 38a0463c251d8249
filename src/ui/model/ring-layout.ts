// Where things go on the ring: server centres, the lanes messages travel along, and the shapes
// partitions that separate them. Pure geometry (D3 for the scales), tested without a DOM.
import { scaleLinear } from 'd3';

export interface Point {
  x: number;
  y: number;
}

/** Client endpoints are numbered from here (clients sorted by label: endpoint = base + index). */
export const CLIENT_ENDPOINT_BASE = 1000;

export interface RingLayout {
  width: number;
  height: number;
  /** Radius of each server's circle, in px. */
  nodeRadius: number;
  /** The ring is an ellipse (wider than tall on a landscape screen). */
  radiusX: number;
  radiusY: number;
  centre: Point;
  /** Centres of servers (by id) and of clients (by endpoint). */
  positions: Map<number, Point>;
  /** Size of a client's box, in px. */
  clientWidth: number;
  clientHeight: number;
}

/**
 * Lays `ids` out clockwise from the top on a ring that fits in width × height; `clients`
 * (endpoints) go outside the ring, in the gaps between servers, spread evenly.
 */
export function ringLayout(ids: readonly number[], width: number, height: number, clients: readonly number[] = []): RingLayout {
  const count = Math.max(ids.length, 1);
  const space = Math.max(160, Math.min(width, height));
  const angle = scaleLinear().domain([0, count]).range([-Math.PI / 2, (3 * Math.PI) / 2]);
  const positions = new Map<number, Point>();
  const place = (centre: Point, radiusX: number, radiusY: number) => ids.forEach((id, index) => {
    const theta = angle(index);
    positions.set(id, { x: centre.x + radiusX * Math.cos(theta), y: centre.y + radiusY * Math.sin(theta) });
  });
  const fitNode = (factor: number) => Math.max(24, Math.min(84, space * factor, (Math.PI * space * 0.34) / count));

  if (clients.length === 0) {
    const nodeRadius = Math.max(30, fitNode(0.115));
    const above = 26; // a partition halo reaches past the circle
    const below = 24; // a "paused" badge under a circle
    const centre = { x: width / 2, y: (above + height - below) / 2 };
    const radiusY = Math.max(nodeRadius * 1.5, (height - above - below) / 2 - nodeRadius - 6);
    const radiusX = Math.max(nodeRadius * 1.5, Math.min(width / 2 - nodeRadius - 24, radiusY * 1.55));
    place(centre, radiusX, radiusY);
    return { width, height, nodeRadius, radiusX, radiusY, centre, positions, clientWidth: 0, clientHeight: 0 };
  }

  // Clients sit on an outer ellipse that clears every server circle, whatever the angle: the
  // offset between the two ellipses is the circle's radius (with a gap) scaled by √2, so a box on
  // a diagonal stays off the circle too, plus half the box. Many clients make the boxes smaller.
  const crowded = clients.length > 2 * count;
  const clientWidth = Math.round(Math.max(84, Math.min(crowded ? 120 : 150, space * (crowded ? 0.13 : 0.16))));
  const clientHeight = Math.round(Math.max(40, Math.min(crowded ? 52 : 64, space * 0.085)));
  const gap = 6;
  const edge = 6;
  const centre = { x: width / 2, y: height / 2 };
  const outXMax = width / 2 - clientWidth / 2 - edge;
  const outYMax = height / 2 - clientHeight / 2 - edge;
  const clearance = (radius: number) => Math.SQRT2 * (radius + gap);
  // The circle may not be so large that the server ring collapses (radiusY at least 1.2 radii).
  let nodeRadius = fitNode(crowded ? 0.1 : 0.112);
  while (nodeRadius > 24 && outYMax - clientHeight / 2 - clearance(nodeRadius) < nodeRadius * 1.2) nodeRadius -= 1;
  const radiusY = Math.max(nodeRadius * 1.2, outYMax - clientHeight / 2 - clearance(nodeRadius));
  const radiusX = Math.max(nodeRadius * 1.5, Math.min(outXMax - clientWidth / 2 - clearance(nodeRadius), radiusY * 1.55));
  place(centre, radiusX, radiusY);
  const outX = Math.min(outXMax, radiusX + clearance(nodeRadius) + clientWidth / 2);
  const outY = Math.min(outYMax, radiusY + clearance(nodeRadius) + clientHeight / 2);
  // In the gaps between servers, spread evenly.
  const slots = Math.max(count, clients.length);
  clients.forEach((endpoint, index) => {
    const slot = Math.floor((index * slots) / clients.length) + 0.5;
    const theta = angle((slot * count) / slots);
    positions.set(endpoint, { x: centre.x + outX * Math.cos(theta), y: centre.y + outY * Math.sin(theta) });
  });
  return { width, height, nodeRadius, radiusX, radiusY, centre, positions, clientWidth, clientHeight };
}

/** How far from an endpoint's centre a line to it should stop. */
function inset(layout: RingLayout, id: number): number {
  return id >= CLIENT_ENDPOINT_BASE ? layout.clientHeight / 2 + 4 : layout.nodeRadius + 4;
}

export interface Lane {
  start: Point;
  end: Point;
  /** Unit normal to the lane (to the right of travel). */
  normal: Point;
}

/** Gap between the two directions of a link, so A→B and B→A messages do not overlap. */
export const LANE_OFFSET_PX = 7;

/** The path a message from `from` to `to` travels: edge to edge, offset to the right of travel. */
export function lane(layout: RingLayout, from: number, to: number): Lane | null {
  const a = layout.positions.get(from);
  const b = layout.positions.get(to);
  if (!a || !b || from === to) return null;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const normal = { x: -uy, y: ux };
  const from0 = inset(layout, from);
  const to0 = inset(layout, to);
  const shift = { x: normal.x * LANE_OFFSET_PX, y: normal.y * LANE_OFFSET_PX };
  return {
    start: { x: a.x + ux * from0 + shift.x, y: a.y + uy * from0 + shift.y },
    end: { x: b.x - ux * to0 + shift.x, y: b.y - uy * to0 + shift.y },
    normal,
  };
}

/** Fraction of the trip done at `timeMs` (0 at send, 1 at delivery). */
export function progress(timeMs: number, sendTimeMs: number, deliverTimeMs: number): number {
  const span = deliverTimeMs - sendTimeMs;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (timeMs - sendTimeMs) / span));
}

export interface MessagePlacement {
  x: number;
  y: number;
  opacity: number;
  /** Past the point where a dropped message is lost. */
  lost: boolean;
}

/** Distance a dropped message falls after the midpoint, in px. */
export const DROP_FALL_PX = 56;

/**
 * Where a message is drawn: along its lane; a dropped one stops at the midpoint, then fades (and
 * falls, unless `fall` is false for users who prefer reduced motion).
 */
export function placeMessage(travel: Lane, fraction: number, dropped: boolean, fall = true): MessagePlacement {
  const along = dropped ? Math.min(fraction, 0.5) : fraction;
  const x = travel.start.x + (travel.end.x - travel.start.x) * along;
  const y = travel.start.y + (travel.end.y - travel.start.y) * along;
  if (!dropped || fraction <= 0.5) return { x, y, opacity: 1, lost: false };
  const lostPart = (fraction - 0.5) * 2;
  return { x, y: fall ? y + lostPart * DROP_FALL_PX : y, opacity: Math.max(0, 1 - lostPart * 0.85), lost: true };
}

/** Index of the partition group holding `id`, or -1 (no partition, or not in any group). */
export function groupIndex(partition: readonly (readonly number[])[] | null, id: number): number {
  if (!partition) return -1;
  return partition.findIndex((group) => group.includes(id));
}

/** True when a partition separates two servers (as in the engine, a server in no group is alone). */
export function separated(partition: readonly (readonly number[])[] | null, a: number, b: number): boolean {
  if (!partition || a === b) return false;
  const left = groupIndex(partition, a);
  return left === -1 || left !== groupIndex(partition, b);
}
