/** Small display decisions shared by several components. Pure. */
import type { Locale } from './vocabulary.ts';
import { pickText, type LocalText, type LocalTextLike } from './local-text.ts';

/** What a page writes for a localised value. */
export interface Localised {
  text: string;
  /** The `lang` attribute the text needs: undefined where it is in the page language. */
  lang: Locale | undefined;
  /** True where the text is our translation (marked in the content's `translated`). */
  ours: boolean;
}

/**
 * The text to show for a localised value and the `lang` attribute it needs: undefined where the
 * text is in the page language, the fallback language (Russian first) where the page language is missing.
 */
export function localised(value: LocalText, lang: Locale): Localised;
export function localised(value: LocalTextLike | undefined, lang: Locale): Localised | undefined;
export function localised(value: LocalTextLike | undefined, lang: Locale): Localised | undefined {
  const p = pickText(value, lang);
  if (p) return { text: p.text, lang: p.fallback ? p.lang : undefined, ours: p.ours };
  // A LocalText always has its Russian, even if empty: show it rather than nothing.
  return value?.ru === undefined ? undefined : { text: value.ru, lang: lang === 'ru' ? undefined : 'ru', ours: false };
}

/** Project title for the page language (every project has ru, kk and en; Russian if one is missing). */
export function projectTitle(title: LocalText, lang: Locale): Localised {
  return localised(title, lang);
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
