/**
 * Formatting for the reader's language: counts with their plural form, numbers, dates and "{name}"
 * templates. No dictionaries here, so that client code (the project index, the maps) imports these
 * instead of copying them; the words themselves come from src/i18n or from data-* attributes.
 */
import { LOCALE_TAGS, type Locale } from './vocabulary.ts';

/** Fills "{name}" placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (values[k] === undefined ? m : String(values[k])));
}

/** A word's plural forms keyed by Intl plural category, as `Intl.PluralRules.select()` names them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>>;

/**
 * The dictionaries write plural forms as [one, few, many] (Russian) or [one, other] (Kazakh,
 * English); this keys them by Intl plural category, so that code holding only the forms (a client
 * script, a data-* attribute) picks the same form `plural()` picks at build time.
 */
export function pluralCategories(forms: readonly string[]): PluralForms {
  const last = forms.at(-1) ?? '';
  if (forms.length >= 3) return { one: forms[0] ?? last, few: forms[1] ?? last, many: forms[2] ?? last, other: forms[2] ?? last };
  return { one: forms[0] ?? last, other: forms[1] ?? last };
}

/** The form of a word for `n` under the language's plural rules. */
export function pluralForm(rules: Intl.PluralRules, forms: PluralForms, n: number): string {
  return forms[rules.select(n)] ?? forms.other ?? '';
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

// Marked pure so that a client bundle importing only fill() or pluralForm() leaves these out.
const pluralRules = /* @__PURE__ */ memo((lang: Locale) => new Intl.PluralRules(LOCALE_TAGS[lang]));
const numberFormat = /* @__PURE__ */ memo((lang: Locale) => new Intl.NumberFormat(LOCALE_TAGS[lang]));
const dateFormat = /* @__PURE__ */ memo(
  (key: `${Locale}:${'date' | 'time'}`) =>
    new Intl.DateTimeFormat(LOCALE_TAGS[key.slice(0, 2) as Locale], {
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

/**
 * "5 проектов" / "5 жоба" / "5 projects": the number and the form of the word for it. `forms` as in
 * the dictionaries (see pluralCategories).
 */
export function plural(lang: Locale, n: number, forms: readonly string[]): string {
  return `${formatNumber(lang, n)} ${pluralForm(pluralRules(lang), pluralCategories(forms), n)}`;
}

/** "проектов" for 46: the plural word alone, so that a figure and its label can be set apart. */
export function pluralWord(lang: Locale, n: number, forms: readonly string[]): string {
  return pluralForm(pluralRules(lang), pluralCategories(forms), n);
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
  // Pages ask for the same few report dates tens of thousands of times: each day is written once.
  const time = d.getTime();
  let iso = isoDates.get(time);
  if (iso === undefined) {
    iso = d.toISOString().slice(0, 10);
    if (isoDates.size < 10_000) isoDates.set(time, iso);
  }
  return iso;
}
const isoDates = new Map<number, string>();

const listFormat = /* @__PURE__ */ memo((lang: Locale) => new Intl.ListFormat(LOCALE_TAGS[lang], { type: 'conjunction' }));

/** A list joined the way the language joins one: "Медеуский, Алмалинский и Турксибский". */
export function formatList(lang: Locale, items: readonly string[]): string {
  return listFormat(lang).format(items);
}
