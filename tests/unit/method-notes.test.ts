import { describe, expect, test } from 'vitest';
import { GAP_SOURCES, consideredNotes, gapCounts, methodCounts, type CountableProject } from '../../src/lib/method-notes.ts';
import { dictionaries } from '../../src/i18n/index.ts';
import { DISTRICT_SLUGS, LOCALES } from '../../src/lib/vocabulary.ts';

// Hand-made records; not real projects.
const projects: CountableProject[] = [
  { district: 'medeu', republicDay: 'confirmed', status: { date: new Date('2025-10-24') } },
  { district: 'medeu', republicDay: 'not-confirmed', location: { precision: 'street' }, status: { date: new Date('2025-11-01') } },
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
  test.each(LOCALES)('%s describes every sourced gap', (lang) => {
    for (const id of Object.keys(GAP_SOURCES)) expect(dictionaries[lang].data.gaps).toHaveProperty(id);
  });
});

describe('consideredNotes', () => {
  // Hand-made items; the real ones are content/considered/*.md.
  const items = [{ explanation: { ru: 'Причина', kk: 'Себеп', en: 'Reason' } }, { explanation: { ru: 'Только по-русски' } }];
  test.each([
    // The page's language where the item has it.
    ['kk', 0, 'Себеп'],
    ['en', 0, 'Reason'],
    // Russian where the item has no text in that language.
    ['en', 1, 'Только по-русски'],
  ] as const)('%s, item %i: %s', (lang, i, text) => {
    expect(consideredNotes(items, lang)[i]?.explanation.text).toBe(text);
  });
});

describe('methodCounts', () => {
  // Hand-made records: two opened, one planned; one confirmed, two not.
  const counts = methodCounts([
    { status: { stage: 'opened' }, republicDay: 'confirmed' },
    { status: { stage: 'opened' }, republicDay: 'not-confirmed' },
    { status: { stage: 'planned' }, republicDay: 'unlikely' },
  ]);
  test.each([
    // Stages counted by the latest report, every stage listed, zeros included.
    ['byStage', counts.byStage, { opened: 2, completed: 0, 'nearly-completed': 0, 'in-progress': 0, planned: 1, conflicting: 0 }],
    // List membership, every value listed.
    ['byMembership', counts.byMembership, { confirmed: 1, 'not-confirmed': 1, unlikely: 1 }],
    ['count', counts.count, 3],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('consideredNotes with title and reason', () => {
  const [note] = consideredNotes(
    [{ title: { ru: 'Школа', en: 'School', translated: ['en'] }, reason: 'outside-period', explanation: { ru: 'Срок — 2026 год' } }],
    'en',
  );
  test('the title in the page language, marked as ours where it is', () => {
    expect(note?.title).toEqual({ text: 'School', lang: undefined, ours: true });
  });
  test('the reason as the label of the condition it fails', () => {
    expect(note?.reason).toBe('outside September–December 2025');
  });
  test('an explanation only in Russian is shown in Russian, marked as such', () => {
    expect(note?.explanation).toEqual({ text: 'Срок — 2026 год', lang: 'ru', ours: false });
  });
});
