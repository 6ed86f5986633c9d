/**
 * The closed vocabularies of the site, defined once.
 *
 * Schemas (`src/schemas`), filters, labels (`src/i18n`) and tests all import these tuples, so adding a
 * value here is the one change that makes it valid everywhere; the dictionaries then fail type-checking
 * until every language has a label for it.
 */

/** Interface languages. Russian is the default and lives at the site root. */
export const LOCALES = ['ru', 'kk', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** Whether a string (a path segment, a source's language, an object key) is one of the site's locales. */
export const isLocale = (value: string | undefined): value is Locale => (LOCALES as readonly string[]).includes(value ?? '');
export const DEFAULT_LOCALE: Locale = 'ru';

/**
 * The BCP 47 tag of each interface language with its region, for what needs one: Intl formatting, the
 * feeds' <language> and og:locale (with "_").
 */
export const LOCALE_TAGS: Record<Locale, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

/**
 * The language codes of the pages, the one table of them: `<html lang>`, the `hreflang` of the pages'
 * alternate links and of the sitemap (src/lib/alternates.ts). A page in Russian is for every Russian
 * reader, not only those in Russia, so no region. `x-default` (for readers of none of them) points to
 * the Russian page, the original.
 */
export const HREFLANG: Record<Locale, string> = { ru: 'ru', kk: 'kk', en: 'en' };

/** The four blocks of the akimat's announcement. */
export const CATEGORIES = ['social', 'infrastructure', 'industry', 'utilities'] as const;
export type Category = (typeof CATEGORIES)[number];

/** What kind of object a project is. `other` is for objects the sources describe in no listed kind. */
export const KINDS = [
  'school',
  'kindergarten',
  'specialised-institution',
  'active-longevity-centre',
  'yard',
  'park',
  'square',
  'pedestrian-zone',
  'greening',
  'lighting',
  'sports-ground',
  'plant',
  'water-network',
  'sewer-network',
  'heating-main',
  'other',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * Kinds that have a length (networks, lines of lamps, paths). Only for these does a project page say
 * "length: not stated in sources"; for a school or a square the row would suggest a missing figure
 * that does not exist, so it is shown only when a source gives one.
 */
export const LINEAR_KINDS: readonly Kind[] = ['water-network', 'sewer-network', 'heating-main', 'lighting', 'pedestrian-zone'];

/** Almaty's eight districts, by the slug used in URLs and file names. */
export const DISTRICT_SLUGS = [
  'alatau',
  'almaly',
  'auezov',
  'bostandyk',
  'zhetysu',
  'medeu',
  'nauryzbay',
  'turksib',
] as const;
export type DistrictSlug = (typeof DISTRICT_SLUGS)[number];

/**
 * A district's place in DISTRICT_SLUGS (Russian alphabetical), the one order of every map, filter,
 * table, list and file; no district, or a slug that is none, comes last.
 */
export function districtRank(slug: string | undefined): number {
  const i = slug === undefined ? -1 : (DISTRICT_SLUGS as readonly string[]).indexOf(slug);
  return i < 0 ? DISTRICT_SLUGS.length : i;
}

/** Compares two districts' slugs by districtRank, for sort(). */
export const byDistrictOrder = (a: string, b: string): number => districtRank(a) - districtRank(b);

/**
 * The stage a source reports, coarse enough to filter on. The page always shows the source's own
 * wording next to it; a project is `completed` or `opened` only where its own source says so.
 */
export const STATUS_STAGES = [
  'opened',
  'completed',
  'nearly-completed',
  'in-progress',
  'planned',
  'conflicting',
] as const;
export type StatusStage = (typeof STATUS_STAGES)[number];

/**
 * Words editors write for a stage instead of its code, in English, Russian and Kazakh, and the stage
 * each most likely means. Only the "did you mean" hint uses them (src/lib/suggest.ts); they are never
 * accepted as values, because the stage must still match what the project's own source says.
 * Keys are written lowercase, with spaces between words (hyphens and underscores count as spaces).
 */
export const STAGE_SYNONYMS: Readonly<Record<string, StatusStage>> = {
  // opened
  open: 'opened',
  launched: 'opened',
  inaugurated: 'opened',
  'открыт': 'opened',
  'открыта': 'opened',
  'открыто': 'opened',
  'открыли': 'opened',
  'открытие': 'opened',
  'ашылды': 'opened',
  // completed
  done: 'completed',
  finished: 'completed',
  built: 'completed',
  ready: 'completed',
  'завершен': 'completed',
  'завершена': 'completed',
  'завершено': 'completed',
  'завершены': 'completed',
  'построен': 'completed',
  'построена': 'completed',
  'построено': 'completed',
  'готово': 'completed',
  'сдан': 'completed',
  'сдано': 'completed',
  'аяқталды': 'completed',
  // nearly-completed
  'almost done': 'nearly-completed',
  'almost complete': 'nearly-completed',
  'almost completed': 'nearly-completed',
  'almost finished': 'nearly-completed',
  'almost ready': 'nearly-completed',
  'nearly done': 'nearly-completed',
  'nearly complete': 'nearly-completed',
  'nearly finished': 'nearly-completed',
  'nearly ready': 'nearly-completed',
  'почти завершено': 'nearly-completed',
  'почти готово': 'nearly-completed',
  'завершается': 'nearly-completed',
  'на завершающей стадии': 'nearly-completed',
  // in-progress
  ongoing: 'in-progress',
  started: 'in-progress',
  underway: 'in-progress',
  'under way': 'in-progress',
  'under construction': 'in-progress',
  'in work': 'in-progress',
  wip: 'in-progress',
  'строится': 'in-progress',
  'в процессе': 'in-progress',
  'в работе': 'in-progress',
  'ведутся работы': 'in-progress',
  'идет строительство': 'in-progress',
  'салынуда': 'in-progress',
  // planned
  plan: 'planned',
  scheduled: 'planned',
  upcoming: 'planned',
  'планируется': 'planned',
  'запланировано': 'planned',
  'в планах': 'planned',
  'жоспарланған': 'planned',
  // conflicting
  disputed: 'conflicting',
  contradictory: 'conflicting',
  'противоречиво': 'conflicting',
  'источники расходятся': 'conflicting',
};

/** Where the money comes from, as the sources state it. A project may name several. */
export const FUNDING_SOURCES = [
  'public-budget',
  'participation-budget',
  'national-programme',
  'private',
  'charity',
  'returned-assets',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Whether a source ties the project to Republic Day 2025 (the akimat's list itself is not public). */
export const LIST_MEMBERSHIP = ['confirmed', 'not-confirmed', 'unlikely'] as const;
export type ListMembership = (typeof LIST_MEMBERSHIP)[number];

/**
 * How precise a stated coordinate is: `exact` is the object or its site; `street` is a sourced point on
 * the named street; `microdistrict` is a sourced point of some object inside the named microdistrict.
 */
export const PRECISIONS = ['exact', 'street', 'microdistrict'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * Languages a source is published in: the site's three, and Spanish, which one source is in (a Spanish
 * version of a Russian motoring site). Add a language here, with its labels in src/i18n, when a
 * source needs it; a source in a language not listed leaves `language` out.
 */
export const SOURCE_LANGUAGES = ['ru', 'kk', 'en', 'es'] as const;
export type SourceLanguage = (typeof SOURCE_LANGUAGES)[number];

/** Language names editors write instead of the code, for the "did you mean" hint (see STAGE_SYNONYMS). */
export const LANGUAGE_SYNONYMS: Readonly<Record<string, SourceLanguage>> = {
  russian: 'ru',
  rus: 'ru',
  'русский': 'ru',
  'рус': 'ru',
  kazakh: 'kk',
  kaz: 'kk',
  kz: 'kk',
  'казахский': 'kk',
  'қазақ': 'kk',
  'қазақша': 'kk',
  english: 'en',
  eng: 'en',
  'английский': 'en',
  spanish: 'es',
  'испанский': 'es',
};

/** How sure the research is that the item belongs to this story. */
export const CONFIDENCE = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

/**
 * Almaty's extent, from the min/max over the eight 2023 district polygons (see research notes),
 * rounded outwards to one decimal so that editors get a readable rule.
 */
export const ALMATY_BOUNDS = { south: 43.0, west: 76.7, north: 43.45, east: 77.2 } as const;

/**
 * Why an item that came up in the research is not on the list: the inclusion rule it fails
 * (`src/lib/inclusion.ts` states the rule; `content/considered/` holds the items).
 */
export const CONSIDERED_REASONS = [
  'not-itemised',
  'not-in-almaty',
  'outside-categories',
  'outside-period',
  'other-occasion',
] as const;
export type ConsideredReason = (typeof CONSIDERED_REASONS)[number];
