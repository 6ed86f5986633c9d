import { describe, expect, test } from 'vitest';
import { mapPoints, projectMarkers, splitByLocation, type Locatable, type MapLabels } from '../../src/lib/map-data.ts';
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

describe('mapPoints', () => {
  test('one point per located project, in the page language, linked only when asked', () => {
    const points = mapPoints(fixtures, 'en', link);
    expect(points.map((p) => [p.id, p.lat, p.lon, p.precision])).toEqual([
      ['fx-school', 43.2, 76.9, 'exact'],
      ['fx-yard', 43.25, 76.85, 'street'],
    ]);
    expect(points[0]).toMatchObject({ title: 'Тестовая школа', titleLang: 'ru', href: '/x/fx-school/' });
    // A project's own page draws its point without a link to itself.
    expect(mapPoints(fixtures, 'ru')[0]?.href).toBeUndefined();
  });
});
