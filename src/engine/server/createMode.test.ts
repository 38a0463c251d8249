import { describe, expect, it } from 'vitest';
import { MAX_TTL_MS, clientEphemeralOwner, isValidTtl, modeInfo, nodeKindOf, storedEphemeralOwnerHex } from './createMode';

// CreateMode flags, EphemeralType encodings (facts 4.2).
describe('create modes', () => {
  it('maps names and flags 0..6; other flags are unknown (BadArguments)', () => {
    expect(modeInfo('EPHEMERAL_SEQUENTIAL')).toMatchObject({ flag: 3, ephemeral: true, sequential: true });
    expect(modeInfo(4)).toMatchObject({ name: 'CONTAINER', container: true });
    expect(modeInfo(6)).toMatchObject({ name: 'PERSISTENT_SEQUENTIAL_WITH_TTL', ttl: true, sequential: true });
    expect(modeInfo(7)).toBeNull();
    expect(modeInfo(-1)).toBeNull();
  });
  it('validates TTLs like EphemeralType.validateTTL', () => {
    const ttlMode = modeInfo('PERSISTENT_WITH_TTL')!;
    expect(isValidTtl(ttlMode, 1)).toBe(true);
    expect(isValidTtl(ttlMode, MAX_TTL_MS)).toBe(true);
    expect(isValidTtl(ttlMode, MAX_TTL_MS + 1)).toBe(false);
    expect(isValidTtl(ttlMode, 0)).toBe(false);
    expect(isValidTtl(modeInfo('PERSISTENT')!, -1)).toBe(true);
    expect(isValidTtl(modeInfo('PERSISTENT')!, 100)).toBe(false);
  });
  it('encodes owners as ZooKeeper stores them, and clients see 0 for containers and TTL nodes', () => {
    expect(nodeKindOf(modeInfo('CONTAINER')!)).toBe('container');
    expect(storedEphemeralOwnerHex('container', 0, 0)).toBe('0x8000000000000000');
    expect(storedEphemeralOwnerHex('ttl', 0, 1000)).toBe('0xff000000000003e8');
    expect(storedEphemeralOwnerHex('ttl', 0, 1000).length).toBe(18);
    expect(storedEphemeralOwnerHex('ephemeral', 0x10000000001, 0)).toBe('0x10000000001');
    expect(clientEphemeralOwner('container', 0)).toBe(0);
    expect(clientEphemeralOwner('ttl', 0)).toBe(0);
    expect(clientEphemeralOwner('ephemeral', 42)).toBe(42);
  });
});
