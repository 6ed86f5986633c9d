/**
 * The compact filter index of a paged project list: one JSON file per language
 * (/projects/filter-index.json, /kk/projects/…, /en/projects/…), written at build time from the same
 * filter records as the one-page index (toFilterRecord) plus what a list item shows.
 *
 * When the list is paged (src/lib/paging.ts), the index page holds only its own page of projects, so
 * the <project-index> element fetches this file on first use and filters and renders from it. Pure:
 * the same code writes the file (build) and reads it back (browser).
 *
 * The layout is by column, not by project, because at 10,000 projects the file must stay small
 * (≤ 80 KB gzip, issue 15) and be read fast (a first search waits for it; a first filter of one box
 * has a small file of its own, firstMatches below, and reads this one once the browser is idle):
 * - every closed field (category, kind, district, status, funding, list, map precision) and every
 *   repeated display value (title language, status date, capacity) is a column of one character per
 *   project, the index of its value in a table of that column's distinct values (dictionary coding);
 * - ids and titles are front-coded: each says how many leading characters it shares with the one
 *   before it in list order and adds the rest, which, in a list sorted by title, is often only a number;
 * - the search text is not stored as such: the title (already in the file) and the district's and the
 *   kind's names in every language (once per value, in `names`) are put back together in the browser,
 *   and the file stores only the remaining words (the other languages' titles, the address), again as
 *   a table of distinct word sets and a column. The rebuilt text holds the same words as the build's
 *   `searchText`, perhaps in another order, and the filter matches words anywhere in it, so every search
 *   finds exactly what it finds over the build's text (tests/unit/index-records.test.ts checks this on
 *   random records). It is rebuilt the first time a search needs it, so ticking a box never waits for it.
 */
import { NO_DISTRICT, fromDataset, matcher, normaliseSearch, searchText, type FilterRecord, type FilterState } from './filter.ts';
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

/**
 * The words a reader may search a district or a kind by, in every language: the same names
 * toFilterRecord put into each project's search text (src/data/index-file.ts, searchNames).
 */
export interface SearchNames {
  district: Record<DistrictSlug, readonly string[]>;
  kind: Record<Kind, readonly string[]>;
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
  names: SearchNames;
  items: IndexItem[];
}

/** Bumped when the layout changes, so a cached old file is refused rather than misread. */
export const INDEX_VERSION = 2;

/** The columns of the file, each a string of one character per project (see columnCode). */
const COLUMNS = ['category', 'kind', 'district', 'stage', 'funding', 'list', 'precision', 'titleLang', 'asOf', 'capacity', 'words', 'derive'] as const;
type Column = (typeof COLUMNS)[number];

/** The file's JSON. `values[c][columns[c][i]]` is project i's value in column c. */
export interface EncodedIndex {
  v: number;
  href: string;
  labels: IndexLabels;
  /** The district and kind names of SearchNames, each value's words normalised and joined once. */
  names: { district: Record<DistrictSlug, string>; kind: Record<Kind, string> };
  n: number;
  /** Front-coded: "<characters shared with the previous id> <the rest>". */
  ids: string[];
  /** Front-coded like ids. */
  titles: string[];
  values: Record<Column, string[]>;
  columns: Record<Column, string>;
}

/**
 * Column values are written as characters from "0" (code 48) up: one character per project, which
 * compresses to almost nothing where neighbours share a value. 48 keeps clear of the characters JSON
 * escapes, and even 10,000 distinct values stay far below the end of the character range.
 */
const CODE_BASE = 48;
const MAX_VALUES = 0xd7ff - CODE_BASE;

/** Builds a column: the distinct values in order of first use, and each project's index among them. */
function dictionary(values: readonly string[]): { values: string[]; column: string } {
  const index = new Map<string, number>();
  const codes: string[] = [];
  for (const v of values) {
    let i = index.get(v);
    if (i === undefined) {
      i = index.size;
      if (i > MAX_VALUES) throw new Error(`filter index: more than ${MAX_VALUES} distinct values in one column`);
      index.set(v, i);
    }
    codes.push(String.fromCharCode(CODE_BASE + i));
  }
  return { values: [...index.keys()], column: codes.join('') };
}

/** Each string as the length of the prefix it shares with the previous one, a space, and the rest. */
export function frontCode(list: readonly string[]): string[] {
  let previous = '';
  return list.map((s) => {
    let k = 0;
    const max = Math.min(s.length, previous.length);
    while (k < max && s.charCodeAt(k) === previous.charCodeAt(k)) k += 1;
    // Never split a surrogate pair: a title may hold characters beyond the Basic Multilingual Plane.
    if (k > 0 && k < s.length && /[\uDC00-\uDFFF]/.test(s[k]!)) k -= 1;
    previous = s;
    return `${k} ${s.slice(k)}`;
  });
}

/**
 * An entry's "<shared length> " head, packed into one number, `shared * 16 + rest` (rest: where the
 * rest starts, the digits and the space, never above 15 for a length that fits in a double): the
 * browser checks twenty thousand heads when it reads the file, and a number costs no allocation.
 * -1 if malformed.
 */
function frontHead(entry: string): number {
  let shared = 0;
  let at = 0;
  let c = entry.charCodeAt(0);
  while (c >= 48 && c <= 57) {
    shared = shared * 10 + c - 48;
    at += 1;
    c = entry.charCodeAt(at);
  }
  return at === 0 || at > 14 || c !== 32 ? -1 : shared * 16 + at + 1;
}

/**
 * Whether a list is front-coded correctly: every entry a string with its head, sharing no more than
 * the string before it has, and (with `nonEmpty`) no string empty. Only lengths are worked out, no
 * string is built.
 */
export function frontCheck(list: readonly unknown[], nonEmpty = false): list is string[] {
  let previous = 0;
  for (let i = 0; i < list.length; i += 1) {
    const entry = list[i];
    if (typeof entry !== 'string') return false;
    const head = frontHead(entry);
    const shared = Math.floor(head / 16);
    if (head < 0 || shared > previous) return false;
    previous = shared + entry.length - (head % 16);
    if (nonEmpty && previous === 0) return false;
  }
  return true;
}

/**
 * A checked front-coded list (frontCheck), decoded in order only as far as it is read: the first
 * filter of a paged index renders its first matches, near the top of the list, without building every
 * title of the file first.
 */
export class FrontCoded {
  private readonly list: readonly string[];
  private readonly out: string[] = [];
  private previous = '';

  constructor(list: readonly string[]) {
    this.list = list;
  }

  at(i: number): string {
    const { list, out } = this;
    while (out.length <= i && out.length < list.length) {
      const entry = list[out.length]!;
      const head = frontHead(entry);
      const shared = Math.floor(head / 16);
      const tail = entry.slice(head % 16);
      this.previous = shared === 0 ? tail : (shared === this.previous.length ? this.previous : this.previous.slice(0, shared)) + tail;
      out.push(this.previous);
    }
    return out[i]!;
  }
}

/**
 * The reverse of frontCode, whole; undefined if an entry is malformed. The browser reads a file's ids
 * and titles through FrontCoded instead (decodeIndex), as far as it needs them.
 */
export function frontDecode(list: readonly unknown[]): string[] | undefined {
  if (!frontCheck(list)) return undefined;
  const coded = new FrontCoded(list);
  return list.map((_, i) => coded.at(i));
}

/** A record with a value for every key of a vocabulary. */
export function byKey<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const k of keys) out[k] = value(k);
  return out;
}

const words = (text: string) => new Set(searchText([text]).split(' ').filter(Boolean));
const subset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((w) => b.has(w));

/** Which parts of a project's search text the browser puts back: bit 1 the title, 2 the district's names, 4 the kind's. */
const DERIVE = { title: 1, district: 2, kind: 4 } as const;

/** The file's JSON: labels and names once, then the columns. */
export function encodeIndex(file: IndexFile): EncodedIndex {
  const names = {
    district: byKey(DISTRICT_SLUGS, (d) => searchText(file.names.district[d])),
    kind: byKey(KINDS, (k) => searchText(file.names.kind[k])),
  };
  const nameWords = { district: new Map<string, Set<string>>(), kind: new Map<string, Set<string>>() };
  const wordsOf = (map: Map<string, Set<string>>, key: string, text: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = words(text)));
    return set;
  };
  const extra: string[] = [];
  const derive: string[] = [];
  for (const item of file.items) {
    const all = new Set(item.searchText.split(' ').filter(Boolean));
    // A part is left to the browser only when all its words are in the search text, so that putting
    // it back can never add a word the build did not index.
    const parts = [
      [DERIVE.title, words(item.title)],
      [DERIVE.district, item.district ? wordsOf(nameWords.district, item.district, names.district[item.district]) : new Set<string>()],
      [DERIVE.kind, wordsOf(nameWords.kind, item.kind, names.kind[item.kind])],
    ] as const;
    let bits = 0;
    const derived = new Set<string>();
    for (const [bit, set] of parts) {
      if (!subset(set, all)) continue;
      bits |= bit;
      for (const w of set) derived.add(w);
    }
    derive.push(String(bits));
    extra.push([...all].filter((w) => !derived.has(w)).join(' '));
  }
  const raw: Record<Column, string[]> = {
    category: file.items.map((i) => i.category),
    kind: file.items.map((i) => i.kind),
    district: file.items.map((i) => i.district ?? ''),
    stage: file.items.map((i) => i.stage),
    funding: file.items.map((i) => i.funding.join(',')),
    list: file.items.map((i) => i.list),
    precision: file.items.map((i) => i.precision ?? ''),
    titleLang: file.items.map((i) => i.titleLang ?? ''),
    asOf: file.items.map((i) => (i.asOf ? `${i.asOf.iso} ${i.asOf.text}` : '')),
    capacity: file.items.map((i) => (i.capacity ? `${i.capacity.lang ?? ''} ${i.capacity.text}` : '')),
    words: extra,
    derive,
  };
  const values = {} as Record<Column, string[]>;
  const columns = {} as Record<Column, string>;
  for (const c of COLUMNS) ({ values: values[c], column: columns[c] } = dictionary(raw[c]));
  return {
    v: INDEX_VERSION,
    href: file.href,
    labels: file.labels,
    names,
    n: file.items.length,
    ids: frontCode(file.items.map((i) => i.id)),
    titles: frontCode(file.items.map((i) => i.title)),
    values,
    columns,
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

/** Splits "<head> <rest>" at the first space. */
const pair = (s: string): [string, string] => {
  const at = s.indexOf(' ');
  return at < 0 ? [s, ''] : [s.slice(0, at), s.slice(at + 1)];
};

/**
 * A project of a decoded file: one object, its fields in the constructor's order, because the browser
 * makes ten thousand of them on the first filter. Its search text is put together on first use (a
 * search), from the normalised title and the stored words and names, which are normalised already; a
 * word may then appear twice, which changes nothing for a filter that looks for each query word
 * anywhere in it.
 */
class DecodedItem implements IndexItem {
  /** The item's place in the list, and the file's ids and titles, read when asked for. */
  private readonly i: number;
  private readonly texts: { ids: FrontCoded; titles: FrontCoded };
  readonly category: Category;
  readonly kind: Kind;
  readonly district: DistrictSlug | undefined;
  readonly stage: StatusStage;
  readonly funding: IndexItem['funding'];
  readonly list: ListMembership;
  readonly precision: Precision | undefined;
  readonly titleLang: string | undefined;
  readonly asOf: IndexItem['asOf'];
  readonly capacity: IndexItem['capacity'];
  /** Whether the title's words are part of the search text. */
  private readonly titleSearched: boolean;
  /** The search text's other parts, normalised already: stored words, district and kind names. */
  private readonly words: string;
  private readonly districtWords: string;
  private readonly kindWords: string;
  private search: string | undefined;

  constructor(
    i: number,
    texts: { ids: FrontCoded; titles: FrontCoded },
    category: Category,
    kind: Kind,
    district: DistrictSlug | undefined,
    stage: StatusStage,
    funding: IndexItem['funding'],
    list: ListMembership,
    precision: Precision | undefined,
    titleLang: string | undefined,
    asOf: IndexItem['asOf'],
    capacity: IndexItem['capacity'],
    titleSearched: boolean,
    words: string,
    districtWords: string,
    kindWords: string,
  ) {
    this.i = i;
    this.texts = texts;
    this.category = category;
    this.kind = kind;
    this.district = district;
    this.stage = stage;
    this.funding = funding;
    this.list = list;
    this.precision = precision;
    this.titleLang = titleLang;
    this.asOf = asOf;
    this.capacity = capacity;
    this.titleSearched = titleSearched;
    this.words = words;
    this.districtWords = districtWords;
    this.kindWords = kindWords;
    this.search = undefined;
  }

  get id(): string {
    return this.texts.ids.at(this.i);
  }

  get title(): string {
    return this.texts.titles.at(this.i);
  }

  get located(): boolean {
    return this.precision !== undefined;
  }

  get searchText(): string {
    if (this.search === undefined) {
      const title = this.titleSearched ? normaliseSearch(this.title) : '';
      this.search = [title, this.words, this.districtWords, this.kindWords].filter(Boolean).join(' ');
    }
    return this.search;
  }
}

/**
 * Reads the file back (browser). Returns undefined when anything is off (another version, a missing
 * label, a value outside the vocabulary, a column of the wrong length), so that the page keeps its
 * server-rendered list and pager. Values are checked once per distinct value, not once per project.
 */
export function decodeIndex(json: unknown): IndexFile | undefined {
  if (!isObject(json) || json['v'] !== INDEX_VERSION || !isString(json['href']) || !json['href'].includes('{id}')) return undefined;
  const labels = labelsOf(json['labels']);
  const n = json['n'];
  const rawNames = json['names'];
  const { values, columns } = json;
  if (!labels || !Number.isInteger(n) || !isObject(rawNames) || !isObject(values) || !isObject(columns)) return undefined;
  const count = n as number;
  const districtNames = table(rawNames['district'], DISTRICT_SLUGS);
  const kindNames = table(rawNames['kind'], KINDS);
  const { ids, titles } = json;
  if (!districtNames || !kindNames || !Array.isArray(ids) || !Array.isArray(titles) || ids.length !== count || titles.length !== count) return undefined;
  if (!frontCheck(ids, true) || !frontCheck(titles, true)) return undefined;
  const texts = { ids: new FrontCoded(ids), titles: new FrontCoded(titles) };
  for (const c of COLUMNS) {
    const v = values[c];
    if (!Array.isArray(v) || !v.every(isString) || !isString(columns[c]) || (columns[c] as string).length !== count) return undefined;
  }
  const column = (c: Column) => columns[c] as string;
  const table_ = (c: Column) => values[c] as string[];

  // Every distinct value, read once: the filter fields through the same validation as the one-page
  // index's data-* attributes (fromDataset), the display values through their own checks.
  const closed = (c: Column, parse: (v: string) => unknown) => {
    const out = table_(c).map(parse);
    return out.every((v) => v !== undefined) ? out : undefined;
  };
  const probe = (fields: Record<string, string>) => fromDataset({ id: 'x', category: 'social', kind: 'school', district: NO_DISTRICT, status: 'opened', funding: '', list: 'confirmed', located: 'no', search: '', ...fields });
  const category = closed('category', (v) => CATEGORIES.find((x) => x === v));
  const kind = closed('kind', (v) => KINDS.find((x) => x === v));
  const district = closed('district', (v) => (v === '' ? null : DISTRICT_SLUGS.find((x) => x === v)));
  const stage = closed('stage', (v) => STATUS_STAGES.find((x) => x === v));
  const funding = closed('funding', (v) => probe({ funding: v })?.funding);
  const list = closed('list', (v) => LIST_MEMBERSHIP.find((x) => x === v));
  const precision = closed('precision', (v) => (v === '' ? null : PRECISIONS.find((x) => x === v)));
  const titleLang = table_('titleLang');
  const asOf = table_('asOf').map((v) => {
    const [iso, text] = pair(v);
    return iso && text ? { iso, text } : undefined;
  });
  const capacity = table_('capacity').map((v) => {
    if (!v) return undefined;
    const [lang, text] = pair(v);
    return { text, lang: lang || undefined };
  });
  const extra = table_('words');
  const derive = closed('derive', (v) => (/^[0-7]$/.test(v) ? Number(v) : undefined)) as number[] | undefined;
  if (!category || !kind || !district || !stage || !funding || !list || !precision || !derive) return undefined;

  // Every column's codes are checked once, by a pattern of the characters its table allows, so that
  // the items can trust them.
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  for (const c of COLUMNS) {
    const size = table_(c).length;
    if (size === 0 ? count > 0 : !new RegExp(`^[${hex(CODE_BASE)}-${hex(CODE_BASE + size - 1)}]*$`).test(column(c))) return undefined;
  }
  // Each column's codes are read straight from its string, one character per project.
  const at = byKey(COLUMNS, column);
  const items: IndexItem[] = new Array<IndexItem>(count);
  for (let i = 0; i < count; i += 1) {
    const d = (district[at.district.charCodeAt(i) - CODE_BASE] as DistrictSlug | null) ?? undefined;
    const k = kind[at.kind.charCodeAt(i) - CODE_BASE] as Kind;
    const bits = derive[at.derive.charCodeAt(i) - CODE_BASE]!;
    items[i] = new DecodedItem(
      i,
      texts,
      category[at.category.charCodeAt(i) - CODE_BASE] as Category,
      k,
      d,
      stage[at.stage.charCodeAt(i) - CODE_BASE] as StatusStage,
      funding[at.funding.charCodeAt(i) - CODE_BASE] as IndexItem['funding'],
      list[at.list.charCodeAt(i) - CODE_BASE] as ListMembership,
      (precision[at.precision.charCodeAt(i) - CODE_BASE] as Precision | null) ?? undefined,
      titleLang[at.titleLang.charCodeAt(i) - CODE_BASE] || undefined,
      asOf[at.asOf.charCodeAt(i) - CODE_BASE],
      capacity[at.capacity.charCodeAt(i) - CODE_BASE],
      (bits & DERIVE.title) !== 0,
      extra[at.words.charCodeAt(i) - CODE_BASE]!,
      bits & DERIVE.district && d ? districtNames[d] : '',
      bits & DERIVE.kind ? kindNames[k] : '',
    );
  }
  const names: SearchNames = { district: byKey(DISTRICT_SLUGS, (s) => [districtNames[s]]), kind: byKey(KINDS, (s) => [kindNames[s]]) };
  return { href: json['href'], labels, names, items };
}

/**
 * The first matches of a filter, as a file of their own. A paged index has one for every value of every
 * filter (/projects/filter/<key>/<value>.json): the first filter a reader sets is nearly always one box,
 * and this file answers it with a few kilobytes where the whole index is about 58 KB gzip at 10,000
 * projects, and a few hundred to read instead of ten thousand. The whole index follows for whatever
 * comes next (a second box, a search, "show more").
 */
export interface FirstMatches {
  /** The first `size` matches in list order, with the labels and names of the whole file. */
  file: IndexFile;
  /** How many projects match in all. */
  total: number;
  /** How many of them are in each category (categories without any are left out). */
  perCategory: Partial<Record<Category, number>>;
}

/** How many of `items` are in each category (categories without any are left out). */
export function countByCategory(items: readonly { category: Category }[]): Partial<Record<Category, number>> {
  const counts: Partial<Record<Category, number>> = {};
  for (const item of items) counts[item.category] = (counts[item.category] ?? 0) + 1;
  return counts;
}

/** The first `size` projects of `file` that `state` selects, with the count of all of them. */
export function firstMatches(file: IndexFile, state: FilterState, size: number): FirstMatches {
  const all = file.items.filter(matcher(state));
  return { file: { ...file, items: all.slice(0, size) }, total: all.length, perCategory: countByCategory(all) };
}

/** The JSON of a FirstMatches file: an index file of its own, plus the counts. */
export interface EncodedFirst extends EncodedIndex {
  total: number;
  perCategory: Partial<Record<Category, number>>;
}

export function encodeFirst(first: FirstMatches): EncodedFirst {
  return { ...encodeIndex(first.file), total: first.total, perCategory: first.perCategory };
}

/**
 * Reads a FirstMatches file back (browser); undefined when anything is off, as for decodeIndex, or
 * when the counts cannot be right: fewer matches than the file lists, a category's count below the
 * file's own items of that category, or counts that do not add up to the total.
 */
export function decodeFirst(json: unknown): FirstMatches | undefined {
  const file = decodeIndex(json);
  if (!file || !isObject(json)) return undefined;
  const { total, perCategory } = json;
  if (!Number.isInteger(total) || (total as number) < file.items.length || !isObject(perCategory)) return undefined;
  const counts: Partial<Record<Category, number>> = {};
  let sum = 0;
  for (const [key, n] of Object.entries(perCategory)) {
    const category = CATEGORIES.find((c) => c === key);
    if (!category || !Number.isInteger(n) || (n as number) <= 0) return undefined;
    counts[category] = n as number;
    sum += n as number;
  }
  if (sum !== total) return undefined;
  const listed = countByCategory(file.items);
  if (CATEGORIES.some((c) => (listed[c] ?? 0) > (counts[c] ?? 0))) return undefined;
  return { file, total: total as number, perCategory: counts };
}

/** One fact on a list item's line: plain text, possibly in another language, possibly with a date. */
export interface MetaPart {
  text: string;
  lang?: string | undefined;
  /** Bold: a tie to Republic Day, where a source confirms it. */
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
