// Every project file must appear everywhere a reader or a journalist looks for it: its page in each
// language, the index, its district page, the three downloads and the sitemap. The counts shown in the
// reconciliation must equal what a reader counts by hand in the list.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadProjects } from './content.ts';

const projects = loadProjects();
const read = (path: string) => readFileSync(`dist/${path}`, 'utf8');
const LANGS = ['', 'kk/', 'en/'];

test.describe('every project appears everywhere', () => {
  const index = Object.fromEntries(LANGS.map((l) => [l, read(`${l}projects/index.html`)]));
  const json = JSON.parse(read('data/projects.json')) as { count: number; projects: Array<{ id: string }> };
  const geojson = JSON.parse(read('data/projects.geojson')) as { features: Array<{ properties: { id: string } }> };
  const csv = read('data/projects.csv');
  const sitemap = read('sitemap-0.xml');

  test('the downloads hold exactly the content files', () => {
    const ids = projects.map((p) => p.id).sort();
    expect(json.projects.map((p) => p.id).sort()).toEqual(ids);
    expect(json.count).toBe(ids.length);
    // One CSV row per project after the header (no field in the real content spans lines).
    expect(csv.trimEnd().split('\r\n')).toHaveLength(ids.length + 1);
    expect(geojson.features.map((f) => f.properties.id).sort()).toEqual(projects.filter((p) => p.location).map((p) => p.id).sort());
  });

  for (const p of projects) {
    test(`${p.id} is on its pages, the index, its district page and the sitemap`, () => {
      for (const l of LANGS) {
        expect(existsSync(`dist/${l}projects/${p.id}/index.html`), `${l}projects/${p.id}/`).toBe(true);
        expect(index[l], `index ${l || 'ru'}`).toContain(`data-project-id="${p.id}"`);
        expect(sitemap).toContain(`/${l}projects/${p.id}/</loc>`);
        if (p.district) expect(read(`${l}districts/${p.district}/index.html`)).toContain(`/${l}projects/${p.id}/"`);
      }
      expect(csv).toContain(`\r\n${p.id},`);
    });
  }
});

test('the reconciliation on the index equals what a reader counts in the list', async ({ page }) => {
  await page.goto('/projects/');
  const table = page.getByRole('table').first();
  for (const category of ['social', 'infrastructure', 'industry', 'utilities']) {
    const items = projects.filter((p) => p.category === category);
    const listed = await page.locator(`[data-category-group="${category}"] [data-filter-item]`).count();
    expect(listed).toBe(items.length);
    const row = table.locator('tbody tr', { has: page.locator(`a[href$="category=${category}"]`) });
    const cells = await row.locator('td').allInnerTexts();
    // Announced, itemised, confirmed.
    expect(cells[1]).toBe(String(items.length));
    expect(cells[2]).toBe(String(items.filter((p) => p.republicDay === 'confirmed').length));
  }
});

test('each district page counts its own projects', async ({ page }) => {
  for (const slug of ['alatau', 'almaly', 'auezov', 'bostandyk', 'zhetysu', 'medeu', 'nauryzbay', 'turksib']) {
    await page.goto(`/districts/${slug}/`);
    const mine = projects.filter((p) => p.district === slug);
    const hrefs = await page.locator('main a[href^="/projects/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const links = new Set(hrefs.filter((h) => /^\/projects\/[^/?]+\/$/.test(h)));
    expect([...links].sort(), slug).toEqual(mine.map((p) => `/projects/${p.id}/`).sort());
  }
});
