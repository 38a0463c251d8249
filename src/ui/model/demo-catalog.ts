// The classroom demos as the app lists them: id, title in the current language, and the share
// fragment that opens each one (the same fragment `npm run sim -- --encode-url` would print).
import { encodeShareFragment } from '../../engine/scenario/codec';
import { BUG_LAB, DEMOS } from '../../engine/scenario/demos';
import { parseRunJson } from '../../engine/scenario/run-input';
import type { Language } from '../i18n/translate';

export interface DemoEntry {
  id: string;
  title: string;
  summary: string;
  fragment: string;
  /** A bug-lab scenario: the engine runs with one rule broken. */
  bugLab: boolean;
}

const ALL = [...DEMOS.map((demo) => ({ ...demo, bugLab: false })), ...BUG_LAB.map((demo) => ({ ...demo, bugLab: true }))];

let fragments: Map<string, string> | null = null;

/** The share fragment of demo `id` (computed once). */
function fragmentOf(id: string): string {
  if (fragments === null) {
    fragments = new Map(ALL.map((demo) => [demo.id, encodeShareFragment({ scenario: parseRunJson(demo.scenario).scenario, inputs: [] })]));
  }
  return fragments.get(id)!;
}

/** Every demo, then the bug lab, titled in `language`. */
export function demoCatalog(language: Language): DemoEntry[] {
  return ALL.map((demo) => ({ id: demo.id, title: demo.title[language], summary: demo.summary[language], fragment: fragmentOf(demo.id), bugLab: demo.bugLab }));
}
