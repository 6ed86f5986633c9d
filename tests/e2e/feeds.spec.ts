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

  test('gives each page its Russian, Kazakh and English alternates, in the pages\' own hreflang codes', async ({ request, page }) => {
    const doc = await fetchXml(request, page, '/sitemap-0.xml');
    const medeu = doc.urlset.url.find((u: { loc: string }) => path(u.loc) === '/kk/districts/medeu/');
    const alternates = Object.fromEntries(medeu['xhtml:link'].map((l: Record<string, string>) => [l['@_hreflang'], path(l['@_href'] ?? '')]));
    expect(alternates).toEqual({ ru: '/districts/medeu/', kk: '/kk/districts/medeu/', en: '/en/districts/medeu/', 'x-default': '/districts/medeu/' });
    // The page itself says the same.
    await page.goto('/kk/districts/medeu/');
    const own = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((ls) =>
      Object.fromEntries(ls.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href') ?? '').pathname])),
    );
    expect(own).toEqual(alternates);
  });
});

test.describe('the RSS feeds', () => {
  const ARTICLE_DAY = '2025-10-23';
  const day = (d: unknown) => new Date(d as string).toISOString().slice(0, 10);
  for (const [lang, feed] of [
    ['ru', '/rss.xml'],
    ['kk', '/kk/rss.xml'],
    ['en', '/en/rss.xml'],
  ] as const) {
    test(`${feed} is valid RSS 2.0: the article and one dated item per status report after it`, async ({ request, page }) => {
      const doc = await fetchXml(request, page, feed);
      expect(doc.rss['@_version']).toBe('2.0');
      expect(path(doc.rss.channel['atom:link']['@_href'])).toBe(feed);
      expect(doc.rss.channel['atom:link']['@_rel']).toBe('self');
      const items: Array<{ link: string; title: string; pubDate?: string; guid: { '#text': string } }> = doc.rss.channel.item;
      const prefix = lang === 'ru' ? '/' : `/${lang}/`;
      const links = items.map((i) => path(i.link));
      expect(links.filter((l) => l.startsWith(`${prefix}news/`))).toHaveLength(1);
      // Every item is dated, and every guid is its own.
      for (const i of items) expect(i.pubDate, i.title).toBeTruthy();
      expect(new Set(items.map((i) => i.guid['#text'])).size).toBe(items.length);
      // Every link is a page that exists.
      const pages = new Set(builtPages());
      for (const l of links) expect(pages.has(l), l).toBe(true);
      // Each project's items are exactly its reports dated after the article's day, on those days.
      for (const p of projects) {
        const expected = p.history.filter((r) => r.date && day(r.date) > ARTICLE_DAY).map((r) => day(r.date)).sort();
        const got = items.filter((i) => path(i.link) === `${prefix}projects/${p.id}/`).map((i) => day(i.pubDate)).sort();
        expect(got, p.id).toEqual(expected);
      }
      // Pages of that language announce this feed.
      await page.goto(prefix);
      await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', new RegExp(`${feed.replace('.', '\\.')}$`));
    });
  }

  test('every district feed is well-formed XML naming itself', async ({ request, page }) => {
    for (const slug of [...new Set(projects.flatMap((p) => (p.district ? [p.district] : [])))]) {
      for (const prefix of ['/', '/kk/', '/en/']) {
        const feed = `${prefix}districts/${slug}/rss.xml`;
        const doc = await fetchXml(request, page, feed);
        expect(path(doc.rss.channel['atom:link']['@_href'])).toBe(feed);
      }
    }
  });

  test('a district feed holds the reports on that district’s projects', async ({ request, page }) => {
    const doc = await fetchXml(request, page, '/kk/districts/medeu/rss.xml');
    const items: Array<{ link: string; title: string }> = doc.rss.channel.item ?? [];
    const medeu = new Set(projects.filter((p) => p.district === 'medeu').map((p) => `/kk/projects/${p.id}/`));
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(medeu.has(path(i.link)), i.link).toBe(true);
    // Kazakh titles: "<date>: <title> — мәртебесі: <stage>".
    for (const i of items) expect(i.title).toMatch(/^2025 ж\. \d+ [^:]+: .+ — мәртебесі: .+$/);
  });
});
