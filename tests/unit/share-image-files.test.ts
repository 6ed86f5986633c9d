/**
 * `astro build` writes the share images itself (src/integrations/share-image-files.ts): the /og/
 * endpoint lists them (listShareImageFiles) instead of giving Astro their paths, and once the pages are
 * written each image goes to the file Astro would have written for its path, drawn now or taken from
 * the kept images. The built site's images are checked against every page's og:image in
 * tests/unit/early-share-images.test.ts and served in tests/e2e/social.spec.ts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import config from '../../astro.config.mjs';
import { listShareImageFiles, writeShareImageFiles } from '../../src/data/build-workers.ts';
import { CACHE_ENV, cacheKey, drawingFingerprint } from '../../src/lib/share-image-cache.ts';
import { renderPng } from '../../src/lib/share-image.ts';
import { tempDir } from './temp-dir.ts';
import { forgetBuildWorkerState } from './build-workers-state.ts';

// The build workers' state is shared with the next test file (tests/unit/build-workers-state.ts).
afterAll(forgetBuildWorkerState);

const card = (title: string) => ({ kicker: 'Fixture', title, stats: [], footer: 'Data as of 5 November 2025' });

describe('the share images a build writes', () => {
  test('with nothing listed, the build stops instead of passing without its images', async () => {
    await expect(writeShareImageFiles(tempDir('og-out'))).rejects.toThrow(/listed none/);
  });

  test('each listed image is written where Astro would have written its path, drawn or kept', async () => {
    vi.stubEnv(CACHE_ENV, tempDir('og-kept'));
    try {
      const drawn = card('Drawn in this build');
      const kept = card('Kept from an earlier build');
      // A kept image stands for the card (its key is the card and the drawing code): it is copied, not drawn.
      writeFileSync(join(process.env[CACHE_ENV]!, `${cacheKey(drawingFingerprint(process.cwd())!, kept)}.png`), 'kept png');
      listShareImageFiles([
        { file: 'og/ru/index.png', card: drawn },
        { file: 'og/kk/project-a.png', card: kept },
      ]);
      const out = tempDir('og-out');
      expect(await writeShareImageFiles(out)).toBe(2);
      expect(readdirSync(join(out, 'og')).sort()).toEqual(['kk', 'ru']);
      expect(readFileSync(join(out, 'og/ru/index.png')).equals(Buffer.from(await renderPng(drawn)))).toBe(true);
      expect(readFileSync(join(out, 'og/kk/project-a.png'), 'utf8')).toBe('kept png');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test("Astro's incremental build is off: no route gives its paths a cache key any more", () => {
    expect(config.experimental?.incrementalBuild ?? false).toBe(false);
  });
});
