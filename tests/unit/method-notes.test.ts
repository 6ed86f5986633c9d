import { describe, expect, test } from 'vitest';
import { EXCLUDED_SOURCES, GAP_SOURCES, gapCounts, type CountableProject } from '../../src/lib/method-notes.ts';
import { dictionaries } from '../../src/i18n/index.ts';
import { DISTRICT_SLUGS, LOCALES } from '../../src/lib/vocabulary.ts';

// Hand-made records; not real projects.
const projects: CountableProject[] = [
  { district: 'medeu', republicDay: 'confirmed', status: { asOf: new Date('2025-10-24') } },
  { district: 'medeu', republicDay: 'not-confirmed', location: { precision: 'street' }, status: { asOf: new Date('2025-11-01') } },
  { district: 'auezov', republicDay: 'not-confirmed', location: { precision: 'microdistrict' }, status: {} },
  { republicDay: 'unlikely', location: { precision: 'exact' }, status: {} },
];
const districts = [
  { id: 'medeu', data: {} },
  { id: 'turksib', data: { population: { value: { ru: '1' } } } },
  { id: 'alatau', data: { area: { km2: 1 } } },
];

describe('gapCounts', () => {
  const c = gapCounts(projects, districts);
  test.each([
    // How many the sources tie to the Republic Day list.
    ['confirmed', c.confirmed, 1],
    // Located projects, by how precise the point is.
    ['located', c.located, 3],
    ['byPrecision', c.byPrecision, { exact: 1, street: 1, microdistrict: 1 }],
    // Projects with no stated district, and with no status date.
    ['unassigned', c.unassigned, 1],
    ['undated', c.undated, 2],
    // Districts with a sourced population or area, in the vocabulary's order.
    ['districtsWithFacts', c.districtsWithFacts, ['alatau', 'turksib']],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  test('districts with no project are listed in the vocabulary order', () => {
    expect(c.emptyDistricts).toEqual(DISTRICT_SLUGS.filter((d) => d !== 'medeu' && d !== 'auezov'));
  });
});

describe('the notes have text in every language and sources where they claim any', () => {
  test.each(LOCALES)('%s describes every excluded item and every sourced gap', (lang) => {
    expect(Object.keys(dictionaries[lang].data.excluded).sort()).toEqual(Object.keys(EXCLUDED_SOURCES).sort());
    for (const id of Object.keys(GAP_SOURCES)) expect(dictionaries[lang].data.gaps).toHaveProperty(id);
  });

  test('every excluded item rests on at least one http(s) source', () => {
    for (const [id, urls] of Object.entries(EXCLUDED_SOURCES)) {
      expect(urls.length, id).toBeGreaterThan(0);
      for (const u of urls) expect(new URL(u).protocol, `${id}: ${u}`).toMatch(/^https?:$/);
    }
  });
});
