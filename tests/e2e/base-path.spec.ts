// The site hosted under a sub-path. `npm test` builds it with BASE_PATH=/almaty-projects/ and 1,000
// synthetic projects (scripts/bench/synthetic.mjs, written outside content/) into dist-base/, and
// serves it here under /almaty-projects/ as a newsroom's host would. A reader walking through it must
// never request anything outside the base or get a 404; the addresses the site hands out (canonical,
// share image, feeds, sitemap, robots.txt, embed code, citation) carry the base; and at 1,000 projects
// the index is paged, so its filter fetches the filter index under the base and "download this view"
// exports every match, not only the ones on screen.
import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { serve } from './support/static-server.ts';

const ROOT = 'dist-base';
const BASE = '/almaty-projects/';
const path = (url: string) => new URL(url).pathname;
// A 1×1 transparent PNG: map tiles "load" without the network.
const BLANK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface ProjectRow {
  id: string;
  category: string;
}

test.describe('the site under a base path', () => {
  test.skip(!existsSync(ROOT), 'dist-base/ is built by `npm test` (see scripts/test-all.mjs)');
  let server: Awaited<ReturnType<typeof serve>>;
  let records: ProjectRow[];
  test.beforeAll(async () => {
    server = await serve(ROOT, { base: BASE });
    records = (await (await fetch(`${server.url}${BASE}data/projects.json`)).json()).projects;
  });
  test.afterAll(async () => server.close());

  /** Every request the page makes to this site, and every one that failed. */
  function watch(page: Page) {
    const outside: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(server.url) && !path(r.url()).startsWith(BASE)) outside.push(r.url());
    });
    page.on('response', (r) => {
      if (r.url().startsWith(server.url) && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    return { outside, failed };
  }

  test('a reader walks from the home page to a project and to Kazakh, and every request stays under the base', async ({ page }) => {
    await page.route(/tile\.openstreetmap\.org/, (route) => route.fulfill({ contentType: 'image/png', body: BLANK_PNG }));
    const seen = watch(page);
    await page.goto(`${server.url}${BASE}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Основная навигация' });
    await nav.getByRole('link', { name: 'Районы' }).click();
    await expect(page).toHaveURL(`${server.url}${BASE}districts/`);
    await page.getByRole('table', { name: 'Проекты по районам и категориям' }).getByRole('link', { name: 'Медеуский район' }).click();
    await expect(page).toHaveURL(`${server.url}${BASE}districts/medeu/`);
    // The static map's marks link under the base; the street map's script and stylesheet load from
    // under it when the reader asks for it.
    const marks = await page.locator('svg.sm a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((h) => h.startsWith(BASE))).toBe(true);
    await page.getByRole('button', { name: 'Показать на карте улиц' }).click();
    await expect(page.locator('project-map[data-ready]').first()).toBeAttached();
    const first = page.getByRole('region', { name: /Проекты района в открытых источниках/ }).getByRole('listitem').first().getByRole('link');
    await first.click();
    await expect(page).toHaveURL(new RegExp(`^${server.url}${BASE}projects/syn-\\d+/$`));
    await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'Қазақша' }).click();
    await expect(page).toHaveURL(new RegExp(`^${server.url}${BASE}kk/projects/syn-\\d+/$`));
    await page.getByRole('navigation', { name: 'Негізгі навигация' }).getByRole('link', { name: 'Деректер' }).click();
    await expect(page).toHaveURL(`${server.url}${BASE}kk/data/`);
    expect(seen.outside).toEqual([]);
    expect(seen.failed).toEqual([]);
  });

  test('hands out addresses with the base: canonical, share image, feed, sitemap, favicon, embed code, citation', async ({ page }) => {
    await page.goto(`${server.url}${BASE}districts/medeu/`);
    const head = (selector: string, attr: string) => page.locator(selector).first().getAttribute(attr);
    expect(path((await head('link[rel="canonical"]', 'href'))!)).toBe(`${BASE}districts/medeu/`);
    expect(path((await head('meta[property="og:image"]', 'content'))!)).toBe(`${BASE}og/ru/district-medeu.png`);
    expect(path((await head('link[type="application/rss+xml"]', 'href'))!)).toBe(`${BASE}rss.xml`);
    expect(await head('link[rel="sitemap"]', 'href')).toBe(`${BASE}sitemap-index.xml`);
    expect(await head('link[rel="icon"]', 'href')).toBe(`${BASE}favicon.png`);
    for (const l of await page.locator('link[rel="alternate"][hreflang]').all()) expect(path((await l.getAttribute('href'))!)).toMatch(new RegExp(`^${BASE}`));
    await page.getByText('Встроить карту района на свой сайт').click();
    const embed = await page.getByRole('textbox', { name: 'Код для вставки' }).inputValue();
    expect(path(/src="([^"]+)"/.exec(embed)![1]!)).toBe(`${BASE}embed/districts/medeu/`);
    await expect(page.getByRole('region', { name: 'Как сослаться' })).toContainText(`${BASE}districts/medeu/`);
    // The share image, the icon and the embed exist where the addresses point.
    for (const p of [`${BASE}og/ru/district-medeu.png`, `${BASE}favicon.png`, `${BASE}embed/districts/medeu/`]) expect((await page.request.get(`${server.url}${p}`)).status(), p).toBe(200);
    // The icon is a 32 × 32 PNG (its width and height are the IHDR chunk's first two numbers).
    const icon = await (await page.request.get(`${server.url}${BASE}favicon.png`)).body();
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([32, 32]);
  });

  test('robots.txt, the sitemap, the feeds and the downloads point under the base', async ({ request }) => {
    const get = async (p: string) => {
      const res = await request.get(`${server.url}${p}`);
      expect(res.status(), p).toBe(200);
      return res.text();
    };
    const robots = await get(`${BASE}robots.txt`);
    expect(robots).toContain(`Allow: ${BASE}\n`);
    const sitemap = path(/^Sitemap: (\S+)$/m.exec(robots)![1]!);
    expect(sitemap).toBe(`${BASE}sitemap-index.xml`);
    const index = await get(sitemap);
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => path(m[1]!));
    const urls = (await Promise.all(locs(index).map(get))).flatMap(locs);
    expect(urls.length).toBeGreaterThan(3000);
    expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
    for (const feed of ['rss.xml', 'kk/rss.xml', 'en/rss.xml']) {
      const links = [...(await get(`${BASE}${feed}`)).matchAll(/<link>([^<]+)<\/link>/g)].map((m) => path(m[1]!));
      // The article and one item per status report after it: the synthetic projects repeat the real
      // ones' reports, so hundreds.
      expect(links.length, feed).toBeGreaterThan(100);
      expect(links.filter((l) => !l.startsWith(BASE)), feed).toEqual([]);
    }
    expect(records).toHaveLength(1000);
    for (const r of records as Array<ProjectRow & { url: string }>) expect(path(r.url)).toBe(`${BASE}projects/${r.id}/`);
  });

  test('the paged index filters over the index file under the base, and "download this view" exports every match', async ({ page }) => {
    const seen = watch(page);
    const expected = records.filter((r) => r.category === 'infrastructure').map((r) => r.id);
    // More matches than one batch shows: the download must not be limited to what is on screen.
    expect(expected.length).toBeGreaterThan(100);
    await page.goto(`${server.url}${BASE}projects/?category=infrastructure`);
    await expect(page.getByRole('status')).toHaveText(new RegExp(`Показано: ${expected.length} проект[а-я]* из 1\\s?000`));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать этот список (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('projects-category-infrastructure.csv');
    const text = (await (await download.createReadStream())!.toArray()).map(String).join('');
    const rows: Array<{ [column: string]: string }> = parse(text, { bom: true, columns: true });
    expect(rows.map((r) => r['id'])).toEqual(expected);

    // With no filter, "this view" is every project.
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать этот список (CSV)' }).click()]);
    const allRows: unknown[] = parse((await (await all.createReadStream())!.toArray()).map(String).join(''), { bom: true, columns: true });
    expect(allRows).toHaveLength(1000);
    expect(seen.outside).toEqual([]);
    expect(seen.failed).toEqual([]);
  });
});
