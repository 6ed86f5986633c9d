/**
 * The one path helper. Every internal href goes through it, so a `base` sub-path (BASE_PATH, e.g. a
 * site hosted at https://news.example.kz/almaty-projects/) or a locale prefix never breaks a link.
 * Russian (the default locale) has no prefix. The base is read on each call from Astro's
 * `import.meta.env.BASE_URL`, which astro.config.mjs sets from BASE_PATH (and the result kept while
 * that stays the same).
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from './vocabulary.ts';
import { LOCAL_SITE } from './site-address.ts';

/** The deployment base path, always starting and ending with "/": "/" or "/almaty-projects/". */
export function basePath(): string {
  const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
  // Every link on every page asks: the answer is kept for as long as the setting stays the same.
  if (base !== lastBase.given) {
    const withEnd = base.endsWith('/') ? base : `${base}/`;
    lastBase = { given: base, path: withEnd.startsWith('/') ? withEnd : `/${withEnd}` };
  }
  return lastBase.path;
}
let lastBase = { given: '/', path: '/' };

/** Characters encodeURIComponent leaves as they are: a segment of only these needs no encoding. */
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]*$/;
const encodeSegment = (s: string) => (UNRESERVED.test(s) ? s : encodeURIComponent(s));

/**
 * Absolute path of a page: `href('kk', 'districts', 'medeu')` → `/kk/districts/medeu/` (with the
 * base in front). Segments are URL-encoded; a query string may be passed as the last argument
 * starting with "?".
 */
export function href(lang: Locale, ...segments: string[]): string {
  // Written as a loop: every link of every page comes here (30,000 pages at 10,000 projects).
  let query = '';
  let count = segments.length;
  if (segments[count - 1]?.startsWith('?')) {
    query = segments[count - 1] ?? '';
    count -= 1;
  }
  let out = basePath();
  if (lang !== DEFAULT_LOCALE) out += `${lang}/`;
  for (let i = 0; i < count; i += 1) {
    const segment = segments[i];
    if (segment) out += `${encodeSegment(segment)}/`;
  }
  return out + query;
}

/** Path of a file (not a page): no trailing slash, e.g. `/data/projects.csv`, `/favicon.svg`. */
export function fileHref(...segments: string[]): string {
  return basePath() + segments.map(encodeSegment).join('/');
}

/**
 * The full URL of a path on the deployed site (astro.config.mjs `site`, from SITE_URL), for
 * canonical links, feeds, share tags, structured data and the embed snippet. `path` comes from
 * href() or fileHref(), so it already carries the base.
 */
export function absolute(path: string): string {
  const site = (import.meta.env?.SITE as string | undefined) || `${LOCAL_SITE}/`;
  // A path from href() or fileHref() is already what URL would make of it: the site's origin in
  // front is the same URL, without parsing one for each of a page's dozen links.
  if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)) {
    if (site !== lastSite.given) lastSite = { given: site, origin: new URL(site).origin };
    return lastSite.origin + path;
  }
  return new URL(path, site).href;
}
let lastSite = { given: '', origin: '' };
/**
 * A path of a single leading slash and characters URL keeps as written, in the path and in the query
 * alike (not the apostrophe: URL encodes it in an http query).
 */
const PLAIN_PATH = /^\/(?!\/)[A-Za-z0-9\-_.!~*()%/?=&]*$/;
/** "." and ".." segments, which URL resolves, and doubled slashes, which it keeps but we never make. */
const DOT_SEGMENT = /\/\.\.?(?:\/|\?|$)|\/\//;

/** The same page in another language: strips the current locale prefix and adds the target's. */
export function switchLocale(pathname: string, to: Locale): string {
  const base = basePath();
  let rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const first = rest.split('/')[0];
  if (isLocale(first) && first !== DEFAULT_LOCALE) {
    rest = rest.slice(first.length + 1);
  }
  return base + (to === DEFAULT_LOCALE ? '' : `${to}/`) + rest;
}

/** The locale a path belongs to. */
export function localeOf(pathname: string): Locale {
  const base = basePath();
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const first = rest.split('/')[0];
  return isLocale(first) ? first : DEFAULT_LOCALE;
}

/** getStaticPaths params for the `[...lang]` rest segment: undefined for Russian (the root). */
export function langParam(lang: Locale): string | undefined {
  return lang === DEFAULT_LOCALE ? undefined : lang;
}
