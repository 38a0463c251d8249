import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/sim/trace';
import type { WorldView } from '../../engine/world/view';
import { HISTORY_KEPT_MAX, leaderBands, nextHistory, nextSends, roleSegments, timelineEnd, type TimelineEvent } from './timeline';

function view(timeMs: number, roles: [number, string, number][]): WorldView {
  return {
    timeMs, title: '', protocol: 'zab', clients: [], znodes: [], messages: [],
    network: { partition: null, cuts: [], slowLinks: [], lossRatio: 0 },
    servers: roles.map(([id, role, epoch]) => ({ id, role: role as never, epoch, lastZxid: 0, alive: role !== 'DOWN', paused: false, serving: false, observer: false, detail: {} })),
  };
}
const role = (t: number, server: number, r: string, epoch: number): TraceRecord => ({ type: 'role', t, server, role: r as never, epoch });
const send = (id: number, sendTimeMs: number): TraceRecord => ({ type: 'send', t: sendTimeMs, id, from: 1, to: 2, label: 'PING', sendTimeMs, deliverTimeMs: sendTimeMs + 2, dropped: null, retransmits: 0 });

describe('timeline history', () => {
  it('samples the view at the start, then takes exact role records', () => {
    let history = nextHistory([], { records: [], view: view(0, [[1, 'LOOKING', 0], [2, 'LOOKING', 0]]), reset: true, rewritten: false });
    expect(history).toHaveLength(2);
    expect(history.every((event) => event.kind === 'role' && event.approx)).toBe(true);
    const records = [role(200, 1, 'LEADING', 1), role(201, 2, 'FOLLOWING', 1), { type: 'commit', t: 300, server: 1, zxid: 5 } as TraceRecord];
    history = nextHistory(history, { records, view: view(400, [[1, 'LEADING', 1], [2, 'FOLLOWING', 1]]), reset: false, rewritten: false });
    expect(history.map((event) => event.t)).toEqual([0, 0, 200, 201, 300]);
    expect(leaderBands(history)).toEqual([{ server: 1, epoch: 1, role: 'LEADING', from: 200, to: Infinity, approx: false }]);
    // nothing new: the same array (no re-render)
    const same = nextHistory(history, { records: [], view: view(500, [[1, 'LEADING', 1], [2, 'FOLLOWING', 1]]), reset: false, rewritten: false });
    expect(same).toBe(history);
  });

  it('a leader elected in epoch 0 that establishes epoch 1 is one band labelled epoch 1', () => {
    const history = nextHistory([], { records: [role(0, 3, 'LOOKING', 0), role(200, 3, 'LEADING', 0)], view: view(6000, [[3, 'LEADING', 1]]), reset: true, rewritten: false });
    expect(leaderBands(history)).toEqual([{ server: 3, epoch: 1, role: 'LEADING', from: 200, to: Infinity, approx: false }]);
  });

  it('keeps the future after a seek back (deterministic), drops it when the inputs change', () => {
    const start = nextHistory([], { records: [role(0, 1, 'LOOKING', 0), role(200, 1, 'LEADING', 1), role(900, 1, 'DOWN', 1)], view: view(1000, [[1, 'DOWN', 1]]), reset: true, rewritten: false });
    const back = nextHistory(start, { records: [], view: view(500, [[1, 'LEADING', 1]]), reset: false, rewritten: false });
    expect(back).toBe(start);
    const acted = nextHistory(back, { records: [], view: view(500, [[1, 'LEADING', 1]]), reset: false, rewritten: true });
    expect(acted.map((event) => event.t)).toEqual([0, 200]);
  });

  it('a forward seek without records still shows who leads, from the time seen', () => {
    const start = nextHistory([], { records: [], view: view(0, [[1, 'LOOKING', 0]]), reset: true, rewritten: false });
    const jumped = nextHistory(start, { records: [], view: view(3000, [[1, 'LEADING', 1]]), reset: false, rewritten: false });
    expect(leaderBands(jumped)).toEqual([{ server: 1, epoch: 1, role: 'LEADING', from: 3000, to: Infinity, approx: true }]);
  });

  it('a newer epoch ends the band of an old leader that has not noticed', () => {
    const history: TimelineEvent[] = [
      { kind: 'role', t: 0, server: 1, role: 'LEADING', epoch: 1 },
      { kind: 'role', t: 100, server: 2, role: 'LEADING', epoch: 2 },
      { kind: 'role', t: 150, server: 1, role: 'LOOKING', epoch: 1 },
    ];
    expect(leaderBands(history).map((band) => [band.server, band.epoch, band.from, band.to])).toEqual([[1, 1, 0, 100], [2, 2, 100, Infinity]]);
    expect(roleSegments(history).get(1)!.map((band) => band.role)).toEqual(['LEADING', 'LOOKING']);
  });

  it('stays bounded', () => {
    const records = Array.from({ length: HISTORY_KEPT_MAX + 100 }, (_, index) => ({ type: 'commit', t: index, server: 1, zxid: index }) as TraceRecord);
    const history = nextHistory([], { records, view: view(HISTORY_KEPT_MAX + 100, []), reset: true, rewritten: false });
    expect(history).toHaveLength(HISTORY_KEPT_MAX);
  });
});

describe('sends for the swimlane', () => {
  it('sorts by send time and removes duplicates (a replay after a seek back)', () => {
    const first = nextSends([], { records: [send(2, 20), send(1, 10)], view: view(30, []), reset: true, rewritten: false });
    expect(first.map((entry) => entry.id)).toEqual([1, 2]);
    const again = nextSends(first, { records: [send(1, 10)], view: view(30, []), reset: false, rewritten: false });
    expect(again).toBe(first);
  });
});

describe('timelineEnd', () => {
  it('grows in steps, so the axis does not change every frame', () => {
    expect(timelineEnd(0)).toBe(1000);
    expect(timelineEnd(2900)).toBe(4000);
    expect(timelineEnd(3000)).toBe(4000);
    expect(timelineEnd(9000)).toBe(10000);
  });
});
