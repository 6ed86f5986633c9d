/**
 * The district outlines for pages and files: content/geo/districts-osm.geojson (OpenStreetMap, ODbL),
 * simplified once per build by src/lib/outlines.ts.
 *
 * The file is read from the project's own content/geo folder even when CONTENT_DIR points the
 * collections at a fixture folder: the outlines are reference geography that every build needs, not
 * content an editor (or a test) varies.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simplifyOutlines, type Outlines } from '../lib/outlines.ts';

export const OUTLINES_FILE = 'content/geo/districts-osm.geojson';

let cache: Promise<Outlines> | undefined;

/** The simplified outlines, the city's edge and the credit line; computed on first use, then shared. */
export function getOutlines(): Promise<Outlines> {
  cache ??= readFile(join(process.cwd(), OUTLINES_FILE), 'utf8').then((text) => simplifyOutlines(text, OUTLINES_FILE));
  return cache;
}
