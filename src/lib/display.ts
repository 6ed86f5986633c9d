/** Small display decisions shared by several components. Pure. */
import type { Locale, LocalText } from './vocabulary.ts';

/** A localised text with Russian fallback; `lang` is the language the returned text is in. */
export function pick(value: LocalText, lang: Locale): { text: string; lang: Locale } {
  const v = value[lang];
  return v ? { text: v, lang } : { text: value.ru, lang: 'ru' };
}

/** A text to show and the `lang` attribute it needs (undefined where it is the page's language). */
export interface Localised {
  text: string;
  lang: Locale | undefined;
}

/**
 * The text to show for a localised value and the `lang` attribute it needs: undefined where the
 * text is in the page language, "ru" where we fall back to the Russian original.
 */
export function localised(value: LocalText, lang: Locale): Localised;
export function localised(value: LocalText | undefined, lang: Locale): Localised | undefined;
export function localised(value: LocalText | undefined, lang: Locale): Localised | undefined {
  if (!value) return undefined;
  const p = pick(value, lang);
  return { text: p.text, lang: p.lang === lang ? undefined : p.lang };
}

/** Project title for the page language: Kazakh only where a source gives one, else the Russian title. */
export function projectTitle(title: Pick<LocalText, 'ru' | 'kk'>, lang: Locale): Localised {
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
