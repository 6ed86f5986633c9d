/**
 * Share images kept between builds. Drawing a card costs about 9 ms of CPU (src/lib/share-image.ts),
 * and the real content has some two hundred: a fifth of a build's CPU time, although a build after an
 * edit changes only a few cards. Each PNG is stored under the SHA-256 of its card and of what draws
 * it (the drawing code, the fonts and the libraries' versions), so a card that changed, or a change
 * to the drawing, gets a new key and is drawn again: a kept image is always the image the build would
 * draw. The folder lives in Astro's cache folder (src/integrations/share-image-cache.ts), which a fresh
 * clone does not have: its first build draws every card.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Astro's cache folder, as astro.config.mjs sets it, relative to the project root: ASTRO_CACHE_DIR (the
 * tests' hostile builds and the benchmark give their own), else node_modules/.astro.
 */
export const cacheDirSetting = (env: Record<string, string | undefined>) => env['ASTRO_CACHE_DIR'] ?? './node_modules/.astro';

/** The kept images' folder inside Astro's cache folder `cacheDir` (a path). */
export const keptImagesDir = (cacheDir: string) => join(cacheDir, 'share-images');

/** Where the images are kept, set by the integration for the build's process (and its workers). */
export const CACHE_ENV = 'ALMATY_SHARE_IMAGE_CACHE';

/** The files whose content decides how a card is drawn, relative to the project root. */
const DRAWING_SOURCES = ['src/lib/share-image.ts', 'src/lib/share-card.ts', 'src/lib/png.ts'];
/** The packages that draw it, by version. */
const DRAWING_PACKAGES = ['@napi-rs/canvas', '@fontsource/noto-sans'];

/**
 * What draws a card, as one hash; undefined when a source file cannot be read (then nothing is kept,
 * rather than risk a stale image).
 */
export function drawingFingerprint(root: string): string | undefined {
  try {
    const require = createRequire(join(root, 'package.json'));
    const hash = createHash('sha256');
    for (const file of DRAWING_SOURCES) hash.update(file).update(readFileSync(join(root, file)));
    for (const name of DRAWING_PACKAGES) hash.update(name).update(String((require(`${name}/package.json`) as { version: string }).version));
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/** The file a card's image is kept in. */
export function cacheKey(fingerprint: string, card: unknown): string {
  return createHash('sha256').update(fingerprint).update(JSON.stringify(card)).digest('hex').slice(0, 32);
}

export interface ImageCache {
  /** Whether an image is kept under `key` (a look at the folder, not a read). */
  has(key: string): boolean;
  get(key: string): Promise<Uint8Array<ArrayBuffer> | undefined>;
  /** Keeps an image; the write goes on in the background (flush waits for it). */
  set(key: string, png: Uint8Array): void;
  /** Waits for every write begun so far. */
  flush(): Promise<void>;
}

/**
 * The cache in `dir`; a kept image that is read gets its time set to now, so that pruning keeps it.
 * Reads and writes go through Node's file thread pool, not the thread that asks: the first build
 * writes some two hundred images while the main thread starts Astro up, and written on it they took
 * about 0.1 s of its time.
 */
export function imageCache(dir: string): ImageCache {
  const path = (key: string) => join(dir, `${key}.png`);
  let made: Promise<unknown> | undefined;
  const writes = new Set<Promise<void>>();
  let written = 0;
  return {
    has(key) {
      return existsSync(path(key));
    },
    async get(key) {
      try {
        const bytes = await readFile(path(key));
        const now = new Date();
        await utimes(path(key), now, now);
        return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as Uint8Array<ArrayBuffer>;
      } catch {
        return undefined;
      }
    },
    set(key, png) {
      const write = (async () => {
        try {
          await (made ??= mkdir(dir, { recursive: true }));
          // Written whole under a name of its own, then renamed: a build running at the same time never
          // reads half an image, and two writes of one image in flight at once (astro dev asked twice)
          // never share a file.
          const part = `${path(key)}.${process.pid}.${threadId}.${(written += 1)}.part`;
          await writeFile(part, png);
          await rename(part, path(key));
        } catch {
          // A cache that cannot be written only makes the next build slower.
        }
      })();
      writes.add(write);
      void write.then(() => writes.delete(write));
    },
    async flush() {
      await Promise.all(writes);
    },
  };
}

/** Whether `dir` holds any kept image: whether an earlier build has drawn cards. */
export function hasKeptImages(dir: string | undefined): boolean {
  return !!dir && existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.png'));
}

/**
 * Deletes the kept images no build has used since `since` (ms) and that are not among `listed` (the
 * keys of the cards this build lists): cards that changed or went away. A listed card's image is kept
 * whether or not this build read it.
 */
export function pruneImages(dir: string, since: number, listed: ReadonlySet<string> = new Set()): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.png') && !name.endsWith('.part')) continue;
    if (name.endsWith('.png') && listed.has(name.slice(0, -'.png'.length))) continue;
    const file = join(dir, name);
    if (statSync(file).mtimeMs < since) {
      rmSync(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
