/**
 * What the maps show, built at build time from the same content as the lists. Pure: pages pass the
 * records and a link builder in; the result goes into data-* attributes as GeoJSON.
 */
import { plural } from './format.ts';
import { localised, projectTitle } from './display.ts';
import {
  circleRadius,
  featureCollection,
  toFeature,
  type BubbleProps,
  type FeatureCollection,
  type LatLon,
  type MarkerProps,
} from './geo.ts';
import { CATEGORIES, type Category, type Locale, type Precision } from './vocabulary.ts';
import type { LocalText } from './local-text.ts';

/** The project fields a marker needs; content entries' `data` plus `id` fit as they are. */
export interface Locatable {
  id: string;
  title: LocalText;
  category: Category;
  location?: (LatLon & { precision: Precision; refersTo: LocalText }) | undefined;
}

/**
 * The interface words a map needs, in the page language: the dictionary's `labels` and its
 * `common.projects` plural forms fit as they are (pages pass them in; this module reads no dictionary).
 */
export interface MapLabels {
  category: Record<Category, string>;
  precision: Record<Precision, string>;
  /** Plural forms of "project", as in the dictionaries. */
  projects: readonly string[];
}

/** Splits projects into those with a stated coordinate and those without, keeping their order. */
export function splitByLocation<T extends { location?: unknown }>(list: readonly T[]): { located: T[]; unlocated: T[] } {
  return { located: list.filter((p) => p.location), unlocated: list.filter((p) => !p.location) };
}

/** Markers for every project that has a stated coordinate; the others are left out (and listed by the page). */
export function projectMarkers(
  projects: readonly Locatable[],
  lang: Locale,
  labels: Pick<MapLabels, 'category' | 'precision'>,
  linkFor: (id: string) => string,
): FeatureCollection<MarkerProps> {
  return featureCollection(
    projects.flatMap((p) => {
      if (!p.location) return [];
      const title = projectTitle(p.title, lang);
      const refersTo = localised(p.location.refersTo, lang);
      return [
        toFeature<MarkerProps>(p.location, {
          id: p.id,
          title: title.text,
          titleLang: title.lang,
          href: linkFor(p.id),
          category: p.category,
          precision: p.location.precision,
          categoryLabel: labels.category[p.category],
          precisionLabel: labels.precision[p.location.precision],
          refersTo: refersTo?.text,
          refersToLang: refersTo?.lang,
        }),
      ];
    }),
  );
}

export interface BubbleInput {
  slug: string;
  name: string;
  centre: LatLon;
  /** Itemised projects per category in this district. */
  byCategory: Record<Category, number>;
}

/**
 * One proportional circle per district at its centre. The largest district gets `maxRadius` pixels;
 * a district with no itemised project gets radius 0 (drawn as a small empty ring with its "0").
 */
export function districtBubbles(
  districts: readonly BubbleInput[],
  lang: Locale,
  labels: MapLabels,
  linkFor: (slug: string) => string,
  maxRadius = 34,
): FeatureCollection<BubbleProps> {
  const counts = districts.map((d) => CATEGORIES.reduce((n, c) => n + d.byCategory[c], 0));
  const max = Math.max(0, ...counts);
  return featureCollection(
    districts.map((d, i) => {
      const count = counts[i] ?? 0;
      return toFeature<BubbleProps>(d.centre, {
        slug: d.slug,
        name: d.name,
        href: linkFor(d.slug),
        count,
        radius: Math.round(circleRadius(count, max, maxRadius) * 10) / 10,
        label: `${d.name}: ${plural(lang, count, labels.projects)}`,
        breakdown: CATEGORIES.filter((c) => d.byCategory[c] > 0).map((c) => `${labels.category[c]}: ${d.byCategory[c]}`),
      });
    }),
  );
}
