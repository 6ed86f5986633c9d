import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { loadConsidered, loadDistricts, loadProjects } from './content.ts';
import { toCsv } from '../../src/lib/csv.ts';
import { csvTable } from '../../src/lib/export.ts';

// The downloads are checked against the content files themselves: same ids, same counts, the same
// coordinates in the right order. A file that drifted from the pages fails here.
const projects = loadProjects();
const ids = projects.map((p) => p.id).sort();
const located = projects.filter((p) => p.location);

test.describe('/data/projects.csv', () => {
  test('is UTF-8 with a BOM and CRLF line ends, and parses to one row per project', async ({ request }) => {
    const res = await request.get('/data/projects.csv');
    expect(res.ok()).toBe(true);
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    const rows: Array<Record<string, string>> = parse(text, { bom: true, columns: true });
    expect(rows.map((r) => r['id']).sort()).toEqual(ids);
    // Cyrillic survives intact: a title the content has is found as written.
    expect(rows.some((r) => r['title_ru']?.includes('школы №220'))).toBe(true);
  });

  test('puts latitude and longitude in their own columns, as the content states them', async ({ request }) => {
    const rows: Array<Record<string, string>> = parse(await (await request.get('/data/projects.csv')).text(), { bom: true, columns: true });
    for (const p of projects) {
      const row = rows.find((r) => r['id'] === p.id);
      expect(row?.['lat'], p.id).toBe(p.location ? String(p.location.lat) : '');
      expect(row?.['lon'], p.id).toBe(p.location ? String(p.location.lon) : '');
      expect(row?.['district'], p.id).toBe(p.district ?? '');
    }
  });
});

test('the browser writer rebuilds projects.csv byte for byte from projects.json', async ({ request }) => {
  // "Download this view" builds its CSV from the JSON in the browser; for the full list it must be the
  // published file exactly, so a filtered view is the same file with fewer rows.
  const doc = await (await request.get('/data/projects.json')).json();
  const published = (await (await request.get('/data/projects.csv')).body()).toString('utf8');
  expect(toCsv(csvTable(doc.projects), { bom: true })).toBe(published);
});

test.describe('/data/projects.json', () => {
  test('carries every project, its count and the data-as-of date', async ({ request }) => {
    const doc = await (await request.get('/data/projects.json')).json();
    expect(doc.count).toBe(projects.length);
    expect(doc.projects.map((p: { id: string }) => p.id).sort()).toEqual(ids);
    expect(doc.dataAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The newest date in the data: of any status report, or of any source a project or a considered
    // item cites (a fact or an exclusion may rest on a source newer than every report).
    const day = (d: unknown) => (d ? [new Date(d as string).toISOString().slice(0, 10)] : []);
    const dates = [
      ...projects.flatMap((p) => [...p.history.flatMap((r) => day(r.date)), ...p.sources.flatMap((s) => day(s.date))]),
      ...loadConsidered().flatMap((c) => c.sources.flatMap((s) => day(s.date))),
    ].sort();
    expect(doc.dataAsOf).toBe(dates.at(-1));
    for (const p of located) {
      const r = doc.projects.find((x: { id: string }) => x.id === p.id);
      expect(r.location).toMatchObject({ lat: p.location?.lat, lon: p.location?.lon, precision: p.location?.precision });
    }
    // Every record links to its own page on the site.
    for (const r of doc.projects) expect(new URL(r.url).pathname).toBe(`/projects/${r.id}/`);
  });
});

test.describe('/data/projects.geojson', () => {
  test('has a Point for each located project only, at [longitude, latitude]', async ({ request }) => {
    const geo = await (await request.get('/data/projects.geojson')).json();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((f: { id: string }) => f.id).sort()).toEqual(located.map((p) => p.id).sort());
    for (const f of geo.features) {
      const p = located.find((x) => x.id === f.id);
      expect(f.geometry).toEqual({ type: 'Point', coordinates: [p?.location?.lon, p?.location?.lat] });
      // In Almaty the longitude is about 77 and the latitude about 43: the order is visible.
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(76.5);
      expect(lat).toBeLessThan(43.6);
      expect(f.properties.location_precision).toBe(p?.location?.precision);
    }
  });
});

test.describe('the /data/ page', () => {
  test('links each file with its count, and documents every CSV column', async ({ page, request }) => {
    await page.goto('/en/data/');
    const downloads = page.getByRole('region', { name: 'Download' });
    for (const [file, count] of [
      ['projects.csv', projects.length],
      ['projects.json', projects.length],
      ['projects.geojson', located.length],
    ] as const) {
      const link = downloads.getByRole('link', { name: new RegExp(file.replace('.', '\\.')) });
      await expect(link).toHaveAttribute('href', `/data/${file}`);
      await expect(link.locator('xpath=..')).toContainText(`${count} projects`);
      expect((await request.get(`/data/${file}`)).ok()).toBe(true);
    }
    const header = (await (await request.get('/data/projects.csv')).text()).replace(/^\uFEFF/, '').split('\r\n')[0]?.split(',') ?? [];
    expect(header.length).toBeGreaterThan(20);
    const table = page.getByRole('table', { name: 'Fields of a project record' });
    for (const column of header) await expect(table.locator('code', { hasText: new RegExp(`^${column}$`) }).first()).toBeVisible();
  });

  test('states the gaps with numbers counted from the content', async ({ page }) => {
    await page.goto('/en/data/');
    const gaps = page.getByRole('region', { name: 'Where the list is incomplete' });
    await expect(gaps).toContainText(`${located.length} of ${projects.length} projects have coordinates`);
    const unassigned = projects.filter((p) => !p.district).length;
    await expect(gaps).toContainText(`For ${unassigned} projects, the sources do not name the district`);
  });

  test('describes itself as a schema.org Dataset with one DataDownload per file', async ({ page, request }) => {
    await page.goto('/data/');
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const dataset = blocks.map((b) => JSON.parse(b)).find((d) => d['@type'] === 'Dataset');
    // The four project files and the district outlines (districts.geojson, ODbL); the Dataset names its licence.
    expect(dataset.distribution.map((d: { name: string }) => d.name)).toEqual(['projects.csv', 'projects.xlsx', 'projects.json', 'projects.geojson', 'districts.geojson']);
    expect(dataset.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(dataset.distribution.at(-1).license).toBe('https://opendatacommons.org/licenses/odbl/1-0/');
    for (const d of dataset.distribution) {
      expect(d['@type']).toBe('DataDownload');
      expect((await request.get(new URL(d.contentUrl).pathname)).ok()).toBe(true);
    }
  });

  // axe on /data/, in every language with JavaScript on and off: tests/e2e/sweep.spec.ts.

  test('lines up each district\'s files beside the longest district name, in every language', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const path of ['/data/', '/kk/data/', '/en/data/']) {
      await page.goto(path);
      // The list whose links are named "<district>: CSV", each item a name, then its files.
      const rows = await page
        .getByRole('list')
        .filter({ has: page.getByRole('link', { name: /: CSV$/ }) })
        .getByRole('listitem')
        .evaluateAll((items) =>
          items.map((li) => ({
            nameEnd: li.firstElementChild!.getBoundingClientRect().right,
            csvStart: li.querySelector('a')!.getBoundingClientRect().left,
          })),
        );
      expect(rows.length, path).toBe(loadDistricts().length);
      const starts = rows.map((r) => r.csvStart);
      expect(Math.max(...starts) - Math.min(...starts), `${path}: the CSV links start in one column`).toBeLessThanOrEqual(1);
      expect(Math.max(...rows.map((r) => r.nameEnd)), `${path}: no name runs into its files`).toBeLessThan(Math.min(...starts));
    }
  });

  test('in print the long field table breaks between rows, not before itself', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto('/data/');
    const table = page.getByRole('table', { name: /Поля записи о проекте/ });
    // Kept whole like the short tables, it left most of the sheet before it empty.
    expect(await table.evaluate((t) => getComputedStyle(t).breakInside)).toBe('auto');
    expect(await table.locator('tbody tr').first().evaluate((r) => getComputedStyle(r).breakInside)).toBe('avoid');
  });

  test('reads at 320 px without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto('/kk/data/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  // The field table and the list of projects considered are laid out when the reader nears them
  // (content-visibility: auto). What that must not cost: links into them, print, and anything
  // inside reaching past their edge, which the paint containment that comes with it would cut off.
  test.describe('its two long sections, drawn when the reader nears them', () => {
    const considered = loadConsidered()[0]!;

    for (const target of ['fields', `considered-${considered.id}`]) {
      test(`a link to #${target} opens with it on the screen`, async ({ page }) => {
        await page.setViewportSize({ width: 412, height: 800 });
        await page.goto(`/data/#${target}`);
        const box = await page.locator(`[id="${target}"]`).boundingBox();
        expect(box, target).not.toBeNull();
        // At the top of the screen, give or take a fraction of a pixel.
        expect(box!.y).toBeGreaterThan(-1);
        expect(box!.y).toBeLessThan(800);
      });
    }

    test('are deferred on screen and drawn whole in print', async ({ page }) => {
      await page.goto('/data/');
      const sections = page.locator('main section.below-first-screen');
      await expect(sections).toHaveCount(2);
      expect(await sections.evaluateAll((all) => all.map((s) => s.getAttribute('aria-labelledby')))).toEqual(['fields', 'considered']);
      expect(await sections.evaluateAll((all) => all.map((s) => getComputedStyle(s).contentVisibility))).toEqual(['auto', 'auto']);
      await page.emulateMedia({ media: 'print' });
      expect(await sections.evaluateAll((all) => all.map((s) => getComputedStyle(s).contentVisibility))).toEqual(['visible', 'visible']);
    });

    for (const lang of ['', 'kk/', 'en/']) {
      test(`at 320 px nothing in them reaches past their edges (/${lang}data/)`, async ({ page }) => {
        await page.setViewportSize({ width: 320, height: 800 });
        await page.goto(`/${lang}data/`);
        for (const section of await page.locator('main section.below-first-screen').all()) {
          // Drawn first: brought on screen, the section lays out its content.
          await section.scrollIntoViewIfNeeded();
          const outside = await section.evaluate((s) => {
            const edge = s.getBoundingClientRect();
            return [...s.querySelectorAll('*')]
              .filter((el) => {
                const r = el.getBoundingClientRect();
                return r.width > 0 && (r.left < edge.left - 0.5 || r.right > edge.right + 0.5);
              })
              .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}: ${el.textContent?.trim().slice(0, 40)}`);
          });
          expect(outside).toEqual([]);
        }
      });
    }
  });
});
