/** Picks the dictionary for a locale and formats counts, dates and numbers for it. */
import type { Locale } from '../lib/vocabulary.ts';
import { ru, type Dictionary } from './ru.ts';
import { kk } from './kk.ts';
import { en } from './en.ts';

export type { Dictionary };
export const dictionaries: Record<Locale, Dictionary> = { ru, kk, en };

export function t(lang: Locale): Dictionary {
  return dictionaries[lang];
}

/** BCP 47 tag for Intl formatting. */
export const intlTag: Record<Locale, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

/**
 * "5 проектов" / "5 жоба" / "5 projects". `forms` is [one, few, many] for Russian and
 * [one, other] for Kazakh and English, as in the dictionaries.
 */
export function plural(lang: Locale, n: number, forms: readonly string[]): string {
  const rule = pluralRules(lang).select(n);
  let form: string | undefined;
  if (lang === 'ru') form = rule === 'one' ? forms[0] : rule === 'few' ? forms[1] : forms[2];
  else form = rule === 'one' ? forms[0] : forms[1];
  return `${formatNumber(lang, n)} ${form ?? forms.at(-1) ?? ''}`;
}

/**
 * The same forms keyed by Intl plural category, for a client script that counts in the browser: it
 * then needs only Intl.PluralRules and this small object, not the dictionaries. Agrees with plural().
 */
export function pluralCategories(lang: Locale, forms: readonly string[]): Partial<Record<Intl.LDMLPluralRule, string>> {
  const last = forms.at(-1) ?? '';
  if (lang === 'ru') return { one: forms[0] ?? last, few: forms[1] ?? last, many: forms[2] ?? last, other: forms[2] ?? last };
  return { one: forms[0] ?? last, other: forms[1] ?? last };
}

/**
 * One formatter per language (and variant), made on first use. Creating an Intl formatter costs far
 * more than using one, and a build with thousands of project pages formats dates on every page: made
 * per call, date formatting was the largest single cost of a 1,000-project build.
 */
function memo<K extends string, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    let v = made.get(key);
    if (v === undefined) made.set(key, (v = make(key)));
    return v;
  };
}

const pluralRules = memo((lang: Locale) => new Intl.PluralRules(intlTag[lang]));
const numberFormat = memo((lang: Locale) => new Intl.NumberFormat(intlTag[lang]));
const dateFormat = memo(
  (key: `${Locale}:${'date' | 'time'}`) =>
    new Intl.DateTimeFormat(intlTag[key.slice(0, 2) as Locale], {
      timeZone: 'Asia/Almaty',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(key.endsWith(':time') ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    }),
);

export function formatNumber(lang: Locale, n: number): string {
  return numberFormat(lang).format(n);
}

/** Dates already written, by language, variant and time: a list of thousands shares a few dozen dates. */
const formattedDates = new Map<string, string>();

/** A calendar date in the reader's language, e.g. "23 октября 2025 г.". Dates are Almaty dates. */
export function formatDate(lang: Locale, d: Date, withTime = false): string {
  const key: `${Locale}:${'date' | 'time'}` = `${lang}:${withTime ? 'time' : 'date'}`;
  const cacheKey = `${key}:${d.getTime()}`;
  let text = formattedDates.get(cacheKey);
  if (text === undefined) formattedDates.set(cacheKey, (text = dateFormat(key).format(d)));
  return text;
}

/** Machine-readable date for <time datetime>. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Fills "{name}" placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

/** A localised text with Russian fallback; `lang` is the language the returned text is in. */
export function pick(
  value: { ru: string; kk?: string | undefined; en?: string | undefined },
  lang: Locale,
): { text: string; lang: Locale } {
  const v = value[lang];
  return v ? { text: v, lang } : { text: value.ru, lang: 'ru' };
}
