// The time the animation shows. The worker advances the run in whole ms, once per batch; at slow
// speeds that is one step every few frames, so between batches the clock runs on at the playback
// speed, never past the next whole ms (where the worker's true time lies). Motion stays smooth at
// 1/1000× and exact when paused or after a seek.

export interface PlaybackClock {
  /** The simulated time to draw at real time `nowMs`. */
  at(nowMs: number, batchTimeMs: number, playing: boolean, speed: number): number;
}

export function createPlaybackClock(): PlaybackClock {
  let shownMs = 0;
  let lastBatchMs = -1;
  let lastRealMs: number | null = null;
  return {
    at(nowMs, batchTimeMs, playing, speed) {
      const elapsedRealMs = lastRealMs === null ? 0 : Math.max(0, Math.min(100, nowMs - lastRealMs));
      lastRealMs = nowMs;
      if (!playing || batchTimeMs !== lastBatchMs && (batchTimeMs < shownMs - 1 || batchTimeMs > shownMs + 1)) {
        shownMs = batchTimeMs;
      } else {
        shownMs += elapsedRealMs * speed;
      }
      lastBatchMs = batchTimeMs;
      shownMs = Math.min(Math.max(shownMs, batchTimeMs), batchTimeMs + 0.999);
      return shownMs;
    },
  };
}
