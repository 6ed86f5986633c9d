/**
 * The eight district outlines, simplified at build time from OpenStreetMap's boundary relations
 * (content/geo/districts-osm.geojson, ODbL).
 *
 * Simplification is mapshaper's (https://github.com/mbloch/mapshaper), which works on the topology:
 * a border two districts share is one line, simplified once, so after simplification the two still
 * meet exactly. Before simplifying, two repairs make the topology whole:
 * - `snap` merges vertices closer than SNAP_DEG (about 20 m), so borders drawn as different OSM ways
 *   with nearly equal points become one line;
 * - `-clean` gives the thin slivers between neighbours (where two relations do not share ways, about
 *   0.5 km² in total) to an adjacent district, so the outlines neither overlap nor leave gaps.
 * Then `-simplify` (Visvalingam, weighted) drops detail finer than SIMPLIFY_M metres and `-dissolve`
 * derives the city's edge from the same simplified lines.
 *
 * Node only (mapshaper, loaded when simplifying, is a build-time dependency); pages get the result
 * through src/data/geo.ts, and the browser never loads this module.
 */
import { DISTRICT_SLUGS, byDistrictOrder, type DistrictSlug } from './vocabulary.ts';
import { distanceToEdgeM, labelPoint, shapeAreaKm2, shapeBounds, shapeContains, shapeOf, type LabelPoint, type Shape } from './shapes.ts';
import type { Bounds } from './geo.ts';

/** The outlines' file, from the project root (src/data/geo.ts reads it for every build). */
export const OUTLINES_FILE = 'content/geo/districts-osm.geojson';

/** The credit OpenStreetMap's licence requires wherever the outlines are shown or passed on. */
export const OSM_CREDIT = '© OpenStreetMap contributors';
export const OSM_COPYRIGHT_URL = 'https://www.openstreetmap.org/copyright';
export const OUTLINE_LICENCE = 'ODbL-1.0';
export const OUTLINE_LICENCE_URL = 'https://opendatacommons.org/licenses/odbl/1-0/';

/** Vertices closer than this (degrees, ≈ 20 m) are merged before the topology is built. */
export const SNAP_DEG = 0.0002;
/** Slivers between neighbours up to this area are given to a neighbour. */
export const GAP_FILL_KM2 = 1;
/** Detail finer than this (metres) is simplified away: about 3 px on a district map, finer than the tiles' streets at zoom 14. */
export const SIMPLIFY_M = 40;
/** The coarser level for the whole city (city maps, share images): about 2 px at the city map's scale. */
export const SIMPLIFY_CITY_M = 120;

export interface DistrictOutline {
  slug: DistrictSlug;
  /** The OpenStreetMap relation the outline comes from (https://www.openstreetmap.org/relation/<id>). */
  osmId: number;
  /** The simplified outline, [lon, lat]. */
  shape: Shape;
  /** The same outline simplified for a picture of the whole city (SIMPLIFY_CITY_M). */
  coarse: Shape;
  /** Where its name goes: inside, as far from the edges as possible. */
  label: LabelPoint;
  bounds: Bounds;
  /** Area of the simplified outline, km² (for checks; the page shows the sourced area). */
  areaKm2: number;
}

export interface Outlines {
  districts: DistrictOutline[];
  /** The city's edge: the union of the eight simplified outlines. */
  city: Shape;
  /** The city's edge at the coarser level. */
  cityCoarse: Shape;
  /** Credit line from the source file, e.g. "Boundary data © OpenStreetMap contributors, …". */
  attribution: string;
}

/** The source file names districts in English ("Zhetysu"); the site uses slugs ("zhetysu"). */
function slugOf(name: unknown, file: string): DistrictSlug {
  const slug = String(name ?? '').toLowerCase();
  const found = DISTRICT_SLUGS.find((s) => s === slug);
  if (!found) throw new Error(`${file}: feature with district "${String(name)}" is none of ${DISTRICT_SLUGS.join(', ')}`);
  return found;
}

interface RawFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

/** Reads mapshaper's output for one layer: a FeatureCollection or a GeometryCollection. */
function featuresOf(text: string | Uint8Array | undefined): RawFeature[] {
  if (text === undefined) return [];
  const json = JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text)) as {
    features?: RawFeature[];
    geometries?: RawFeature['geometry'][];
  };
  if (json.features) return json.features;
  return (json.geometries ?? []).map((geometry) => ({ type: 'Feature', properties: {}, geometry }));
}

/**
 * Simplifies the OSM outlines. `text` is the GeoJSON file's content, `file` its path for error
 * messages. Throws when a district is missing or appears twice, so a broken data file stops the build.
 */
export async function simplifyOutlines(text: string, file = OUTLINES_FILE, simplifyM = SIMPLIFY_M): Promise<Outlines> {
  const source = JSON.parse(text) as { attribution?: unknown };
  const [fine, coarse] = await Promise.all([simplify(text, file, simplifyM), simplify(text, file, SIMPLIFY_CITY_M)]);
  const districts = fine.districts.map((f): DistrictOutline => {
    const shape = shapeOf(f.geometry);
    const c = coarse.districts.find((x) => x.properties['district'] === f.properties['district']);
    return {
      slug: slugOf(f.properties['district'], file),
      osmId: Number(f.properties['osm_id']),
      shape,
      coarse: c ? shapeOf(c.geometry) : shape,
      label: labelPoint(shape),
      bounds: shapeBounds(shape),
      areaKm2: shapeAreaKm2(shape),
    };
  });
  for (const slug of DISTRICT_SLUGS) {
    const n = districts.filter((d) => d.slug === slug).length;
    if (n !== 1) throw new Error(`${file}: district "${slug}" appears ${n} times; expected exactly once`);
  }
  // In the vocabulary's order, so every map and file lists districts the same way.
  districts.sort((a, b) => byDistrictOrder(a.slug, b.slug));
  return {
    districts,
    city: fine.city.flatMap((f) => shapeOf(f.geometry)),
    cityCoarse: coarse.city.flatMap((f) => shapeOf(f.geometry)),
    attribution: typeof source.attribution === 'string' ? source.attribution : `Boundary data ${OSM_CREDIT}, ODbL 1.0, ${OSM_COPYRIGHT_URL}`,
  };
}

/** One mapshaper run: repair, simplify to `metres`, dissolve into the city's edge. */
async function simplify(text: string, file: string, metres: number): Promise<{ districts: RawFeature[]; city: RawFeature[] }> {
  const commands = [
    `-i districts.json snap snap-interval=${SNAP_DEG}`,
    `-clean gap-fill-area=${GAP_FILL_KM2}km2`,
    `-simplify interval=${metres} keep-shapes`,
    '-dissolve + name=city',
    // About 1 m: finer than any simplified vertex means, and it keeps the files small.
    '-o format=geojson precision=0.00001 target=*',
  ].join(' ');
  // Loaded here, on first use: most of what imports this module (the share images' list before the
  // outlines exist, OSM_CREDIT) never simplifies, and mapshaper takes a tenth of a second to load.
  const { default: mapshaper } = await import('mapshaper');
  let out: Record<string, string | Uint8Array>;
  try {
    out = await mapshaper.applyCommands(commands, { 'districts.json': text });
  } catch (e) {
    throw new Error(`${file}: mapshaper could not simplify the outlines: ${(e as Error).message}`);
  }
  return { districts: featuresOf(out['districts.json']), city: featuresOf(out['city.json']) };
}

/** One district's outline; throws with the slug when it is missing. */
export function outlineOf(outlines: Outlines, slug: string): DistrictOutline {
  const found = outlines.districts.find((d) => d.slug === slug);
  if (!found) throw new Error(`no outline for district "${slug}"`);
  return found;
}

/** How far outside its district's simplified outline a stated point may lie: the simplification's own tolerance. */
export const OUTSIDE_TOLERANCE_M = 50;

/**
 * Located projects whose point lies outside their district's outline (beyond OUTSIDE_TOLERANCE_M),
 * as messages for editors. A point there is either in another district (the `district` field or
 * the coordinates are wrong, e.g. lat and lon swapped) or outside the city; its mark would be drawn
 * outside the outline on the district map.
 */
export function pointsOutsideOutlines(
  projects: ReadonlyArray<{ id: string; district?: string | undefined; location?: { lat: number; lon: number } | undefined }>,
  outlines: Outlines,
): string[] {
  const problems: string[] = [];
  for (const p of projects) {
    if (!p.location || !p.district) continue;
    const own = outlines.districts.find((d) => d.slug === p.district);
    if (!own || shapeContains(own.shape, p.location)) continue;
    const off = distanceToEdgeM(own.shape, p.location);
    if (off <= OUTSIDE_TOLERANCE_M) continue;
    const inside = outlines.districts.find((d) => shapeContains(d.shape, p.location!));
    problems.push(
      `content/projects/${p.id}.md: location: the point (lat ${p.location.lat}, lon ${p.location.lon}) lies ${Math.round(off)} m outside the outline of district "${p.district}"` +
        (inside ? `, inside "${inside.slug}"` : ', outside the city') +
        '. Check the coordinates (are lat and lon swapped?) and the district against the source.',
    );
  }
  return problems;
}
