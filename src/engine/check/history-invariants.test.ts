// The history-based invariants (WatchFiresOnce, RepliesInOrder): quiet on real runs, and each
// fails on a deliberately broken history.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../world';
import { parseRunJson } from '../scenario/run-input';
import { DEMOS } from '../scenario/demos';
import { checkRepliesInOrder, checkWatchFiresOnce } from './session-invariants';

const call = (client: string, opIndex: number, t: number, op: Record<string, unknown> & { op: string }) => ({ type: 'op-call' as const, t, client, opIndex, op });
const reply = (client: string, opIndex: number, t: number, op: Record<string, unknown> & { op: string }, zxid: number | null) => ({ type: 'op' as const, t, client, outcome: { opIndex, op, err: 'OK', zxid, result: null } });
const watch = (client: string, t: number, fired: number[]) => ({ type: 'watch' as const, t, client, event: 'NodeDataChanged', path: '/w', fired });

function historyOf(id: string) {
  const demo = DEMOS.find((entry) => entry.id === id)!;
  const input = parseRunJson(demo.scenario);
  const world = createWorld(input.scenario, input.inputs, { traceMessages: false });
  for (let guard = 0; guard < 5_000_000 && !world.scriptDone(); guard++) if (!world.stepEvent()) break;
  const history = world.history();
  return history.records.slice(0, history.length);
}

describe('WatchFiresOnce', () => {
  const getW = { op: 'getData', path: '/w', watch: true };
  it('a one-time watch that fires once is fine; a persistent one may fire again', () => {
    const addW = { op: 'addWatch', path: '/w', mode: 'PERSISTENT' };
    expect(checkWatchFiresOnce([call('a', 0, 1, getW), reply('a', 0, 2, getW, 3), call('a', 1, 3, addW), watch('a', 5, [0, 1]), watch('a', 6, [1])])).toEqual([]);
  });
  it('the same registration firing twice is caught, at the second event', () => {
    const broken = checkWatchFiresOnce([call('a', 0, 1, getW), reply('a', 0, 2, getW, 3), watch('a', 5, [0]), watch('a', 9, [0])]);
    expect(broken).toEqual([{ name: 'WatchFiresOnce', timeMs: 9, message: expect.stringMatching(/^WatchFiresOnce \(a\): the watch set by op 0 fired again/) }]);
  });
  it('holds on the watch demo (a watch, a change, a re-read)', () => {
    const records = historyOf('watch-once');
    expect(records.some((record) => record.type === 'watch' && record.fired.length > 0)).toBe(true);
    expect(checkWatchFiresOnce(records)).toEqual([]);
  });
});

describe('RepliesInOrder', () => {
  const set = (data: string) => ({ op: 'setData', path: '/a', data });
  it('replies in issue order are fine; a local outcome (no zxid) may come first', () => {
    expect(checkRepliesInOrder([call('a', 0, 1, set('x')), call('a', 1, 1, set('y')), reply('a', 1, 1, set('y'), null), reply('a', 0, 5, set('x'), 7)])).toEqual([]);
    expect(checkRepliesInOrder([call('a', 0, 1, set('x')), call('a', 1, 2, set('y')), reply('a', 0, 5, set('x'), 7), reply('a', 1, 6, set('y'), 8)])).toEqual([]);
  });
  it('a server answer overtaking an earlier request of the same client is caught', () => {
    const broken = checkRepliesInOrder([call('a', 0, 1, set('x')), call('a', 1, 2, set('y')), call('b', 2, 2, set('z')), reply('a', 1, 5, set('y'), 8), reply('b', 2, 5, set('z'), 9), reply('a', 0, 6, set('x'), 7)]);
    expect(broken).toEqual([{ name: 'RepliesInOrder', timeMs: 6, message: 'RepliesInOrder (a): setData was answered after setData, which it issued later' }]);
  });
  it('holds on a busy real run (hundreds of writes)', () => {
    const records = historyOf('diff-vs-snap');
    expect(records.filter((record) => record.type === 'op').length).toBeGreaterThan(100);
    expect(checkRepliesInOrder(records)).toEqual([]);
  });
});
