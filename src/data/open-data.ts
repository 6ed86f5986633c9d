/**
 * The open-data files, built once per build from the same validated collection as the pages. The
 * endpoints under src/pages/data/ serve them and the /data/ page shows their sizes and counts, so
 * what the page says about a file is measured on the file itself.
 */
import { csvTable, hasPoint, toFeatures, toJsonRecord, ymd, type ProjectJson } from '~/lib/export.ts';
import { byteStream, csvPieces, jsonPieces } from '~/lib/pieces.ts';
import { toCsv } from '~/lib/csv.ts';
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

/**
 * The files are made piece by piece (src/lib/pieces.ts) each time they are read, and not kept: at
 * 10,000 projects the JSON alone is 87 MB, and holding it as one string, encoded and copied, was the
 * highest point of the build's memory. An endpoint streams its file to Astro; the pages need only
 * the sizes, which are kept. In a build the endpoints run before the pages and the size comes from
 * the stream as it ends; a page that asks first (in `astro dev`, say) has the pieces counted.
 */
const sizes = new Map<string, Promise<number>>();

/** A file as a stream of bytes, for its endpoint; its size is kept once the stream has been read. */
function fileStream(key: string, pieces: Iterable<string>): ReadableStream<Uint8Array<ArrayBuffer>> {
  return byteStream(pieces, (bytes) => sizes.set(key, Promise.resolve(bytes)));
}

/** A file's size in bytes, for the pages that show it: from its stream, or counted once. */
function fileBytes(key: string, make: () => Promise<Iterable<string>>): Promise<number> {
  let size = sizes.get(key);
  if (!size) {
    size = make().then((pieces) => {
      let bytes = 0;
      for (const piece of pieces) bytes += utf8Length(piece);
      return bytes;
    });
    sizes.set(key, size);
  }
  return size;
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

/**
 * A CSV file's pieces: the header row, then the records, a few hundred rows at a time. Written by our
 * own RFC 4180 writer (src/lib/csv.ts), which unit tests hold to csv-stringify's output byte for byte:
 * the library made and cast an array per field, 165 MB of allocations in a 2,000-project build (V8's
 * sampling heap profiler, 4 December 2026).
 */
const csvFile = (records: readonly ProjectJson[]) => csvPieces(csvTable(records), (rows, first) => toCsv(rows, { bom: first }));

/** A GeoJSON file's pieces: a FeatureCollection of the located records, with its licence as a foreign member (RFC 7946 §6.1) before the features. */
const geojsonFile = (records: readonly ProjectJson[]) => jsonPieces({ type: 'FeatureCollection', license: FILE_LICENCE }, 'features', toFeatures(records));

const makeDistrictFile = (slug: string, kind: 'csv' | 'geojson') => async () => {
  const own = await ownRecords(slug);
  return kind === 'csv' ? csvFile(own) : geojsonFile(own);
};

/** A district's file as a stream, for its endpoint: the city files' columns and properties, its rows only. */
export const districtFile = async (slug: string, kind: 'csv' | 'geojson') => fileStream(`${slug}.${kind}`, await makeDistrictFile(slug, kind)());
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
  if (kind === 'csv') return csvFile(records);
  if (kind === 'json') return jsonPieces(document, 'projects', records);
  return geojsonFile(records);
};

/** A city-wide file as a stream, for its endpoint. */
export const projectFile = async (kind: ProjectFile) => fileStream(kind, await makeProjectFile(kind)());
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
