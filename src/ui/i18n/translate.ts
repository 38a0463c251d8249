// Looks strings up in the chosen language and fills {placeholders}.
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type Language = 'en' | 'zh-CN';
export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const TABLES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** True for a language code the app has strings for. */
export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'zh-CN';
}

/** The string for `key` in `language`, with {name} placeholders replaced from `params`. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const template = TABLES[language][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
