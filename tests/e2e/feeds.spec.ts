import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { builtPages, loadConsidered, loadProjects } from './content.ts';
import { isFormerProjectPath } from '../../src/lib/sitemap.ts';

// Paths only: the feeds and the sitemap carry absolute URLs on the configured site address, which
// need not be the address the tests run on.
const path = (url: string) => new URL(url).pathname;
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item', 'xhtml:link'].includes(name) });
const projects = loadProjects();

/**
 * Fetches an XML file, checks it is well-formed with the browser's own strict XML parser (a
 * <parsererror> document means it is not), and returns it parsed for reading.
 */
async function fetchXml(request: APIRequestContext, page: Page, url: string) {
  const res = await request.get(url);
  expect(res.ok(), url).toBe(true);
  const text = await res.text();
  const error = await page.evaluate(
    (t) => new DOMParser().parseFromString(t, 'application/xml').querySelector('parsererror')?.textContent ?? null,
    text,
  );
  expect(error, `${url} is well-formed XML`).toBeNull();
  return xml.parse(text);
}

async function sitemapPaths(request: APIRequestContext, page: Page): Promise<string[]> {
  const index = await fetchXml(request, page, '/sitemap-index.xml');
  const maps: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => path(s.loc));
  const urls: Array<{ loc: string }> = [];
  for (const m of maps) urls.push(...(await fetchXml(request, page, m)).urlset.url);
  return urls.map((u) => path(u.loc));
}

test.describe('the sitemap', () => {
  test('is valid XML and lists every built page once, except embeds and former project addresses', async ({ request, page }) => {
    const listed = await sitemapPaths(request, page);
    // A former project's address exists for old links only (noindex), so the sitemap leaves it out.
    const former = new Set(loadConsidered().flatMap((c) => (c.formerId ? [c.formerId] : [])));
    const built = builtPages().filter((p) => !p.split('/').includes('embed') && !isFormerProjectPath(p, former));
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...built].sort());
  });

  test('is named in robots.txt', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(path(robots.match(/^Sitemap: (\S+)$/m)?.[1] ?? 'http://x/')).toBe('/sitemap-index.xml');
  });

  test('gives each page its Russian, Kazakh and English alternates', async ({ request, page }) => {
    const doc = await fetchXml(request, page, '/sitemap-0.xml');
    const medeu = doc.urlset.url.find((u: { loc: string }) => path(u.loc) === '/kk/districts/medeu/');
    const alternates = Object.fromEntries(medeu['xhtml:link'].map((l: Record<string, string>) => [l['@_hreflang'], path(l['@_href'] ?? '')]));
    expect(alternates).toEqual({ 'ru-RU': '/districts/medeu/', 'kk-KZ': '/kk/districts/medeu/', 'en-GB': '/en/districts/medeu/' });
  });
});

test.describe('the RSS feeds', () => {
  for (const [lang, feed] of [
    ['ru', '/rss.xml'],
    ['kk', '/kk/rss.xml'],
    ['en', '/en/rss.xml'],
  ] as const) {
    test(`${feed} is valid RSS 2.0 listing the article and every project page`, async ({ request, page }) => {
      const doc = await fetchXml(request, page, feed);
      expect(doc.rss['@_version']).toBe('2.0');
      const items: Array<{ link: string; title: string; pubDate?: string }> = doc.rss.channel.item;
      const prefix = lang === 'ru' ? '/' : `/${lang}/`;
      const links = items.map((i) => path(i.link));
      expect(links.filter((l) => l.startsWith(`${prefix}news/`))).toHaveLength(1);
      expect(links.filter((l) => l.startsWith(`${prefix}projects/`)).sort()).toEqual(projects.map((p) => `${prefix}projects/${p.id}/`).sort());
      // Every link is a page that exists.
      const pages = new Set(builtPages());
      for (const l of links) expect(pages.has(l), l).toBe(true);
      // A project is dated by its status report, and an undated one carries no invented date.
      for (const p of projects) {
        const item = items.find((i) => path(i.link) === `${prefix}projects/${p.id}/`);
        if (p.status.date) expect(new Date(item?.pubDate ?? '').toISOString().slice(0, 10), p.id).toBe(new Date(p.status.date).toISOString().slice(0, 10));
        else expect(item?.pubDate, p.id).toBeUndefined();
      }
      // Pages of that language announce this feed.
      await page.goto(prefix);
      await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', new RegExp(`${feed.replace('.', '\\.')}$`));
    });
  }
});
