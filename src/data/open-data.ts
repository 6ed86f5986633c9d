/**
 * The open-data files, built once per build from the same validated collection as the pages. The
 * endpoints under src/pages/data/ serve them and the /data/ page shows their sizes and counts, so
 * what the page says about a file is measured on the file itself.
 */
import { stringify } from 'csv-stringify/sync';
import { dataAsOf, getProjects, getStory } from './content.ts';
import { csvTable, toFeatureCollection, toJsonRecord, ymd, type ProjectJson } from '../lib/export.ts';
import { CSV_STRINGIFY_OPTIONS } from '../lib/csv-options.ts';
import { href } from '../lib/paths.ts';
import { LOCALES, type Locale } from '../lib/vocabulary.ts';
import { t } from '../i18n/index.ts';

export interface Downloads {
  records: ProjectJson[];
  csv: string;
  json: string;
  geojson: string;
  /** Projects in the files, and how many of them have a coordinate (the GeoJSON's features). */
  count: number;
  located: number;
}

const cache = new Map<string, Promise<Downloads>>();

/** Every file's text for a site address (the permalinks inside depend on it). */
export function downloads(site: URL): Promise<Downloads> {
  let result = cache.get(site.href);
  if (!result) {
    result = build(site);
    cache.set(site.href, result);
  }
  return result;
}

async function build(site: URL): Promise<Downloads> {
  const entries = await getProjects();
  const records = entries.map((p) =>
    toJsonRecord({ ...p.data, id: p.id, body: p.body }, new URL(href('ru', 'projects', p.id), site).href),
  );
  const asOf = await dataAsOf();
  const { original } = await getStory('ru');
  const perLocale = <T>(f: (lang: Locale) => T) => Object.fromEntries(LOCALES.map((l) => [l, f(l)])) as Record<Locale, T>;
  const document = {
    title: perLocale((l) => t(l).share.datasetName),
    dataAsOf: ymd(asOf),
    count: records.length,
    documentation: perLocale((l) => new URL(href(l, 'data'), site).href),
    basedOn: original.data.source.url,
    projects: records,
  };
  const collection = toFeatureCollection(records);
  return {
    records,
    csv: stringify(csvTable(records), CSV_STRINGIFY_OPTIONS),
    json: `${JSON.stringify(document, null, 2)}\n`,
    geojson: `${JSON.stringify(collection, null, 2)}\n`,
    count: records.length,
    located: collection.features.length,
  };
}
