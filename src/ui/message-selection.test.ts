// Selecting a message in flight: it replaces any other selection, its detail arrives with the
// batches, survives its delivery (marked), and a new run forgets it.
import { describe, expect, it } from 'vitest';
import { WORKER_PROTOCOL_VERSION, type Batch } from '../worker/protocol';
import type { WorldView } from '../engine/world/view';
import type { MessageDetailView } from '../engine/world/message-detail';
import { createZooStore } from './store';

const VIEW: WorldView = {
  timeMs: 1, title: 't', protocol: 'zab', clients: [], znodes: [], servers: [], messages: [],
  network: { partition: null, cuts: [], slowLinks: [], lossRatio: 0 },
};

const DETAIL: MessageDetailView = {
  id: 7, from: 2, to: 1, channel: 'election', label: 'NOTIFICATION', summary: 'NOTIFICATION LOOKING leader=2 zxid=0x0 peerEpoch=0 round=1',
  sendTimeMs: 0, deliverTimeMs: 8, dropped: null, control: 'data', retransmits: 0, fields: [{ name: 'leader', value: '2' }], vote: null,
};

function batch(extra: Partial<Batch> = {}): Batch {
  return { type: 'batch', version: WORKER_PROTOCOL_VERSION, playing: false, speed: 1, headTimeMs: 1, records: [], truncated: 0, view: VIEW, invariants: { checked: 0, violations: [] }, shareFragment: '#s', ...extra };
}

describe('message selection', () => {
  it('replaces the other selections and opens the inspector', () => {
    const store = createZooStore();
    store.getState().selectServer(3);
    store.getState().selectMessage(7);
    expect(store.getState()).toMatchObject({ selectedMessage: 7, selectedServer: null, selectedClient: null, selectedZnode: null, sideTab: 'inspector' });
    store.getState().selectZnode('/a');
    expect(store.getState().selectedMessage).toBeNull();
  });

  it('keeps the last detail once the message is delivered, and forgets it on a new run', () => {
    const store = createZooStore();
    store.getState().applyBatch(batch());
    store.getState().selectMessage(7);
    store.getState().applyBatch(batch({ message: { id: 7, detail: DETAIL } }));
    expect(store.getState()).toMatchObject({ messageDetail: DETAIL, messageDelivered: false });
    store.getState().applyBatch(batch({ message: { id: 7, detail: null } }));
    expect(store.getState()).toMatchObject({ messageDetail: DETAIL, messageDelivered: true });
    store.getState().applyBatch(batch({ loaded: { ok: true } }));
    expect(store.getState()).toMatchObject({ selectedMessage: null, messageDetail: null });
  });
});
