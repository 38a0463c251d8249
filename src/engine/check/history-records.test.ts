// Op-call records: the world emits the call side of every client op (scenario steps, console
// actions, recipe actors), keeps the history through seeks and forks, and a history built from
// any run can be checked. The CLI does not print the new records.
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../world';
import { parseRunJson } from '../scenario/run-input';
import { BUG_LAB, DEMOS } from '../scenario/demos';
import { ACTOR_OP_INDEX } from '../world/actors';
import { runToLines } from '../../cli/run';
import { buildHistory, ENSEMBLE_INITIAL_STATES, pairCallsWithReturns } from './history';
import { checkLinearizable } from './linearizability';
import { createLiveCorrectness } from './live-correctness';

function open(scenario: Record<string, unknown>): World {
  const input = parseRunJson(scenario);
  return createWorld(input.scenario, input.inputs, { traceMessages: false });
}
function runScript(world: World): void {
  for (let guard = 0; guard < 5_000_000 && !world.scriptDone(); guard++) if (!world.stepEvent()) break;
}
const demo = (id: string) => [...DEMOS, ...BUG_LAB].find((entry) => entry.id === id)!;
const recordsOf = (world: World) => world.history().records.slice(0, world.history().length);

describe('op-call records', () => {
  it('every scenario op is called, then completed; the pair builds a linearizable history', () => {
    const world = open(demo('stale-read-sync').scenario);
    runScript(world);
    const drained = world.drain();
    const calls = drained.filter((record) => record.type === 'op-call');
    expect(calls.length).toBeGreaterThan(3);
    // The same records, in the same order, in the trace and in the history log.
    expect(recordsOf(world).filter((record) => record.type === 'op-call')).toEqual(calls);
    const pairs = pairCallsWithReturns(drained);
    for (const pair of pairs) {
      expect(pair.return, JSON.stringify(pair.call)).not.toBeNull();
      expect(pair.return!.t).toBeGreaterThanOrEqual(pair.call.t);
      expect(pair.return!.outcome.op).toEqual(pair.call.op);
    }
    const { ops } = buildHistory(pairs);
    expect(ops.some((op) => op.kind === 'sync-then-read')).toBe(true);
    expect(checkLinearizable(ops, { initialStates: ENSEMBLE_INITIAL_STATES })).toMatchObject({ ok: true });
  });

  it('console actions and recipe actors are recorded too, each call with a unique seq', () => {
    const world = open(demo('bug-naive-lock').scenario);
    world.runUntil(3000);
    world.act({ kind: 'op', client: 'n1', op: 'getData', path: '/naive/lock' });
    world.runUntil(6000);
    const calls = recordsOf(world).filter((record) => record.type === 'op-call');
    expect(calls.filter((call) => call.opIndex === ACTOR_OP_INDEX).length).toBeGreaterThan(10);
    expect(calls.filter((call) => call.opIndex === -1).map((call) => call.op)).toEqual([{ client: 'n1', op: 'getData', path: '/naive/lock' }]);
    expect(new Set(calls.map((call) => call.seq)).size).toBe(calls.length);
    const pairs = pairCallsWithReturns(recordsOf(world));
    const typed = pairs.find((pair) => pair.call.opIndex === -1)!;
    expect(typed.return?.outcome.err).toBe('OK');
  });

  it('the history log follows seeks (back, forward through snapshots) and forks', () => {
    const straight = open(demo('diff-vs-snap').scenario);
    straight.runUntil(9000);
    const full = recordsOf(straight);
    const world = open(demo('diff-vs-snap').scenario);
    world.runUntil(9000);
    world.seek(1000);
    const at1000 = recordsOf(world);
    expect(at1000.length).toBeLessThan(full.length);
    expect(at1000).toEqual(full.slice(0, at1000.length));
    expect(at1000.every((record) => record.t <= 1000)).toBe(true);
    world.seek(9000);
    expect(recordsOf(world)).toEqual(full);
    world.seek(1000);
    const generation = world.history().generation;
    world.act({ kind: 'fault', fault: 'crash', server: 1 });
    expect(world.history().generation).toBe(generation + 1);
    expect(world.history().records.length).toBe(world.history().length);
  });

  it('a bug-lab run that loses an acknowledged write is not linearizable; without the bug it is', () => {
    const scenario = demo('bug-commit-before-quorum').scenario;
    const verdict = (bugs: string[]) => {
      const world = open({ ...scenario, bugs });
      const live = createLiveCorrectness();
      for (let guard = 0; guard < 5_000_000 && !world.scriptDone(); guard++) {
        if (!world.stepEvent()) break;
        live.update(world.history());
      }
      return live.update(world.history()).linearizability;
    };
    expect(verdict(['commit-before-quorum'])).toMatchObject({ ok: false, check: 'linearizable', path: '/acked' });
    expect(verdict([])).toMatchObject({ ok: true });
  });

  it('the CLI prints no op-call line (npm run sim output is unchanged)', () => {
    const lines = runToLines(parseRunJson(demo('stale-read-sync').scenario), { stable: true, trace: true, messages: false } as never);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.some((line) => line.includes('op-call') || line.includes('"seq"'))).toBe(false);
  });
});
