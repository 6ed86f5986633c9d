/**
 * The compact filter index of a paged project list: one JSON file per language
 * (/projects/filter-index.json, /kk/projects/…, /en/projects/…), written at build time from the same
 * filter records as the one-page index (toFilterRecord) plus what a list item shows.
 *
 * When the list is paged (src/lib/paging.ts), the index page holds only its own page of projects, so
 * the <project-index> element fetches this file on first use and filters and renders from it. Rows
 * are arrays, not objects, and labels are stored once, so 10,000 projects stay a few hundred KB
 * compressed. Pure: the same code writes the file (build) and reads it back (browser).
 */
import { NO_DISTRICT, fromDataset, type FilterRecord } from './filter.ts';
import {
  CATEGORIES,
  DISTRICT_SLUGS,
  KINDS,
  LIST_MEMBERSHIP,
  PRECISIONS,
  STATUS_STAGES,
  type Category,
  type DistrictSlug,
  type Kind,
  type ListMembership,
  type Precision,
  type StatusStage,
} from './vocabulary.ts';

/** Interface text a list item needs, in the page language. */
export interface IndexLabels {
  category: Record<Category, string>;
  kind: Record<Kind, string>;
  district: Record<DistrictSlug, string>;
  stage: Record<StatusStage, string>;
  membership: Record<ListMembership, string>;
  precision: Record<Precision, string>;
  /** "District: not stated in sources". */
  districtNotStated: string;
  /** The word before a status date: "as of". */
  asOf: string;
  /** "On the map: {precision}". */
  onMap: string;
}

/** One project as the paged index filters and shows it. */
export interface IndexItem extends FilterRecord {
  /** The title in the page language, or the Russian one with titleLang "ru". */
  title: string;
  titleLang: string | undefined;
  /** Date of the status report: ISO for <time datetime>, and as the page writes it. */
  asOf: { iso: string; text: string } | undefined;
  precision: Precision | undefined;
  capacity: { text: string; lang: string | undefined } | undefined;
}

export interface IndexFile {
  /** Where a project's page is: the template with "{id}", e.g. "/kk/projects/{id}/". */
  href: string;
  labels: IndexLabels;
  items: IndexItem[];
}

/** Bumped when the row layout changes, so a cached old file is refused rather than misread. */
export const INDEX_VERSION = 1;

type Row = [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];

/** The file's JSON: labels once, then one array per project (empty string for "none"). */
export function encodeIndex(file: IndexFile): { v: number; href: string; labels: IndexLabels; rows: Row[] } {
  return {
    v: INDEX_VERSION,
    href: file.href,
    labels: file.labels,
    rows: file.items.map((i) => [
      i.id,
      i.category,
      i.kind,
      i.district ?? '',
      i.stage,
      i.funding.join(','),
      i.list,
      i.precision ?? '',
      i.searchText,
      i.title,
      i.titleLang ?? '',
      i.asOf?.iso ?? '',
      i.asOf?.text ?? '',
      i.capacity?.text ?? '',
      i.capacity?.lang ?? '',
    ]),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/** A label table with a string for every value of a vocabulary. */
function table<T extends string>(v: unknown, keys: readonly T[]): Record<T, string> | undefined {
  if (!isObject(v) || !keys.every((k) => isString(v[k]))) return undefined;
  return v as Record<T, string>;
}

function labelsOf(v: unknown): IndexLabels | undefined {
  if (!isObject(v)) return undefined;
  const category = table(v['category'], CATEGORIES);
  const kind = table(v['kind'], KINDS);
  const district = table(v['district'], DISTRICT_SLUGS);
  const stage = table(v['stage'], STATUS_STAGES);
  const membership = table(v['membership'], LIST_MEMBERSHIP);
  const precision = table(v['precision'], PRECISIONS);
  const { districtNotStated, asOf, onMap } = v;
  if (!category || !kind || !district || !stage || !membership || !precision) return undefined;
  if (!isString(districtNotStated) || !isString(asOf) || !isString(onMap)) return undefined;
  return { category, kind, district, stage, membership, precision, districtNotStated, asOf, onMap };
}

function itemOf(row: unknown): IndexItem | undefined {
  if (!Array.isArray(row) || row.length !== 15 || !row.every(isString)) return undefined;
  const [id, category, kind, district, status, funding, list, precision, search, title, titleLang, asOfIso, asOfText, capacity, capacityLang] =
    row as Row;
  // The filter fields go through the same validation as the one-page index's data-* attributes.
  const record = fromDataset({
    id,
    category,
    kind,
    district: district || NO_DISTRICT,
    status,
    funding,
    list,
    located: precision ? 'yes' : 'no',
    search,
  });
  const prec = PRECISIONS.find((p) => p === precision);
  if (!record || !title || (precision && !prec)) return undefined;
  return {
    ...record,
    title,
    titleLang: titleLang || undefined,
    asOf: asOfIso && asOfText ? { iso: asOfIso, text: asOfText } : undefined,
    precision: prec,
    capacity: capacity ? { text: capacity, lang: capacityLang || undefined } : undefined,
  };
}

/**
 * Reads the file back (browser). Returns undefined when anything is off (another version, a missing
 * label, a value outside the vocabulary), so that the page keeps its server-rendered list and pager.
 */
export function decodeIndex(json: unknown): IndexFile | undefined {
  if (!isObject(json) || json['v'] !== INDEX_VERSION || !isString(json['href']) || !json['href'].includes('{id}')) return undefined;
  const labels = labelsOf(json['labels']);
  const rows = json['rows'];
  if (!labels || !Array.isArray(rows)) return undefined;
  const items: IndexItem[] = [];
  for (const row of rows) {
    const item = itemOf(row);
    if (!item) return undefined;
    items.push(item);
  }
  return { href: json['href'], labels, items };
}

/** One fact on a list item's line: plain text, possibly in another language, possibly with a date. */
export interface MetaPart {
  text: string;
  lang?: string | undefined;
  /** Bold: membership of the Republic Day list, where a source confirms it. */
  strong?: boolean;
  /** "(as of <time>24 October 2025</time>)" after the text. */
  date?: { before: string; iso: string; text: string; after: string } | undefined;
}

/**
 * What a list item shows after its title, in the order ProjectListItem.astro shows it: category, kind,
 * district (or "not stated"), status with its date, list membership, map precision, capacity.
 */
export function metaParts(item: IndexItem, labels: IndexLabels): MetaPart[] {
  const parts: MetaPart[] = [
    { text: labels.category[item.category] },
    { text: labels.kind[item.kind] },
    { text: item.district ? labels.district[item.district] : labels.districtNotStated },
    {
      text: labels.stage[item.stage],
      date: item.asOf ? { before: ` (${labels.asOf} `, iso: item.asOf.iso, text: item.asOf.text, after: ')' } : undefined,
    },
    { text: labels.membership[item.list], strong: item.list === 'confirmed' },
  ];
  if (item.precision) parts.push({ text: labels.onMap.replace('{precision}', labels.precision[item.precision]) });
  if (item.capacity) parts.push({ text: item.capacity.text, lang: item.capacity.lang });
  return parts;
}

/** A project's page from the file's template. */
export function itemHref(template: string, id: string): string {
  return template.replace('{id}', encodeURIComponent(id));
}
