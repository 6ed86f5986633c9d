/** Ordering and grouping of projects for the pages. Pure: pages pass the entries in. */
import { byDistrictOrder, CATEGORIES, districtRank, type Category, type DistrictSlug } from './vocabulary.ts';
import type { LocalText } from './local-text.ts';

/** The fields ordering needs; Astro collection entries fit this shape as they are. */
export interface Sortable {
  id: string;
  data: { category: Category; district?: DistrictSlug | undefined; title: Pick<LocalText, 'ru'> };
}

/** One Russian collator for every comparison: `localeCompare(…, 'ru')` sets one up on each call. */
const russian = new Intl.Collator('ru');

/**
 * The order used everywhere a list is shown: by announced category (as in the article), then by
 * district (projects without one last), then alphabetically by Russian title.
 */
export function compareProjects({ id: ia, data: a }: Sortable, { id: ib, data: b }: Sortable): number {
  const c = CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category);
  if (c) return c;
  const d = districtRank(a.district) - districtRank(b.district);
  if (d) return d;
  return russian.compare(a.title.ru, b.title.ru) || ia.localeCompare(ib);
}

export function sortProjects<T extends Sortable>(list: readonly T[]): T[] {
  return [...list].sort(compareProjects);
}

/**
 * The collections in the order the site lists them: projects by compareProjects; districts in the
 * vocabulary's order (Russian alphabetical, as the maps, filters and tables list them), so that every
 * list of districts agrees (the files' order put Zhetysu last on /data/); considered items by id.
 * src/data/content.ts orders Astro's collections with it, the early share images what the content
 * check read.
 */
export function inSiteOrder<P extends Sortable, D extends { id: string }, C extends { id: string }>(content: {
  projects: readonly P[];
  districts: readonly D[];
  considered: readonly C[];
}): { projects: P[]; districts: D[]; considered: C[] } {
  return {
    projects: sortProjects(content.projects),
    districts: [...content.districts].sort((a, b) => byDistrictOrder(a.id, b.id)),
    considered: [...content.considered].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** Projects grouped by category in the announced order; empty categories are kept (with []). */
export function groupByCategory<T extends Sortable>(list: readonly T[]): Array<{ category: Category; items: T[] }> {
  const sorted = sortProjects(list);
  return CATEGORIES.map((category) => ({ category, items: sorted.filter((p) => p.data.category === category) }));
}

// Counted once per list: every page of a paged index (a hundred at 10,000 projects) asks again.
const counted = new WeakMap<readonly Sortable[], Map<Category, number>>();
function categoryCounts(all: readonly Sortable[]): Map<Category, number> {
  let counts = counted.get(all);
  if (!counts) {
    counts = new Map();
    for (const p of all) counts.set(p.data.category, (counts.get(p.data.category) ?? 0) + 1);
    counted.set(all, counts);
  }
  return counts;
}

/**
 * The category groups of one page of a list that is already in list order (as src/data/content.ts
 * gives it), each with the number of projects its category has in the whole list: a heading on a page
 * of a paged index counts the category, not only the part on that page. Empty groups are left out.
 */
export function pageGroups<T extends Sortable>(page: readonly T[], all: readonly T[]): Array<{ category: Category; items: T[]; count: number }> {
  const counts = categoryCounts(all);
  return CATEGORIES.map((category) => ({ category, items: page.filter((p) => p.data.category === category), count: counts.get(category) ?? 0 })).filter(
    (g) => g.items.length > 0,
  );
}

/**
 * Other projects in the same district as `project`, in the order of `list` (pass it already sorted, as
 * src/data/content.ts does: re-sorting per page would make a 10,000-project build quadratic);
 * none where the district is unknown.
 */
export function neighbours<T extends Sortable>(project: T, list: readonly T[], limit = 6): T[] {
  const district = project.data.district;
  if (!district) return [];
  const out: T[] = [];
  for (const p of list) {
    if (out.length >= limit) break;
    if (p.data.district === district && p.id !== project.id) out.push(p);
  }
  return out;
}
