/**
 * The open-data files, built once per build from the same validated collection as the pages. The
 * endpoints under src/pages/data/ serve them and the /data/ page shows their sizes and counts, so
 * what the page says about a file is measured on the file itself.
 */
import { stringify } from 'csv-stringify/sync';
import { csvTable, hasPoint, toFeatureCollection, toJsonRecord, ymd, type ProjectJson } from '~/lib/export.ts';
import { CSV_STRINGIFY_OPTIONS } from '~/lib/csv-options.ts';
import { absolute, fileHref, href } from '~/lib/paths.ts';
import { LOCALES, type Locale } from '~/lib/vocabulary.ts';
import { t } from '~/i18n/index.ts';
import { fill, plural } from '~/lib/format.ts';
import { CONTENT_LICENCE, FILE_LICENCE } from '~/lib/licence.ts';
import { xlsxSheets, type PlainSheet } from '~/lib/xlsx-sheets.ts';
import { offMainThread } from './build-workers.ts';
import { enumLabels, utf8Length } from '~/data/views/shared.ts';
import { dataAsOf, getDistrictNames, getProjects, getStory } from './content.ts';
import { once, onceBy } from '~/lib/once.ts';

export interface Downloads {
  records: ProjectJson[];
  /** Projects in the files, and how many of them have a coordinate (the GeoJSON's features). */
  count: number;
  located: number;
}

/** The city-wide project files: /data/projects.csv, .json and .geojson. */
export type ProjectFile = 'csv' | 'json' | 'geojson';

/** The records, their counts and the JSON file's document fields. */
type Dataset = Downloads & { document: Record<string, unknown> };

/** A GeoJSON FeatureCollection with its licence as a foreign member (RFC 7946 §6.1), before the features. */
const withLicence = <C extends { type: 'FeatureCollection'; features: unknown[] }>({ type, features }: C) => ({ type, license: FILE_LICENCE, features });

/**
 * The files' texts, made when asked for and not kept: at 10,000 projects the JSON alone is 87 MB, and
 * the city's and the districts' files, held for the whole build, raised its peak memory by a third.
 * Pages need only their sizes, which are kept. Whatever asks first makes the text; an endpoint takes
 * it (made again if a page asked before and it was handed over already), a page takes the size.
 */
const made = new Map<string, { text?: Promise<string> | undefined; bytes: Promise<number> }>();

/** A file's text, for its endpoint; the text is then forgotten, its size kept. */
function fileText(key: string, make: () => Promise<string>): Promise<string> {
  const entry = made.get(key);
  if (entry?.text) {
    const text = entry.text;
    entry.text = undefined;
    return text;
  }
  const text = make();
  made.set(key, { bytes: text.then(utf8Length) });
  return text;
}

/** A file's size in bytes, for the pages that show it; made once (and kept until its endpoint takes it) if no endpoint has made it yet. */
function fileBytes(key: string, make: () => Promise<string>): Promise<number> {
  let entry = made.get(key);
  if (!entry) {
    const text = make();
    entry = { text, bytes: text.then(utf8Length) };
    made.set(key, entry);
  }
  return entry.bytes;
}

/** One district's counts: its rows in the city files, and how many have a coordinate. */
export interface DistrictDownloads {
  slug: string;
  count: number;
  located: number;
}

const ownRecords = async (slug: string) => (await downloads()).records.filter((r) => r.district === slug);

/** The counts of one district's files (/data/districts/<slug>/projects.csv and .geojson), once per build. */
export const districtDownloads = onceBy(async (slug: string): Promise<DistrictDownloads> => {
  const own = await ownRecords(slug);
  return { slug, count: own.length, located: own.filter(hasPoint).length };
});

const makeDistrictFile = (slug: string, kind: 'csv' | 'geojson') => async () => {
  const own = await ownRecords(slug);
  return kind === 'csv' ? stringify(csvTable(own), CSV_STRINGIFY_OPTIONS) : `${JSON.stringify(withLicence(toFeatureCollection(own)), null, 2)}\n`;
};

/** A district's file as text: the city files' columns and properties, its rows only. */
export const districtFile = (slug: string, kind: 'csv' | 'geojson') => fileText(`${slug}.${kind}`, makeDistrictFile(slug, kind));
/** The size of a district's file, in bytes. */
export const districtFileBytes = (slug: string, kind: 'csv' | 'geojson') => fileBytes(`${slug}.${kind}`, makeDistrictFile(slug, kind));

/** Where a district's files live: /data/districts/<slug>/projects.csv, named like the city's files. */
export const districtFileHref = (slug: string, ext: 'csv' | 'geojson') => fileHref('data', 'districts', slug, `projects.${ext}`);

/** The records every file is made from, and their counts; the permalinks inside are absolute (SITE_URL and BASE_PATH). */
export const downloads = (): Promise<Downloads> => dataset();

/** Made once per build. */
const dataset = once(async (): Promise<Dataset> => {
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
    license: FILE_LICENCE,
  };
  return { records, document, count: records.length, located: records.filter(hasPoint).length };
});

const makeProjectFile = (kind: ProjectFile) => async () => {
  const { records, document } = await dataset();
  if (kind === 'csv') return stringify(csvTable(records), CSV_STRINGIFY_OPTIONS);
  if (kind === 'json') return `${JSON.stringify({ ...document, projects: records }, null, 2)}\n`;
  return `${JSON.stringify(withLicence(toFeatureCollection(records)), null, 2)}\n`;
};

/** A city-wide file as text, for its endpoint. */
export const projectFile = (kind: ProjectFile) => fileText(kind, makeProjectFile(kind));
/** The size of a city-wide file, in bytes, for /data/. */
export const projectFileBytes = (kind: ProjectFile) => fileBytes(kind, makeProjectFile(kind));

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where a language's spreadsheet lives: /data/projects.xlsx, /kk/data/projects.xlsx, /en/data/projects.xlsx. */
export const xlsxHref = (lang: Locale) => (lang === 'ru' ? fileHref('data', 'projects.xlsx') : fileHref(lang, 'data', 'projects.xlsx'));

let xlsxQueue: Promise<void> = Promise.resolve();

/** The sheets of a language's spreadsheet, before they are written (on a worker, by xlsxFile). */
async function xlsxContent(lang: Locale): Promise<PlainSheet[]> {
  const dict = t(lang);
  const [{ records }, asOf, districtNames] = await Promise.all([downloads(), dataAsOf(), getDistrictNames(lang)]);
  const x = dict.xlsx;
  const sourceCount = records.reduce((n, r) => n + r.sources.length, 0);
  const reportCount = records.reduce((n, r) => n + r.history.length, 0);
  const dataPage = absolute(href(lang, 'data'));
  return xlsxSheets({
    lang,
    records,
    pageUrl: (id) => absolute(href(lang, 'projects', id)),
    labels: {
      sheets: x.sheets,
      columns: x.columns,
      project: x.project,
      reportNumber: x.reportNumber,
      ours: dict.translation.mark,
      values: enumLabels(lang, districtNames),
      readme: [
        [x.readme.title, `${dict.share.datasetName}. ${x.readme.about}`],
        [x.readme.asOf, asOf],
        [
          x.readme.counts,
          fill(x.readme.countsValue, {
            projects: plural(lang, records.length, dict.common.projects),
            sources: plural(lang, sourceCount, x.readme.sources),
            reports: plural(lang, reportCount, dict.feeds.reports),
          }),
        ],
        [x.readme.page, dataPage],
        [x.readme.licence, fill(dict.licence.short, { url: CONTENT_LICENCE.url, site: dict.meta.siteName, page: dataPage })],
        [x.readme.languages, x.readme.languagesValue],
        [x.readme.codes, x.readme.codesValue],
      ],
    },
  });
}

/**
 * A language's spreadsheet as bytes, written once per build, on a worker thread (src/data/build-workers.ts):
 * the sheets are made here, writing and zipping them is the slow part.
 */
export const xlsxFile = onceBy((lang: Locale): Promise<Uint8Array> => {
  // One language at a time: each holds every project's rows twice (here and on the worker) while it is
  // written, and three at once raised the 10,000-project build's peak memory by a third.
  const made = xlsxQueue.then(() => xlsxContent(lang)).then((sheets) => offMainThread({ kind: 'xlsx', sheets, lang }));
  xlsxQueue = made.then(
    () => undefined,
    () => undefined,
  );
  return made;
});
