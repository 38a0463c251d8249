// The recipe panel's model, on the recipe demos run by the real engine: the lock queue's order and
// watch arrows, a holder whose node is gone, the herd's notifications, the registry's members.
import { describe, expect, it } from 'vitest';
import { DEMOS } from '../../engine/scenario/demos';
import { parseRunJson } from '../../engine/scenario/run-input';
import { createWorld } from '../../engine/world';
import type { WorldView } from '../../engine/world/view';
import { recipeGroups, sequenceOf, wokenKey, type ElectionGroup, type LockGroup, type NaiveLockGroup, type RegistryGroup } from './recipes';

function viewAt(demoId: string, timeMs: number): WorldView {
  const demo = DEMOS.find((entry) => entry.id === demoId)!;
  const input = parseRunJson(demo.scenario);
  const world = createWorld(input.scenario, input.inputs, { traceMessages: false });
  world.runUntil(timeMs);
  return world.view();
}

const order = (group: LockGroup | ElectionGroup) => group.entries.map((entry) => entry.actor);
const watches = (group: LockGroup | ElectionGroup) => group.entries.map((entry) => (entry.watchesIndex < 0 ? null : group.entries[entry.watchesIndex]!.actor));

describe('recipe groups', () => {
  it('reads sequence numbers off node names', () => {
    expect(sequenceOf('_c_0a-lock-0000000012')).toBe(12);
    expect(sequenceOf('lock')).toBeNull();
    expect(sequenceOf(null)).toBeNull();
  });

  it('lock queue before the fault: A holds, B watches A, C watches B', () => {
    const [group] = recipeGroups(viewAt('lock-handoff', 3500)) as [LockGroup];
    expect(group.kind).toBe('lock');
    expect(order(group)).toEqual(['A', 'B', 'C']);
    expect(group.entries.map((entry) => entry.first)).toEqual([true, false, false]);
    expect(watches(group)).toEqual([null, 'A', 'B']);
  });

  it('after the session expired: B holds, A only thinks it holds (its node is gone), B was woken', () => {
    const [group] = recipeGroups(viewAt('lock-handoff', 10_300)) as [LockGroup];
    const byActor = new Map(group.entries.map((entry) => [entry.actor, entry]));
    expect(byActor.get('B')!.first).toBe(true);
    expect(byActor.get('B')!.woken).toBe(true);
    expect(byActor.get('A')!.first).toBe(false);
    expect(byActor.get('A')!.believesFirst).toBe(true);
    expect(byActor.get('A')!.nodeGone).toBe(true);
    expect(group.notifications).toBe(1);
  });

  it('at the end A has queued again behind C', () => {
    const [group] = recipeGroups(viewAt('lock-handoff', 30_000)) as [LockGroup];
    expect(order(group)).toEqual(['B', 'C', 'A']);
    expect(watches(group)).toEqual([null, 'B', 'C']);
    expect(group.entries.some((entry) => entry.woken)).toBe(false);
  });

  it('herd: the naive lock wakes several waiters per release, the recipe one', () => {
    const groups = recipeGroups(viewAt('herd-effect', 10_200));
    const naive = groups.find((group): group is NaiveLockGroup => group.kind === 'naive-lock')!;
    const lock = groups.find((group): group is LockGroup => group.kind === 'lock')!;
    expect(naive.releases).toBeGreaterThanOrEqual(3);
    expect(naive.notifications / naive.releases).toBeGreaterThan(2);
    expect(naive.lastStorm).toBeGreaterThanOrEqual(2);
    expect(naive.entries.filter((entry) => entry.woken).length).toBe(naive.lastStorm);
    expect(lock.notifications).toBe(lock.releases);
    expect(lock.finished.length).toBe(lock.releases);
  });

  it('leader election: E2 leads after E1\'s session expired; E3 watches E2', () => {
    const [group] = recipeGroups(viewAt('leader-election-recipe', 16_000)) as [ElectionGroup];
    expect(group.leader).toBe('E2');
    expect(watches(group)[order(group).indexOf('E3')]).toBe('E2');
  });

  it('registry: P2 is gone from the tree; the consumers list P1 and P3; P2\'s own cache is stale', () => {
    const [group] = recipeGroups(viewAt('service-discovery', 15_000)) as [RegistryGroup];
    expect(group.registered).toEqual(['P1', 'P3']);
    const byActor = new Map(group.entries.map((entry) => [entry.actor, entry]));
    expect(byActor.get('U1')!.members).toEqual(['P1', 'P3']);
    expect(byActor.get('U1')!.provider).toBe(false);
    expect(byActor.get('P2')!.members).toContain('P2');
  });

  it('the woken set (what re-renders the panel) names B just after the hand-off, and nobody later', () => {
    expect(wokenKey(viewAt('lock-handoff', 10_300))).toBe('B');
    expect(wokenKey(viewAt('lock-handoff', 12_000))).toBe('');
  });

  it('no actors, no groups', () => {
    expect(recipeGroups(viewAt('first-election', 1000))).toEqual([]);
  });
});
