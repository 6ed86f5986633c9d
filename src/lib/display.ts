/** Small display decisions shared by several components. Pure. */
import type { Locale } from './vocabulary.ts';
import { pick } from '../i18n/index.ts';

type Local = { ru: string; kk?: string | undefined; en?: string | undefined };

/**
 * The text to show for a localised value and the `lang` attribute it needs: undefined where the
 * text is in the page language, "ru" where we fall back to the Russian original.
 */
export function localised(value: Local | undefined, lang: Locale): { text: string; lang: Locale | undefined } | undefined {
  if (!value) return undefined;
  const p = pick(value, lang);
  return { text: p.text, lang: p.lang === lang ? undefined : p.lang };
}

/** Project title for the page language: Kazakh only where a source gives one, else the Russian title. */
export function projectTitle(title: { ru: string; kk?: string | undefined }, lang: Locale): { text: string; lang: Locale | undefined } {
  if (lang === 'kk' && title.kk) return { text: title.kk, lang: undefined };
  return { text: title.ru, lang: lang === 'ru' ? undefined : 'ru' };
}

/** The host name of a URL without "www.", for compact source lists. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A URL as a reader can read it: percent-escapes decoded (Cyrillic Wikipedia titles), kept as is if malformed. */
export function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
