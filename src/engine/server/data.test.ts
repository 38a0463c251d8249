import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataByteLength, dataFromBase64, dataFromBytes, dataFromText, dataToBase64, dataToBytes, isTextData } from './data';
import { base64Decode } from './sha1';

// Znode data is bytes; the oracle prints valid UTF-8 as "data", anything else as "dataB64" (oracle.mjs fmtData).
describe('znode data as bytes', () => {
  it('keeps text as text (a NUL byte is valid UTF-8)', () => {
    const data = dataFromBase64('YQBi');
    expect(data).toBe('a\u0000b');
    expect([isTextData(data), dataByteLength(data)]).toEqual([true, 3]);
  });
  it('keeps invalid UTF-8 bytes losslessly (tests/golden 058)', () => {
    const data = dataFromBase64('AP8Q');
    expect([isTextData(data), dataByteLength(data), dataToBase64(data)]).toEqual([false, 3, 'AP8Q']);
    expect(dataToBase64(dataFromBase64('gA=='))).toBe('gA==');
  });
  it('any bytes round-trip; text-ness and length agree with Node Buffer', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (raw) => {
      const bytes = [...raw];
      const data = dataFromBytes(bytes);
      expect(dataToBytes(data)).toEqual(bytes);
      expect(dataByteLength(data)).toBe(bytes.length);
      const buffer = Buffer.from(raw);
      const roundTrips = Buffer.from(buffer.toString('utf8'), 'utf8').equals(buffer);
      expect(isTextData(data)).toBe(roundTrips);
      if (roundTrips) expect(data).toBe(buffer.toString('utf8'));
    }));
  });
  it('text from a client encodes like Buffer.from(text, "utf8"), lone surrogates included', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
    fc.assert(fc.property(fc.string({ unit: anyUnit }), (text) => {
      const data = dataFromText(text);
      expect(dataToBytes(data)).toEqual([...Buffer.from(text, 'utf8')]);
      expect(isTextData(data)).toBe(true);
    }));
  });
  it('base64Decode agrees with Node', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 30 }), (raw) => {
      expect(base64Decode(Buffer.from(raw).toString('base64'))).toEqual([...raw]);
    }));
  });
});
