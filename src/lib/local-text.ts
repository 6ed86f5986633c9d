/**
 * Texts in several languages: which one a page shows, and which languages are our translation.
 *
 * A localised text is `{ ru?, kk?, en?, translated? }`, where `translated` lists the languages that
 * we translated because none of the project's sources is written in them (content/README.md, "Text in
 * several languages"). Pure and dictionary-free, so pages, the exporter, the schemas and client code
 * can all use it.
 */
import { isLocale, LOCALES, type Locale } from './vocabulary.ts';
import type { ForeignPassage } from './lang-runs.ts';

/**
 * A localised text: Russian always (the sources' language and the site's default), Kazakh and
 * English where a source or our translation gives them, and the languages that are our translation.
 * The one type for it: the schemas' `localText()` is declared to produce it (src/schemas/common.ts),
 * so the type check fails if the two drift apart.
 */
export interface LocalText {
  ru: string;
  kk?: string | undefined;
  en?: string | undefined;
  translated?: readonly Locale[] | undefined;
  /** Passages in another language inside the texts, which pages mark with `lang` (src/lib/lang-runs.ts). */
  foreign?: readonly ForeignPassage[] | undefined;
}

/**
 * Any localised value the helpers below read: a LocalText, or one whose Russian is kept elsewhere
 * (a project's `description`, whose Russian is the Markdown body).
 */
export type LocalTextLike = Partial<LocalText>;

/** The text a page shows for a localised value. */
export interface PickedText {
  text: string;
  /** The language the text is in: the page language, or the language we fell back to. */
  lang: Locale;
  /** True where this text is our translation (its language is listed in `translated`). */
  ours: boolean;
  /** True where the text is not in the page language (the page marks it with a `lang` attribute). */
  fallback: boolean;
}

/** Which language to show when the page language is missing: Russian, the site's default, then the others. */
export const FALLBACK_ORDER: Readonly<Record<Locale, readonly Locale[]>> = {
  ru: ['ru', 'en', 'kk'],
  kk: ['kk', 'ru', 'en'],
  en: ['en', 'ru', 'kk'],
};

/**
 * The text for the page language, or the first language in FALLBACK_ORDER that the value has; undefined
 * for a missing value or one with no text at all. Takes a text as the content has it (a language left
 * out) or as the downloads write it (null for a language, src/lib/export.ts), so that a page and a
 * spreadsheet choose alike.
 */
export function pickText(
  value: ({ readonly [L in Locale]?: string | null | undefined } & { readonly translated?: readonly Locale[] | undefined }) | undefined,
  lang: Locale,
): PickedText | undefined {
  if (!value) return undefined;
  for (const l of FALLBACK_ORDER[lang]) {
    const text = value[l];
    if (text) return { text, lang: l, ours: value.translated?.includes(l) ?? false, fallback: l !== lang };
  }
  return undefined;
}

/**
 * The languages that are certainly our translation for a record whose sources are in `sourceLanguages`:
 * those no source is written in. A source whose language is unknown (undefined) proves no language.
 */
export function languagesWithoutSource(sourceLanguages: readonly (string | undefined)[]): Locale[] {
  return LOCALES.filter((l) => !sourceLanguages.includes(l));
}

/** A text found in a record whose `translated` list lacks languages that no source gives. */
export interface UnmarkedTranslation {
  /** Path to the text object, e.g. ['facts', 2]. */
  path: (string | number)[];
  /** The languages the text has, that no source is in, and that `translated` does not list. */
  missing: Locale[];
}

const isText = (v: unknown): v is LocalTextLike =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).length > 0 &&
  Object.keys(v).every((k) => k === 'translated' || k === 'foreign' || isLocale(k)) &&
  LOCALES.some((l) => typeof (v as Record<string, unknown>)[l] === 'string');

/**
 * Every localised text in `record` (found by shape, at any depth) that has a language from `ours` not
 * listed in its `translated`. Top-level keys in `skip` are not searched.
 */
export function unmarkedTranslations(record: unknown, ours: readonly Locale[], skip: readonly string[] = []): UnmarkedTranslation[] {
  const found: UnmarkedTranslation[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (isText(v)) {
      // `translated` may be anything in a file that is still being fixed: only a list marks languages.
      const marked: readonly unknown[] = Array.isArray(v.translated) ? v.translated : [];
      const missing = ours.filter((l) => v[l] !== undefined && !marked.includes(l));
      if (missing.length) found.push({ path, missing });
    } else if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...path, i]));
    else if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
      for (const [k, item] of Object.entries(v)) if (path.length > 0 || !skip.includes(k)) walk(item, [...path, k]);
    }
  };
  walk(record, []);
  return found;
}

/**
 * Every `foreign` passage of every localised text in `record` (found by shape, at any depth), each
 * once: what pages mark with `lang` wherever the passage appears (src/lib/lang-runs.ts).
 */
export function foreignPassagesIn(record: unknown): ForeignPassage[] {
  const found = new Map<string, ForeignPassage>();
  const walk = (v: unknown) => {
    if (isText(v)) {
      const foreign: unknown = (v as { foreign?: unknown }).foreign;
      if (!Array.isArray(foreign)) return;
      for (const p of foreign as unknown[]) {
        const { lang, text } = (p ?? {}) as { lang?: unknown; text?: unknown };
        if (typeof lang === 'string' && typeof text === 'string' && text) found.set(`${lang}\u0000${text}`, { lang, text });
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null && !(v instanceof Date)) Object.values(v).forEach(walk);
  };
  walk(record);
  return [...found.values()];
}
