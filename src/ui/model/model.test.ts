import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { translate } from '../i18n/translate';
import { zhCN } from '../i18n/zh-CN';
import { buildFragment, readStartup } from './fragment';
import { FAMILY_COLOURS, messageColour, messageFamily } from './message-kinds';
import { createPlaybackClock } from './playback-clock';
import { formatSeconds, formatSpeed, sliderToSpeed, speedToSlider, SPEED_SLIDER_STEPS } from './playback-format';
import { lane, placeMessage, progress, ringLayout, separated } from './ring-layout';

describe('message families', () => {
  it.each([
    ['NOTIFICATION', 'election'], ['FOLLOWERINFO', 'sync'], ['LEADERINFO', 'sync'], ['ACKEPOCH', 'sync'], ['NEWLEADER', 'sync'],
    ['UPTODATE', 'sync'], ['DIFF', 'sync'], ['PROPOSAL 1:3', 'proposal'], ['ACK', 'ack'], ['COMMIT', 'commit'], ['INFORM', 'inform'],
    ['PING', 'ping'], ['create', 'client'], ['REPLY', 'client'], ['WATCH', 'watch'], ['CLOSE', 'close'], ['HEARTBEAT', 'heartbeat'],
    ['SOMETHING_NEW', 'other'],
  ])('%s is %s', (label, family) => {
    expect(messageFamily(label)).toBe(family);
  });
  it('gives unknown labels the neutral colour', () => {
    expect(messageColour('???')).toBe(FAMILY_COLOURS.other);
  });
});

describe('ring layout', () => {
  it('never puts a client box over a server or another client (3–7 servers, up to 20 clients, projector and laptop stages)', () => {
    for (const [width, height] of [[829, 440], [1200, 760], [640, 420]] as const) {
      for (const servers of [3, 5, 7]) {
        for (const clientCount of [2, 6, 10, 20]) {
          const ids = Array.from({ length: servers }, (_, index) => index + 1);
          const clients = Array.from({ length: clientCount }, (_, index) => 1000 + index);
          const layout = ringLayout(ids, width, height, clients);
          const where = `${width}x${height}, ${servers} servers, ${clientCount} clients`;
          const boxes = clients.map((endpoint) => layout.positions.get(endpoint)!);
          for (const box of boxes) {
            for (const id of ids) {
              const centre = layout.positions.get(id)!;
              // Distance from the circle's centre to the nearest point of the box.
              const dx = Math.max(Math.abs(centre.x - box.x) - layout.clientWidth / 2, 0);
              const dy = Math.max(Math.abs(centre.y - box.y) - layout.clientHeight / 2, 0);
              expect(Math.hypot(dx, dy), `${where}: a client covers server ${id}`).toBeGreaterThan(layout.nodeRadius);
            }
          }
          if (clientCount <= 10) {
            boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
              const apart = Math.abs(a.x - b.x) >= layout.clientWidth || Math.abs(a.y - b.y) >= layout.clientHeight;
              expect(apart, `${where}: two clients overlap`).toBe(true);
            }));
          }
        }
      }
    }
  });

  it('puts the first server at the top and every server inside the box', () => {
    const layout = ringLayout([1, 2, 3, 4, 5], 900, 600);
    const first = layout.positions.get(1)!;
    expect(first.x).toBeCloseTo(450);
    for (const point of layout.positions.values()) {
      expect(point.x - layout.nodeRadius).toBeGreaterThanOrEqual(0);
      expect(point.x + layout.nodeRadius).toBeLessThanOrEqual(900);
      expect(point.y - layout.nodeRadius).toBeGreaterThanOrEqual(0);
      expect(point.y + layout.nodeRadius).toBeLessThanOrEqual(600);
    }
  });
  it('moves messages from sender to receiver, on opposite lanes for the two directions', () => {
    const layout = ringLayout([1, 2], 800, 600);
    const there = lane(layout, 1, 2)!;
    const back = lane(layout, 2, 1)!;
    expect(placeMessage(there, 0, false)).toMatchObject(there.start);
    expect(placeMessage(there, 1, false)).toMatchObject(there.end);
    expect(there.normal.x).toBeCloseTo(-back.normal.x);
    expect(lane(layout, 1, 1)).toBeNull();
    expect(lane(layout, 1, 99)).toBeNull();
  });
  it('computes progress from send and deliver times', () => {
    expect(progress(5, 0, 10)).toBe(0.5);
    expect(progress(-1, 0, 10)).toBe(0);
    expect(progress(20, 0, 10)).toBe(1);
    expect(progress(3, 3, 3)).toBe(1);
  });
  it('stops dropped messages at the midpoint, then fades (and falls unless motion is reduced)', () => {
    const travel = lane(ringLayout([1, 2], 800, 600), 1, 2)!;
    const mid = placeMessage(travel, 0.5, true);
    const late = placeMessage(travel, 0.9, true);
    expect(late.x).toBeCloseTo(mid.x);
    expect(late.y).toBeGreaterThan(mid.y);
    expect(late.opacity).toBeLessThan(1);
    expect(late.lost).toBe(true);
    expect(placeMessage(travel, 0.9, true, false).y).toBeCloseTo(mid.y);
  });
  it('knows which servers a partition separates (a server in no group is alone)', () => {
    expect(separated(null, 1, 2)).toBe(false);
    expect(separated([[1, 2], [3]], 1, 2)).toBe(false);
    expect(separated([[1, 2], [3]], 1, 3)).toBe(true);
    expect(separated([[1, 2]], 1, 4)).toBe(true);
  });
});

describe('playback numbers', () => {
  it('maps the speed slider on a log scale from 1/1000 to 10', () => {
    expect(sliderToSpeed(0)).toBe(0.001);
    expect(sliderToSpeed(SPEED_SLIDER_STEPS)).toBe(10);
    expect(sliderToSpeed(speedToSlider(0.01))).toBeCloseTo(0.01);
    expect(speedToSlider(1)).toBe(300);
  });
  it('writes speeds and times for people', () => {
    expect(formatSpeed(0.01)).toBe('0.01');
    expect(formatSpeed(1)).toBe('1');
    expect(formatSpeed(0.0012345)).toBe('0.0012');
    expect(formatSeconds(12345)).toBe('12.345');
    expect(formatSeconds(7)).toBe('0.007');
  });
  it('runs the drawn clock smoothly between whole-ms batches, never past the next ms', () => {
    const clock = createPlaybackClock();
    expect(clock.at(0, 100, true, 0.01)).toBe(100);
    expect(clock.at(16, 100, true, 0.01)).toBeCloseTo(100.16);
    expect(clock.at(1000, 100, true, 0.01)).toBeCloseTo(100.999);
    const next = clock.at(1016, 101, true, 0.01);
    expect(next).toBeGreaterThanOrEqual(101);
    expect(next).toBeLessThan(102);
    expect(clock.at(1032, 40, true, 0.01)).toBe(40); // a seek back jumps
    expect(clock.at(1048, 40, false, 0.01)).toBe(40); // paused: exact
  });
});

describe('address fragment', () => {
  it('reads a run, its time and its language from the hash', () => {
    expect(readStartup('')).toEqual({ fragment: null, language: null, paused: false });
    expect(readStartup('#lang=zh-CN')).toEqual({ fragment: null, language: 'zh-CN', paused: false });
    expect(readStartup('#s=1.abc&t=500&lang=zh-CN')).toEqual({ fragment: '#s=1.abc&t=500&lang=zh-CN', language: 'zh-CN', paused: true });
    expect(readStartup('#s=1.abc&lang=xx').language).toBeNull();
  });
  it('writes the share fragment with time and language', () => {
    expect(buildFragment({ shareFragment: '#s=1.abc', language: 'en' })).toBe('#s=1.abc');
    expect(buildFragment({ shareFragment: '#s=1.abc', timeMs: 1234.4, language: 'zh-CN' })).toBe('#s=1.abc&t=1234&lang=zh-CN');
  });
});

describe('i18n', () => {
  it('has every English key in Chinese, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });
  it('fills placeholders', () => {
    expect(translate('en', 'server.name', { id: 3 })).toBe('server 3');
    expect(translate('zh-CN', 'controls.timeValue', { seconds: '1.000' })).toBe('1.000 秒');
  });
});
