// The text of the open walkthrough in the current language (English when that language has no
// file), fetched on first use: texts are chunks of their own, outside the first-load JavaScript.
import { useEffect, useState } from 'react';
import { loadWalkthroughText, walkthroughLanguages, walkthroughText } from '../../content/walkthroughs/loader';
import type { WalkthroughText } from '../../content/walkthroughs/parse';
import type { Language } from '../i18n/translate';

/** null while loading (or when no file exists at all). */
export function useWalkthroughText(id: string, language: Language): WalkthroughText | null {
  const chosen = walkthroughLanguages(id).includes(language) ? language : 'en';
  const [, setLoaded] = useState(0);
  const text = walkthroughText(id, chosen);
  useEffect(() => {
    if (text !== null) return;
    let live = true;
    void loadWalkthroughText(id, chosen).then(() => { if (live) setLoaded((count) => count + 1); });
    return () => { live = false; };
  }, [id, chosen, text]);
  return text;
}
