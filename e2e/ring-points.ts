// Where to click or tap a link of the ring: the point on the link's line farthest from every
// server and client (a touch is snapped to the nearest clickable thing, so it must be clear of
// them), among the points where the line itself is what the page has under the pointer.
import type { Page } from '@playwright/test';

export async function clearPointOnLink(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((id) => {
    const line = document.querySelector(`[data-testid="${id}"]`) as SVGLineElement | null;
    const svg = line?.ownerSVGElement;
    if (!line || !svg) return null;
    const box = svg.getBoundingClientRect();
    const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) => Number(line.getAttribute(name))) as [number, number, number, number];
    const others = [...document.querySelectorAll('.server-node, .client-node')].map((element) => element.getBoundingClientRect());
    const clearance = (x: number, y: number): number => Math.min(...others.map((rect) => {
      const dx = Math.max(rect.left - x, 0, x - rect.right);
      const dy = Math.max(rect.top - y, 0, y - rect.bottom);
      return Math.hypot(dx, dy);
    }));
    let best: { x: number; y: number; clear: number } | null = null;
    for (let step = 0; step <= 60; step++) {
      const along = step / 60;
      const x = box.left + x1 + (x2 - x1) * along;
      const y = box.top + y1 + (y2 - y1) * along;
      if (document.elementFromPoint(x, y) !== line) continue;
      const clear = clearance(x, y);
      if (!best || clear > best.clear) best = { x, y, clear };
    }
    return best;
  }, testId);
  if (!point) throw new Error(`no uncovered point on ${testId}`);
  return { x: point.x, y: point.y };
}
