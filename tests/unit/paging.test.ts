import { describe, expect, test } from 'vitest';
import { DEFAULT_PAGING, pageCount, pageRange, pageSlice, pagerItems, pagingFrom } from '../../src/lib/paging.ts';

const ten = { pageSize: 10, onePageUpTo: 30 };
const list = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('pagingFrom', () => {
  test.each([
    // No setting: the defaults.
    [{}, DEFAULT_PAGING],
    // A page size from the tests; up to three pages' worth stays on one page.
    [{ INDEX_PAGE_SIZE: '10' }, { pageSize: 10, onePageUpTo: 30 }],
    // Nonsense is ignored rather than breaking the build.
    [{ INDEX_PAGE_SIZE: '0' }, DEFAULT_PAGING],
    [{ INDEX_PAGE_SIZE: '2.5' }, DEFAULT_PAGING],
    [{ INDEX_PAGE_SIZE: 'ten' }, DEFAULT_PAGING],
  ])('%j → %j', (env, expected) => {
    expect(pagingFrom(env)).toEqual(expected);
  });
});

describe('pageCount', () => {
  test.each([
    // Today's list (46 projects) is one page: nothing changes for it.
    [46, DEFAULT_PAGING, 1],
    // Exactly at the threshold: still one page.
    [300, DEFAULT_PAGING, 1],
    // One more: pages of 100.
    [301, DEFAULT_PAGING, 4],
    // The benchmark's 10,000 projects.
    [10_000, DEFAULT_PAGING, 100],
    // An empty list is one (empty) page.
    [0, DEFAULT_PAGING, 1],
    // The tests' paging over the real content.
    [46, ten, 5],
  ])('%i projects with %j → %i pages', (total, paging, pages) => {
    expect(pageCount(total, paging)).toBe(pages);
  });
});

describe('pageSlice and pageRange', () => {
  test.each([
    // A one-page list is all on page 1…
    [25, 1, 25, { from: 1, to: 25 }],
    // …and nothing after it.
    [25, 2, 0, { from: 1, to: 25 }],
    // Paged: a full page in the middle.
    [46, 2, 10, { from: 11, to: 20 }],
    // The last page holds the rest.
    [46, 5, 6, { from: 41, to: 46 }],
  ])('%i items, page %i: %i items', (total, page, length, range) => {
    const slice = pageSlice(list(total), page, ten);
    expect(slice).toHaveLength(length);
    if (length) expect([slice[0], slice.at(-1)]).toEqual([range.from, range.to]);
    if (length) expect(pageRange(total, page, ten)).toEqual(range);
  });

  test('every item is on exactly one page', () => {
    const items = list(1234);
    const pages = pageCount(items.length);
    const seen = Array.from({ length: pages }, (_, i) => pageSlice(items, i + 1)).flat();
    expect(seen).toEqual(items);
  });
});

describe('pagerItems', () => {
  test.each([
    // Few pages: all of them.
    [1, 3, [1, 2, 3]],
    // The first page of many: its neighbours, a gap, the last.
    [1, 100, [1, 2, 3, null, 100]],
    // In the middle: the first, a gap, two either side, a gap, the last.
    [50, 100, [1, null, 48, 49, 50, 51, 52, null, 100]],
    // Next to the start: no gap where none is needed.
    [4, 100, [1, 2, 3, 4, 5, 6, null, 100]],
    // The last page.
    [100, 100, [1, null, 98, 99, 100]],
  ])('page %i of %i', (page, pages, expected) => {
    expect(pagerItems(page, pages)).toEqual(expected);
  });
});
