// Astro's incremental build is on only where the share images are many (astro.config.mjs): up to
// PROJECT_IMAGES_UP_TO projects. Beyond that it cost a 10,000-project build memory for some fifty images.
import { describe, expect, test } from 'vitest';
import config from '../../astro.config.mjs';
import { projectCount } from '../../scripts/build-flags.mjs';
import { PROJECT_IMAGES_UP_TO } from '../../src/lib/share-card.ts';

describe("Astro's incremental build", () => {
  test('is on for the real content, whose projects each have share images', () => {
    const count = projectCount(process.cwd());
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(PROJECT_IMAGES_UP_TO);
    expect(config.experimental?.incrementalBuild).toBe(true);
  });
});
