// The playback clock: turns real time into simulated time at the chosen speed. Pure: the real
// time is passed in, so the worker's logic is tested in Node with a fake clock.

export interface PlaybackState {
  playing: boolean;
  /** Simulated ms per real ms, between 1/1000 and 10. */
  speed: number;
  /** Real time of the last advance, or null when paused. */
  lastRealMs: number | null;
  /** Fractional simulated ms carried between frames at slow speeds. */
  carryMs: number;
}

export const SPEED_MIN = 0.001;
export const SPEED_MAX = 10;
/** At most this much simulated time per frame, so a stalled tab does not jump far ahead. */
const ADVANCE_PER_FRAME_MS_MAX = 2000;

/** Clamps a requested speed into the allowed range. */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0) return 1;
  return Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
}

/** How many whole simulated ms to advance now; updates the clock. */
export function advance(playback: PlaybackState, realNowMs: number): number {
  if (!playback.playing) return 0;
  if (playback.lastRealMs === null) {
    playback.lastRealMs = realNowMs;
    return 0;
  }
  const realElapsedMs = Math.max(0, realNowMs - playback.lastRealMs);
  playback.lastRealMs = realNowMs;
  const simulatedMs = Math.min(ADVANCE_PER_FRAME_MS_MAX, realElapsedMs * playback.speed + playback.carryMs);
  const whole = Math.floor(simulatedMs);
  playback.carryMs = simulatedMs - whole;
  return whole;
}
