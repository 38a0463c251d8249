// The bundled Chinese font covers every Chinese character the app can show: adding text with a
// character outside it fails here (rebuild the font: node scripts/subset-cjk-font.mjs).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without type declarations
import { cjkCharacters } from '../scripts/subset-cjk-font.mjs';

const covered = JSON.parse(readFileSync('src/ui/styles/cjk-font-chars.json', 'utf8')) as { characters: string };

describe('bundled CJK font', () => {
  it('exists and is a WOFF2 file', () => {
    const font = 'src/ui/styles/fonts/zooscope-sc.woff2';
    expect(existsSync(font)).toBe(true);
    expect(readFileSync(font).subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(statSync(font).size).toBeGreaterThan(10_000);
  });

  it('has every Chinese character the sources use', () => {
    const have = new Set(covered.characters);
    const missing = (cjkCharacters() as string[]).filter((char) => !have.has(char));
    expect(missing.join(''), 'characters missing from the bundled font: run node scripts/subset-cjk-font.mjs').toBe('');
  });
});
