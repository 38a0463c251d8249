// UTF-8 helpers: znode data is kept as a JS string, but ZooKeeper stores bytes, so dataLength and
// the 1 MB packet limit are UTF-8 byte counts (Java: String.getBytes(UTF_8)). The engine has no
// TextEncoder (lib ES2022 only), hence these small pure functions.

/** Number of bytes the string takes in UTF-8; a lone surrogate counts as U+FFFD (3 bytes), as Java encodes it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** The UTF-8 bytes of a string (lone surrogates become U+FFFD, like Java's encoder). */
export function utf8Encode(text: string): number[] {
  const out: number[] = [];
  for (let index = 0; index < text.length; index++) {
    let point = text.charCodeAt(index);
    if (point >= 0xd800 && point <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      point = 0x10000 + ((point - 0xd800) << 10) + (text.charCodeAt(index + 1) - 0xdc00);
      index++;
    } else if (point >= 0xd800 && point <= 0xdfff) {
      point = 0xfffd;
    }
    pushCodePoint(out, point);
  }
  return out;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function pushCodePoint(out: number[], point: number): void {
  if (point < 0x80) out.push(point);
  else if (point < 0x800) out.push(0xc0 | (point >> 6), 0x80 | (point & 0x3f));
  else if (point < 0x10000) {
    out.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
  } else {
    out.push(0xf0 | (point >> 18), 0x80 | ((point >> 12) & 0x3f), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
  }
}
