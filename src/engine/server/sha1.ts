// SHA-1 (FIPS 180-4) and base64, as pure functions over byte arrays. ZooKeeper's digest scheme
// needs base64(sha1("user:password")) (DigestAuthenticationProvider.generateDigest), and the
// engine may use neither node:crypto nor WebCrypto (it must stay synchronous and deterministic).

/** SHA-1 digest (20 bytes) of the given bytes. */
export function sha1(bytes: readonly number[]): number[] {
  const words = padMessage(bytes);
  const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  for (let offset = 0; offset < words.length; offset += 16) {
    compressBlock(state, words.slice(offset, offset + 16));
  }
  const out: number[] = [];
  for (const word of state) out.push((word >>> 24) & 0xff, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
  return out;
}

// Big-endian 32-bit words of the message + 0x80 + zeros + 64-bit bit length.
function padMessage(bytes: readonly number[]): number[] {
  const padded = [...bytes, 0x80];
  while (padded.length % 64 !== 56) padded.push(0);
  const bitLength = bytes.length * 8;
  const high = Math.floor(bitLength / 0x1_0000_0000);
  for (const word of [high, bitLength >>> 0]) {
    padded.push((word >>> 24) & 0xff, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
  }
  const words: number[] = [];
  for (let index = 0; index < padded.length; index += 4) {
    words.push((((padded[index] ?? 0) << 24) | ((padded[index + 1] ?? 0) << 16)
      | ((padded[index + 2] ?? 0) << 8) | (padded[index + 3] ?? 0)) >>> 0);
  }
  return words;
}

function rotateLeft(word: number, bits: number): number {
  return ((word << bits) | (word >>> (32 - bits))) >>> 0;
}

function compressBlock(state: number[], block: number[]): void {
  const schedule = block.slice();
  for (let round = 16; round < 80; round++) {
    const mixed = (schedule[round - 3] ?? 0) ^ (schedule[round - 8] ?? 0) ^ (schedule[round - 14] ?? 0) ^ (schedule[round - 16] ?? 0);
    schedule.push(rotateLeft(mixed, 1));
  }
  let [a, b, c, d, e] = state as [number, number, number, number, number];
  for (let round = 0; round < 80; round++) {
    const [mix, constant] = roundFunction(round, b, c, d);
    const temp = (rotateLeft(a, 5) + mix + e + constant + (schedule[round] ?? 0)) >>> 0;
    e = d;
    d = c;
    c = rotateLeft(b, 30);
    b = a;
    a = temp;
  }
  state[0] = ((state[0] ?? 0) + a) >>> 0;
  state[1] = ((state[1] ?? 0) + b) >>> 0;
  state[2] = ((state[2] ?? 0) + c) >>> 0;
  state[3] = ((state[3] ?? 0) + d) >>> 0;
  state[4] = ((state[4] ?? 0) + e) >>> 0;
}

function roundFunction(round: number, b: number, c: number, d: number): [number, number] {
  if (round < 20) return [((b & c) | (~b & d)) >>> 0, 0x5a827999];
  if (round < 40) return [(b ^ c ^ d) >>> 0, 0x6ed9eba1];
  if (round < 60) return [((b & c) | (b & d) | (c & d)) >>> 0, 0x8f1bbcdc];
  return [(b ^ c ^ d) >>> 0, 0xca62c1d6];
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with "=" padding (java.util.Base64 encoder). */
export function base64Encode(bytes: readonly number[]): string {
  let out = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const chunk = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    const available = Math.min(3, bytes.length - index);
    for (let sextet = 0; sextet < 4; sextet++) {
      out += sextet <= available ? BASE64_ALPHABET[(chunk >> (18 - 6 * sextet)) & 0x3f] : '=';
    }
  }
  return out;
}

/** Standard base64 decoding (java.util.Base64 / Node Buffer); characters outside the alphabet are skipped. */
export function base64Decode(text: string): number[] {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of text) {
    const value = BASE64_ALPHABET.indexOf(character === '-' ? '+' : character === '_' ? '/' : character);
    if (value === -1) continue;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return out;
}
