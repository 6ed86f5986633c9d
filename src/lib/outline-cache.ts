/**
 * The simplified district outlines kept between builds, as share images are (src/lib/share-image-cache.ts).
 *
 * Simplifying content/geo/districts-osm.geojson (src/lib/outlines.ts) took 0.46-0.54 s of the main
 * thread in every build after the first (loading mapshaper, two runs of it, the label points), for a
 * result that changes only when the file or the code that simplifies it does. The result, 64 KB of
 * JSON, is kept under the SHA-256 of the file's text, the simplification's level, the code (outlines.ts,
 * shapes.ts, and vocabulary.ts for the districts' order) and the versions of mapshaper and polylabel, so
 * a change to any of them gets a new key and is simplified again: kept outlines are always the
 * outlines the build would make. The folder is in Astro's cache folder (src/integrations/
 * share-image-cache.ts sets it), which a fresh clone does not have.
 *
 * Node only. Reading is synchronous: one small file, once per build.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DISTRICT_SLUGS } from './vocabulary.ts';
import type { Outlines } from './outlines.ts';

/** Where the outlines are kept, set by the integration for the build's process. */
export const OUTLINE_CACHE_ENV = 'ALMATY_OUTLINE_CACHE';

/** The files whose content decides the simplified outlines, relative to the project root. */
const OUTLINE_SOURCES = ['src/lib/outlines.ts', 'src/lib/shapes.ts', 'src/lib/vocabulary.ts'];
/** The packages that compute them, by version. */
const OUTLINE_PACKAGES = ['mapshaper', 'polylabel'];

/**
 * The key of the outlines simplified from `text` at `level` metres; undefined when a source file or
 * package cannot be read (then nothing is kept, rather than risk stale outlines).
 */
export function outlineKey(root: string, text: string, level: number): string | undefined {
  try {
    const require = createRequire(join(root, 'package.json'));
    const hash = createHash('sha256');
    for (const file of OUTLINE_SOURCES) hash.update(file).update(readFileSync(join(root, file)));
    for (const name of OUTLINE_PACKAGES) hash.update(name).update(String((require(`${name}/package.json`) as { version: string }).version));
    return hash.update(String(level)).update(text).digest('hex').slice(0, 32);
  } catch {
    return undefined;
  }
}

/** Whether a parsed file looks like what keepOutlines wrote: every district once, the city's edge, the credit. */
function isOutlines(value: unknown): value is Outlines {
  const o = value as Partial<Outlines> | null;
  return (
    !!o &&
    Array.isArray(o.districts) &&
    o.districts.length === DISTRICT_SLUGS.length &&
    DISTRICT_SLUGS.every((slug) => o.districts!.filter((d) => d?.slug === slug).length === 1) &&
    Array.isArray(o.city) &&
    Array.isArray(o.cityCoarse) &&
    typeof o.attribution === 'string'
  );
}

/** The outlines kept under `key` in `dir`, if there are any and they read back whole. */
export function keptOutlines(dir: string, key: string): Outlines | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8'));
    return isOutlines(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps `outlines` under `key` in `dir`, and deletes the outlines kept under other keys: only the
 * current file and code are ever asked for again. Written whole under a name of its own, then renamed,
 * so a build running at the same time never reads half a file. A folder that cannot be written only
 * makes the next build slower.
 */
export function keepOutlines(dir: string, key: string, outlines: Outlines): void {
  try {
    mkdirSync(dir, { recursive: true });
    const part = join(dir, `${key}.json.${process.pid}.part`);
    writeFileSync(part, JSON.stringify(outlines));
    renameSync(part, join(dir, `${key}.json`));
    for (const name of readdirSync(dir)) {
      if (name !== `${key}.json` && name.endsWith('.json')) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // Nothing kept: the next build simplifies again.
  }
}
