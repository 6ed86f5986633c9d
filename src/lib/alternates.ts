/**
 * The language alternates of a page, as both the page's `<link rel="alternate" hreflang>` tags
 * (BaseLayout) and the sitemap (src/lib/sitemap.ts) write them: one set of codes (`HREFLANG`), plus
 * `x-default`, so that the two can never disagree.
 */
import { DEFAULT_LOCALE, HREFLANG, LOCALES, type Locale } from './vocabulary.ts';

export interface Alternate {
  hreflang: string;
  href: string;
}

/** Every language's address of one page, then `x-default` (the Russian original). */
export function alternates(urlOf: (lang: Locale) => string): Alternate[] {
  return [...LOCALES.map((l) => ({ hreflang: HREFLANG[l], href: urlOf(l) })), { hreflang: 'x-default', href: urlOf(DEFAULT_LOCALE) }];
}
