/**
 * The open-data files, built once per build from the same validated collection as the pages. The
 * endpoints under src/pages/data/ serve them and the /data/ page shows their sizes and counts, so
 * what the page says about a file is measured on the file itself.
 */
import { stringify } from 'csv-stringify/sync';
import { csvTable, toFeatureCollection, toJsonRecord, ymd, type ProjectJson } from '~/lib/export.ts';
import { CSV_STRINGIFY_OPTIONS } from '~/lib/csv-options.ts';
import { absolute, href } from '~/lib/paths.ts';
import { LOCALES, type Locale } from '~/lib/vocabulary.ts';
import { t } from '~/i18n/index.ts';
import { dataAsOf, getProjects, getStory } from './content.ts';

export interface Downloads {
  records: ProjectJson[];
  csv: string;
  json: string;
  geojson: string;
  /** Projects in the files, and how many of them have a coordinate (the GeoJSON's features). */
  count: number;
  located: number;
}

let cache: Promise<Downloads> | undefined;

/** Every file's text; the permalinks inside are absolute (SITE_URL and BASE_PATH). */
export function downloads(): Promise<Downloads> {
  cache ??= build();
  return cache;
}

async function build(): Promise<Downloads> {
  const entries = await getProjects();
  const records = entries.map((p) => toJsonRecord({ ...p.data, id: p.id, body: p.body }, absolute(href('ru', 'projects', p.id))));
  const asOf = await dataAsOf();
  const { original } = await getStory('ru');
  const perLocale = <T>(f: (lang: Locale) => T) => Object.fromEntries(LOCALES.map((l) => [l, f(l)])) as Record<Locale, T>;
  const document = {
    title: perLocale((l) => t(l).share.datasetName),
    dataAsOf: ymd(asOf),
    count: records.length,
    documentation: perLocale((l) => absolute(href(l, 'data'))),
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
