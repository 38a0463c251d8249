import { describe, expect, it } from 'vitest';
import { OPEN_ACL_UNSAFE } from './acl';
import { JUTE_MAX_BUFFER_BYTES, exceedsPacketLimit, requestPacketBytes } from './packetSize';

// facts 4.10: no per-znode check; a packet over jute.maxbuffer closes the connection.
describe('packet size limit', () => {
  const setData = (bytes: number) => ({ type: 'setData' as const, path: '/a', data: 'x'.repeat(bytes), version: -1 });
  it('counts header, path, data and version', () => {
    expect(requestPacketBytes(setData(0))).toBe(8 + (4 + 2) + 4 + 4);
  });
  it('refuses just over 0xfffff bytes and accepts just under', () => {
    const overhead = requestPacketBytes(setData(0));
    expect(exceedsPacketLimit(setData(JUTE_MAX_BUFFER_BYTES - overhead))).toBe(false);
    expect(exceedsPacketLimit(setData(JUTE_MAX_BUFFER_BYTES - overhead + 1))).toBe(true);
    expect(exceedsPacketLimit({ type: 'create', path: '/a', data: 'é'.repeat(600_000), acl: [...OPEN_ACL_UNSAFE], mode: 'PERSISTENT' })).toBe(true);
  });
});
