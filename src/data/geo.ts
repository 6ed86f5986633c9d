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
import { OUTLINES_FILE, pointsOutsideOutlines, simplifyOutlines, type Outlines } from '../lib/outlines.ts';
import { getProjectRecords } from './content.ts';
import { outlinesMadeAhead } from './build-workers.ts';
import { once } from '~/lib/once.ts';

/**
 * The simplified outlines, the city's edge and the credit line; computed on first use, then shared.
 * `astro build` has them simplified on a worker while it bundles the site (drawAhead in
 * src/data/build-workers.ts), from the same file's text. Stops the build when a located project's
 * point lies outside its district's outline, since its mark would be drawn in the wrong place.
 */
export const getOutlines = once(async (): Promise<Outlines> => {
  const text = await readFile(join(process.cwd(), OUTLINES_FILE), 'utf8');
  const ahead = outlinesMadeAhead(text);
  const outlines = await (ahead ? ahead.catch(() => simplifyOutlines(text, OUTLINES_FILE)) : simplifyOutlines(text, OUTLINES_FILE));
  const problems = pointsOutsideOutlines(await getProjectRecords(), outlines);
  if (problems.length) throw new Error(`${problems.length} located project(s) outside their district:\n${problems.join('\n')}`);
  return outlines;
});
