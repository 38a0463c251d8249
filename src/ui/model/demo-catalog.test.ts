// Issue #7: typical demos fit in a 2,000-character share URL (short enough for any chat, mail or
// slide), and each one's URL opens that very demo.
import { describe, expect, it } from 'vitest';
import { decodeShareFragment } from '../../engine/scenario/codec';
import { BUG_LAB, DEMOS } from '../../engine/scenario/demos';
import { parseRunJson } from '../../engine/scenario/run-input';
import { SHARE_URL_CHARS_MAX } from '../share-url';
import { demoCatalog } from './demo-catalog';
import { buildFragment } from './fragment';

/** A plausible deployment address, longer than most (GitHub Pages under a project path). */
const ORIGIN_AND_PATH = 'https://teaching-group.github.io/distributed-systems/zooscope/';

describe('demo share URLs', () => {
  const catalog = demoCatalog('zh-CN');

  it('lists every demo and bug-lab scenario', () => {
    expect(catalog.map((entry) => entry.id)).toEqual([...DEMOS, ...BUG_LAB].map((demo) => demo.id));
  });

  it.each(catalog.map((entry) => [entry.id, entry] as const))('%s fits in 2,000 characters, paused and in Chinese included', (_id, entry) => {
    const url = ORIGIN_AND_PATH + buildFragment({ shareFragment: entry.fragment, timeMs: 3_599_999, language: 'zh-CN' });
    expect(url.length).toBeLessThanOrEqual(2_000);
    expect(url.length).toBeLessThan(SHARE_URL_CHARS_MAX);
  });

  it('each URL decodes to its own demo', () => {
    for (const demo of [...DEMOS, ...BUG_LAB]) {
      const entry = catalog.find((item) => item.id === demo.id)!;
      expect(decodeShareFragment(ORIGIN_AND_PATH + entry.fragment).scenario).toEqual(parseRunJson(demo.scenario).scenario);
    }
  });
});
