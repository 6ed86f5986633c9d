/**
 * The open-data formats, defined once. A project record becomes
 *
 *  - a JSON record (`toJsonRecord`): the full record with explicit nulls, dates as YYYY-MM-DD;
 *  - a flat CSV row (`csvRow`), made from the JSON record, so the browser can build the same rows
 *    from /data/projects.json for "download this view";
 *  - a GeoJSON Feature (`toFeature`), for located projects only.
 *
 * `FIELDS` lists every JSON field with its type, allowed values and CSV columns. The /data/ page
 * prints its field table from this list, and tests/unit/export.test.ts checks that every JSON field
 * and every CSV column is in it, so the documentation and the files cannot drift apart.
 *
 * This module runs in the browser too: it imports only vocabularies and types.
 */
import type { Project } from '../schemas/project.ts';
import {
  CATEGORIES,
  CONFIDENCE,
  DISTRICT_SLUGS,
  FUNDING_SOURCES,
  KINDS,
  LIST_MEMBERSHIP,
  LOCALES,
  PRECISIONS,
  SOURCE_LANGUAGES,
  STATUS_STAGES,
  type Category,
  type Confidence,
  type DistrictSlug,
  type FundingSource,
  type Kind,
  type Locale,
  type ListMembership,
  type Precision,
  type SourceLanguage,
  type StatusStage,
} from './vocabulary.ts';
import type { Cell } from './csv.ts';
import type { LocalText } from './local-text.ts';

/** What the exporter needs: a validated project, its id, and optionally its Markdown body (the Russian description). */
export type ExportInput = Project & { id: string; body?: string | undefined };

/**
 * Text in the three languages; a language the content does not give is null. `translated` lists the
 * languages that are our translation (no source is written in them); [] where every language is the sources'.
 */
export interface JsonText {
  ru: string;
  kk: string | null;
  en: string | null;
  translated: Locale[];
}

/** The description: Russian is the Markdown body (null where there is none), Kazakh and English short texts. */
export interface JsonDescription {
  ru: string | null;
  kk: string;
  en: string;
  translated: Locale[];
}

/** One project in /data/projects.json. */
export interface ProjectJson {
  id: string;
  url: string;
  title: JsonText;
  category: Category;
  kind: Kind;
  district: DistrictSlug | null;
  address: JsonText | null;
  location: {
    lat: number;
    lon: number;
    precision: Precision;
    refersTo: JsonText;
    source: string;
    sourceUrl: string | null;
    /** The source in readers' words, where `source` is a citation written for checking. */
    sourceName: JsonText | null;
  } | null;
  locationNote: JsonText | null;
  capacity: JsonText | null;
  area: JsonText | null;
  networkLength: JsonText | null;
  investment: JsonText | null;
  funding: FundingSource[];
  fundingNote: JsonText | null;
  /** The latest status report (the last in `history`). */
  status: { stage: StatusStage; wording: JsonText; date: string | null; source: string };
  /** Every status report the sources give, oldest first. */
  history: Array<{ stage: StatusStage; wording: JsonText; date: string | null; source: string; note: JsonText | null }>;
  opened: string | null;
  republicDay: ListMembership;
  republicDayNote: JsonText | null;
  confidence: Confidence;
  facts: JsonText[];
  notes: JsonText | null;
  sources: Array<{ url: string; outlet: string; date: string | null; language: SourceLanguage | null; note: JsonText | null }>;
  description: JsonDescription;
}

/** Calendar date as YYYY-MM-DD. Content dates are parsed as UTC midnight, so the UTC date is the stated one. */
export const ymd = (d: Date): string => d.toISOString().slice(0, 10);

const text = (v: LocalText): JsonText => ({ ru: v.ru, kk: v.kk ?? null, en: v.en ?? null, translated: [...(v.translated ?? [])] });
const optText = (v: LocalText | undefined): JsonText | null => (v ? text(v) : null);
const optDate = (d: Date | undefined): string | null => (d ? ymd(d) : null);

/**
 * The full record as published. `url` is the permalink of the project's page, given by the caller
 * (the build knows the site address and base path).
 */
export function toJsonRecord(p: ExportInput, url: string): ProjectJson {
  return {
    id: p.id,
    url,
    title: text(p.title),
    category: p.category,
    kind: p.kind,
    district: p.district ?? null,
    address: optText(p.address),
    location: p.location
      ? {
          lat: p.location.lat,
          lon: p.location.lon,
          precision: p.location.precision,
          refersTo: text(p.location.refersTo),
          source: p.location.source,
          sourceUrl: p.location.sourceUrl ?? null,
          sourceName: optText(p.location.sourceName),
        }
      : null,
    locationNote: optText(p.locationNote),
    capacity: optText(p.capacity),
    area: optText(p.area),
    networkLength: optText(p.networkLength),
    investment: optText(p.investment),
    funding: [...(p.funding ?? [])],
    fundingNote: optText(p.fundingNote),
    status: { stage: p.status.stage, wording: text(p.status.wording), date: optDate(p.status.date), source: p.status.source },
    history: p.history.map((r) => ({ stage: r.stage, wording: text(r.wording), date: optDate(r.date), source: r.source, note: optText(r.note) })),
    opened: optDate(p.opened),
    republicDay: p.republicDay,
    republicDayNote: optText(p.republicDayNote),
    confidence: p.confidence,
    facts: p.facts.map(text),
    notes: optText(p.notes),
    sources: p.sources.map((s) => ({
      url: s.url,
      outlet: s.outlet,
      date: optDate(s.date),
      language: s.language ?? null,
      note: optText(s.note),
    })),
    description: {
      ru: p.body?.trim() || null,
      kk: p.description.kk,
      en: p.description.en,
      translated: [...(p.description.translated ?? [])],
    },
  };
}

/** Separator between the items of a list inside one CSV cell. */
export const LIST_SEPARATOR = ' | ';

/** How a field's value is shaped, as the field table on /data/ names it. */
export type FieldType =
  | 'string'
  | 'url'
  | 'number'
  | 'date'
  | 'enum'
  | 'enum-list'
  | 'text'
  | 'text-list'
  | 'object'
  | 'object-list';

export interface Column {
  /** Column name in the CSV header and property name in GeoJSON properties. */
  name: string;
  get: (p: ProjectJson) => Cell;
  /** For a text column: whether this record's text in it is our translation (our_translations). */
  ours?: (p: ProjectJson) => boolean;
}

export interface Field {
  /** Path in the JSON record: `status.date`, `sources[].url`. */
  key: string;
  type: FieldType;
  /** True where every record has a value (never null, never an empty list). */
  required: boolean;
  /** The closed list of values, for enums. */
  allowed?: readonly string[];
  /** The CSV columns that carry this field (none for a container such as `location`). */
  columns: Column[];
}

/** Key of a field's description in the dictionaries (`data.fields`): the path without dots or brackets. */
export const docKey = (key: string): string => key.replaceAll('[]', '').replaceAll('.', '_');

/**
 * A list in one cell. Items keep their places (the n-th date belongs to the n-th source URL), so an
 * empty item inside the list stays, empty; trailing empty items are dropped and a list of nothing
 * is an empty cell, so that no cell ends in an empty separator (" |  | ").
 */
export function join(items: readonly (string | null | undefined)[]): string | null {
  const cells = items.map((i) => i ?? '');
  while (cells.length > 0 && cells.at(-1) === '') cells.pop();
  return cells.length > 0 ? cells.join(LIST_SEPARATOR) : null;
}
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replaceAll('.', '_');

/** A text as the JSON writes it: each language's text or null, and the languages that are ours. */
type JsonTextLike = { readonly [L in Locale]: string | null } & { readonly translated: readonly Locale[] };

/**
 * The CSV columns `<name>_<lang>` of a text, one per language in `langs`, each knowing whether the
 * record's text in it is our translation (for our_translations).
 */
function textColumns(name: string, get: (p: ProjectJson) => JsonTextLike | null, langs: readonly Locale[]): Column[] {
  return langs.map((l) => ({ name: `${name}_${l}`, get: (p) => get(p)?.[l] ?? null, ours: (p) => get(p)?.translated.includes(l) ?? false }));
}

/** A field of type `text`: CSV columns `<name>_ru` and `<name>_en` (Kazakh is in the JSON). */
function textField(key: string, get: (p: ProjectJson) => JsonText | null, required = false): Field {
  return { key, type: 'text', required, columns: textColumns(snake(key), get, ['ru', 'en']) };
}

function simple(key: string, type: FieldType, required: boolean, get: (p: ProjectJson) => Cell, allowed?: readonly string[], column = snake(key)): Field {
  return { key, type, required, ...(allowed ? { allowed } : {}), columns: [{ name: column, get }] };
}

/** Every field of a JSON record, in the order of the CSV columns. */
export const FIELDS: readonly Field[] = [
  simple('id', 'string', true, (p) => p.id),
  simple('url', 'url', true, (p) => p.url),
  // Titles, like descriptions, in all three languages.
  { key: 'title', type: 'text', required: true, columns: textColumns('title', (p) => p.title, LOCALES) },
  simple('category', 'enum', true, (p) => p.category, CATEGORIES),
  simple('kind', 'enum', true, (p) => p.kind, KINDS),
  simple('district', 'enum', false, (p) => p.district, DISTRICT_SLUGS),
  // One column, as before: the address as the source writes it. Kazakh and English are in the JSON.
  { key: 'address', type: 'text', required: false, columns: [{ name: 'address', get: (p) => p.address?.ru ?? null, ours: (p) => p.address?.translated.includes('ru') ?? false }] },
  { key: 'location', type: 'object', required: false, columns: [] },
  simple('location.lat', 'number', false, (p) => p.location?.lat, undefined, 'lat'),
  simple('location.lon', 'number', false, (p) => p.location?.lon, undefined, 'lon'),
  simple('location.precision', 'enum', false, (p) => p.location?.precision, PRECISIONS),
  textField('location.refersTo', (p) => p.location?.refersTo ?? null),
  simple('location.source', 'string', false, (p) => p.location?.source),
  simple('location.sourceUrl', 'url', false, (p) => p.location?.sourceUrl),
  textField('location.sourceName', (p) => p.location?.sourceName ?? null),
  textField('locationNote', (p) => p.locationNote),
  textField('capacity', (p) => p.capacity),
  textField('area', (p) => p.area),
  textField('networkLength', (p) => p.networkLength),
  textField('investment', (p) => p.investment),
  simple('funding', 'enum-list', false, (p) => join(p.funding), FUNDING_SOURCES),
  textField('fundingNote', (p) => p.fundingNote),
  { key: 'status', type: 'object', required: true, columns: [] },
  simple('status.stage', 'enum', true, (p) => p.status.stage, STATUS_STAGES),
  textField('status.wording', (p) => p.status.wording, true),
  simple('status.date', 'date', false, (p) => p.status.date),
  simple('status.source', 'url', true, (p) => p.status.source),
  // The CSV has one row per project, so it carries the latest report and how many there are; the
  // reports themselves are in the JSON.
  { key: 'history', type: 'object-list', required: true, columns: [{ name: 'status_reports', get: (p) => p.history.length }] },
  { key: 'history[].stage', type: 'enum', required: true, allowed: STATUS_STAGES, columns: [] },
  { key: 'history[].wording', type: 'text', required: true, columns: [] },
  { key: 'history[].date', type: 'date', required: false, columns: [] },
  { key: 'history[].source', type: 'url', required: true, columns: [] },
  { key: 'history[].note', type: 'text', required: false, columns: [] },
  simple('opened', 'date', false, (p) => p.opened),
  simple('republicDay', 'enum', true, (p) => p.republicDay, LIST_MEMBERSHIP),
  textField('republicDayNote', (p) => p.republicDayNote),
  simple('confidence', 'enum', true, (p) => p.confidence, CONFIDENCE),
  {
    key: 'facts',
    type: 'text-list',
    required: false,
    columns: [
      { name: 'facts_ru', get: (p) => join(p.facts.map((f) => f.ru)), ours: (p) => p.facts.some((f) => f.translated.includes('ru')) },
      { name: 'facts_en', get: (p) => join(p.facts.map((f) => f.en)), ours: (p) => p.facts.some((f) => f.translated.includes('en')) },
    ],
  },
  textField('notes', (p) => p.notes),
  { key: 'sources', type: 'object-list', required: true, columns: [] },
  simple('sources[].url', 'url', true, (p) => join(p.sources.map((s) => s.url)), undefined, 'source_urls'),
  simple('sources[].outlet', 'string', true, (p) => join(p.sources.map((s) => s.outlet)), undefined, 'source_outlets'),
  simple('sources[].date', 'date', false, (p) => join(p.sources.map((s) => s.date)), undefined, 'source_dates'),
  simple('sources[].language', 'enum', false, (p) => join(p.sources.map((s) => s.language)), SOURCE_LANGUAGES, 'source_languages'),
  { key: 'sources[].note', type: 'text', required: false, columns: [] },
  { key: 'description', type: 'text', required: true, columns: textColumns('description', (p) => p.description, LOCALES) },
];

const FIELD_COLUMNS: readonly Column[] = FIELDS.flatMap((f) => f.columns);

/**
 * The last CSV column, `our_translations`: the names of this row's text columns whose text is our
 * translation of the sources (for facts_ru and facts_en: at least one of the facts). A reader of the CSV
 * cannot see the JSON's `translated` lists, and a column such as status_wording_en otherwise reads as the
 * source's own words. Not a JSON field: there each text carries its own `translated`.
 */
export const OURS_COLUMN_NAME = 'our_translations';
const OURS_COLUMN: Column = {
  name: OURS_COLUMN_NAME,
  get: (p) => join(FIELD_COLUMNS.filter((c) => c.ours?.(p) && (c.get(p) ?? null) !== null).map((c) => c.name)),
};
const COLUMNS: readonly Column[] = [...FIELD_COLUMNS, OURS_COLUMN];

/** The CSV header row. */
export const CSV_HEADER: readonly string[] = COLUMNS.map((c) => c.name);

/** One CSV row (cells in header order) from a JSON record. */
export function csvRow(p: ProjectJson): Cell[] {
  return COLUMNS.map((c) => c.get(p) ?? null);
}

/** The same row as an object keyed by column name, e.g. for csv-stringify or GeoJSON properties. */
export function flatRecord(p: ProjectJson): Record<string, Cell> {
  return Object.fromEntries(COLUMNS.map((c) => [c.name, c.get(p) ?? null]));
}

/** Header plus one row per record: the table a CSV writer turns into a file. */
export function csvTable(records: readonly ProjectJson[]): Cell[][] {
  return [[...CSV_HEADER], ...records.map(csvRow)];
}

/**
 * The records for a filtered view, in the order of `ids` (the order the page shows them).
 * Ids not in `records` are skipped, so a stale page never produces a row of blanks.
 */
export function selectRecords(records: readonly ProjectJson[], ids: readonly string[]): ProjectJson[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A file name for a filtered view from the page's query string, e.g. `?category=social&district=medeu`
 * → `projects-category-social-district-medeu.csv`. Only [a-z0-9-] survive, so it is safe everywhere.
 */
export function viewFileName(search: string): string {
  const params = new URLSearchParams(search);
  const parts = [...params.entries()]
    .filter(([, v]) => v !== '')
    .flatMap(([k, v]) => [k, v])
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''))
    .filter(Boolean);
  return ['projects', ...parts].join('-').slice(0, 120) + '.csv';
}

/** A GeoJSON Point Feature (RFC 7946) for a located project; coordinates are [longitude, latitude]. */
export interface ProjectFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, Cell>;
}

/** Whether a project has a Feature in the GeoJSON files: a stated coordinate. */
export const hasPoint = (p: ProjectJson): p is ProjectJson & { location: NonNullable<ProjectJson['location']> } => Boolean(p.location);

/**
 * The Feature for a project with a stated coordinate, or null where there is none (an unlocated
 * project has no honest point to draw). Properties are the CSV columns except lat and lon, so the
 * precision and what the point marks travel with it.
 */
export function toFeature(p: ProjectJson): ProjectFeature | null {
  if (!hasPoint(p)) return null;
  const { lat: _lat, lon: _lon, ...properties } = flatRecord(p);
  return {
    type: 'Feature',
    id: p.id,
    geometry: { type: 'Point', coordinates: [p.location.lon, p.location.lat] },
    properties,
  };
}

/** The located records' features, one at a time (the GeoJSON files are written a feature at a time: src/lib/pieces.ts). */
export function* toFeatures(records: Iterable<ProjectJson>): Generator<ProjectFeature> {
  for (const r of records) {
    const feature = toFeature(r);
    if (feature) yield feature;
  }
}
