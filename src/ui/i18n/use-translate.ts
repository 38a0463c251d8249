// The React side of i18n: a translate function bound to the language in the store.
import { useCallback } from 'react';
import { useZoo } from '../store';
import type { MessageKey } from './en';
import { translate, type Params, type Translate } from './translate';

/** A translate function for the current language; stable until the language changes. */
export function useTranslate(): Translate {
  const language = useZoo((state) => state.language);
  return useCallback((key: MessageKey, params?: Params) => translate(language, key, params), [language]);
}
