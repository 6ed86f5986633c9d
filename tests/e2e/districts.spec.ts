/**
 * The district pages, the city map, the project page's small map and the embeddable district view.
 * Expected markers come from the content files themselves (tests/e2e/content.ts), so the
 * tests follow the data instead of repeating it. Map tiles never reach the network: every test
 * answers them with a blank image or blocks them.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadDistricts, loadProjects } from './content.ts';

const projects = loadProjects();
const districts = loadDistricts();
const locatedIn = (slug: string) => projects.filter((p) => p.district === slug && p.location);
const unlocatedIn = (slug: string) => projects.filter((p) => p.district === slug && !p.location);

const TILES = /tile\.openstreetmap\.org/;
// A 1×1 transparent PNG: tiles "load" without the network.
const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function stubTiles(page: Page) {
  await page.route(TILES, (r) => r.fulfill({ status: 200, contentType: 'image/png', body: BLANK_PNG }));
}

/** Scrolls the map into view and waits until Leaflet has drawn it. */
async function openMap(page: Page) {
  const map = page.locator('project-map').first();
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute('data-ready', 'true');
  return map;
}

/** Markers on the map: single markers plus the projects inside clusters. */
async function markerTotal(page: Page): Promise<number> {
  const singles = await page.locator('.pm-marker').count();
  const clustered = await page.locator('.pm-cluster').evaluateAll((els) => els.reduce((n, e) => n + Number(e.textContent?.match(/\d+/)?.[0] ?? 0), 0));
  return singles + clustered;
}

/** Opens clusters with the keyboard, as a reader would, until every one of `expected` markers is single. */
async function expandClusters(page: Page, expected: number) {
  for (let i = 0; i < 10; i++) {
    const singles = await page.locator('.pm-marker').count();
    if (singles >= expected) return;
    await page.locator('.pm-cluster').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.pm-marker').count()).toBeGreaterThan(singles);
  }
}

test.beforeEach(async ({ page }) => {
  await stubTiles(page);
});

test.describe('each district page', () => {
  for (const d of districts) {
    test(`${d.slug}: one marker per located project, labelled with its title`, async ({ page }) => {
      const located = locatedIn(d.slug);
      await page.goto(`/districts/${d.slug}/`);
      await openMap(page);
      expect(await markerTotal(page)).toBe(located.length);
      await expandClusters(page, located.length);
      const map = page.getByRole('region', { name: `Карта проектов: ${d.name.ru}` });
      const titles = await map.locator('.pm-marker').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
      expect(titles.sort()).toEqual(located.map((p) => p.title.ru).sort());
      for (const p of located) await expect(map.getByRole('button', { name: p.title.ru, exact: true })).toHaveCount(1);
      // The projects without a location are counted and listed under the map.
      const unlocated = unlocatedIn(d.slug);
      if (unlocated.length > 0) {
        await expect(page.locator('.unlocated-count')).toContainText(`${unlocated.length} проект`);
        for (const p of unlocated) await expect(page.locator('.unlocated').getByRole('link', { name: p.title.ru, exact: true })).toBeVisible();
      }
    });
  }

  test('approximate points look different from exact ones, and the legend says so', async ({ page }) => {
    await page.goto('/districts/almaly/');
    await openMap(page);
    const approx = locatedIn('almaly').filter((p) => p.location?.precision !== 'exact');
    await expect(page.locator('.pm-marker.pm-approx')).toHaveCount(approx.length);
    const style = await page.locator('.pm-marker.pm-approx').first().evaluate((e) => getComputedStyle(e).borderTopStyle);
    expect(style).toBe('dashed');
    await expect(page.locator('.pm-legend')).toContainText('приблизительное место');
    await expect(page.getByText('Рамка карты и центр района вычислены нами')).toBeVisible();
  });
});

test('a marker’s popup states the precision and links to the right project page', async ({ page }) => {
  const p = locatedIn('almaly')[0]!;
  await page.goto('/districts/almaly/');
  await openMap(page);
  await page.getByRole('button', { name: p.title.ru, exact: true }).click();
  const popup = page.locator('.leaflet-popup');
  await expect(popup).toContainText('приблизительно: точка на улице');
  await expect(popup).toContainText('Что отмечает точка');
  await popup.getByRole('link', { name: p.title.ru }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${p.id}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.title.ru);
});

test('with tiles blocked the markers still show and the only errors are the failed tiles', async ({ page }) => {
  await page.unrouteAll();
  await page.route(TILES, (r) => r.abort());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !TILES.test(m.location().url)) errors.push(m.text());
  });
  await page.goto('/districts/auezov/');
  await openMap(page);
  expect(await markerTotal(page)).toBe(locatedIn('auezov').length);
  await expect(page.locator('.pm-marker, .pm-cluster').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a keyboard user reaches every marker, opens its popup with Enter and can skip the map', async ({ page }) => {
  const slug = 'auezov';
  const expected = locatedIn(slug).map((p) => p.title.ru).sort();
  await page.goto(`/districts/${slug}/`);
  await openMap(page);
  const skip = page.getByRole('link', { name: 'Пропустить карту' });
  await skip.focus();
  await expect(skip).toBeVisible();

  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { inMap: !!a?.closest('.pm-canvas'), marker: a?.classList.contains('pm-marker') ? a.title : null, cluster: !!a?.classList.contains('pm-cluster') };
    });
    if (!info.inMap) break;
    if (info.marker) reached.add(info.marker);
    // A cluster opens with Enter; its first marker then has the focus, and Tab goes on from there.
    if (info.cluster) {
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('pm-marker'))).toBe(true);
      reached.add(await page.evaluate(() => (document.activeElement as HTMLElement).title));
    }
  }
  expect([...reached].sort()).toEqual(expected);

  // Enter on a focused marker opens its popup and moves the focus to the popup's link.
  const first = locatedIn(slug)[0]!;
  await page.getByRole('button', { name: first.title.ru, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.leaflet-popup').getByRole('link', { name: first.title.ru })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: first.title.ru, exact: true })).toBeFocused();

  // "Skip the map" lands after the map, on the list of projects without a location.
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(`#map-${slug}-after`)).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#map-${slug}-after$`));
});

test('no map code loads until the map is near the viewport', async ({ page }) => {
  const p = projects.find((x) => x.location && x.district)!;
  const mapRequests: string[] = [];
  page.on('request', (r) => {
    if (/leaflet|map-styles/i.test(r.url())) mapRequests.push(r.url());
  });
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(`/projects/${p.id}/`);
  await page.waitForLoadState('networkidle');
  expect(mapRequests).toEqual([]);
  await expect(page.getByText('Карта загружается…')).not.toBeInViewport();

  await openMap(page);
  expect(mapRequests.some((u) => /leaflet-setup/.test(u))).toBe(true);
  expect(mapRequests.some((u) => /\.css$/.test(u))).toBe(true);
  // The project page's map shows the one point and says how precise it is.
  await expect(page.locator('.pm-marker')).toHaveCount(1);
  await expect(page.getByText(/^Точность отметки: /)).toBeVisible();
  await expect(page.locator('.pm-marker')).toHaveAttribute('title', p.title.ru);
});

test('the map’s JavaScript (Leaflet and ours) stays under 60 KB gzipped', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/districts/almaly/');
  await openMap(page);
  const dist = new URL('../../dist/', import.meta.url);
  const bytes = scripts.map((path) => gzipSync(readFileSync(new URL(`.${path}`, dist))).length);
  expect(scripts.some((s) => /leaflet-setup/.test(s))).toBe(true);
  expect(bytes.reduce((a, b) => a + b, 0)).toBeLessThan(60 * 1024);
});

test('when Leaflet cannot load, the map box goes and the page says so', async ({ page }) => {
  await page.route(/leaflet-setup/, (r) => r.abort());
  await page.goto('/districts/almaly/');
  await expect(page.getByText('Карту не удалось загрузить. Все проекты перечислены в списке.')).toBeVisible();
  await expect(page.locator('.pm-canvas')).toBeHidden();
  await expect(page.locator('.unlocated-count')).toBeVisible();
});

test('pages without a map load no map code at all', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const unlocated = projects.find((x) => !x.location)!;
  for (const path of ['/data/', `/projects/${unlocated.id}/`]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('project-map')).toHaveCount(0);
  }
  expect(requests.filter((u) => /leaflet|map-styles|ProjectMap/i.test(u))).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a district page lists every project and shows no empty map box', async ({ page }) => {
    await page.goto('/districts/auezov/');
    await expect(page.getByRole('region', { name: /Карта проектов/ })).toHaveCount(0);
    await expect(page.getByText('Пропустить карту')).toBeHidden();
    await expect(page.locator('.pm-canvas')).toBeHidden();
    for (const p of projects.filter((x) => x.district === 'auezov')) {
      await expect(page.locator('#district-projects ~ ul').getByRole('link', { name: p.title.ru, exact: true })).toBeVisible();
    }
    await expect(page.locator('.unlocated-count')).toBeVisible();
  });

  test('the city page keeps its table and shows no map box', async ({ page }) => {
    await page.goto('/districts/');
    await expect(page.locator('.pm-canvas')).toBeHidden();
    await expect(page.getByRole('table', { name: 'Проекты по районам и категориям' })).toBeVisible();
  });
});

test.describe('the city map', () => {
  test('has one linked circle per district, with the split by category on focus', async ({ page }) => {
    await page.goto('/districts/');
    await openMap(page);
    const map = page.getByRole('region', { name: 'Карта проектов по районам Алматы' });
    await expect(map.locator('a.pm-bubble')).toHaveCount(districts.length);
    const auezov = projects.filter((p) => p.district === 'auezov');
    const bubble = map.getByRole('link', { name: new RegExp(`^Ауэзовский район: ${auezov.length} проектов`) });
    await expect(bubble).toHaveAttribute('href', '/districts/auezov/');
    await bubble.focus();
    const infra = auezov.filter((p) => p.category === 'infrastructure').length;
    await expect(page.locator('.leaflet-tooltip')).toContainText(`Инфраструктура и благоустройство: ${infra}`);
    // Every located project in the city is on the map too (those without a district included), as a
    // dot that is not a second, overlapping target.
    await expect(map.locator('.pm-dot')).toHaveCount(projects.filter((p) => p.location).length);
    await expect(map.locator('.pm-dot[tabindex], .pm-dot[role]')).toHaveCount(0);
    // Circle areas are proportional to the counts.
    const sizes = await map.locator('a.pm-bubble:not(.pm-bubble-empty) .pm-bubble-disc').evaluateAll((els) =>
      els.map((e) => ({ d: e.getBoundingClientRect().width, n: Number(e.parentElement?.querySelector('.pm-bubble-count')?.textContent) })),
    );
    const ratio = sizes.map((s) => s.d ** 2 / s.n);
    for (const r of ratio) expect(r / ratio[0]!).toBeCloseTo(1, 1);
  });

  test('the announced figures stand next to the itemised ones once, for the city only', async ({ page }) => {
    await page.goto('/districts/');
    // The city's reconciliation, the same component as on the home page, carries the announced figures.
    await expect(page.getByRole('region', { name: 'Объявленные цифры и наш список' })).toContainText('более 60');
    // The district table has a row per district and one for projects without a district, and no
    // announced row: no source gives a figure per district.
    const table = page.getByRole('table', { name: 'Проекты по районам и категориям' });
    await expect(table.locator('tbody tr')).toHaveCount(districts.length + 1);
    await expect(table).not.toContainText('более 60');
    const itemised = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll('td')[4]?.textContent)));
    expect(itemised.reduce((a, b) => a + b, 0)).toBe(projects.length);
  });
});

test.describe('the embeddable district view', () => {
  test('renders inside an iframe on another page, with links that open the site in a new tab', async ({ page, baseURL }) => {
    await page.setContent(`<!doctype html><title>Host</title><iframe src="${baseURL}/embed/districts/almaly/" title="Алмалинский район" width="900" height="640"></iframe>`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(/^Алмалинский район/);
    await expect(frame.locator('project-map')).toHaveAttribute('data-ready', 'true');
    await expect(frame.locator('.pm-marker')).toHaveCount(locatedIn('almaly').length);
    // No site header or navigation in the frame.
    await expect(frame.getByRole('navigation')).toHaveCount(0);
    const links = frame.locator('a[href^="/"]');
    expect(await links.count()).toBeGreaterThan(0);
    for (const a of await links.all()) {
      await expect(a).toHaveAttribute('target', '_blank');
      await expect(a).toHaveAttribute('rel', 'noopener');
    }
    await frame.locator('.pm-marker').first().click();
    await expect(frame.locator('.pm-popup a')).toHaveAttribute('target', '_blank');
  });

  test('is not indexed and exists in every language', async ({ page }) => {
    for (const path of ['/embed/districts/medeu/', '/kk/embed/districts/medeu/', '/en/embed/districts/medeu/']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      expect(res?.headers()['x-frame-options']).toBeUndefined();
    }
  });

  test('the district page offers the iframe code, with a title', async ({ page, baseURL }) => {
    await page.goto('/districts/medeu/');
    await page.getByText('Встроить карту района на свой сайт').click();
    const code = await page.getByLabel('Код для вставки').inputValue();
    expect(code).toMatch(/^<iframe src="[^"]+\/embed\/districts\/medeu\/" title="Проекты ко Дню Республики: Медеуский район"/);
    expect(code.startsWith(`<iframe src="${baseURL}`) || code.includes('/embed/districts/medeu/')).toBe(true);
    await expect(page.getByLabel('Код для вставки')).toHaveAttribute('readonly', '');
  });
});

test('English and Kazakh district maps show the titles in the page language', async ({ page }) => {
  const p = locatedIn('almaly')[0]!;
  await page.goto('/en/districts/almaly/');
  await openMap(page);
  await expect(page.getByRole('region', { name: 'Map of projects: Almaly district' })).toBeVisible();
  await expect(page.locator(`.pm-marker[title="${p.title.en}"]`)).toHaveCount(1);
  await expect(page.locator(`.pm-marker[title="${p.title.en}"] span[lang="ru"]`)).toHaveCount(0);
  await expect(page.getByText(/projects? (has|have) no published location/)).toBeVisible();
});

test('the map is left out of print and the page fits 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/districts/almaly/');
  await openMap(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.pm-ui')).toBeHidden();
  await expect(page.locator('.unlocated-count')).toBeVisible();
});

test.describe('accessibility', () => {
  const axe = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = (r: Awaited<ReturnType<typeof axe>>) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
  const located = projects.find((x) => x.location && x.district)!;

  for (const path of ['/districts/auezov/', '/districts/almaly/', '/en/districts/nauryzbay/', '/districts/', '/kk/districts/', `/projects/${located.id}/`, '/embed/districts/almaly/']) {
    test(`${path} with its map drawn has no axe violations`, async ({ page }) => {
      await page.goto(path);
      await openMap(page);
      expect(summary(await axe(page))).toEqual([]);
    });
  }

  test('an open popup has no axe violations', async ({ page }) => {
    await page.goto('/districts/almaly/');
    await openMap(page);
    await page.locator('.pm-marker').first().click();
    await expect(page.locator('.leaflet-popup')).toBeVisible();
    expect(summary(await axe(page))).toEqual([]);
  });
});
