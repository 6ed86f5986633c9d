import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { loadProjects } from './content.ts';

// A journalist writing about one district: the district page offers that district's CSV and GeoJSON
// and its feed, as plain links; the files download, parse, and hold exactly the district's projects.
const projects = loadProjects();
const DISTRICTS = ['medeu', 'almaly'] as const;

for (const slug of DISTRICTS) {
  test(`the ${slug} page offers its CSV and GeoJSON, which download and parse`, async ({ page }) => {
    const own = projects.filter((p) => p.district === slug);
    await page.goto(`/districts/${slug}/`);
    const section = page.getByRole('region', { name: 'Данные и обновления района' });

    // The CSV, downloaded as a reader would, with a name of its own.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: /CSV/ }).click()]);
    expect(csvDownload.suggestedFilename()).toBe(`projects-${slug}.csv`);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    const rows: Array<Record<string, string>> = parse(csv, { bom: true, columns: true });
    expect(rows.map((r) => r['id']).sort()).toEqual(own.map((p) => p.id).sort());
    // Cyrillic survives, and the columns are the city file's.
    expect(rows.map((r) => r['title_ru']).sort()).toEqual(own.map((p) => p.title.ru).sort());
    const city = parse((await (await page.request.get('/data/projects.csv')).text()), { bom: true, to_line: 1 })[0];
    expect(Object.keys(rows[0] ?? {})).toEqual(city);

    const [geoDownload] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: /GeoJSON/ }).click()]);
    expect(geoDownload.suggestedFilename()).toBe(`projects-${slug}.geojson`);
    const geo = JSON.parse(readFileSync((await geoDownload.path())!, 'utf8'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((f: { id: string }) => f.id).sort()).toEqual(own.filter((p) => p.location).map((p) => p.id).sort());
    for (const f of geo.features) expect(f.geometry.coordinates[0]).toBeGreaterThan(f.geometry.coordinates[1]);

    // The feed is linked in the section and announced in <head>.
    const feed = await section.getByRole('link', { name: /RSS/ }).getAttribute('href');
    expect(feed).toBe(`/districts/${slug}/rss.xml`);
    await expect(page.locator(`head link[rel="alternate"][type="application/rss+xml"][href$="/districts/${slug}/rss.xml"]`)).toHaveCount(1);
    expect((await page.request.get(feed!)).ok()).toBe(true);
  });
}

test('the Kazakh district page links the same files and its Kazakh feed', async ({ page }) => {
  await page.goto('/kk/districts/medeu/');
  await expect(page.locator('a[href="/data/districts/medeu/projects.csv"]')).toHaveCount(1);
  await expect(page.locator('a[href="/kk/districts/medeu/rss.xml"]')).toHaveCount(1);
});

test('/data/ offers the spreadsheet in the reader’s language, with dates as dates', async ({ page }) => {
  for (const [prefix, sheet] of [['/', 'Проекты'], ['/kk/', 'Жобалар'], ['/en/', 'Projects']] as const) {
    await page.goto(`${prefix}data/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[href$="projects.xlsx"]').first().click()]);
    expect(download.suggestedFilename()).toBe('projects.xlsx');
    const book = await readXlsxFile(readFileSync((await download.path())!));
    expect(book.map((s) => s.sheet)[0]).toBe(sheet);
    expect(book[0]!.data.length - 1).toBe(projects.length);
    expect(book[1]!.data.slice(1).some((r) => r.some((c) => c instanceof Date))).toBe(true);
  }
});

// The sizes printed beside the links are the files' own (they are measured when the files are made,
// and the files' text is not kept through the build).
test('/data/ and a district page print each file’s real size', async ({ page, request }) => {
  const kb = async (url: string) => `${Math.max(1, Math.ceil((await (await request.get(url)).body()).length / 1024))} KB`;
  await page.goto('/en/data/');
  for (const file of ['projects.csv', 'projects.json', 'projects.geojson']) {
    const item = page.locator(`a[href="/data/${file}"]`).first().locator('xpath=..');
    await expect(item).toContainText(await kb(`/data/${file}`));
  }
  await page.goto('/en/districts/medeu/');
  for (const ext of ['csv', 'geojson']) {
    const item = page.locator(`a[href="/data/districts/medeu/projects.${ext}"]`).locator('xpath=..');
    await expect(item).toContainText(await kb(`/data/districts/medeu/projects.${ext}`));
  }
});
