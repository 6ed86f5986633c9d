/**
 * What the maps show, built at build time from the same content as the lists. Pure: pages pass the
 * records and a link builder in; the result goes into data-* attributes as GeoJSON.
 */
import { localised, projectTitle } from './display.ts';
import { featureCollection, toFeature, type FeatureCollection, type LatLon, type MarkerProps } from './geo.ts';
import type { MapPoint } from './static-map.ts';
import type { Category, Locale, Precision } from './vocabulary.ts';
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

/**
 * The static map's view of located projects: one point per project with a stated coordinate, with its
 * title in the page language and its link. The marker features above carry the same projects to the
 * street map.
 */
export function mapPoints(projects: readonly Locatable[], lang: Locale, linkFor?: (id: string) => string): MapPoint[] {
  return projects.flatMap((p) => {
    if (!p.location) return [];
    const title = projectTitle(p.title, lang);
    return [
      {
        id: p.id,
        lat: p.location.lat,
        lon: p.location.lon,
        category: p.category,
        precision: p.location.precision,
        title: title.text,
        titleLang: title.lang,
        href: linkFor?.(p.id),
      },
    ];
  });
}
