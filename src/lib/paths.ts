/**
 * The one path helper. Every internal href goes through `href()`, so a `base` sub-path or a locale
 * prefix never breaks a link. Russian (the default locale) has no prefix.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from './vocabulary.ts';

/** The deployment base path, always ending in "/". */
function basePath(): string {
  const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * Absolute path of a page: `href('kk', 'districts', 'medeu')` → `/kk/districts/medeu/`.
 * Segments are URL-encoded; a query string may be passed as the last argument starting with "?".
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

/** Path of a file (not a page): no trailing slash, e.g. `/data/projects.csv`. */
export function fileHref(...segments: string[]): string {
  return basePath() + segments.map(encodeURIComponent).join('/');
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
  const rest = pathname.slice(basePath().length);
  const first = rest.split('/')[0];
  return (LOCALES as readonly string[]).includes(first ?? '') ? (first as Locale) : DEFAULT_LOCALE;
}

/** getStaticPaths params for the `[...lang]` rest segment: undefined for Russian (the root). */
export function langParam(lang: Locale): string | undefined {
  return lang === DEFAULT_LOCALE ? undefined : lang;
}
