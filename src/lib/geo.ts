/**
 * Coordinates for the maps. Pure: no Leaflet, no DOM, so the order of latitude and longitude can be
 * pinned by unit tests.
 *
 * The one trap: GeoJSON writes a position as [longitude, latitude] (RFC 7946, x before y), while
 * Leaflet's LatLng tuples are [latitude, longitude]. Content stores named `lat`/`lon` fields, data
 * travels to the browser as GeoJSON, and only `toLatLng()` turns it into what Leaflet wants.
 */
import { CATEGORIES, PRECISIONS, type Category, type Precision } from './vocabulary.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

/** A GeoJSON position: longitude first. */
export type Position = [lon: number, lat: number];
/** A Leaflet LatLng tuple: latitude first. */
export type LatLngTuple = [lat: number, lng: number];
/** Leaflet's bounds tuple: south-west corner, then north-east corner. */
export type LatLngBoundsTuple = [LatLngTuple, LatLngTuple];

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** What a marker needs to show: every string is already in the page language (or marked with its own). */
export interface MarkerProps {
  id: string;
  title: string;
  /** Language of `title` where it differs from the page's (a Russian title on the English page). */
  titleLang?: string | undefined;
  href: string;
  category: Category;
  precision: Precision;
  /** The category's label in the page language. */
  categoryLabel: string;
  /** "approximate: a point on the street". */
  precisionLabel: string;
  /** What the point marks, from the content. */
  refersTo?: string | undefined;
  refersToLang?: string | undefined;
}

export interface PointFeature<P = MarkerProps> {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: Position };
  properties: P;
}

export interface FeatureCollection<P = MarkerProps> {
  type: 'FeatureCollection';
  features: Array<PointFeature<P>>;
}

/** A stated location as a GeoJSON point: [lon, lat]. */
export function toFeature<P>(location: LatLon, properties: P): PointFeature<P> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [location.lon, location.lat] }, properties };
}

export function featureCollection<P>(features: Array<PointFeature<P>>): FeatureCollection<P> {
  return { type: 'FeatureCollection', features };
}

/** A GeoJSON point's position in Leaflet's order: [lat, lon]. */
export function toLatLng(feature: { geometry: { coordinates: Position } }): LatLngTuple {
  const [lon, lat] = feature.geometry.coordinates;
  return [lat, lon];
}

/** Named bounds as Leaflet's [[south, west], [north, east]]. */
export function boundsToLatLngs(b: Bounds): LatLngBoundsTuple {
  return [
    [b.south, b.west],
    [b.north, b.east],
  ];
}

/** The smallest bounds around some points; undefined for none. */
export function boundsOf(points: readonly LatLon[]): Bounds | undefined {
  if (points.length === 0) return undefined;
  return {
    south: Math.min(...points.map((p) => p.lat)),
    west: Math.min(...points.map((p) => p.lon)),
    north: Math.max(...points.map((p) => p.lat)),
    east: Math.max(...points.map((p) => p.lon)),
  };
}

/** The smallest bounds that hold all of the given bounds (e.g. the city from its districts). */
export function unionBounds(list: readonly Bounds[]): Bounds | undefined {
  if (list.length === 0) return undefined;
  return {
    south: Math.min(...list.map((b) => b.south)),
    west: Math.min(...list.map((b) => b.west)),
    north: Math.max(...list.map((b) => b.north)),
    east: Math.max(...list.map((b) => b.east)),
  };
}

/** Whether a point lies inside bounds (edges included). */
export function contains(b: Bounds, p: LatLon): boolean {
  return p.lat >= b.south && p.lat <= b.north && p.lon >= b.west && p.lon <= b.east;
}

/** Exact points are drawn filled; street and microdistrict points hollow and dashed. */
export function isApproximate(precision: Precision): boolean {
  return precision !== 'exact';
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v !== '';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';

/**
 * Reads a GeoJSON FeatureCollection of points that a page put in a data attribute. Runs in the
 * browser, so it trusts nothing: features with a malformed position or properties that fail
 * `validProps` are dropped, and anything that is not a FeatureCollection gives an empty list (the
 * server-rendered list then stands alone).
 */
function parsePoints<P>(json: string | null | undefined, validProps: (p: Record<string, unknown>) => boolean): Array<PointFeature<P>> {
  if (!json) return [];
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  const features = (data as { type?: unknown; features?: unknown } | null)?.features;
  if ((data as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) return [];
  return features.filter((f): f is PointFeature<P> => {
    const g = f?.geometry;
    const p = f?.properties;
    return (
      f?.type === 'Feature' &&
      g?.type === 'Point' &&
      Array.isArray(g.coordinates) &&
      g.coordinates.length === 2 &&
      isNum(g.coordinates[0]) &&
      isNum(g.coordinates[1]) &&
      typeof p === 'object' &&
      p !== null &&
      validProps(p)
    );
  });
}

/** The project markers' GeoJSON (see parsePoints). */
export function parseFeatures(json: string | null | undefined): Array<PointFeature<MarkerProps>> {
  return parsePoints<MarkerProps>(
    json,
    (p) =>
      isStr(p['id']) &&
      isStr(p['title']) &&
      isStr(p['href']) &&
      (CATEGORIES as readonly unknown[]).includes(p['category']) &&
      (PRECISIONS as readonly unknown[]).includes(p['precision']) &&
      isStr(p['categoryLabel']) &&
      isStr(p['precisionLabel']) &&
      optStr(p['titleLang']) &&
      optStr(p['refersTo']) &&
      optStr(p['refersToLang']),
  );
}

/** Reads a [[s, w], [n, e]] bounds attribute; undefined when it is not four finite numbers. */
export function parseBounds(json: string | null | undefined): LatLngBoundsTuple | undefined {
  if (!json) return undefined;
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v) || v.length !== 2) return undefined;
    const [sw, ne] = v as unknown[];
    if (!Array.isArray(sw) || !Array.isArray(ne) || sw.length !== 2 || ne.length !== 2) return undefined;
    if (![...sw, ...ne].every(isNum)) return undefined;
    return [
      [sw[0], sw[1]],
      [ne[0], ne[1]],
    ] as LatLngBoundsTuple;
  } catch {
    return undefined;
  }
}

/** A district outline for the street map: a GeoJSON Feature of a (Multi)Polygon, [lon, lat]. */
export interface OutlineFeature {
  type: 'Feature';
  properties: { slug: string; role: 'focus' | 'district' };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && isNum(p[0]) && isNum(p[1]);
const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const isPolygon = (p: unknown) => Array.isArray(p) && p.length >= 1 && p.every(isRing);

/**
 * The outlines the street map draws, from /data/districts.geojson (a FeatureCollection of district
 * polygons, each with its slug): the `focus` district's alone, marked as the focus, or without a
 * focus every district. Runs in the browser on a fetched file and trusts nothing: malformed features
 * are dropped; undefined when none is left.
 */
export function outlinesFrom(data: unknown, focus?: string): { type: 'FeatureCollection'; features: OutlineFeature[] } | undefined {
  const list = (data as { type?: unknown; features?: unknown } | null)?.features;
  if ((data as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(list)) return undefined;
  const features = list.flatMap((f): OutlineFeature[] => {
    const g = f?.geometry;
    const slug: unknown = f?.properties?.slug;
    const valid =
      f?.type === 'Feature' &&
      isStr(slug) &&
      (focus === undefined || slug === focus) &&
      ((g?.type === 'Polygon' && isPolygon(g.coordinates)) || (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygon)));
    return valid ? [{ type: 'Feature', properties: { slug, role: focus === undefined ? 'district' : 'focus' }, geometry: { type: g.type, coordinates: g.coordinates } }] : [];
  });
  return features.length ? { type: 'FeatureCollection', features } : undefined;
}
