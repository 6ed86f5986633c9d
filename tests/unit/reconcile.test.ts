import { describe, expect, test } from 'vitest';
import { isReconciliation, itemise, reconcile, type ReconcilableProject } from '../../src/lib/reconcile.ts';
import { projects as fixture, claims } from '../fixtures/projects.ts';

describe('reconcile', () => {
  const r = reconcile(fixture, claims);

  test.each([
    // category, announced, itemised, confirmed — counted by hand from tests/fixtures/projects.ts
    ['social', 20, 3, 1],
    ['infrastructure', 32, 2, 1],
    ['industry', 9, 1, 0],
    ['utilities', 4, 0, 0],
  ] as const)('counts %s: %i announced, %i itemised, %i confirmed', (category, announced, itemised, confirmed) => {
    expect(r.byCategory.find((row) => row.category === category)).toEqual({ category, announced, itemised, confirmed });
  });

  test('keeps the "more than 60" floor apart from the 65 the categories add up to', () => {
    expect(r.total).toEqual({ itemised: 6, confirmed: 2, announcedAtLeast: 60, announcedSum: 65 });
  });

  test('counts projects per district and keeps those without a district apart', () => {
    const medeu = r.byDistrict.find((d) => d.district === 'medeu')!;
    expect(medeu.itemised).toBe(2);
    expect(medeu.confirmed).toBe(1);
    expect(medeu.byCategory.social).toEqual({ itemised: 2, confirmed: 1 });
    expect(r.unassigned.itemised).toBe(2);
    expect(r.unassigned.byCategory.infrastructure).toEqual({ itemised: 1, confirmed: 1 });
  });

  test('lists all eight districts even where nothing is itemised', () => {
    expect(r.byDistrict.map((d) => d.district)).toHaveLength(8);
    expect(r.byDistrict.find((d) => d.district === 'zhetysu')!.itemised).toBe(0);
    expect(r.districts).toEqual({ announced: 8, withItemised: 2 });
  });

  test('never invents an announced figure for a category the article does not give', () => {
    const partial = reconcile(fixture, { totalAtLeast: 60, byCategory: { social: 20 }, districts: 8 });
    expect(partial.byCategory.find((row) => row.category === 'industry')!.announced).toBeUndefined();
    expect(partial.total.announcedSum).toBe(20);
  });

  test('an empty list gives zeros, not errors', () => {
    const empty = reconcile([] as ReconcilableProject[], claims);
    expect(empty.total.itemised).toBe(0);
    expect(empty.byCategory.every((row) => row.itemised === 0)).toBe(true);
  });
});

describe('itemise', () => {
  // A district page counts its projects; no announced figure exists for a district.
  const counted = itemise(fixture.filter((p) => p.district === 'medeu'));

  test('counts by category without an announced figure anywhere', () => {
    expect(counted.byCategory.find((row) => row.category === 'social')).toEqual({ category: 'social', itemised: 2, confirmed: 1 });
    expect(counted.total).toEqual({ itemised: 2, confirmed: 1 });
    expect(JSON.stringify(counted)).not.toContain('announced');
    expect(isReconciliation(counted)).toBe(false);
  });

  test('gives the same counts as reconcile() does for the whole list', () => {
    const all = itemise(fixture);
    const r = reconcile(fixture, claims);
    expect(isReconciliation(r)).toBe(true);
    expect(r.byCategory.map(({ announced: _a, ...row }) => row)).toEqual(all.byCategory);
    expect(r.byDistrict).toEqual(all.byDistrict);
    expect(r.unassigned).toEqual(all.unassigned);
  });
});
