/**
 * The language alternates of each sitemap entry.
 *
 * @astrojs/sitemap can compute them itself (its `i18n` option), but it does so by comparing every page
 * with every other page: at 10,000 projects (30,000 pages) that took 20 s, most of a build. Every page
 * of this site exists in Russian, Kazakh and English (src/lib/i18n-routes.ts makes each route in all
 * three), so the alternates follow from the address alone, in constant time per page.
 */
import { alternates } from './alternates.ts';
import { DEFAULT_LOCALE, isLocale } from './vocabulary.ts';

/**
 * The Russian, Kazakh and English addresses of the page at `url`, with their hreflang (the same codes
 * as the page's own alternate links, src/lib/alternates.ts), and `x-default`. `base` is the
 * site's root URL with the base path and its trailing slash (https://example.org/almaty-projects/).
 * Undefined for a URL outside the site.
 */
export function sitemapLinks(url: string, base: string): Array<{ url: string; lang: string }> | undefined {
  if (!url.startsWith(base)) return undefined;
  const rest = url.slice(base.length);
  const first = rest.split('/')[0] ?? '';
  const isPrefix = first !== DEFAULT_LOCALE && isLocale(first) && rest.length > first.length;
  const path = isPrefix ? rest.slice(first.length + 1) : rest;
  return alternates((l) => `${base}${l === DEFAULT_LOCALE ? '' : `${l}/`}${path}`).map((a) => ({ url: a.href, lang: a.hreflang }));
}

/**
 * Whether a page path is a former project's address (/projects/<formerId>/, in any language and under
 * any base path): those pages exist for old links only, so the sitemap leaves them out.
 */
export function isFormerProjectPath(pathname: string, formerIds: ReadonlySet<string>): boolean {
  const parts = pathname.split('/').filter(Boolean);
  return parts.length >= 2 && parts.at(-2) === 'projects' && formerIds.has(parts.at(-1)!);
}
