import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';

// Walks every page in the sitemap and checks the tags a link preview and a search engine read.
const path = (url: string) => new URL(url).pathname;

/** Content of the first <meta> (or <link>) matching an attribute, from raw HTML. */
function meta(html: string, attr: 'property' | 'name', key: string): string | undefined {
  const tag = html.match(new RegExp(`<meta[^>]*${attr}="${key.replace(/:/g, ':')}"[^>]*>`))?.[0];
  return tag?.match(/content="([^"]*)"/)?.[1];
}

/**
 * Pages that have a share image of their own: the home page, the indexes, the article, each district,
 * /data/ and every project (up to PROJECT_IMAGES_UP_TO projects, which the real content is far below).
 */
const WITH_IMAGE = /^\/(kk\/|en\/)?(projects\/([a-z0-9-]+\/)?|districts\/([a-z]+\/)?|news\/[^/]+\/|data\/)?$/;

test('every page has a canonical URL, Open Graph and Twitter card tags; the main pages have a 1200×630 image', async ({ request }) => {
  test.setTimeout(120_000);
  const parser = new XMLParser({ isArray: (name) => name === 'url' });
  const pages: string[] = parser.parse(await (await request.get('/sitemap-0.xml')).text()).urlset.url.map((u: { loc: string }) => path(u.loc));
  expect(pages.length).toBeGreaterThan(100);
  const images = new Set<string>();
  for (const p of pages) {
    const html = await (await request.get(p)).text();
    const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    expect(canonical && path(canonical), `${p} canonical`).toBe(p);
    expect(path(meta(html, 'property', 'og:url') ?? 'http://x/'), `${p} og:url`).toBe(p);
    for (const key of ['og:title', 'og:description']) expect(meta(html, 'property', key)?.trim(), `${p} ${key}`).toBeTruthy();
    for (const key of ['twitter:card', 'twitter:title', 'twitter:description']) expect(meta(html, 'name', key)?.trim(), `${p} ${key}`).toBeTruthy();
    const image = meta(html, 'property', 'og:image');
    if (WITH_IMAGE.test(p)) {
      expect(image, `${p} og:image`).toBeTruthy();
      expect(meta(html, 'name', 'twitter:card'), p).toBe('summary_large_image');
      expect(meta(html, 'property', 'og:image:alt')?.trim(), `${p} og:image:alt`).toBeTruthy();
      images.add(path(image ?? ''));
    } else {
      // Pages without an image of their own keep the text card rather than borrow a misleading one.
      expect(meta(html, 'name', 'twitter:card'), p).toBe('summary');
    }
  }
  for (const src of images) {
    const res = await request.get(src);
    expect(res.headers()['content-type'], src).toContain('image/png');
    const png = await res.body();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], src).toEqual([1200, 630]);
  }
});

test('a district share image is in the page language and says what it shows', async ({ request }) => {
  const html = await (await request.get('/kk/districts/medeu/')).text();
  expect(path(meta(html, 'property', 'og:image') ?? 'http://x/')).toBe('/og/kk/district-medeu.png');
  expect(meta(html, 'property', 'og:image:alt')).toMatch(/^.+: Медеу ауданы\. \d+ үміткер ашық дереккөздерде, \d+ жоба координаттарымен\./);
});

test('a project’s share image is its own, in the page language, with its status', async ({ request }) => {
  const html = await (await request.get('/en/projects/soc-annex-school-35-medeu/')).text();
  expect(path(meta(html, 'property', 'og:image') ?? 'http://x/')).toBe('/og/en/project-soc-annex-school-35-medeu.png');
  expect(meta(html, 'property', 'og:image:alt')).toMatch(/^Medeu district: .+\. Status: .+, as reported on \d+ \w+ 2025\. Data as of /);
});

test.describe('structured data', () => {
  const blocks = async (page: import('@playwright/test').Page) =>
    (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap((b) => [JSON.parse(b)].flat());

  test('the article is a NewsArticle; its translations say whose translation they are', async ({ page }) => {
    await page.goto('/news/republic-day-2025-projects/');
    const ru = (await blocks(page)).find((b) => b['@type'] === 'NewsArticle');
    // This site publishes the page (with its logo); the text is Zakon.kz's article, named as its publisher.
    expect(ru).toMatchObject({
      inLanguage: 'ru',
      author: { name: 'Айсулу Омарова' },
      publisher: { name: 'Алматы: проекты ко Дню Республики', logo: { '@type': 'ImageObject', width: 512, height: 512 } },
      isBasedOn: { '@type': 'NewsArticle', publisher: { name: 'Zakon.kz' } },
    });
    expect(ru.dateModified).toBe(ru.datePublished);
    const logo = await page.request.get(new URL(ru.publisher.logo.url).pathname);
    expect(logo.headers()['content-type']).toContain('image/png');
    expect(ru).not.toHaveProperty('translationOfWork');
    await page.goto('/en/news/republic-day-2025-projects/');
    const en = (await blocks(page)).find((b) => b['@type'] === 'NewsArticle');
    expect(en.inLanguage).toBe('en');
    expect(path(en.translationOfWork.url)).toBe('/news/republic-day-2025-projects/');
  });

  test('a district is a Place inside Almaty with a breadcrumb trail', async ({ page }) => {
    await page.goto('/en/districts/auezov/');
    const data = await blocks(page);
    expect(data.find((b) => b['@type'] === 'AdministrativeArea')).toMatchObject({ name: 'Auezov district', containedInPlace: { name: 'Almaty' } });
    const trail = data.find((b) => b['@type'] === 'BreadcrumbList');
    expect(trail.itemListElement.map((i: { item: string }) => path(i.item))).toEqual(['/en/', '/en/districts/', '/en/districts/auezov/']);
  });

  test('a project page has its breadcrumb trail through its district', async ({ page }) => {
    await page.goto('/projects/soc-school-220-medeu/');
    const trail = (await blocks(page)).find((b) => b['@type'] === 'BreadcrumbList');
    expect(trail.itemListElement.map((i: { item: string }) => path(i.item))).toEqual(['/', '/projects/', '/districts/medeu/', '/projects/soc-school-220-medeu/']);
  });
});
