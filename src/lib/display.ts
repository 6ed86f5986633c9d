/** Small display decisions shared by several components. Pure. */
import { isLocale, LOCALES, type Locale } from './vocabulary.ts';
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

/** A source's own words and, where the page is in another language, a translation beside them. */
export interface Quoted {
  /** The source's words in its language; undefined where every language is ours (a summary of an unreadable page). */
  original: { text: string; lang: Locale } | undefined;
  /** The text in the page language, where the original is in another one (or missing). */
  translation: { text: string; lang: Locale; ours: boolean } | undefined;
}

/**
 * A status report's wording as the page shows it: the source keeps its own words, in its language,
 * and a reader of another language gets the translation beside them (issue 13: "a source's own status
 * wording stays in the original language with our translation beside it"). The original language is
 * the source's `language` where the text has it unmarked, else the first language (Russian, then
 * Kazakh, then English) that `translated` does not list.
 */
export function quoted(value: LocalText, pageLang: Locale, sourceLang?: string): Quoted {
  const own = (l: Locale) => Boolean(value[l]) && !value.translated?.includes(l);
  const originalLang = isLocale(sourceLang) && own(sourceLang) ? sourceLang : LOCALES.find(own);
  const original = originalLang ? { text: value[originalLang]!, lang: originalLang } : undefined;
  if (original && original.lang === pageLang) return { original, translation: undefined };
  const picked = pickText(value, pageLang);
  const translation = picked && picked.lang !== original?.lang ? { text: picked.text, lang: picked.lang, ours: picked.ours } : undefined;
  return { original, translation };
}

/**
 * Which of the texts a page (or a list) shows in its own language are our translation: all, some or
 * none (undefined). Texts shown in another language (with their own `lang`) do not count. A page says
 * "all" once; "some" means it marks the translated ones.
 */
export function translationMode(shown: ReadonlyArray<Localised | undefined>): 'all' | 'some' | undefined {
  const inPageLanguage = shown.filter((s): s is Localised => s !== undefined && s.lang === undefined);
  const ours = inPageLanguage.filter((s) => s.ours).length;
  if (ours === 0) return undefined;
  return ours === inPageLanguage.length ? 'all' : 'some';
}
