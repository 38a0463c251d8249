// Pairs each walkthrough definition with its per-language Markdown. Titles are bundled (a Vite
// plugin, scripts/walkthrough-titles-plugin.ts, reduces `x.md?title` to its `# Title` line) so
// menus and catalog() have them at once; the texts are plain strings (Vite's ?raw) in chunks of
// their own, fetched when a walkthrough opens, parsed once, and never rendered as HTML.
import { WALKTHROUGHS } from './index';
import { checkAgainstDef, checkDef, parseWalkthroughMarkdown, type ParseResult, type WalkthroughText } from './parse';
import type { WalkthroughDef } from './types';

export const WALKTHROUGH_LANGUAGES = ['en', 'zh-CN'] as const;
export type WalkthroughLanguage = (typeof WALKTHROUGH_LANGUAGES)[number];

/** './<id>/<lang>.md' → its title. */
const TITLES = import.meta.glob<string>('./*/*.md', { query: '?title', import: 'default', eager: true });
/** './<id>/<lang>.md' → a loader of its text. */
const SOURCES = import.meta.glob<string>('./*/*.md', { query: '?raw', import: 'default' });

const keyOf = (id: string, language: WalkthroughLanguage) => `./${id}/${language}.md`;

/** The title of one walkthrough in one language (undefined when that file does not exist). */
export function walkthroughTitle(id: string, language: WalkthroughLanguage): string | undefined {
  return TITLES[keyOf(id, language)];
}

/** The languages one walkthrough is written in. */
export function walkthroughLanguages(id: string): WalkthroughLanguage[] {
  return WALKTHROUGH_LANGUAGES.filter((language) => keyOf(id, language) in TITLES);
}

/** The folders that have Markdown (to catch a walkthrough missing from index.ts). */
export function walkthroughFolders(): string[] {
  return [...new Set(Object.keys(TITLES).map((key) => key.split('/')[1]!))].sort();
}

export function findWalkthrough(id: string): WalkthroughDef | undefined {
  return WALKTHROUGHS.find((def) => def.id === id);
}

const parsed = new Map<string, ParseResult | null>();
const loading = new Map<string, Promise<ParseResult | null>>();

/** Fetches and parses one walkthrough's text in one language (null when the file is missing). */
export function loadParsedWalkthrough(id: string, language: WalkthroughLanguage): Promise<ParseResult | null> {
  const key = keyOf(id, language);
  if (parsed.has(key)) return Promise.resolve(parsed.get(key)!);
  let pending = loading.get(key);
  if (pending === undefined) {
    const load = SOURCES[key];
    pending = (load ? load().then(parseWalkthroughMarkdown) : Promise.resolve(null)).then((result) => {
      parsed.set(key, result);
      loading.delete(key);
      return result;
    });
    loading.set(key, pending);
  }
  return pending;
}

/** Fetches the text to show (null when the file is missing). */
export async function loadWalkthroughText(id: string, language: WalkthroughLanguage): Promise<WalkthroughText | null> {
  return (await loadParsedWalkthrough(id, language))?.text ?? null;
}

/** The text if it has been loaded already, else null (see loadWalkthroughText). */
export function walkthroughText(id: string, language: WalkthroughLanguage): WalkthroughText | null {
  return parsed.get(keyOf(id, language))?.text ?? null;
}

/** Everything wrong with one walkthrough in every language (empty when it is complete). */
export async function walkthroughProblems(def: WalkthroughDef): Promise<string[]> {
  const problems = checkDef(def);
  for (const language of WALKTHROUGH_LANGUAGES) {
    const result = await loadParsedWalkthrough(def.id, language);
    if (!result) problems.push(`${language}.md is missing`);
    else problems.push(...checkAgainstDef(def, result).map((problem) => `${language}.md: ${problem}`));
  }
  return problems;
}
