/**
 * Compares what the article claims (20/32/9/4 = 65 projects, "more than 60", 8 districts) with the
 * itemised list, by category and by district. The two are shown side by side and never forced to
 * match: the akimat's full list is not public.
 *
 * `itemise()` counts the list alone; `reconcile()` adds the article's figures next to the counts.
 * Only the city as a whole has announced figures: a district page shows `itemise()` of its projects,
 * never a reconciliation against figures nobody announced for it.
 */
import { CATEGORIES, DISTRICT_SLUGS, type Category, type DistrictSlug, type ListMembership } from './vocabulary.ts';
import { fill } from './format.ts';

export interface ReconcilableProject {
  category: Category;
  district?: DistrictSlug | undefined;
  republicDay: ListMembership;
}

export interface Claims {
  totalAtLeast: number;
  byCategory: Partial<Record<Category, number>>;
  districts: number;
}

export interface Tally {
  /** Projects in the itemised list. */
  itemised: number;
  /** Of those, how many a source ties to Republic Day. */
  confirmed: number;
}

export interface ItemisedRow extends Tally {
  category: Category;
}

export interface CategoryRow extends ItemisedRow {
  /** Announced in the article; undefined where the article gives no figure. */
  announced: number | undefined;
}

/** The itemised list counted, with no announced figure anywhere. */
export interface Itemised {
  byCategory: ItemisedRow[];
  total: Tally;
  /** Per district: itemised and confirmed, overall and per category. No announced figure exists. */
  byDistrict: Array<Tally & { district: DistrictSlug; byCategory: Record<Category, Tally> }>;
  /** Projects whose district no source states. */
  unassigned: Tally & { byCategory: Record<Category, Tally> };
}

/** The itemised list next to the article's figures. */
export interface Reconciliation extends Itemised {
  byCategory: CategoryRow[];
  total: Tally & {
    /** The "more than N" floor the article states. */
    announcedAtLeast: number;
    /** Sum of the per-category figures (65 for 20+32+9+4). */
    announcedSum: number;
  };
  /** Districts the article says are covered, and how many have at least one itemised project. */
  districts: { announced: number; withItemised: number };
}

/** Whether a summary carries the article's figures (the city) or only counts (a district). */
export function isReconciliation(summary: Itemised | Reconciliation): summary is Reconciliation {
  return 'districts' in summary;
}

const emptyByCategory = (): Record<Category, Tally> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, { itemised: 0, confirmed: 0 }])) as Record<Category, Tally>;

function add(t: Tally, p: ReconcilableProject): void {
  t.itemised += 1;
  if (p.republicDay === 'confirmed') t.confirmed += 1;
}

export function itemise(projects: readonly ReconcilableProject[]): Itemised {
  const byCategory: ItemisedRow[] = CATEGORIES.map((category) => ({ category, itemised: 0, confirmed: 0 }));
  const byDistrict = DISTRICT_SLUGS.map((district) => ({
    district,
    itemised: 0,
    confirmed: 0,
    byCategory: emptyByCategory(),
  }));
  const unassigned = { itemised: 0, confirmed: 0, byCategory: emptyByCategory() };
  const total = { itemised: 0, confirmed: 0 };

  for (const p of projects) {
    add(total, p);
    add(byCategory[CATEGORIES.indexOf(p.category)]!, p);
    const d = p.district ? byDistrict[DISTRICT_SLUGS.indexOf(p.district)] : undefined;
    const bucket = d ?? unassigned;
    add(bucket, p);
    add(bucket.byCategory[p.category], p);
  }
  return { byCategory, total, byDistrict, unassigned };
}

export function reconcile(projects: readonly ReconcilableProject[], claims: Claims): Reconciliation {
  const counted = itemise(projects);
  return {
    ...counted,
    byCategory: counted.byCategory.map((row) => ({ ...row, announced: claims.byCategory[row.category] })),
    total: {
      ...counted.total,
      announcedAtLeast: claims.totalAtLeast,
      announcedSum: Object.values(claims.byCategory).reduce((a, b) => a + (b ?? 0), 0),
    },
    districts: { announced: claims.districts, withItemised: counted.byDistrict.filter((d) => d.itemised > 0).length },
  };
}

/**
 * How a category's itemised count stands to its announced figure, which decides the words a sentence
 * about it uses. The itemised projects are candidates in that category, not matches against the
 * akimat's list (which is not public): "11 found of 4 announced" would read as progress against that
 * list, and as nonsense when more are itemised than announced, so that case has words of its own.
 */
export type Comparison = 'within' | 'over' | 'noClaim';

export function compareToAnnounced(itemised: number, announced: number | undefined): Comparison {
  if (announced === undefined) return 'noClaim';
  return itemised > announced ? 'over' : 'within';
}

/**
 * The dictionary's templates for one sentence about a category, one per Comparison. Placeholders:
 * {category}, {announced}, {itemised}, {confirmed} (already formatted by the caller).
 */
export type ComparisonWords = Record<Comparison, string>;

/** One sentence about a category's figures, in the words its comparison calls for. */
export function categorySentence(
  words: ComparisonWords,
  row: { itemised: number; announced?: number | undefined },
  values: { category: string; announced: string; itemised: string; confirmed: string },
): string {
  return fill(words[compareToAnnounced(row.itemised, row.announced)], values);
}

/** The dictionary's words for the sentence above a project list filtered to one category. */
export interface CategoryNoteWords {
  /** Placeholders as in ComparisonWords; {announced} and {itemised} are counts ("20 проектов"). */
  categoryNote: ComparisonWords;
  /** The {confirmed} part: none of them, or {n} of them (a bare number), tied to Republic Day by a source. */
  categoryConfirmed: { none: string; some: string };
}

/**
 * "Социальная сфера: акимат объявил 20 проектов; открытые источники называют в этой категории
 * 13 проектов — это кандидаты…": the announced figure, the number itemised and the number a source
 * ties to Republic Day, in one sentence. `count` writes a number with its noun, `number` a bare number,
 * both in the page language (src/lib/format.ts).
 */
export function categoryNote(
  words: CategoryNoteWords,
  row: { itemised: number; confirmed: number; announced?: number | undefined },
  category: string,
  count: (n: number) => string,
  number: (n: number) => string,
): string {
  const confirmed = row.confirmed === 0 ? words.categoryConfirmed.none : fill(words.categoryConfirmed.some, { n: number(row.confirmed) });
  return categorySentence(words.categoryNote, row, {
    category,
    announced: row.announced === undefined ? '' : count(row.announced),
    itemised: count(row.itemised),
    confirmed,
  });
}
