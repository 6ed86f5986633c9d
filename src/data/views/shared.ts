/** Small pieces several views share. */
import { t } from '~/i18n/index.ts';
import { fill, formatNumber } from '~/lib/format.ts';
import type { Locale } from '~/lib/vocabulary.ts';
import { translationMode, type Localised } from '~/lib/display.ts';
import { cityReconciliation, dataAsOf, getDistrictMap, getProjectRecords } from '~/data/content.ts';
import { getOutlines } from '~/data/geo.ts';

/**
 * The note said once above a list where the texts it shows in the page language are our translation:
 * all of them, or some (then each page says which); undefined where none is.
 */
export function listTranslationNote(lang: Locale, shown: ReadonlyArray<Localised | undefined>): string | undefined {
  const mode = translationMode(shown);
  return mode === 'all' ? t(lang).translation.list : mode === 'some' ? t(lang).translation.listSome : undefined;
}

/** What the "cite this page" block (CiteThis.astro) shows. */
export interface Citation {
  /** The page's title as in its <h1>, and its language where it differs from the page's. */
  title: string;
  titleLang?: Locale | undefined;
  /** The page's permalink (its canonical URL). */
  url: string;
  /** The "data as of" date. */
  asOf: Date;
}

export async function citation(title: string, url: string, titleLang?: Locale): Promise<Citation> {
  return { title, titleLang, url, asOf: await dataAsOf() };
}

/** A text's size in bytes, as UTF-8: what a download of it weighs. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A file's size for a download link, "12 КБ": whole kilobytes, at least 1. */
export function fileSize(lang: Locale, content: string | Uint8Array | number): string {
  const bytes = typeof content === 'number' ? content : typeof content === 'string' ? utf8Length(content) : content.byteLength;
  return fill(t(lang).data.kb, { n: formatNumber(lang, Math.max(1, Math.ceil(bytes / 1024))) });
}

/**
 * Labels of the closed lists' values by field key (`category`, `status.stage`, `sources[].language`…),
 * so that a code in the files can be read: the /data/ field table and the spreadsheet use them.
 */
export function enumLabels(lang: Locale, districtNames: Readonly<Record<string, string>>): Record<string, Readonly<Record<string, string>>> {
  const dict = t(lang);
  return {
    category: dict.labels.category,
    kind: dict.labels.kind,
    district: districtNames,
    'location.precision': dict.labels.precision,
    funding: dict.labels.funding,
    'status.stage': dict.labels.stage,
    'history[].stage': dict.labels.stage,
    republicDay: dict.labels.membership,
    confidence: dict.labels.confidence,
    'sources[].language': dict.labels.sourceLanguage,
  };
}

/**
 * What the city picture (CityMap.astro, on /districts/ and the home page) draws: each district's name
 * and number of itemised projects, every project (the located ones become dots and markers), and the
 * outlines.
 */
export async function cityMapData(lang: Locale) {
  const [byId, records, summary, outlines] = await Promise.all([getDistrictMap(), getProjectRecords(), cityReconciliation(), getOutlines()]);
  return {
    districts: summary.byDistrict.map((row) => ({ slug: row.district, name: byId.get(row.district)?.data.name[lang] ?? row.district, count: row.itemised })),
    projects: records,
    outlines,
  };
}
