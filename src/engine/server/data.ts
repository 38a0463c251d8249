// Znode data. ZooKeeper stores bytes; the engine keeps `string | null` (plain, printable data).
// Text data is the string itself (its bytes are its UTF-8 encoding). Bytes that are not valid
// UTF-8 are kept losslessly with the "surrogate escape" convention: each byte of an invalid
// sequence becomes the lone low surrogate U+DC80..U+DCFF (byte 0x80..0xFF; bytes below 0x80 are
// always valid). Text never contains lone surrogates (dataFromText turns them into U+FFFD, as
// Node's Buffer.from(text, "utf8") and Java's String.getBytes(UTF_8) do), so the two never mix up.
// The realzk oracle prints data that round-trips through UTF-8 as "data" and the rest as
// "dataB64" (oracle.mjs fmtData); isTextData makes that decision.

import { base64Decode, base64Encode } from './sha1';
import { utf8ByteLength, utf8Encode } from './utf8';

const ESCAPE_BASE = 0xdc00;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

// A lone low surrogate in U+DC80..U+DCFF at `index` (not the second half of a pair) is an escaped byte.
function escapedByteAt(data: string, index: number): number | null {
  const unit = data.charCodeAt(index);
  if (unit < 0xdc80 || unit > 0xdcff) return null;
  if (index > 0 && isHighSurrogate(data.charCodeAt(index - 1))) return null;
  return unit - ESCAPE_BASE;
}

/** Data from client text: lone surrogates become U+FFFD (what UTF-8 encoders send). */
export function dataFromText(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(index + 1))) {
      out += text.slice(index, index + 2);
      index++;
    } else out += isHighSurrogate(unit) || isLowSurrogate(unit) ? '\ufffd' : text[index];
  }
  return out;
}

// Length of a strict UTF-8 sequence starting at `index` (no overlongs, no surrogates, <= U+10FFFF), or 0.
function validSequenceLength(bytes: readonly number[], index: number): number {
  const first = bytes[index] as number;
  if (first < 0x80) return 1;
  const length = first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
  if (length === 0 || index + length > bytes.length) return 0;
  const second = bytes[index + 1] as number;
  const low = first === 0xe0 ? 0xa0 : first === 0xf0 ? 0x90 : 0x80;
  const high = first === 0xed ? 0x9f : first === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return 0;
  for (let offset = 2; offset < length; offset++) {
    const next = bytes[index + offset] as number;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

function decodeSequence(bytes: readonly number[], index: number, length: number): string {
  const first = bytes[index] as number;
  if (length === 1) return String.fromCharCode(first);
  let point = first & (0xff >> (length + 1));
  for (let offset = 1; offset < length; offset++) point = (point << 6) | ((bytes[index + offset] as number) & 0x3f);
  return String.fromCodePoint(point);
}

/** Data from raw bytes (e.g. the oracle's dataB64 input): valid UTF-8 decodes, other bytes are escaped. */
export function dataFromBytes(bytes: readonly number[]): string {
  let out = '';
  let index = 0;
  while (index < bytes.length) {
    const length = validSequenceLength(bytes, index);
    if (length === 0) {
      out += String.fromCharCode(ESCAPE_BASE + (bytes[index] as number));
      index += 1;
    } else {
      out += decodeSequence(bytes, index, length);
      index += length;
    }
  }
  return out;
}

/** The bytes ZooKeeper stores for this data. */
export function dataToBytes(data: string): number[] {
  const out: number[] = [];
  let start = 0;
  const flush = (end: number): void => {
    for (const byte of utf8Encode(data.slice(start, end))) out.push(byte);
  };
  for (let index = 0; index < data.length; index++) {
    const escaped = escapedByteAt(data, index);
    if (escaped === null) continue;
    flush(index);
    out.push(escaped);
    start = index + 1;
  }
  flush(data.length);
  return out;
}

/** Number of stored bytes (Stat.dataLength; DataNode.copyStat uses data.length of the byte array). */
export function dataByteLength(data: string | null): number {
  if (data === null) return 0;
  // utf8ByteLength counts a lone surrogate as 3 bytes (U+FFFD); an escaped byte is 1.
  let escapes = 0;
  for (let index = 0; index < data.length; index++) if (escapedByteAt(data, index) !== null) escapes += 1;
  return utf8ByteLength(data) - 2 * escapes;
}

/** True when the bytes are valid UTF-8 text (the oracle prints "data"), false for escaped bytes ("dataB64"). */
export function isTextData(data: string): boolean {
  for (let index = 0; index < data.length; index++) if (escapedByteAt(data, index) !== null) return false;
  return true;
}

/** Data from base64 (the op list's dataB64). */
export function dataFromBase64(base64: string): string {
  return dataFromBytes(base64Decode(base64));
}

/** Base64 of the stored bytes. */
export function dataToBase64(data: string): string {
  return base64Encode(dataToBytes(data));
}
