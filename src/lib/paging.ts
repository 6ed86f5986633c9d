/**
 * Paging of the project index, for when the list grows far beyond today's few dozen projects.
 *
 * Up to `onePageUpTo` projects the index is one page with every project in the HTML, filtered in place.
 * Beyond that, the list is split into static pages of `pageSize` (/projects/, /projects/page/2/, …,
 * linked from each other) so that a reader without JavaScript still reaches every project, and the
 * filter works over a compact index file instead of the DOM (see src/lib/index-records.ts).
 * Pure: pages pass the numbers in.
 */

export interface Paging {
  /** Projects per page once the list is paged. */
  pageSize: number;
  /** The largest list that stays on one page. */
  onePageUpTo: number;
}

/** 100 projects a page: about 15 KB of compressed HTML, a few screens on a phone. */
export const DEFAULT_PAGING: Paging = { pageSize: 100, onePageUpTo: 300 };

/**
 * The paging in force. `INDEX_PAGE_SIZE` (a positive integer) overrides the page size for tests,
 * which page the real content in tens; a list then stays on one page up to three pages' worth.
 */
export function pagingFrom(env: Record<string, string | undefined>): Paging {
  const raw = env['INDEX_PAGE_SIZE'];
  const size = raw === undefined ? NaN : Number(raw);
  if (!Number.isInteger(size) || size < 1) return DEFAULT_PAGING;
  return { pageSize: size, onePageUpTo: 3 * size };
}

/** How many pages a list of `total` projects takes (at least one). */
export function pageCount(total: number, paging: Paging = DEFAULT_PAGING): number {
  if (total <= paging.onePageUpTo) return 1;
  return Math.ceil(total / paging.pageSize);
}

/** The items on page `page` (1-based); the whole list when it is not paged; [] past the end. */
export function pageSlice<T>(list: readonly T[], page: number, paging: Paging = DEFAULT_PAGING): T[] {
  if (pageCount(list.length, paging) === 1) return page === 1 ? [...list] : [];
  const start = (page - 1) * paging.pageSize;
  return list.slice(start, start + paging.pageSize);
}

/** The 1-based positions of the first and last item on a page: "projects 101–200 of 10,000". */
export function pageRange(total: number, page: number, paging: Paging = DEFAULT_PAGING): { from: number; to: number } {
  const pages = pageCount(total, paging);
  if (pages === 1) return { from: total ? 1 : 0, to: total };
  const from = (page - 1) * paging.pageSize + 1;
  return { from, to: Math.min(total, page * paging.pageSize) };
}

/**
 * The page numbers a pager shows: the first and last, the current one and `around` on each side, and
 * `null` for each gap, e.g. [1, null, 4, 5, 6, 7, 8, null, 100] on page 6. Every page stays reachable in
 * a few steps without a link to each of a hundred pages.
 */
export function pagerItems(page: number, pages: number, around = 2): Array<number | null> {
  const out: Array<number | null> = [];
  for (let n = 1; n <= pages; n += 1) {
    if (n === 1 || n === pages || Math.abs(n - page) <= around) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}
