/**
 * The one path helper. Every internal href goes through it, so a `base` sub-path (BASE_PATH, e.g. a
 * site hosted at https://news.example.kz/almaty-projects/) or a locale prefix never breaks a link.
 * Russian (the default locale) has no prefix. The base is read on each call from Astro's
 * `import.meta.env.BASE_URL`, which astro.config.mjs sets from BASE_PATH.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from './vocabulary.ts';
import { LOCAL_SITE } from './site-address.ts';

/** The deployment base path, always starting and ending with "/": "/" or "/almaty-projects/". */
export function basePath(): string {
  const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
  const withEnd = base.endsWith('/') ? base : `${base}/`;
  return withEnd.startsWith('/') ? withEnd : `/${withEnd}`;
}

/**
 * Absolute path of a page: `href('kk', 'districts', 'medeu')` → `/kk/districts/medeu/` (with the
 * base in front). Segments are URL-encoded; a query string may be passed as the last argument
 * starting with "?".
 */
export function href(lang: Locale, ...segments: string[]): string {
  let query = '';
  const last = segments.at(-1);
  if (last?.startsWith('?')) {
    query = last;
    segments = segments.slice(0, -1);
  }
  const parts: string[] = lang === DEFAULT_LOCALE ? [] : [lang];
  parts.push(...segments.filter(Boolean).map(encodeURIComponent));
  return basePath() + parts.map((p) => `${p}/`).join('') + query;
}

/** Path of a file (not a page): no trailing slash, e.g. `/data/projects.csv`, `/favicon.svg`. */
export function fileHref(...segments: string[]): string {
  return basePath() + segments.map(encodeURIComponent).join('/');
}

/**
 * The full URL of a path on the deployed site (astro.config.mjs `site`, from SITE_URL), for
 * canonical links, feeds, share tags, structured data and the embed snippet. `path` comes from
 * href() or fileHref(), so it already carries the base.
 */
export function absolute(path: string): string {
  const site = (import.meta.env?.SITE as string | undefined) || `${LOCAL_SITE}/`;
  return new URL(path, site).href;
}

/** The same page in another language: strips the current locale prefix and adds the target's. */
export function switchLocale(pathname: string, to: Locale): string {
  const base = basePath();
  let rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const first = rest.split('/')[0];
  if (first && (LOCALES as readonly string[]).includes(first) && first !== DEFAULT_LOCALE) {
    rest = rest.slice(first.length + 1);
  }
  return base + (to === DEFAULT_LOCALE ? '' : `${to}/`) + rest;
}

/** The locale a path belongs to. */
export function localeOf(pathname: string): Locale {
  const base = basePath();
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const first = rest.split('/')[0];
  return (LOCALES as readonly string[]).includes(first ?? '') ? (first as Locale) : DEFAULT_LOCALE;
}

/** getStaticPaths params for the `[...lang]` rest segment: undefined for Russian (the root). */
export function langParam(lang: Locale): string | undefined {
  return lang === DEFAULT_LOCALE ? undefined : lang;
}
