#!/usr/bin/env node
// `node scripts/subset-cjk-font.mjs`: rebuilds the bundled Chinese font
// (src/ui/styles/fonts/zooscope-sc.woff2) from Noto Sans CJK SC (Debian's fonts-noto-cjk),
// keeping only the characters the app's sources use, and writes that character list to
// src/ui/styles/cjk-font-chars.json (tests/cjk-font.test.ts fails when a source uses one the
// font lacks). Without it, Chinese renders as boxes wherever no CJK font is installed.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = process.env.NOTO_CJK_TTC || '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FACE_NAME = 'Noto Sans CJK SC';
const CJK = /[\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF]/u;

/** Every CJK character (and CJK punctuation) in the app's sources. */
export function cjkCharacters(dir = join(root, 'src')) {
  const found = new Set();
  const walk = (path) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (/\.(ts|tsx|md|css|json)$/.test(name) && !name.endsWith('cjk-font-chars.json')) {
        for (const char of readFileSync(child, 'utf8')) if (CJK.test(char)) found.add(char);
      }
    }
  };
  walk(dir);
  return [...found].sort();
}

/** One face of a TrueType/OpenType collection as a standalone font (tables copied, offsets rewritten). */
function faceFromCollection(collection, wantedName) {
  if (collection.toString('latin1', 0, 4) !== 'ttcf') return collection;
  const count = collection.readUInt32BE(8);
  for (let index = 0; index < count; index++) {
    const start = collection.readUInt32BE(12 + 4 * index);
    const tables = collection.readUInt16BE(start + 4);
    const records = Array.from({ length: tables }, (_, n) => {
      const at = start + 12 + 16 * n;
      return { tag: collection.toString('latin1', at, at + 4), checksum: collection.readUInt32BE(at + 4), offset: collection.readUInt32BE(at + 8), length: collection.readUInt32BE(at + 12) };
    });
    // The name table's strings are UTF-16BE (Windows) or 8-bit (Mac): dropping NULs reads both.
    const name = records.find((record) => record.tag === 'name');
    if (!name || !collection.toString('latin1', name.offset, name.offset + name.length).replace(/\0/g, '').includes(wantedName)) continue;
    process.stderr.write(`using face ${index} of ${count}\n`);
    const headerLength = 12 + 16 * tables;
    let cursor = headerLength;
    const placed = records.map((record) => {
      const offset = cursor;
      cursor += Math.ceil(record.length / 4) * 4;
      return { ...record, newOffset: offset };
    });
    const font = Buffer.alloc(cursor);
    collection.copy(font, 0, start, start + 12);
    placed.forEach((record, n) => {
      const at = 12 + 16 * n;
      font.write(record.tag, at, 'latin1');
      font.writeUInt32BE(record.checksum, at + 4);
      font.writeUInt32BE(record.newOffset, at + 8);
      font.writeUInt32BE(record.length, at + 12);
      collection.copy(font, record.newOffset, record.offset, record.offset + record.length);
    });
    return font;
  }
  throw new Error(`no face named "${wantedName}" in ${SOURCE}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const characters = cjkCharacters();
  const face = faceFromCollection(readFileSync(SOURCE), FACE_NAME);
  const woff2 = await subsetFont(face, characters.join(''), { targetFormat: 'woff2' });
  writeFileSync(join(root, 'src/ui/styles/fonts/zooscope-sc.woff2'), woff2);
  writeFileSync(join(root, 'src/ui/styles/cjk-font-chars.json'), `${JSON.stringify({ source: `${FACE_NAME} (Noto CJK, SIL Open Font License 1.1)`, characters: characters.join('') })}\n`);
  console.log(`${characters.length} characters, ${(woff2.length / 1024).toFixed(0)} KiB`);
}
