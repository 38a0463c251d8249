import { describe, expect, it } from 'vitest';
import { WORKER_PROTOCOL_VERSION, type Batch } from '../worker/protocol';
import type { TraceRecord } from '../engine/sim/trace';
import type { WorldView } from '../engine/world/view';
import { createZooStore, EVENTS_KEPT_MAX } from './store';

function view(timeMs: number, role: 'LOOKING' | 'DOWN' = 'LOOKING'): WorldView {
  return {
    timeMs, title: 't', protocol: 'heartbeat', clients: [], znodes: [],
    messages: [{ id: 1, from: 1, to: 2, label: 'HEARTBEAT', sendTimeMs: 0, deliverTimeMs: 5, dropped: null, control: 'data' }],
    servers: [1, 2].map((id) => ({ id, role: id === 2 ? role : 'LOOKING', epoch: 0, lastZxid: 0, alive: id !== 2 || role !== 'DOWN', paused: false, serving: false, observer: false, detail: { beat: 1 } })),
    network: { partition: null, cuts: [], slowLinks: [], lossRatio: 0 },
  };
}

function batch(timeMs: number, extra: Partial<Batch> = {}): Batch {
  return {
    type: 'batch', version: WORKER_PROTOCOL_VERSION, playing: true, speed: 1, headTimeMs: timeMs, records: [], truncated: 0,
    view: view(timeMs), invariants: { checked: 0, violations: [] }, shareFragment: '#s=1.x', ...extra,
  };
}

const fault = (t: number): TraceRecord => ({ type: 'fault', t, action: { fault: 'crash', server: 2 } });

describe('store', () => {
  it('applies a batch and numbers it', () => {
    const store = createZooStore();
    expect(store.getState().applyBatch(batch(10))).toBe(1);
    expect(store.getState().applyBatch(batch(20))).toBe(2);
    const state = store.getState();
    expect(state.view?.timeMs).toBe(20);
    expect(state.playing).toBe(true);
    expect(state.headTimeMs).toBe(20);
    expect(state.shareFragment).toBe('#s=1.x');
  });

  it('keeps the share fragment when a batch leaves it out (unchanged), takes a new one', () => {
    const store = createZooStore();
    store.getState().applyBatch(batch(10, { loaded: { ok: true } }));
    store.getState().applyBatch(batch(20, { shareFragment: undefined }));
    expect(store.getState().shareFragment).toBe('#s=1.x');
    store.getState().applyBatch(batch(30, { shareFragment: '#s=1.y' }));
    expect(store.getState().shareFragment).toBe('#s=1.y');
  });

  it('keeps unchanged parts of the view by reference, so slice subscribers do not re-render', () => {
    const store = createZooStore();
    store.getState().applyBatch(batch(10));
    const before = store.getState().view!;
    store.getState().applyBatch(batch(11));
    const same = store.getState().view!;
    expect(same).not.toBe(before);
    expect(same.servers).toBe(before.servers);
    expect(same.messages).toBe(before.messages);
    expect(same.network).toBe(before.network);
    store.getState().applyBatch(batch(12, { view: view(12, 'DOWN') }));
    const changed = store.getState().view!;
    expect(changed.servers[0]).toBe(before.servers[0]);
    expect(changed.servers[1]).not.toBe(before.servers[1]);
    expect(changed.servers[1]!.role).toBe('DOWN');
  });

  it('keeps a bounded list of recent events', () => {
    const store = createZooStore();
    for (let index = 0; index < 3; index++) {
      const records = Array.from({ length: 200 }, (_, offset) => fault(index * 200 + offset));
      store.getState().applyBatch(batch(index * 200 + 199, { records }));
    }
    const events = store.getState().events;
    expect(events).toHaveLength(EVENTS_KEPT_MAX);
    expect(events[events.length - 1]!.t).toBe(599);
    expect(events[0]!.t).toBe(600 - EVENTS_KEPT_MAX);
  });

  it('drops events from the future after a seek back, and clears them on load', () => {
    const store = createZooStore();
    store.getState().applyBatch(batch(100, { records: [fault(10), fault(50), fault(90)] }));
    store.getState().applyBatch(batch(60, { seekDone: 1 }));
    expect(store.getState().events.map((record) => record.t)).toEqual([10, 50]);
    store.getState().applyBatch(batch(0, { loaded: { ok: true } }));
    expect(store.getState().events).toEqual([]);
  });

  it('turns a failed load into a load error, and keeps the selection only while the server exists', () => {
    const store = createZooStore();
    store.getState().selectServer(2);
    store.getState().applyBatch(batch(0, { loaded: { ok: false, error: 'bad payload' } }));
    expect(store.getState().error).toEqual({ kind: 'load', message: 'bad payload' });
    expect(store.getState().selectedServer).toBe(2);
    store.getState().selectServer(9);
    store.getState().applyBatch(batch(1));
    expect(store.getState().selectedServer).toBeNull();
  });

  it('owns the speed the user chose (batches do not overwrite it)', () => {
    const store = createZooStore();
    store.getState().setSpeed(0.05);
    store.getState().applyBatch(batch(1, { speed: 1 }));
    expect(store.getState().speed).toBe(0.05);
  });
});
