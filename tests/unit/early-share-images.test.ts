/**
 * The share images drawn ahead (src/integrations/early-share-images.ts, drawAhead in
 * src/data/build-workers.ts): the cards worked out from what the content check read must be the cards
 * the /og/ endpoint lists, or the workers draw every card twice; the cards without a map come first;
 * the outlines simplified on a worker are the outlines, and a card drawn ahead is the card's image.
 *
 * The comparison with the endpoint reads dist/ (og:image and og:image:alt of every page), so it needs a
 * build: `npm test` builds before the unit tests. Run alone without a build, that part is skipped.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { checkFolder } from '../../src/integrations/content-problems.ts';
import { contentFromCheck, worthDrawingAhead } from '../../src/integrations/early-share-images.ts';
import type { CheckedContent } from '../../src/integrations/content-problems-state.ts';
import { shareImageList, type ShareContent } from '../../src/lib/share-images.ts';
import { OUTLINES_FILE, simplifyOutlines } from '../../src/lib/outlines.ts';
import { sortProjects } from '../../src/lib/projects.ts';
import { DISTRICT_SLUGS } from '../../src/lib/vocabulary.ts';
import { drawAhead, drawShareImage, outlinesMadeAhead, prepareShareImages, unaskedAhead } from '../../src/data/build-workers.ts';
import { CACHE_ENV, cacheKey, drawingFingerprint } from '../../src/lib/share-image-cache.ts';
import { renderPng } from '../../src/lib/share-image.ts';
import { tempDir } from './temp-dir.ts';
import { forgetBuildWorkerState } from './build-workers-state.ts';

// The build workers' state is shared with the next test file (tests/unit/build-workers-state.ts).
afterAll(forgetBuildWorkerState);

/** What the content check keeps of a folder, by absolute path, as the build's integration finds it. */
function checked(dir: string): Map<string, CheckedContent> {
  const kept = new Map<string, CheckedContent>();
  const result = checkFolder(dir, process.cwd(), ({ file, front, data, valid }) => kept.set(resolve(file.path), { text: file.text, front, data, valid }));
  expect(result.issues).toEqual([]);
  return kept;
}

const REAL = resolve('content');
const outlinesText = readFileSync(OUTLINES_FILE, 'utf8');
const cardsOf = (list: ReturnType<typeof shareImageList>) => list.map((i) => JSON.stringify(i.card));

describe('contentFromCheck', () => {
  const content = contentFromCheck(checked(REAL), REAL)!;

  test('every project, district and article the check read, in the order the site lists them', () => {
    expect(content.projects.length).toBe(checkFolder(REAL).files - content.districts.length - content.news.length - content.considered.length);
    expect(content.projects.map((p) => p.id)).toEqual(sortProjects(content.projects).map((p) => p.id));
    expect(content.districts.map((d) => d.id)).toEqual([...DISTRICT_SLUGS]);
    // The article's data as the build's schema gives it, dates as dates.
    expect(content.news.every((n) => n.data.published instanceof Date)).toBe(true);
    expect(content.news.some((n) => n.data.claims)).toBe(true);
  });

  test('nothing when the check kept nothing, or there is no article', () => {
    expect(contentFromCheck(new Map(), REAL)).toBeUndefined();
    const withoutNews = new Map([...checked(REAL)].filter(([path]) => !path.includes('/news/')));
    expect(contentFromCheck(withoutNews, REAL)).toBeUndefined();
  });

  test('worth it only where the workers draw the cards: three per project, up to the projects that have images', () => {
    const some = (n: number): ShareContent => ({ ...content, projects: Array.from({ length: n }, () => content.projects[0]!) });
    expect(worthDrawingAhead(content, undefined)).toBe(true);
    expect(worthDrawingAhead(some(33), undefined)).toBe(false);
    expect(worthDrawingAhead(some(34), undefined)).toBe(true);
    expect(worthDrawingAhead(some(301), undefined)).toBe(false);
  });

  test('and only in a first build: not where an earlier build kept its images', () => {
    const cache = tempDir('early-cache');
    expect(worthDrawingAhead(content, join(cache, 'not-made-yet'))).toBe(true);
    expect(worthDrawingAhead(content, cache)).toBe(true);
    // A write a build left half done is not an image.
    writeFileSync(join(cache, 'a.png.1.0.part'), 'x');
    expect(worthDrawingAhead(content, cache)).toBe(true);
    writeFileSync(join(cache, 'a.png'), 'x');
    expect(worthDrawingAhead(content, cache)).toBe(false);
  });
});

describe('shareImageList', () => {
  const content = contentFromCheck(checked(REAL), REAL)!;

  test('without outlines: exactly the images that have no map, the same cards as in the full list', async () => {
    const full = shareImageList(content, await simplifyOutlines(outlinesText));
    const first = shareImageList(content, null);
    expect(first.every((i) => !i.card.map)).toBe(true);
    expect(cardsOf(first)).toEqual(cardsOf(full.filter((i) => !i.card.map)));
    // Both halves are drawn: the maps of the districts and of the located projects come second.
    expect(full.filter((i) => i.card.map).length).toBeGreaterThan(0);
    expect(first.length).toBeGreaterThan(full.length / 2);
  });
});

const built = existsSync(join('dist', 'index.html'));
if (!built) console.warn('tests/unit/early-share-images.test.ts: no build in dist/, the comparison with the built pages is skipped');

/** The content of a page's <meta property="…">, unescaped. */
function meta(html: string, property: string): string | undefined {
  const raw = new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1];
  return raw?.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe.skipIf(!built)('the cards drawn ahead are the built site’s cards', () => {
  test('every page of the early list shows that image, with that alt text', async () => {
    const list = shareImageList(contentFromCheck(checked(REAL), REAL)!, await simplifyOutlines(outlinesText));
    expect(list.length).toBeGreaterThan(100);
    let pages = 0;
    for (const image of list) {
      expect(existsSync(join('dist', image.src)), image.src).toBe(true);
      for (const page of image.pages) {
        const html = readFileSync(join('dist', page, 'index.html'), 'utf8');
        expect(new URL(meta(html, 'og:image') ?? '').pathname, page).toBe(image.src);
        expect(meta(html, 'og:image:alt'), page).toBe(image.alt);
        pages += 1;
      }
    }
    expect(pages).toBeGreaterThan(list.length);
  });
});

describe('drawAhead', () => {
  // The valid fixture: few projects, so that the workers draw few cards.
  const dir = resolve('tests/fixtures/content/valid');
  const content = contentFromCheck(checked(dir), dir)!;

  test('the outlines made ahead are the outlines, for that text only; a card drawn ahead is its image', async () => {
    drawAhead(content, outlinesText, OUTLINES_FILE);
    expect(outlinesMadeAhead(`${outlinesText} `)).toBeUndefined();
    const ahead = await outlinesMadeAhead(outlinesText)!;
    const outlines = await simplifyOutlines(outlinesText);
    expect(ahead).toEqual(outlines);
    // Every card of the list was handed to the workers, the ones without a map and then the rest
    // (by the time the outlines are back), and none has been asked for.
    const cards = shareImageList(content, outlines).map((i) => i.card);
    expect(unaskedAhead()).toBe(cards.length);
    // A card from the endpoint's own list (here: the same code, on this thread) finds its image drawn.
    const withMap = cards.find((c) => c.map)!;
    const png = drawShareImage(structuredClone(withMap));
    expect(unaskedAhead()).toBe(cards.length - 1);
    expect(drawShareImage(structuredClone(withMap))).toBe(png);
    expect(Buffer.from(await png).equals(Buffer.from(await renderPng(withMap)))).toBe(true);
    // The endpoint's list counts as asking: in a build, the images are written from that list after the
    // pages (src/integrations/share-image-files.ts). Here every card has a kept image, so none is drawn
    // or read on listing.
    vi.stubEnv(CACHE_ENV, tempDir('kept'));
    try {
      const fingerprint = drawingFingerprint(process.cwd())!;
      for (const c of cards) writeFileSync(join(process.env[CACHE_ENV]!, `${cacheKey(fingerprint, c)}.png`), 'png');
      prepareShareImages(cards.map((c) => structuredClone(c)));
      expect(unaskedAhead()).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
  }, 30_000);
});
