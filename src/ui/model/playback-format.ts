// How playback numbers are written and how the speed slider maps to a speed.
import { scaleLog } from 'd3';

export const SPEED_MIN = 1 / 1000;
export const SPEED_MAX = 10;
/** The speed the app opens at: slow enough to follow each message. */
export const SPEED_DEFAULT = 0.01;
/** The speed slider's integer range (steps along a log scale). */
export const SPEED_SLIDER_STEPS = 400;

const speedScale = scaleLog().domain([SPEED_MIN, SPEED_MAX]).range([0, SPEED_SLIDER_STEPS]).clamp(true);

/** Slider position (0..SPEED_SLIDER_STEPS) for a speed. */
export function speedToSlider(speed: number): number {
  return Math.round(speedScale(speed));
}

/** Speed for a slider position, rounded to two significant digits so the label stays short. */
export function sliderToSpeed(position: number): number {
  const raw = speedScale.invert(position);
  return Number(raw.toPrecision(2));
}

/** "0.01", "0.5", "1", "10": a speed without trailing zeros. */
export function formatSpeed(speed: number): string {
  if (speed >= 1) return String(Number(speed.toPrecision(3)));
  return String(Number(speed.toPrecision(2)));
}

/** Simulated ms as seconds with milliseconds: 12345 → "12.345". */
export function formatSeconds(timeMs: number): string {
  const whole = Math.max(0, Math.floor(timeMs));
  return `${Math.floor(whole / 1000)}.${String(whole % 1000).padStart(3, '0')}`;
}
