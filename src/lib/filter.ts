/**
 * Filtering of the project index: the URL state, search normalisation and the filter itself.
 *
 * Pure and dependency-free apart from the vocabulary, so the same code runs in the unit tests, at build
 * time (to precompute each item's search text) and in the browser (the `<project-index>` element).
 * The index page can hold thousands of items, so everything here works on small plain records and
 * never touches the DOM.
 */
import {
  CATEGORIES,
  DISTRICT_SLUGS,
  FUNDING_SOURCES,
  KINDS,
  LIST_MEMBERSHIP,
  STATUS_STAGES,
  type Category,
  type DistrictSlug,
  type FundingSource,
  type Kind,
  type ListMembership,
  type StatusStage,
} from './vocabulary.ts';
import type { LocalText } from './local-text.ts';

/** "Not stated in sources" as a district filter value. */
export const NO_DISTRICT = 'none';
export type DistrictValue = DistrictSlug | typeof NO_DISTRICT;

/** Whether a project has a stated coordinate. */
export const LOCATED = ['yes', 'no'] as const;
export type Located = (typeof LOCATED)[number];

/**
 * Every multi-value filter: its URL parameter and the values it accepts, in display order. The order
 * here is also the order of parameters in a serialised URL, so one view has one spelling.
 */
export const FILTERS = {
  category: CATEGORIES,
  kind: KINDS,
  district: [...DISTRICT_SLUGS, NO_DISTRICT] as readonly DistrictValue[],
  status: STATUS_STAGES,
  funding: FUNDING_SOURCES,
  list: LIST_MEMBERSHIP,
  located: LOCATED,
} as const;
export type FilterKey = keyof typeof FILTERS;
export const FILTER_KEYS = Object.keys(FILTERS) as FilterKey[];

/** The whole state of the index: the selected values of each filter and the search text. */
export interface FilterState {
  category: Category[];
  kind: Kind[];
  district: DistrictValue[];
  status: StatusStage[];
  funding: FundingSource[];
  list: ListMembership[];
  located: Located[];
  /** The search text as typed (trimmed); normalised only when matching. */
  q: string;
}

/** What the filter needs to know about one project. */
export interface FilterRecord {
  id: string;
  category: Category;
  kind: Kind;
  district: DistrictSlug | undefined;
  stage: StatusStage;
  funding: readonly FundingSource[];
  list: ListMembership;
  located: boolean;
  /** Already passed through normaliseSearch(); see searchText(). */
  searchText: string;
}

export function emptyState(): FilterState {
  return { category: [], kind: [], district: [], status: [], funding: [], list: [], located: [], q: '' };
}

/** True when nothing is selected and nothing is searched: every project is shown. */
export function isEmptyState(state: FilterState): boolean {
  return FILTER_KEYS.every((k) => state[k].length === 0) && normaliseSearch(state.q) === '';
}

/** Keeps the known values of one parameter, deduplicated and in vocabulary order. */
function known<T extends string>(allowed: readonly T[], raw: readonly string[]): T[] {
  const wanted = new Set(raw.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()));
  return allowed.filter((v) => wanted.has(v));
}

/**
 * Reads the state from a query string (`?district=medeu,almaly&q=школа`). Each filter takes
 * comma-separated values and may also be repeated (`district=medeu&district=almaly`, as a plain HTML
 * form sends it). Unknown parameters and values are ignored: an old or mistyped link still opens the
 * index, with the part that is understood applied.
 */
export function parseState(query: string | URLSearchParams): FilterState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const state = emptyState();
  state.category = known(FILTERS.category, params.getAll('category'));
  state.kind = known(FILTERS.kind, params.getAll('kind'));
  state.district = known(FILTERS.district, params.getAll('district'));
  state.status = known(FILTERS.status, params.getAll('status'));
  state.funding = known(FILTERS.funding, params.getAll('funding'));
  state.list = known(FILTERS.list, params.getAll('list'));
  state.located = known(FILTERS.located, params.getAll('located'));
  state.q = (params.get('q') ?? '').trim().slice(0, 200);
  return state;
}

/**
 * The query string for a state, starting with "?", or "" when nothing is filtered. Parameters and
 * values come in vocabulary order and commas stay literal, so a shared link is short and readable:
 * `?category=social&district=almaly,medeu`.
 */
export function serialiseState(state: FilterState): string {
  const parts: string[] = [];
  for (const key of FILTER_KEYS) {
    const values = known(FILTERS[key], state[key]);
    if (values.length) parts.push(`${key}=${values.join(',')}`);
  }
  const q = state.q.trim();
  if (q) parts.push(`q=${encodeURIComponent(q)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * Kazakh letters folded to the Russian letters readers type for them on a Russian keyboard, and ё to е,
 * so that "Қанат" finds "Канат" and "Ақсай" finds "Аксай", whichever letters either side used.
 */
const FOLD: Record<string, string> = {
  ё: 'е',
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/**
 * The form both the query and the searched text are compared in: lower case, ё as е, Kazakh letters
 * as their Russian look-alikes, punctuation as spaces, runs of spaces as one. Applied to both sides,
 * so "ШКОЛА №220" finds "школа № 220" and "Қанат" finds "Канат".
 */
export function normaliseSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLD[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The precomputed search text of one project from its searchable parts (titles, address, district and
 * kind names in every language): normalised, with repeated words dropped to keep the page small.
 */
export function searchText(parts: ReadonlyArray<string | undefined>): string {
  const words = new Set<string>();
  for (const part of parts) if (part) for (const w of normaliseSearch(part).split(' ')) if (w) words.add(w);
  return [...words].join(' ');
}

/**
 * A predicate for one state, built once and then run over every item. Values within one filter are
 * alternatives (OR); different filters must all hold (AND). The search matches when every word of the
 * query occurs in the item's search text, in any order and as part of a word ("школ" finds "школа").
 */
export function matcher(state: FilterState): (item: FilterRecord) => boolean {
  const sets = {
    category: new Set<string>(state.category),
    kind: new Set<string>(state.kind),
    district: new Set<string>(state.district),
    status: new Set<string>(state.status),
    funding: new Set<string>(state.funding),
    list: new Set<string>(state.list),
    located: new Set<string>(state.located),
  };
  const words = normaliseSearch(state.q).split(' ').filter(Boolean);
  const has = (set: Set<string>, value: string) => set.size === 0 || set.has(value);
  return (item) =>
    has(sets.category, item.category) &&
    has(sets.kind, item.kind) &&
    has(sets.district, item.district ?? NO_DISTRICT) &&
    has(sets.status, item.stage) &&
    (sets.funding.size === 0 || item.funding.some((f) => sets.funding.has(f))) &&
    has(sets.list, item.list) &&
    has(sets.located, item.located ? 'yes' : 'no') &&
    words.every((w) => item.searchText.includes(w));
}

/**
 * The one value a state selects, when it selects exactly one value of one filter and searches for
 * nothing: the usual first filter (one box ticked), for which a paged index has a small file of its
 * own (src/lib/index-records.ts, firstMatches). Undefined for anything else.
 */
export function singleValue(state: FilterState): { key: FilterKey; value: string } | undefined {
  if (normaliseSearch(state.q) !== '') return undefined;
  const set = FILTER_KEYS.filter((k) => state[k].length > 0);
  const key = set.length === 1 ? set[0]! : undefined;
  return key && state[key].length === 1 ? { key, value: state[key][0]! } : undefined;
}

/** The state that selects one value of one filter. */
export function stateOf(key: FilterKey, value: string): FilterState {
  return { ...emptyState(), [key]: [value] };
}

/** The items that match the state, in their original order. */
export function filterProjects<T extends FilterRecord>(items: readonly T[], state: FilterState): T[] {
  return items.filter(matcher(state));
}

/** The number of selected values plus one for a search: "3 filters active". */
export function activeCount(state: FilterState): number {
  return FILTER_KEYS.reduce((n, k) => n + state[k].length, 0) + (normaliseSearch(state.q) ? 1 : 0);
}

/** The fields of a project (as in its front matter, plus its id) that filtering and search read. */
export interface IndexableProject {
  id: string;
  title: LocalText;
  category: Category;
  kind: Kind;
  district?: DistrictSlug | undefined;
  address?: LocalText | undefined;
  location?: object | undefined;
  funding?: readonly FundingSource[] | undefined;
  status: { stage: StatusStage };
  republicDay: ListMembership;
}

/**
 * The filter record of a project (build time). `names` gives the words a reader may search a district
 * or kind by, in every interface language, so that "Medeu", "Медеу" and "Медеуский" all find it.
 */
export function toFilterRecord(
  p: IndexableProject,
  names: { district: (slug: DistrictSlug) => readonly string[]; kind: (kind: Kind) => readonly string[] },
): FilterRecord {
  return {
    id: p.id,
    category: p.category,
    kind: p.kind,
    district: p.district,
    stage: p.status.stage,
    funding: p.funding ?? [],
    list: p.republicDay,
    located: p.location !== undefined,
    searchText: searchText([
      p.title.ru,
      p.title.kk,
      p.title.en,
      p.address?.ru,
      p.address?.kk,
      p.address?.en,
      ...(p.district ? names.district(p.district) : []),
      ...names.kind(p.kind),
    ]),
  };
}

/** The data-* attributes the index page writes on each item, and reads back in the browser. */
export interface FilterAttributes {
  'data-id': string;
  'data-category': string;
  'data-kind': string;
  'data-district': string;
  'data-status': string;
  'data-funding': string;
  'data-list': string;
  'data-located': string;
  'data-search': string;
}

/** Writes a record as data-* attributes (build time). */
export function toAttributes(r: FilterRecord): FilterAttributes {
  return {
    'data-id': r.id,
    'data-category': r.category,
    'data-kind': r.kind,
    'data-district': r.district ?? NO_DISTRICT,
    'data-status': r.stage,
    'data-funding': r.funding.join(','),
    'data-list': r.list,
    'data-located': r.located ? 'yes' : 'no',
    'data-search': r.searchText,
  };
}

/** One value of a closed vocabulary, or undefined. */
function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((v) => v === value);
}

/**
 * Reads a record back from an element's dataset (browser). Returns undefined when anything is missing
 * or not in the vocabulary, so that the caller can leave the server-rendered list as it is rather than
 * filter on guesses.
 */
export function fromDataset(data: Record<string, string | undefined>): FilterRecord | undefined {
  const id = data['id'];
  const category = oneOf(CATEGORIES, data['category']);
  const kind = oneOf(KINDS, data['kind']);
  const districtValue = oneOf(FILTERS.district, data['district']);
  const stage = oneOf(STATUS_STAGES, data['status']);
  const list = oneOf(LIST_MEMBERSHIP, data['list']);
  const located = oneOf(LOCATED, data['located']);
  const fundingRaw = data['funding'];
  const search = data['search'];
  if (!id || !category || !kind || !districtValue || !stage || !list || !located) return undefined;
  if (fundingRaw === undefined || search === undefined) return undefined;
  const fundingValues = fundingRaw ? fundingRaw.split(',') : [];
  const funding = known(FUNDING_SOURCES, fundingValues);
  if (funding.length !== fundingValues.length) return undefined;
  return {
    id,
    category,
    kind,
    district: districtValue === NO_DISTRICT ? undefined : districtValue,
    stage,
    funding,
    list,
    located: located === 'yes',
    searchText: search,
  };
}
