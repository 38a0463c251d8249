// What happens when a queued event comes due: a delivery, a timer, a scripted step.
import { arrivalVerdict } from '../sim/network';
import { schedule } from '../sim/scheduler';
import { timerFires } from './timers';
import { dispatchToServer, emit, serverSlot, type Runtime } from './runtime';
import type { QueueEvent, ServerSlot } from './state';
import { completeStep, feedTimedStep, startStep } from './script';
import { clientSlot, dispatchToClient } from './clients';
import { isWatchNotification } from '../client/packets';
import { fireActorTimer } from './actors';

/** Processes one due event (the world has already set timeMs to its time). */
export function processEvent(runtime: Runtime, event: QueueEvent): void {
  runtime.state.eventsProcessed++;
  switch (event.kind) {
    case 'deliver':
      return deliver(runtime, event);
    case 'timer':
      return fireTimer(runtime, event);
    case 'step-start':
      feedTimedStep(runtime.state, event);
      return startStep(runtime, event.step);
    case 'step-done':
      return completeStep(runtime, event.step);
    case 'resume':
      return resumeServer(runtime, event.node);
    case 'reconnect-client':
      runtime.state.network.isolated = runtime.state.network.isolated.filter((id) => id !== event.node);
      return;
    case 'actor-timer':
      return fireActorTimer(runtime, event);
  }
}

function holdIfPaused(slot: ServerSlot, event: QueueEvent): boolean {
  if (!slot.paused) return false;
  slot.held.push(event);
  return true;
}

function deliver(runtime: Runtime, event: Extract<QueueEvent, { kind: 'deliver' }>): void {
  const { message } = event;
  const slot = serverSlot(runtime.state, message.to);
  if (slot && slot.alive && holdIfPaused(slot, event)) return;
  if (event.control === 'data' && isWatchNotification(message.channel, message.payload)) runtime.state.script.watchEventsInFlight--;
  const verdict = arrivalVerdict(runtime.state.network, message);
  // The label is made only when message records are wanted (a benchmark runs without them).
  if (runtime.traceMessages) {
    const label = event.control === 'close' ? 'CLOSE' : runtime.protocol.label(message.payload);
    if (verdict !== null) emit(runtime, { type: 'drop', t: runtime.state.timeMs, id: message.id, from: message.from, to: message.to, label, reason: verdict });
    else emit(runtime, { type: 'deliver', t: runtime.state.timeMs, id: message.id, from: message.from, to: message.to, label });
  }
  if (verdict !== null) return;
  if (!slot) return deliverToClient(runtime, event);
  if (event.control === 'close') {
    dispatchToServer(runtime, slot, { type: 'closed', peer: message.from, channel: message.channel });
  } else {
    dispatchToServer(runtime, slot, { type: 'message', from: message.from, channel: message.channel, payload: message.payload });
  }
}

function deliverToClient(runtime: Runtime, event: Extract<QueueEvent, { kind: 'deliver' }>): void {
  const client = clientSlot(runtime.state, event.message.to);
  if (!client) return;
  const { message } = event;
  if (event.control === 'close') dispatchToClient(runtime, client, { type: 'closed', peer: message.from, channel: message.channel });
  else dispatchToClient(runtime, client, { type: 'message', from: message.from, channel: message.channel, payload: message.payload as never });
}

function fireTimer(runtime: Runtime, event: Extract<QueueEvent, { kind: 'timer' }>): void {
  const client = clientSlot(runtime.state, event.node);
  if (client) {
    if (!timerFires(client.timers, runtime.state.queue, event, runtime.state.timeMs)) return;
    return dispatchToClient(runtime, client, { type: 'timer', name: event.name });
  }
  const slot = serverSlot(runtime.state, event.node);
  if (!slot || !slot.alive) return;
  const armed = slot.timers[event.name];
  if (armed === undefined || armed.generation !== event.generation) return;
  if (holdIfPaused(slot, event)) return;
  if (!timerFires(slot.timers, runtime.state.queue, event, runtime.state.timeMs)) return;
  dispatchToServer(runtime, slot, { type: 'timer', name: event.name });
}

/** Unfreezes a paused server: what came due meanwhile is handled now, in its original order. */
export function resumeServer(runtime: Runtime, id: number): void {
  const slot = serverSlot(runtime.state, id);
  if (!slot || !slot.paused) return;
  slot.paused = false;
  const held = slot.held;
  slot.held = [];
  for (const event of held) {
    const { seq: _seq, ...rest } = event;
    schedule(runtime.state.queue, { ...rest, timeMs: runtime.state.timeMs });
  }
}
