/**
 * The district outlines for pages and files: content/geo/districts-osm.geojson (OpenStreetMap, ODbL),
 * simplified once per build by src/lib/outlines.ts, and checked once against the located projects.
 *
 * The file is read from the project's own content/geo folder even when CONTENT_DIR points the
 * collections at a fixture folder: the outlines are reference geography that every build needs, not
 * content an editor (or a test) varies.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OSM_CREDIT, pointsOutsideOutlines, simplifyOutlines, type Outlines } from '../lib/outlines.ts';
import { unionBounds } from '../lib/geo.ts';
import { cityMap, modelToSvg } from '../lib/static-map.ts';
import { getProjectRecords } from './content.ts';
import { once } from '~/lib/once.ts';

export const OUTLINES_FILE = 'content/geo/districts-osm.geojson';

/**
 * The simplified outlines, the city's edge and the credit line; computed on first use, then shared.
 * Stops the build when a located project's point lies outside its district's outline, since its mark
 * would be drawn in the wrong place.
 */
export const getOutlines = once(async (): Promise<Outlines> => {
  const outlines = await simplifyOutlines(await readFile(join(process.cwd(), OUTLINES_FILE), 'utf8'), OUTLINES_FILE);
  const problems = pointsOutsideOutlines(await getProjectRecords(), outlines);
  if (problems.length) throw new Error(`${problems.length} located project(s) outside their district:\n${problems.join('\n')}`);
  return outlines;
});

/**
 * The city with one district highlighted, as a self-contained SVG for that district's share image,
 * with the credit the outlines' licence asks for (the card prints it under the picture).
 */
export async function districtInCity(slug: string): Promise<{ svg: string; width: number; height: number; credit: string }> {
  const outlines = await getOutlines();
  const model = cityMap({
    districts: outlines.districts.map((o) => ({ ...o, name: o.slug, count: 0 })),
    city: outlines.cityCoarse,
    bounds: unionBounds(outlines.districts.map((o) => o.bounds))!,
    points: [],
    bare: true,
    highlight: slug,
  });
  return { svg: modelToSvg(model), width: model.width, height: model.height, credit: OSM_CREDIT };
}
