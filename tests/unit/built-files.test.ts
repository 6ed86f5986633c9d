/**
 * The files a journalist or a feed reader takes from the built site (dist/), opened with independent
 * tools as they would be: every RSS feed with a real feed parser (@rowanmanning/feed-parser), the
 * /data/ page's Dataset JSON-LD, the spreadsheets with read-excel-file, each district's CSV with
 * csv-parse and GeoJSON with JSON.parse, all checked against projects.json.
 *
 * It reads dist/, so it needs a build: `npm test` builds before the unit tests. Run alone without a
 * build, it is skipped (and says so).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { CSV_HEADER, type ProjectJson } from '../../src/lib/export.ts';
import { CONTENT_LICENCE } from '../../src/lib/licence.ts';
import yaml from 'js-yaml';
import { foreignPassagesIn } from '../../src/lib/local-text.ts';

const DIST = 'dist';
const built = existsSync(join(DIST, 'rss.xml')) && existsSync(join(DIST, 'data', 'projects.json'));
if (!built) console.warn('tests/unit/built-files.test.ts: no build in dist/, skipped (npm run build first)');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The file a site URL is served from (dist/ is built for the site's root). */
function served(url: string): string | undefined {
  const path = decodeURIComponent(new URL(url).pathname);
  const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
  return existsSync(file) ? file : undefined;
}

const data = () => JSON.parse(readFileSync(join(DIST, 'data', 'projects.json'), 'utf8')) as { projects: ProjectJson[]; dataAsOf: string };

describe.skipIf(!built)('the built files', () => {
  const feeds = built ? walk(DIST).filter((f) => f.endsWith('rss.xml')) : [];

  test('there is a feed per language for the site and for each district', () => {
    // 3 languages × (the site + 8 districts).
    expect(feeds.length).toBe(27);
  });

  describe.each(feeds.map((f) => [relative(DIST, f), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const feed = parseFeed(text);

    // Well-formedness is checked with the browser's strict XML parser in tests/e2e/feeds.spec.ts.
    test('is RSS 2.0', () => {
      expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
    });

    test('names itself with atom:link rel="self"', () => {
      expect(feed.self).not.toBeNull();
      expect(new URL(feed.self ?? '').pathname).toBe(`/${relative(DIST, file).replaceAll('\\', '/')}`);
    });

    test('dates every item, gives each a guid of its own, and links to pages that exist', () => {
      const ids = new Set<string>();
      for (const item of feed.items) {
        expect(item.published, item.title ?? '').toBeInstanceOf(Date);
        expect(Number.isNaN(item.published?.getTime()), item.title ?? '').toBe(false);
        expect(item.id, item.title ?? '').toBeTruthy();
        ids.add(item.id ?? '');
        expect(served(item.url ?? 'http://x/none'), item.url ?? '').toBeDefined();
      }
      expect(ids.size).toBe(feed.items.length);
    });
  });

  test('the feeds carry every status report dated after the article, and nothing undated', () => {
    const article = new Date('2025-10-23T18:43:00+05:00');
    const expected = data().projects.flatMap((p) => p.history.filter((r) => r.date && r.date > '2025-10-23')).length;
    const ru = parseFeed(readFileSync(join(DIST, 'rss.xml'), 'utf8'));
    const reports = ru.items.filter((i) => !new URL(i.url ?? 'http://x/').pathname.startsWith('/news/'));
    expect(reports.length).toBe(expected);
    for (const i of reports) expect(i.published!.getTime()).toBeGreaterThan(article.getTime());
  });

  test('the /data/ Dataset JSON-LD has a licence, and its files exist', () => {
    const html = readFileSync(join(DIST, 'data', 'index.html'), 'utf8');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1] ?? 'null'));
    const ld = blocks.flat().find((b) => b?.['@type'] === 'Dataset');
    expect(ld?.license).toBe(CONTENT_LICENCE.url);
    for (const d of ld.distribution) expect(served(d.contentUrl), d.contentUrl).toBeDefined();
  });

  // A file travels without the page that explains it: each JSON and GeoJSON says its own licence.
  test('projects.json and every projects.geojson name the CC BY 4.0 licence inside the file', () => {
    const files = [join(DIST, 'data', 'projects.json'), join(DIST, 'data', 'projects.geojson'), ...walk(join(DIST, 'data', 'districts')).filter((f) => f.endsWith('.geojson'))];
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      const doc = JSON.parse(readFileSync(f, 'utf8'));
      expect(doc.license, f).toContain(CONTENT_LICENCE.url);
      expect(doc.license, f).toContain(CONTENT_LICENCE.id);
    }
  });

  test('the article’s NewsArticle names this site as publisher, with a PNG logo, and a dateModified', () => {
    const file = walk(join(DIST, 'news')).find((f) => f.endsWith('index.html'))!;
    const html = readFileSync(file, 'utf8');
    const ld = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)]
      .map((m) => JSON.parse(m[1] ?? 'null'))
      .flat()
      .find((b) => b?.['@type'] === 'NewsArticle');
    expect(ld.dateModified).toMatch(/^\d{4}-\d\d-\d\dT/);
    const logo = served(ld.publisher.logo.url);
    expect(logo).toBeDefined();
    // A PNG of the size it claims.
    const png = readFileSync(logo!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([ld.publisher.logo.width, ld.publisher.logo.height]);
  });

  test.each([['data/projects.xlsx'], ['kk/data/projects.xlsx'], ['en/data/projects.xlsx']])('%s holds every project, source and report', async (path) => {
    const { projects } = data();
    const book = await readXlsxFile(readFileSync(join(DIST, path)));
    const [projectsSheet, sourcesSheet, reportsSheet, readme] = book;
    expect(book).toHaveLength(4);
    expect(projectsSheet!.data.slice(1).map((r) => r[0])).toEqual(projects.map((p) => p.id));
    expect(sourcesSheet!.data.length - 1).toBe(projects.reduce((n, p) => n + p.sources.length, 0));
    expect(reportsSheet!.data.length - 1).toBe(projects.reduce((n, p) => n + p.history.length, 0));
    // Every source's date, where it has one, is a date cell holding that date.
    const dates = sourcesSheet!.data.slice(1).map((r) => r.find((c) => c instanceof Date) ?? null);
    const expected = projects.flatMap((p) => p.sources.map((s) => (s.date ? new Date(`${s.date}T00:00:00Z`) : null)));
    expect(dates).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
    // The README sheet has the "data as of" date as a date.
    expect(readme!.data.flat().some((c) => c instanceof Date && c.toISOString().startsWith(data().dataAsOf))).toBe(true);
  });

  test('each district’s CSV and GeoJSON hold exactly its projects, with the city files’ columns', () => {
    const { projects } = data();
    const districts = readdirSync(join(DIST, 'data', 'districts'));
    expect(districts).toHaveLength(8);
    for (const slug of districts) {
      const own = projects.filter((p) => p.district === slug);
      const csv = readFileSync(join(DIST, 'data', 'districts', slug, 'projects.csv'), 'utf8');
      expect(csv.startsWith('\uFEFF'), slug).toBe(true);
      const rows = parseCsv(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(Object.keys(rows[0] ?? Object.fromEntries(CSV_HEADER.map((h) => [h, ''])))).toEqual([...CSV_HEADER]);
      expect(rows.map((r) => r['id']), slug).toEqual(own.map((p) => p.id));
      // Cyrillic arrives intact.
      expect(rows.map((r) => r['title_ru']), slug).toEqual(own.map((p) => p.title.ru));
      const geo = JSON.parse(readFileSync(join(DIST, 'data', 'districts', slug, 'projects.geojson'), 'utf8'));
      expect(geo.type).toBe('FeatureCollection');
      expect(geo.features.map((f: { id: string }) => f.id), slug).toEqual(own.filter((p) => p.location).map((p) => p.id));
    }
  });

  test('every passage the content names as foreign is marked with its language on each page of its project', () => {
    let marked = 0;
    for (const file of readdirSync('content/projects').filter((f) => f.endsWith('.md'))) {
      const front = yaml.load(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join('content/projects', file), 'utf8'))?.[1] ?? '');
      const passages = foreignPassagesIn(front);
      if (!passages.length) continue;
      const id = file.replace(/\.md$/, '');
      for (const prefix of ['', 'kk/', 'en/']) {
        const html = readFileSync(join(DIST, prefix, 'projects', id, 'index.html'), 'utf8');
        for (const p of passages) {
          const escaped = p.text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
          if (!html.includes(escaped)) continue;
          // Every occurrence sits in an element with its lang.
          expect(html.split(escaped).length - 1, `${prefix}projects/${id}/: "${p.text}"`).toBe(html.split(`<span lang="${p.lang}">${escaped}</span>`).length - 1);
          marked += 1;
        }
      }
    }
    // Today one Spanish quotation, in the notes of the three languages' pages of one project.
    expect(marked).toBeGreaterThanOrEqual(3);
  });

  test('no CSV list cell ends in an empty separator', () => {
    const rows = parseCsv(readFileSync(join(DIST, 'data', 'projects.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    for (const row of rows) for (const [k, v] of Object.entries(row)) expect(v.endsWith(' | ') || v.endsWith(' |'), `${row['id']} ${k}`).toBe(false);
  });
  // Parts that thousands of pages repeat are rendered once per build and reused (src/components/ui/
  // Memo.astro): each page must still get its own language's and section's version.
  describe('parts the build renders once and repeats', () => {
    const pages = built ? walk(DIST).filter((f) => f.endsWith('.html') && !relative(DIST, f).startsWith('embed') && !/\/embed\//.test(f)) : [];
    const pathOf = (file: string) => `/${relative(DIST, file).replaceAll('\\', '/').replace(/index\.html$/, '')}`;
    const langOf = (path: string) => (/^\/(kk|en)\//.exec(path)?.[1] ?? 'ru');
    const prefix = (lang: string) => (lang === 'ru' ? '/' : `/${lang}/`);

    test('the header marks the section the page is in, with links in the page language', () => {
      let checked = 0;
      for (const file of pages) {
        const html = readFileSync(file, 'utf8');
        const nav = /<ul class="nav-list">([\s\S]*?)<\/ul>/.exec(html)?.[1];
        if (!nav) continue;
        const path = pathOf(file);
        const home = prefix(langOf(path));
        const links = [...nav.matchAll(/<a href="([^"]+)"( aria-current="page")?>/g)].map((m) => ({ href: m[1] ?? '', current: !!m[2] }));
        expect(links.map((l) => l.href), path).toEqual(['', 'projects/', 'districts/', 'data/'].map((s) => home + s));
        const expected = links.filter((l) => (l.href === home ? path === home : path.startsWith(l.href))).map((l) => l.href);
        expect(links.filter((l) => l.current).map((l) => l.href), path).toEqual(expected);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(100);
    });

    test('the footer links the method page in the page language', () => {
      for (const file of pages) {
        const footer = /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(readFileSync(file, 'utf8'))?.[1];
        if (!footer) continue;
        const path = pathOf(file);
        expect(footer, path).toContain(`<a href="${prefix(langOf(path))}data/">`);
      }
    });

    test("a project page's other projects are in its district and its language, and not itself", () => {
      const district = new Map(data().projects.map((p) => [p.id, p.district]));
      let checked = 0;
      for (const file of pages) {
        const path = pathOf(file);
        const own = /^\/(?:(?:kk|en)\/)?projects\/([^/]+)\/$/.exec(path)?.[1];
        if (!own || !district.has(own)) continue;
        const section = /aria-labelledby="neighbours">([\s\S]*?)<\/section>/.exec(readFileSync(file, 'utf8'))?.[1];
        if (!section) continue;
        const ids = [...section.matchAll(/<h3 class="title"><a href="([^"]+)"/g)].map((m) => {
          const href = m[1] ?? '';
          expect(href.startsWith(`${prefix(langOf(path))}projects/`), `${path} → ${href}`).toBe(true);
          return href.split('/').at(-2) ?? '';
        });
        expect(ids.length, path).toBeGreaterThan(0);
        expect(ids, path).not.toContain(own);
        for (const id of ids) expect(district.get(id), `${path} → ${id}`).toBe(district.get(own));
        checked += 1;
      }
      expect(checked).toBeGreaterThan(30);
    });
  });
});
