// Streaming mode of the message layer. While playback runs with heavy traffic in flight, moving
// one SVG element per message costs Chromium a style recalc and a relayout per message per frame
// (about 2 ms a frame at 300 messages). Instead, the plain dots are drawn as paths, two per colour
// family (dots alternate between them, so neighbours on a busy wire stay outlined apart), rebuilt
// each frame: two dozen attribute writes. The dots that need their own element (dropped, selected,
// highlighted by a walkthrough) keep moving as elements. Paused, or with lighter traffic, every dot
// is its own element, so hovering, clicking, tests and exports see one element per message.

/** Up to this many messages in flight, each carries its label and moves as its own element. */
export const LABELS_SHOWN_MAX = 10;

/** Above this many messages in flight, playback streams (lighter traffic costs little as elements). */
export const STREAM_ABOVE = 60;

export const DOT_RADIUS = 7;

/** Paths per colour family (dots alternate between them). */
export const PATHS_PER_FAMILY = 2;

/** Whether the layer streams: playing with heavy traffic. */
export function isStreaming(playing: boolean, messagesInFlight: number): boolean {
  return playing && messagesInFlight > STREAM_ABOVE;
}

/** A full circle as path data (two half arcs), centred on (x, y). */
export function dotPath(x: number, y: number, radius = DOT_RADIUS): string {
  return `M${x - radius},${y}a${radius},${radius} 0 1,0 ${radius * 2},0a${radius},${radius} 0 1,0 ${-radius * 2},0`;
}

/** Where each message was drawn in the last frame, for clicks on a streamed (element-less) dot. */
export class DotPositions {
  private ids: number[] = [];
  private xs: number[] = [];
  private ys: number[] = [];
  private count = 0;

  /** Starts a new frame (the arrays are reused, not reallocated). */
  reset(): void {
    this.count = 0;
  }

  add(id: number, x: number, y: number): void {
    this.ids[this.count] = id;
    this.xs[this.count] = x;
    this.ys[this.count] = y;
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** The message whose dot centre is nearest to (x, y) within `radius`, or null. Later messages
   * win ties, as they are drawn on top. */
  nearest(x: number, y: number, radius = DOT_RADIUS + 3): number | null {
    let best: number | null = null;
    let bestDistance = radius * radius;
    for (let index = 0; index < this.count; index++) {
      const dx = this.xs[index]! - x;
      const dy = this.ys[index]! - y;
      const distance = dx * dx + dy * dy;
      if (distance <= bestDistance) {
        bestDistance = distance;
        best = this.ids[index]!;
      }
    }
    return best;
  }
}
