import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8ByteLength, utf8Encode } from './utf8';

// dataLength is the UTF-8 byte length (DataNode.copyStat: data.length of the byte array).
describe('utf8', () => {
  it('counts 1-4 byte sequences', () => {
    expect(utf8ByteLength('')).toBe(0);
    expect(utf8ByteLength('queue')).toBe(5);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('日本')).toBe(6);
    expect(utf8ByteLength('😀')).toBe(4);
    expect(utf8ByteLength('\ud800')).toBe(3); // lone surrogate -> U+FFFD
  });
  it('agrees with Node Buffer for any string, including lone surrogates', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: anyUnit })), (text) => {
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
      expect(utf8Encode(text)).toEqual([...Buffer.from(text, 'utf8')]);
    }));
  });
});
