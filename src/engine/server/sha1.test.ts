import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Encode, sha1 } from './sha1';
import { utf8Encode } from './utf8';

const hex = (bytes: number[]): string => bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');

// FIPS 180-4 test vectors, then a cross-check with node:crypto (tests may use it; the engine may not).
describe('sha1', () => {
  it('matches the FIPS vectors', () => {
    expect(hex(sha1(utf8Encode('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(utf8Encode('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(utf8Encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });
  it('agrees with node:crypto on random byte strings (all padding lengths)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(hex(sha1([...bytes]))).toBe(createHash('sha1').update(bytes).digest('hex'));
    }));
  });
});

describe('base64Encode', () => {
  it('pads like java.util.Base64 and agrees with Buffer', () => {
    expect(base64Encode([])).toBe('');
    expect(base64Encode([0x66])).toBe('Zg==');
    expect(base64Encode([0x66, 0x6f])).toBe('Zm8=');
    expect(base64Encode([0x66, 0x6f, 0x6f])).toBe('Zm9v');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect(base64Encode([...bytes])).toBe(Buffer.from(bytes).toString('base64'));
    }));
  });
});
