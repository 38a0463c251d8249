// The address bar's fragment: what the app opens with, and what it writes back so that a reload
// or a shared link reproduces the run (CONTRACT.md section 2: "#s=1.<payload>[&t=ms][&lang=..]").
import { isLanguage, type Language } from '../i18n/translate';

export interface StartupRequest {
  /** The fragment to load, when the address carries a run ("s="). */
  fragment: string | null;
  language: Language | null;
  /** The run opens paused at this time ("t=" present). */
  paused: boolean;
}

function params(hash: string): Map<string, string> {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const result = new Map<string, string>();
  for (const part of body.split('&')) {
    const equals = part.indexOf('=');
    if (equals > 0) result.set(part.slice(0, equals), part.slice(equals + 1));
  }
  return result;
}

/** What the page should open, from location.hash. */
export function readStartup(hash: string): StartupRequest {
  const found = params(hash);
  let language: Language | null = null;
  const lang = found.get('lang');
  if (lang !== undefined) {
    try {
      const decoded = decodeURIComponent(lang);
      if (isLanguage(decoded)) language = decoded;
    } catch {
      language = null;
    }
  }
  const hasRun = found.has('s');
  return { fragment: hasRun ? (hash.startsWith('#') ? hash : `#${hash}`) : null, language, paused: hasRun && found.has('t') };
}

export interface FragmentParts {
  /** The worker's share fragment ("#s=1.…"), without time or language. */
  shareFragment: string;
  /** Include "&t=" so the link opens paused at this time. */
  timeMs?: number;
  language: Language;
}

/** The fragment for the address bar or a share link. */
export function buildFragment(parts: FragmentParts): string {
  let fragment = parts.shareFragment.startsWith('#') ? parts.shareFragment : `#${parts.shareFragment}`;
  if (parts.timeMs !== undefined) fragment += `&t=${Math.max(0, Math.round(parts.timeMs))}`;
  if (parts.language !== 'en') fragment += `&lang=${encodeURIComponent(parts.language)}`;
  return fragment;
}
