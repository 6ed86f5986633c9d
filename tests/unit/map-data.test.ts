import { describe, expect, test } from 'vitest';
import { districtBubbles, projectMarkers, splitByLocation, type Locatable, type MapLabels } from '../../src/lib/map-data.ts';
import { dictionaries } from '../../src/i18n/index.ts';
import type { Locale } from '../../src/lib/vocabulary.ts';

// Hand-made records (not real projects): one exact, one approximate, one without a location.
const fixtures: Locatable[] = [
  {
    id: 'fx-school',
    title: { ru: 'Тестовая школа', kk: 'Сынақ мектебі' },
    category: 'social',
    location: { lat: 43.2, lon: 76.9, precision: 'exact', refersTo: { ru: 'здание школы', en: 'the school building' } },
  },
  {
    id: 'fx-yard',
    title: { ru: 'Тестовый двор' },
    category: 'infrastructure',
    location: { lat: 43.25, lon: 76.85, precision: 'street', refersTo: { ru: 'точка на улице' } },
  },
  { id: 'fx-plant', title: { ru: 'Тестовый завод' }, category: 'industry' },
];
const link = (id: string) => `/x/${id}/`;
// The pages pass the dictionary's words in; the module reads none itself.
const labels = (lang: Locale): MapLabels => ({ ...dictionaries[lang].labels, projects: dictionaries[lang].common.projects });

describe('splitByLocation', () => {
  test('separates located from unlocated, keeping order', () => {
    const { located, unlocated } = splitByLocation(fixtures);
    expect(located.map((p) => p.id)).toEqual(['fx-school', 'fx-yard']);
    expect(unlocated.map((p) => p.id)).toEqual(['fx-plant']);
  });
});

describe('projectMarkers', () => {
  test('makes one [lon, lat] point per located project and none for the others', () => {
    const fc = projectMarkers(fixtures, 'ru', labels('ru'), link);
    expect(fc.features.map((f) => f.properties.id)).toEqual(['fx-school', 'fx-yard']);
    expect(fc.features[0]?.geometry.coordinates).toEqual([76.9, 43.2]);
  });

  test.each([
    // Russian page: the Russian title, no lang attribute needed.
    ['ru', 0, 'Тестовая школа', undefined],
    // Kazakh page: the sourced Kazakh title.
    ['kk', 0, 'Сынақ мектебі', undefined],
    // Kazakh page without a Kazakh title: the Russian one, marked as Russian.
    ['kk', 1, 'Тестовый двор', 'ru'],
    // English page: always the Russian title, marked as Russian.
    ['en', 0, 'Тестовая школа', 'ru'],
  ] as const)('%s page, project %i → %s (lang %s)', (lang, i, title, titleLang) => {
    const p = projectMarkers(fixtures, lang, labels(lang), link).features[i]?.properties;
    expect(p?.title).toBe(title);
    expect(p?.titleLang).toBe(titleLang);
  });

  test('states the precision and what the point marks in the page language', () => {
    const [school, yard] = projectMarkers(fixtures, 'en', labels('en'), link).features.map((f) => f.properties);
    expect(school?.precisionLabel).toMatch(/^exact/);
    expect(school?.refersTo).toBe('the school building');
    expect(yard?.precisionLabel).toMatch(/^approximate/);
    // No English text in the content: the Russian one, marked as Russian.
    expect(yard?.refersToLang).toBe('ru');
    expect(yard?.href).toBe('/x/fx-yard/');
  });
});

describe('districtBubbles', () => {
  const zero = { social: 0, infrastructure: 0, industry: 0, utilities: 0 };
  const input = [
    { slug: 'big', name: 'Большой', centre: { lat: 43.2, lon: 76.9 }, byCategory: { ...zero, social: 8, utilities: 4 } },
    { slug: 'small', name: 'Малый', centre: { lat: 43.3, lon: 76.8 }, byCategory: { ...zero, industry: 3 } },
    { slug: 'empty', name: 'Пустой', centre: { lat: 43.1, lon: 77.0 }, byCategory: zero },
  ];

  test.each([
    // The largest district gets the full radius.
    [0, 12, 40],
    // A quarter of the projects: half the radius.
    [1, 3, 20],
    // No projects: no disc.
    [2, 0, 0],
  ])('district %i: count %i, radius %f', (i, count, radius) => {
    const p = districtBubbles(input, 'ru', labels('ru'), link, 40).features[i]?.properties;
    expect(p?.count).toBe(count);
    expect(p?.radius).toBeCloseTo(radius, 1);
  });

  test('labels with correct plurals and a per-category breakdown', () => {
    const [big, small, empty] = districtBubbles(input, 'ru', labels('ru'), link).features.map((f) => f.properties);
    expect(big?.label).toBe('Большой: 12 проектов');
    expect(big?.breakdown).toEqual(['Социальная сфера: 8', 'Коммунальные сети: 4']);
    expect(small?.label).toBe('Малый: 3 проекта');
    expect(empty?.breakdown).toEqual([]);
  });

  test('puts each circle at its district centre, [lon, lat]', () => {
    expect(districtBubbles(input, 'en', labels('en'), link).features[1]?.geometry.coordinates).toEqual([76.8, 43.3]);
  });
});
