import { describe, expect, it } from 'vitest';
import { DotPositions, dotPath, isStreaming, STREAM_ABOVE } from './message-stream';

describe('message streaming', () => {
  it('streams only while playing with heavy traffic', () => {
    expect(isStreaming(true, STREAM_ABOVE + 1)).toBe(true);
    expect(isStreaming(true, STREAM_ABOVE)).toBe(false);
    expect(isStreaming(false, 300)).toBe(false);
  });

  it('draws a dot as a closed circle of the dot radius around its centre', () => {
    expect(dotPath(100, 50)).toBe('M93,50a7,7 0 1,0 14,0a7,7 0 1,0 -14,0');
  });

  it('finds the dot under a click, the topmost on overlap, none when the click misses', () => {
    const positions = new DotPositions();
    positions.add(1, 100, 100);
    positions.add(2, 130, 100);
    positions.add(3, 100, 100);
    expect(positions.nearest(102, 101)).toBe(3);
    expect(positions.nearest(128, 97)).toBe(2);
    expect(positions.nearest(115, 100)).toBeNull();
    positions.reset();
    expect(positions.size).toBe(0);
    expect(positions.nearest(100, 100)).toBeNull();
  });
});
