/**
 * Plane geometry for the district outlines: containment, areas, distances, label points, clipping.
 * Pure, no DOM and no Node: the build, the unit tests and (if ever needed) the browser share it.
 *
 * Outlines are GeoJSON-ordered ([longitude, latitude], RFC 7946). Measures in kilometres use a local
 * equirectangular projection around Almaty's latitude, which is exact to well under 1% across a city
 * 40 km wide; containment needs no projection at all, because an equirectangular projection is an
 * affine map and keeps straight edges straight and insides inside.
 */
import polylabel from 'polylabel';
import type { Bounds, LatLon, Position } from './geo.ts';

/** A closed ring: the first position is repeated at the end. */
export type Ring = Position[];
/** An outer ring followed by its holes. */
export type Polygon = Ring[];
/** One or more polygons: Medeu district has two parts (its second is the Alatau settlement). */
export type Shape = Polygon[];

/** Kilometres per degree of latitude (mean Earth radius 6,371 km). */
const KM_PER_DEG = (Math.PI * 6371) / 180;
/** Almaty's latitude, the reference for the local projection. */
export const REF_LAT = 43.25;
const KX = KM_PER_DEG * Math.cos((REF_LAT * Math.PI) / 180);

/** [lon, lat] to local kilometres east and north of (0°, 0°) at Almaty's scale. */
export function toKm([lon, lat]: readonly [number, number]): [number, number] {
  return [lon * KX, lat * KM_PER_DEG];
}

/** Local kilometres back to [lon, lat]. */
export function fromKm([x, y]: [number, number]): Position {
  return [x / KX, y / KM_PER_DEG];
}

/** A GeoJSON Polygon or MultiPolygon geometry as a Shape (a list of polygons). */
export function shapeOf(geometry: { type: string; coordinates: unknown }): Shape {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Polygon];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Shape;
  throw new Error(`expected a Polygon or MultiPolygon, got ${geometry.type}`);
}

/** Ray casting: whether [x, y] is inside the ring (a point exactly on an edge may go either way). */
function inRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside the shape: inside some outer ring and in none of that polygon's holes. */
export function shapeContains(shape: Shape, p: LatLon): boolean {
  return shape.some(([outer, ...holes]) => !!outer && inRing(p.lon, p.lat, outer) && !holes.some((h) => inRing(p.lon, p.lat, h)));
}

/** Signed planar area of a ring in km² (positive when counter-clockwise). */
function ringAreaKm2(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = toKm(ring[j]!);
    const [x2, y2] = toKm(ring[i]!);
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

/** Area of a polygon (outer ring minus holes), km². */
export function polygonAreaKm2([outer, ...holes]: Polygon): number {
  if (!outer) return 0;
  return Math.abs(ringAreaKm2(outer)) - holes.reduce((s, h) => s + Math.abs(ringAreaKm2(h)), 0);
}

/** Area of a shape, km². */
export function shapeAreaKm2(shape: Shape): number {
  return shape.reduce((s, p) => s + polygonAreaKm2(p), 0);
}

/** The smallest bounds around a shape (every part). */
export function shapeBounds(shape: Shape): Bounds {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const polygon of shape)
    for (const [lon, lat] of polygon[0] ?? []) {
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      if (lon < west) west = lon;
      if (lon > east) east = lon;
    }
  return { south, west, north, east };
}

/** The point on the shape's edges nearest to `p`, and its distance in metres (0 on an edge). */
export function nearestOnEdge(shape: Shape, p: LatLon): LatLon & { distanceM: number } {
  const [px, py] = toKm([p.lon, p.lat]);
  let best = { d: Infinity, x: px, y: py };
  for (const polygon of shape)
    for (const ring of polygon)
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = toKm(ring[i - 1]!);
        const [bx, by] = toKm(ring[i]!);
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        const x = ax + t * dx;
        const y = ay + t * dy;
        const d = Math.hypot(px - x, py - y);
        if (d < best.d) best = { d, x, y };
      }
  const [lon, lat] = fromKm([best.x, best.y]);
  return { lat, lon, distanceM: best.d * 1000 };
}

/** Distance from a point to the nearest edge of the shape, in metres (0 on an edge). */
export function distanceToEdgeM(shape: Shape, p: LatLon): number {
  return nearestOnEdge(shape, p).distanceM;
}

/** A label point and the radius of the largest circle around it that stays inside the polygon. */
export interface LabelPoint extends LatLon {
  /** Radius of that circle, km: how much room a label has. */
  roomKm: number;
}

/**
 * Where to write a shape's name: the "pole of inaccessibility" of its largest part (polylabel), the
 * point inside farthest from every edge. Unlike a centroid, it is always inside, also for a C-shaped
 * district. `precisionKm` is how close to the true pole the search goes.
 */
export function labelPoint(shape: Shape, precisionKm = 0.02): LabelPoint {
  const largest = [...shape].sort((a, b) => polygonAreaKm2(b) - polygonAreaKm2(a))[0];
  if (!largest) throw new Error('labelPoint: empty shape');
  const km = largest.map((ring) => ring.map(toKm));
  const found = polylabel(km, precisionKm) as [number, number] & { distance: number };
  const [lon, lat] = fromKm([found[0], found[1]]);
  return { lat, lon, roomKm: found.distance };
}

/** A rectangle in some plane: x grows to the right, y downwards or upwards, it does not matter here. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type XY = [number, number];

/**
 * Sutherland–Hodgman: the part of a closed ring inside a rectangle. For a concave ring the result may
 * run along the rectangle's edge between two pieces; callers clip to a rectangle slightly larger than
 * what is shown, so those edges fall outside the picture. Returns [] when nothing is inside.
 */
export function clipRing(ring: readonly XY[], r: Rect): XY[] {
  const edges: Array<[(p: XY) => boolean, (a: XY, b: XY) => XY]> = [
    [(p) => p[0] >= r.x0, (a, b) => [r.x0, a[1] + ((b[1] - a[1]) * (r.x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= r.x1, (a, b) => [r.x1, a[1] + ((b[1] - a[1]) * (r.x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= r.y0, (a, b) => [a[0] + ((b[0] - a[0]) * (r.y0 - a[1])) / (b[1] - a[1]), r.y0]],
    [(p) => p[1] <= r.y1, (a, b) => [a[0] + ((b[0] - a[0]) * (r.y1 - a[1])) / (b[1] - a[1]), r.y1]],
  ];
  // Work on the open ring (without the repeated first point).
  let out: XY[] = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : [...ring];
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (out.length === 0) return [];
  }
  return out.length >= 3 ? out : [];
}
