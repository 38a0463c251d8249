// Named timers of servers and clients. Protocols re-arm some timers on every packet (a learner's
// read timeout, say); scheduling a fresh queue event each time would leave thousands of stale
// events in the queue. Instead a later deadline only moves `dueMs`: the event already queued
// fires first, sees the deadline moved, and queues itself again for the rest.
import { schedule, type SchedulerState, type Unsequenced } from '../sim/scheduler';
import type { QueueEvent } from './state';

/** One armed timer. */
export interface ArmedTimer {
  /** Identifies the queue event that serves this timer; other events of the name are stale. */
  generation: number;
  /** When the timer is due now. */
  dueMs: number;
  /** When its queue event fires (never later than dueMs). */
  queuedMs: number;
}

export type Timers = Record<string, ArmedTimer>;

/** Arms (or re-arms) `name` to fire at dueMs. */
export function armTimer(timers: Timers, queue: SchedulerState<QueueEvent>, node: number, name: string, dueMs: number, generations: { nextTimerGeneration: number }): void {
  const existing = timers[name];
  if (existing !== undefined && existing.queuedMs <= dueMs) {
    existing.dueMs = dueMs;
    return;
  }
  const generation = generations.nextTimerGeneration++;
  timers[name] = { generation, dueMs, queuedMs: dueMs };
  schedule(queue, { kind: 'timer', timeMs: dueMs, node, name, generation, seq: 0 } as Unsequenced<QueueEvent>);
}

/** A timer event came due: true if the timer fires now (and is disarmed); false if it is stale
 * or was moved later (then it has been queued again). */
export function timerFires(timers: Timers, queue: SchedulerState<QueueEvent>, event: Extract<QueueEvent, { kind: 'timer' }>, nowMs: number): boolean {
  const armed = timers[event.name];
  if (armed === undefined || armed.generation !== event.generation) return false;
  if (armed.dueMs > nowMs) {
    armed.queuedMs = armed.dueMs;
    schedule(queue, { kind: 'timer', timeMs: armed.dueMs, node: event.node, name: event.name, generation: event.generation, seq: 0 } as Unsequenced<QueueEvent>);
    return false;
  }
  delete timers[event.name];
  return true;
}
