import { describe, expect, it } from 'vitest';
import { arrivalVerdict, createNetwork, sendMessage, setCut, setDown, setPartition, CLIENT_ID_BASE } from './network';
import { createRng } from './rng';

describe('network', () => {
  it('keeps FIFO order per channel even when latency is drawn per message', () => {
    const network = createNetwork(1, 100);
    const rng = createRng(9, 'network');
    let last = 0;
    for (let now = 0; now < 500; now += 3) {
      const message = sendMessage(network, rng, now, 1, 2, 'zab', true, null);
      expect(message.deliverTimeMs).toBeGreaterThanOrEqual(last);
      expect(message.deliverTimeMs).toBeGreaterThanOrEqual(now + 1);
      last = message.deliverTimeMs;
    }
  });

  it('drops what crosses a partition; clients follow their server', () => {
    const network = createNetwork(1, 1);
    const rng = createRng(1, 'n');
    setPartition(network, [[1, 2], [3]]);
    network.attachment[CLIENT_ID_BASE] = 3;
    expect(sendMessage(network, rng, 0, 1, 3, 'e', false, null).dropped).toBe('partition');
    expect(sendMessage(network, rng, 0, 1, 2, 'e', false, null).dropped).toBeNull();
    expect(sendMessage(network, rng, 0, CLIENT_ID_BASE, 3, 'c', false, null).dropped).toBeNull();
    expect(sendMessage(network, rng, 0, CLIENT_ID_BASE, 1, 'c', false, null).dropped).toBe('partition');
  });

  it('a partition that starts while a message flies drops it, and breaks its stream until reset', () => {
    const network = createNetwork(10, 10);
    const rng = createRng(1, 'n');
    const inFlight = sendMessage(network, rng, 0, 1, 2, 'zab', true, 'a');
    setPartition(network, [[1], [2]]);
    expect(arrivalVerdict(network, inFlight)).toBe('partition');
    setPartition(network, null);
    const after = sendMessage(network, rng, 20, 1, 2, 'zab', true, 'b');
    expect(after.dropped).toBe('broken'); // TCP: no gap in a stream; the peer sees silence
    network.channels['1>2#zab']!.broken = false;
    expect(sendMessage(network, rng, 30, 1, 2, 'zab', true, 'c').dropped).toBeNull();
  });

  it('one-way cuts drop one direction only', () => {
    const network = createNetwork(1, 1);
    const rng = createRng(1, 'n');
    setCut(network, 1, 2, true);
    expect(sendMessage(network, rng, 0, 1, 2, 'e', false, null).dropped).toBe('cut');
    expect(sendMessage(network, rng, 0, 2, 1, 'e', false, null).dropped).toBeNull();
  });

  it('loss slows a stream by retransmissions but loses nothing', () => {
    const network = createNetwork(5, 5);
    network.lossPerMillion = 300_000;
    const rng = createRng(5, 'n');
    let retransmitted = 0;
    for (let index = 0; index < 200; index++) {
      const message = sendMessage(network, rng, index * 1000, 1, 2, 'zab', true, null);
      expect(message.dropped).toBeNull();
      if (message.retransmits > 0) {
        retransmitted++;
        expect(message.deliverTimeMs - message.sendTimeMs).toBeGreaterThanOrEqual(205);
      }
    }
    expect(retransmitted).toBeGreaterThan(30);
  });

  it('what is sent to a crashed endpoint is dropped', () => {
    const network = createNetwork(1, 1);
    const rng = createRng(1, 'n');
    setDown(network, 2, true);
    expect(sendMessage(network, rng, 0, 1, 2, 'e', false, null).dropped).toBe('down');
  });
});
