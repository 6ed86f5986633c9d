/**
 * /data/districts.geojson: the simplified district outlines with each district's counts, as RFC 7946
 * GeoJSON. The outlines are derived from OpenStreetMap and stay under the Open Database License, so
 * the file carries the attribution and licence itself (as foreign members, which RFC 7946 allows),
 * and so does /data/.
 *
 * Pure: the outlines and the counts go in, the document comes out.
 */
import { OSM_COPYRIGHT_URL, OSM_CREDIT, OUTLINE_LICENCE, OUTLINE_LICENCE_URL, type Outlines } from './outlines.ts';
import { CATEGORIES, type Category } from './vocabulary.ts';

/** One district's figures, as the site counts them from the itemised list. */
export interface DistrictCounts {
  slug: string;
  name: { ru: string; kk: string; en: string };
  /** Projects the open sources itemise in the district, by category. */
  itemised: Record<Category, number>;
  /** Of those, projects a source ties to Republic Day. */
  confirmed: number;
  /** Of those, projects whose coordinates a source states. */
  located: number;
  /** The district's page. */
  url: string;
}

export interface DistrictsGeojsonMeta {
  /** "Data as of" date, YYYY-MM-DD. */
  dataAsOf: string;
  /** Where the fields and the method are explained (/data/). */
  documentation: string;
}

/** Coordinates rounded to 5 decimals (about 1 m), as mapshaper wrote them. */
const round = (v: number) => Math.round(v * 1e5) / 1e5;

export function districtsGeojson(outlines: Outlines, counts: readonly DistrictCounts[], meta: DistrictsGeojsonMeta) {
  return {
    type: 'FeatureCollection' as const,
    name: 'almaty-districts',
    attribution: `District outlines ${OSM_CREDIT}, ${OSM_COPYRIGHT_URL}; simplified. Counts: this site, from open sources.`,
    license: `Outlines: ${OUTLINE_LICENCE} (${OUTLINE_LICENCE_URL}), derived from OpenStreetMap`,
    source: outlines.districts.map((d) => `https://www.openstreetmap.org/relation/${d.osmId}`),
    note: 'itemised_* count the projects that open sources name; the akimat has not published its full list, so they are not the programme’s totals.',
    data_as_of: meta.dataAsOf,
    documentation: meta.documentation,
    features: outlines.districts.map((d) => {
      const c = counts.find((x) => x.slug === d.slug);
      if (!c) throw new Error(`districts.geojson: no counts for district "${d.slug}"`);
      const byCategory = Object.fromEntries(CATEGORIES.map((cat) => [`itemised_${cat}`, c.itemised[cat]])) as Record<`itemised_${Category}`, number>;
      return {
        type: 'Feature' as const,
        properties: {
          slug: d.slug,
          name_ru: c.name.ru,
          name_kk: c.name.kk,
          name_en: c.name.en,
          itemised: CATEGORIES.reduce((n, cat) => n + c.itemised[cat], 0),
          ...byCategory,
          confirmed_on_list: c.confirmed,
          located: c.located,
          url: c.url,
          osm_relation: d.osmId,
        },
        geometry: {
          type: 'MultiPolygon' as const,
          coordinates: d.shape.map((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => [round(lon), round(lat)]))),
        },
      };
    }),
  };
}

/** The fields of each feature, for the table on /data/ (in the order the file writes them). */
export const DISTRICT_FIELDS = [
  'slug',
  'name_ru',
  'name_kk',
  'name_en',
  'itemised',
  ...CATEGORIES.map((c) => `itemised_${c}` as const),
  'confirmed_on_list',
  'located',
  'url',
  'osm_relation',
] as const;
