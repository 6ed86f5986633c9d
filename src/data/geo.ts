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
import { OUTLINES_FILE, SIMPLIFY_M, pointsOutsideOutlines, simplifyOutlines, type Outlines } from '../lib/outlines.ts';
import { OUTLINE_CACHE_ENV, keepOutlines, keptOutlines, outlineKey } from '../lib/outline-cache.ts';
import { getProjectRecords } from './content.ts';
import { outlinesMadeAhead } from './build-workers.ts';
import { once } from '~/lib/once.ts';

/**
 * The simplified outlines, the city's edge and the credit line; computed on first use, then shared.
 * A build after the first takes them as an earlier build kept them (src/lib/outline-cache.ts), for
 * the same file and code. Otherwise `astro build` has them simplified on a worker while it bundles
 * the site (drawAhead in src/data/build-workers.ts), from the same file's text, and keeps them. Stops
 * the build when a located project's point lies outside its district's outline, since its mark would
 * be drawn in the wrong place.
 */
export const getOutlines = once(async (): Promise<Outlines> => {
  const text = await readFile(join(process.cwd(), OUTLINES_FILE), 'utf8');
  const dir = process.env[OUTLINE_CACHE_ENV];
  const key = dir ? outlineKey(process.cwd(), text, SIMPLIFY_M) : undefined;
  let outlines = dir && key ? keptOutlines(dir, key) : undefined;
  if (!outlines) {
    const ahead = outlinesMadeAhead(text);
    outlines = await (ahead ? ahead.catch(() => simplifyOutlines(text, OUTLINES_FILE)) : simplifyOutlines(text, OUTLINES_FILE));
    if (dir && key) keepOutlines(dir, key, outlines);
  }
  const problems = pointsOutsideOutlines(await getProjectRecords(), outlines);
  if (problems.length) throw new Error(`${problems.length} located project(s) outside their district:\n${problems.join('\n')}`);
  return outlines;
});
