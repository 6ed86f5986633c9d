import { describe, expect, test } from 'vitest';
import { compareProjects, groupByCategory, inSiteOrder, neighbours, pageGroups, sortProjects } from '../../src/lib/projects.ts';
import { projects as records } from '../fixtures/projects.ts';

// The ordering functions take entries shaped like Astro's ({ id, data }).
const entries = records.map(({ id, ...data }) => ({ id, data }));
const ids = (list: Array<{ id: string }>) => list.map((p) => p.id);

describe('sortProjects', () => {
  test('orders by announced category, then district (unknown last), then title', () => {
    expect(ids(sortProjects(entries))).toEqual([
      // social: auezov before medeu (district order), then the two medeu schools by title
      'fx-centre',
      'fx-school-a',
      'fx-school-b',
      // infrastructure: auezov, then no district
      'fx-yard',
      'fx-square',
      // industry
      'fx-plant',
    ]);
  });

  test('is a total order: equal inputs compare as 0 only for the same entry', () => {
    expect(compareProjects(entries[0]!, entries[0]!)).toBe(0);
    expect(Math.sign(compareProjects(entries[0]!, entries[1]!))).toBe(-Math.sign(compareProjects(entries[1]!, entries[0]!)));
  });
});

describe('inSiteOrder', () => {
  test('projects as sortProjects, districts in the vocabulary’s order, considered items by id; the inputs untouched', () => {
    const districts = [{ id: 'zhetysu' }, { id: 'alatau' }, { id: 'medeu' }, { id: 'auezov' }];
    const considered = [{ id: 'c-b' }, { id: 'c-a' }];
    const reversed = [...entries].reverse();
    const ordered = inSiteOrder({ projects: reversed, districts, considered });
    expect(ids(ordered.projects)).toEqual(ids(sortProjects(entries)));
    // Russian alphabetical: Алатауский, Ауэзовский, Жетысуский, Медеуский.
    expect(ids(ordered.districts)).toEqual(['alatau', 'auezov', 'zhetysu', 'medeu']);
    expect(ids(ordered.considered)).toEqual(['c-a', 'c-b']);
    expect(ids(districts)).toEqual(['zhetysu', 'alatau', 'medeu', 'auezov']);
    expect(ids(considered)).toEqual(['c-b', 'c-a']);
    expect(ids(reversed)).toEqual(ids([...entries].reverse()));
  });
});

describe('groupByCategory', () => {
  test('keeps all four categories in announced order, empty ones too', () => {
    const groups = groupByCategory(entries);
    expect(groups.map((g) => [g.category, g.items.length])).toEqual([
      ['social', 3],
      ['infrastructure', 2],
      ['industry', 1],
      ['utilities', 0],
    ]);
  });
});

describe('neighbours', () => {
  const sorted = sortProjects(entries);
  test.each([
    // project, expected neighbours (same district, itself excluded, list order kept)
    ['fx-school-a', ['fx-school-b']],
    ['fx-centre', ['fx-yard']],
    // no district stated: no neighbours rather than a guess
    ['fx-square', []],
  ])('%s → %j', (id, expected) => {
    expect(ids(neighbours(sorted.find((p) => p.id === id)!, sorted))).toEqual(expected);
  });

  test('stops at the limit', () => {
    expect(neighbours(sorted.find((p) => p.id === 'fx-school-a')!, sorted, 0)).toEqual([]);
  });
});

describe('pageGroups', () => {
  const sorted = sortProjects(entries);
  test.each([
    // The whole list as one page: each category once, counted in full, empty ones left out.
    ['the whole list', (s: typeof sorted) => s],
    // One item: its group alone, still counted over the whole list.
    ['one item', (s: typeof sorted) => s.slice(-1)],
  ])('%s', (_, page) => {
    const list = page(sorted);
    const groups = pageGroups(list, sorted);
    expect(groups.flatMap((g) => g.items)).toEqual(list);
    for (const g of groups) expect(g.count).toBe(sorted.filter((p) => p.data.category === g.category).length);
  });
});

describe('district order', () => {
  test('districts sort as DISTRICT_SLUGS lists them; no district, or an unknown slug, last', async () => {
    const { DISTRICT_SLUGS, byDistrictOrder, districtRank } = await import('../../src/lib/vocabulary.ts');
    expect(['turksib', 'zhetysu', 'alatau', 'medeu'].sort(byDistrictOrder)).toEqual(['alatau', 'zhetysu', 'medeu', 'turksib']);
    expect(DISTRICT_SLUGS.map(districtRank)).toEqual(DISTRICT_SLUGS.map((_, i) => i));
    expect(districtRank(undefined)).toBe(DISTRICT_SLUGS.length);
    expect(districtRank('atlantis')).toBe(DISTRICT_SLUGS.length);
  });
});
