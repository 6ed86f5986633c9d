/**
 * The maps: the static SVG on district pages, the city picture on /districts/ and the home page, the
 * project page's map, the street map on request, and the embeddable district view (also framed by a
 * page on another origin). Expected marks come from the content files themselves
 * (tests/e2e/content.ts), so the tests follow the data instead of repeating it. Map tiles never reach the
 * network: every test answers them with a blank image or blocks them.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './support/axe.ts';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** Presses "show on the street map" and waits until Leaflet has drawn it. */
async function openStreetMap(page: Page, name = 'Показать на карте улиц') {
  const map = page.locator('project-map').first();
  await map.getByRole('button', { name }).click();
  await expect(map).toHaveAttribute('data-ready', 'true');
  return map;
}

/**
 * Markers on the street map: single markers plus the projects inside groups, each group counted by
 * the number it shows, which must also open its accessible name (NaN, and so a failed count, if not).
 */
async function markerTotal(page: Page): Promise<number> {
  const singles = await page.locator('.pm-marker').count();
  const clustered = await page.locator('.pm-cluster').evaluateAll((els) =>
    els.reduce((n, e) => {
      const shown = e.querySelector('[aria-hidden="true"]')?.textContent ?? '';
      const name = e.querySelector('.visually-hidden')?.textContent ?? '';
      return n + (/^\d+$/.test(shown) && name.startsWith(`${shown} `) ? Number(shown) : NaN);
    }, 0),
  );
  return singles + clustered;
}

/** Requests for the street map's code and for tiles, as they happen. */
function watchMapRequests(page: Page) {
  const code: string[] = [];
  const tiles: string[] = [];
  page.on('request', (r) => {
    if (TILES.test(r.url())) tiles.push(r.url());
    else if (/street-map|leaflet|map-styles/i.test(r.url())) code.push(r.url());
  });
  return { code, tiles };
}

/** Waits until `target` stays put for 150 ms: an opening popup pans the map to fit itself in. */
async function untilStill(page: Page, target: Locator) {
  await expect
    .poll(async () => {
      const before = await target.boundingBox();
      await page.waitForTimeout(150);
      return JSON.stringify(before) === JSON.stringify(await target.boundingBox());
    })
    .toBe(true);
}

/** Tabs from the focused element and collects the titles of the markers reached, until focus leaves the map. */
async function tabThroughMarkers(page: Page, max = 40): Promise<string[]> {
  const reached = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { inMap: !!a?.closest('.pm-canvas'), marker: a?.classList.contains('pm-marker') ? a.title : null, cluster: !!a?.classList.contains('pm-cluster') };
    });
    if (!info.inMap) break;
    if (info.marker) reached.add(info.marker);
    if (info.cluster) {
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('pm-marker'))).toBe(true);
      reached.add(await page.evaluate(() => (document.activeElement as HTMLElement).title));
    }
  }
  return [...reached].sort();
}

const staticMap = (page: Page, name: string | RegExp) => page.getByRole('group', { name });

test.beforeEach(async ({ page }) => {
  await stubTiles(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const d of districts) {
    test(`${d.slug}: the static map shows the outline and exactly one linked mark per located project`, async ({ page }) => {
      await page.goto(`/districts/${d.slug}/`);
      const svg = staticMap(page, `Карта проектов: ${d.name.ru}`);
      await expect(svg).toBeVisible();
      await expect(svg.locator('path.sm-focus')).toHaveCount(1);
      await expect(svg.locator('path.sm-edge')).toHaveCount(1);
      const located = locatedIn(d.slug);
      await expect(svg.getByRole('link')).toHaveCount(located.length);
      for (const p of located) {
        const mark = svg.getByRole('link', { name: p.title.ru, exact: true });
        await expect(mark).toHaveCount(1);
        await expect(mark).toHaveAttribute('href', `/projects/${p.id}/`);
      }
      // Without a located project the map still draws the district and says how many have no location.
      const unlocated = unlocatedIn(d.slug);
      if (located.length === 0 && unlocated.length > 0) {
        await expect(page.locator('.dm-caption')).toContainText(`${unlocated.length} проект`);
        await expect(page.locator('.dm-caption')).toContainText('только граница района');
      }
      // The credit OpenStreetMap's licence asks for.
      await expect(page.getByRole('link', { name: '© OpenStreetMap contributors' })).toHaveAttribute('href', 'https://www.openstreetmap.org/copyright');
      // No button that would do nothing.
      await expect(page.getByRole('button', { name: 'Показать на карте улиц' })).toBeHidden();
    });
  }

  for (const path of ['/districts/', '/']) {
    test(`${path} shows the city with eight linked district shapes, their counts and a legend`, async ({ page }) => {
      await page.goto(path);
      const svg = staticMap(page, 'Карта проектов по районам Алматы');
      await expect(svg).toBeVisible();
      await expect(svg.getByRole('link')).toHaveCount(districts.length);
      for (const d of districts) {
        const n = projects.filter((p) => p.district === d.slug).length;
        const link = svg.getByRole('link', { name: new RegExp(`^${d.name.ru}: ${n} проект`) });
        await expect(link).toHaveAttribute('href', `/districts/${d.slug}/`);
      }
      // The count is written on each district; the located projects are dots.
      await expect(svg.locator('.sm-count')).toHaveCount(districts.length);
      const dots = await svg.locator('.sm-dot').count();
      expect(dots).toBeGreaterThan(0);
      expect(dots).toBeLessThanOrEqual(projects.filter((p) => p.location).length);
      await expect(page.locator('.cm-note')).toContainText('Полный перечень акимат не публиковал');
    });
  }

  test('a project page with a stated point shows it on its district, not as a link to itself', async ({ page }) => {
    const p = projects.find((x) => x.location && x.district)!;
    await page.goto(`/projects/${p.id}/`);
    const svg = staticMap(page, 'Карта: где находится проект');
    await expect(svg.locator('.sm-mark')).toHaveCount(1);
    await expect(svg.getByRole('link')).toHaveCount(0);
    await expect(page.getByText(/^Точность отметки: /)).toBeVisible();
  });
});

test.describe('the street map on request', () => {
  test('nothing is requested from the tile server and no Leaflet code loads until the button is pressed', async ({ page }) => {
    const seen = watchMapRequests(page);
    await page.goto('/districts/almaly/');
    // A reader scrolls the whole page: still nothing.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(seen.tiles).toEqual([]);
    expect(seen.code).toEqual([]);
    await expect(page.getByText(/сервер карт не узнаёт о вашем визите/)).toBeVisible();

    await openStreetMap(page);
    expect(seen.code.some((u) => /street-map/.test(u))).toBe(true);
    await expect.poll(() => seen.tiles.length).toBeGreaterThan(0);
    // The static picture has given way to the street map.
    await expect(staticMap(page, 'Карта проектов: Алмалинский район')).toBeHidden();
    await expect(page.getByRole('region', { name: 'Карта проектов: Алмалинский район' })).toBeVisible();
  });

  for (const slug of ['almaly', 'auezov', 'zhetysu']) {
    test(`${slug}: the street map draws the outline and every marker, and the keyboard reaches them`, async ({ page }) => {
      const located = locatedIn(slug);
      await page.goto(`/districts/${slug}/`);
      await openStreetMap(page);
      await expect(page.locator('.pm-canvas path.pm-outline-focus')).toHaveCount(1);
      expect(await markerTotal(page)).toBe(located.length);
      // Focus is on the map after the press; Tab goes on to its markers.
      await expect(page.locator('.pm-canvas')).toBeFocused();
      expect(await tabThroughMarkers(page)).toEqual(located.map((p) => p.title.ru).sort());
    });
  }

  test('projects on one point are one group that lists them: Enter opens the list, Escape comes back', async ({ page }) => {
    // Test data, not content: the page's own located projects moved onto the first one's point, as
    // projects on one site would be. No zoom separates them, so the group lists them instead.
    const located = locatedIn('almaly');
    expect(located.length).toBeGreaterThan(1);
    await page.goto('/districts/almaly/');
    await page.locator('project-map').first().evaluate((map: HTMLElement) => {
      const fc = JSON.parse(map.dataset['features'] ?? '{}') as { features: Array<{ geometry: { coordinates: number[] } }> };
      const [first] = fc.features;
      for (const f of fc.features) f.geometry.coordinates = [...first!.geometry.coordinates];
      map.dataset['features'] = JSON.stringify(fc);
    });
    await openStreetMap(page);
    await expect(page.locator('.pm-marker')).toHaveCount(0);
    const group = page.getByRole('button', { name: `${located.length} проекта в этой точке, нажмите, чтобы увидеть список` });
    await expect(group).toHaveCount(1);
    await group.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await expect(popup.getByText(`${located.length} проекта в этой точке`)).toBeVisible();
    const links = popup.getByRole('link');
    await expect(links).toHaveCount(located.length);
    for (const p of located) await expect(popup.getByRole('link', { name: p.title.ru, exact: true })).toHaveAttribute('href', `/projects/${p.id}/`);
    await expect(links.first()).toBeFocused();
    expect(await axeViolations(page, { javaScript: true })).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(popup).toHaveCount(0);
    await expect(group).toBeFocused();
  });

  test('the same button goes back to the drawn map, and again to the street map', async ({ page }) => {
    await page.goto('/districts/almaly/');
    const map = await openStreetMap(page);
    const drawn = staticMap(page, 'Карта проектов: Алмалинский район');
    const street = page.getByRole('region', { name: 'Карта проектов: Алмалинский район' });
    await expect(drawn).toBeHidden();
    await map.getByRole('button', { name: 'Вернуть нарисованную карту' }).click();
    await expect(drawn).toBeVisible();
    await expect(street).toBeHidden();
    // The drawn picture's own legend is back with it.
    await expect(map.getByText('соседние районы')).toBeVisible();
    await map.getByRole('button', { name: 'Показать на карте улиц' }).click();
    await expect(street).toBeVisible();
    await expect(drawn).toBeHidden();
    expect(await markerTotal(page)).toBe(locatedIn('almaly').length);
  });

  test('the city street map draws the eight outlines and every located project', async ({ page }) => {
    await page.goto('/districts/');
    const shades = page.getByText('Цвет района и число на нём: сколько проектов района называют открытые источники:');
    const streetKey = page.getByText(/^На карте улиц каждая отметка/);
    await expect(shades).toBeVisible();
    await expect(streetKey).toBeHidden();
    await openStreetMap(page);
    await expect(page.locator('.pm-canvas path.pm-outline')).toHaveCount(districts.length);
    expect(await markerTotal(page)).toBe(projects.filter((p) => p.location).length);
    // The street map draws marks, not shades or numbers: the legend says what it does draw.
    await expect(shades).toBeHidden();
    await expect(streetKey).toBeVisible();
  });

  test('a marker’s popup states the precision and links to the right project page', async ({ page }) => {
    const p = locatedIn('almaly')[0]!;
    await page.goto('/districts/almaly/');
    await openStreetMap(page);
    await page.getByRole('button', { name: p.title.ru, exact: true }).click();
    const popup = page.locator('.leaflet-popup');
    await expect(popup).toContainText('приблизительно: точка на улице');
    await expect(popup).toContainText('Что отмечает точка');
    const link = popup.getByRole('link', { name: p.title.ru });
    await expect(link).toHaveAttribute('href', `/projects/${p.id}/`);
    // An opening popup pans the map to fit itself in. A click while the map still moves can land on the
    // map instead, which closes the popup (one CI run under load): wait until the link stays put.
    await untilStill(page, link);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/projects/${p.id}/$`));
  });

  test('Enter on a marker opens its popup; Escape returns to the marker; "Skip the map" lands after it', async ({ page }) => {
    const first = locatedIn('auezov')[0]!;
    await page.goto('/districts/auezov/');
    await openStreetMap(page);
    await page.getByRole('button', { name: first.title.ru, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.leaflet-popup').getByRole('link', { name: first.title.ru })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: first.title.ru, exact: true })).toBeFocused();
    const skip = page.getByRole('link', { name: 'Пропустить карту' });
    await skip.focus();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('#map-auezov-after')).toBeFocused();
  });

  test('with tiles blocked the outline and markers still show and the only errors are the failed tiles', async ({ page }) => {
    await page.unrouteAll();
    await page.route(TILES, (r) => r.abort());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !TILES.test(m.location().url)) errors.push(m.text());
    });
    await page.goto('/districts/auezov/');
    await openStreetMap(page);
    expect(await markerTotal(page)).toBe(locatedIn('auezov').length);
    await expect(page.locator('.pm-canvas path.pm-outline-focus')).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('when Leaflet cannot load, the static map comes back and the page says so', async ({ page }) => {
    await page.route(/street-map/, (r) => r.abort());
    await page.goto('/districts/almaly/');
    await page.getByRole('button', { name: 'Показать на карте улиц' }).click();
    await expect(page.getByText('Карту не удалось загрузить. Все проекты перечислены в списке.')).toBeVisible();
    await expect(staticMap(page, 'Карта проектов: Алмалинский район')).toBeVisible();
    await expect(page.locator('.pm-canvas')).toBeHidden();
  });

  test('Leaflet and our map code stay under 60 KB gzipped', async ({ page }) => {
    const files: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' || /map-styles/.test(r.url())) files.push(new URL(r.url()).pathname);
    });
    await page.goto('/districts/almaly/');
    // Before the press, only the button's small loader.
    await page.waitForLoadState('networkidle');
    const dist = new URL('../../dist/', import.meta.url);
    const gz = (list: string[]) => list.map((path) => gzipSync(readFileSync(new URL(`.${path}`, dist))).length).reduce((a, b) => a + b, 0);
    expect(files).toHaveLength(1);
    expect(gz(files)).toBeLessThan(2 * 1024);
    await openStreetMap(page);
    expect(files.some((s) => /street-map/.test(s))).toBe(true);
    expect(gz(files)).toBeLessThan(60 * 1024);
  });

  test('the project page’s street map shows its one point, zoomed in', async ({ page }) => {
    const p = projects.find((x) => x.location && x.district)!;
    await page.goto(`/projects/${p.id}/`);
    await openStreetMap(page);
    await expect(page.locator('.pm-marker')).toHaveCount(1);
    await expect(page.locator('.pm-marker')).toHaveAttribute('title', p.title.ru);
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
    expect(requests.filter((u) => /street-map|leaflet|map-styles|ProjectMap/i.test(u))).toEqual([]);
  });

  test('English and Kazakh pages name the button and the marks in their language', async ({ page }) => {
    const p = locatedIn('almaly')[0]!;
    await page.goto('/kk/districts/almaly/');
    await expect(page.getByRole('button', { name: 'Көше картасынан көрсету' })).toBeVisible();
    await page.goto('/en/districts/almaly/');
    const svg = staticMap(page, 'Map of projects: Almaly district');
    await expect(svg.getByRole('link', { name: p.title.en, exact: true })).toHaveAttribute('href', `/en/projects/${p.id}/`);
    await expect(svg.locator('a.sm-mark title[lang="ru"]')).toHaveCount(0);
    await openStreetMap(page, 'Show on the street map');
    await expect(page.locator(`.pm-marker[title="${p.title.en}"]`)).toHaveCount(1);
  });
});

test.describe('the city picture', () => {
  test('the announced figures stand next to the itemised ones once, for the city only', async ({ page }) => {
    await page.goto('/districts/');
    // The city's reconciliation, the same component as on the home page, carries the announced figures.
    await expect(page.getByRole('region', { name: 'Объявленные цифры и наш список' })).toContainText('более 60');
    // The district table has a row per district and one for projects without a district, and no
    // announced row: no source gives a figure per district.
    const table = page.getByRole('table', { name: 'Проекты по районам и категориям' });
    await expect(table.locator('tbody tr')).toHaveCount(districts.length + 1);
    await expect(table).not.toContainText('более 60');
  });

  test('a district shape is a link to the district page', async ({ page }) => {
    await page.goto('/');
    await staticMap(page, 'Карта проектов по районам Алматы').getByRole('link', { name: /^Медеуский район:/ }).click();
    await expect(page).toHaveURL(/\/districts\/medeu\/$/);
  });

  test('no project dot is hidden: names keep clear of the dots, and the dots are drawn above the counts', async ({ page }) => {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      for (const lang of ['', 'kk/', 'en/']) {
        await page.goto(`/${lang}`);
        const hidden = await page.locator('svg.sm').first().evaluate((svg) => {
          const dots = [...svg.querySelectorAll('.sm-dots circle')].map((c) => c.getBoundingClientRect());
          const names = [...svg.querySelectorAll('.sm-label')].filter((t) => getComputedStyle(t).display !== 'none').map((t) => t.getBoundingClientRect());
          const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const underName = dots.filter((d) => names.some((n) => hit(d, n))).length;
          // Document order is paint order in SVG: the counts' pills are in the labels' group.
          const countsFirst = svg.querySelector('.sm-labels')!.compareDocumentPosition(svg.querySelector('.sm-dots')!) & Node.DOCUMENT_POSITION_FOLLOWING;
          return { dots: dots.length, underName, countsFirst: countsFirst > 0 };
        });
        expect(hidden.dots, `/${lang} at ${width}`).toBeGreaterThan(0);
        expect(hidden.underName, `/${lang} at ${width}: dots under a name`).toBe(0);
        expect(hidden.countsFirst, `/${lang} at ${width}: dots drawn after the counts`).toBe(true);
      }
    }
  });

  test('a district reached with the keyboard is filled with the focus colour, which its neighbours cannot cover', async ({ page }) => {
    await page.goto('/');
    const link = staticMap(page, 'Карта проектов по районам Алматы').getByRole('link', { name: /^Алмалинский район:/ });
    const fill = () => link.locator('path').evaluate((p) => getComputedStyle(p).fill);
    const before = await fill();
    await link.focus();
    await expect(link).toBeFocused();
    // --focus (#ffbf47): an outline alone was drawn under the neighbours' shapes on every shared border.
    expect(await fill()).toBe('rgb(255, 191, 71)');
    expect(before).not.toBe('rgb(255, 191, 71)');
  });
});

test.describe('the embeddable district view', () => {
  /**
   * A host page on another origin that frames the embed: a tiny server of its own on a free port,
   * addressed as localhost while the site is served on 127.0.0.1 (two hosts and two ports). A real
   * server rather than a routed response, because Chromium's local network checks only let a page
   * that itself came from the loopback address frame one on it.
   */
  let host: Server;
  let hostPort = 0;
  let framed = '/embed/districts/almaly/';
  test.beforeAll(async ({ baseURL }) => {
    const site = new URL(baseURL ?? 'http://127.0.0.1:4322');
    host = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><title>Host</title><h1>Someone else’s page</h1><iframe src="${site.origin}${framed}" title="Almaly" width="900" height="720"></iframe>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostPort = (host.address() as AddressInfo).port;
  });
  test.afterAll(async () => {
    await new Promise<void>((resolve) => host.close(() => resolve()));
  });
  async function hostPage(page: Page, _baseURL: string | undefined, path: string) {
    framed = path;
    await page.goto(`http://localhost:${hostPort}/`);
    return page.frameLocator('iframe');
  }

  test('on another origin: the static map first, nothing fetched, then the street map on request', async ({ page, baseURL }) => {
    const seen = watchMapRequests(page);
    const frame = await hostPage(page, baseURL, '/embed/districts/almaly/');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(/^Алмалинский район/);
    const svg = frame.getByRole('group', { name: 'Карта проектов: Алмалинский район' });
    await expect(svg).toBeVisible();
    await expect(svg.getByRole('link')).toHaveCount(locatedIn('almaly').length);
    await page.waitForLoadState('networkidle');
    expect(seen.tiles).toEqual([]);
    expect(seen.code).toEqual([]);

    await frame.getByRole('button', { name: 'Показать на карте улиц' }).click();
    await expect(frame.locator('project-map')).toHaveAttribute('data-ready', 'true');
    await expect(frame.locator('.pm-canvas path.pm-outline-focus')).toHaveCount(1);
    await expect(frame.locator('.pm-marker')).toHaveCount(locatedIn('almaly').length);
    await expect.poll(() => seen.tiles.length).toBeGreaterThan(0);
    // The keyboard reaches every marker inside the frame.
    const reached = new Set<string>();
    await expect(frame.locator('.pm-canvas')).toBeFocused();
    const inFrame = page.frame({ url: /\/embed\/districts\/almaly\/$/ })!;
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const focus = await inFrame.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return { inMap: !!a?.closest('.pm-canvas'), marker: a?.classList.contains('pm-marker') ? a.title : null };
      });
      if (!focus.inMap) break;
      if (focus.marker) reached.add(focus.marker);
    }
    expect([...reached].sort()).toEqual(locatedIn('almaly').map((p) => p.title.ru).sort());
  });

  test('every link in the frame opens the site in a new tab', async ({ page, baseURL }) => {
    const frame = await hostPage(page, baseURL, '/embed/districts/almaly/');
    await expect(frame.locator('project-map')).toBeVisible();
    const links = frame.locator('a[href^="/"], a[href^="https://www.openstreetmap.org"]');
    expect(await links.count()).toBeGreaterThan(0);
    for (const a of await links.all()) {
      await expect(a).toHaveAttribute('target', '_blank');
      await expect(a).toHaveAttribute('rel', 'noopener');
    }
    // No site header or navigation in the frame.
    await expect(frame.getByRole('navigation')).toHaveCount(0);
    await frame.getByRole('button', { name: 'Показать на карте улиц' }).click();
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

test.describe('at 320 px and in print', () => {
  test('at 320 px a marker\'s popup stays inside the street map, clear of the zoom buttons, its close button in view', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto('/kk/districts/auezov/');
    await openStreetMap(page, 'Көше картасынан көрсету');
    await page.locator('.pm-marker').first().focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await expect(popup.getByRole('link').first()).toBeFocused();
    // The popup pans into place; measure once it has stopped.
    await untilStill(page, popup);
    const box = (await popup.boundingBox())!;
    const map = (await page.locator('.pm-canvas').boundingBox())!;
    const zoom = (await page.locator('.leaflet-control-zoom').boundingBox())!;
    const close = (await popup.locator('.leaflet-popup-close-button').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(map.x);
    expect(box.x + box.width).toBeLessThanOrEqual(map.x + map.width);
    expect(close.x + close.width).toBeLessThanOrEqual(map.x + map.width);
    expect(box.y).toBeGreaterThanOrEqual(zoom.y + zoom.height);
  });

  test('the map fits 320 px and its labels stay readable', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/districts/almaly/', '/districts/zhetysu/', '/districts/']) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      // Every label shown is at least 11 CSS px tall on screen.
      const sizes = await page.locator('svg.sm .sm-label').evaluateAll((els) =>
        els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.getBoundingClientRect().height / e.querySelectorAll('tspan').length),
      );
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    }
  });

  test('on a desktop the city map names all eight districts; a name set apart is joined to its count, up to its text', async ({ page }) => {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/districts/', '/kk/districts/', '/en/districts/']) {
        await page.goto(path);
        const seen = await page.locator('svg.sm').first().evaluate((svg) => {
          const shown = (e: Element) => getComputedStyle(e).display !== 'none';
          const names = [...svg.querySelectorAll('.sm-label')].filter(shown).map((e) => e.getBoundingClientRect());
          const lines = [...svg.querySelectorAll('.sm-leader')].filter(shown).map((l) => {
            const line = l as SVGLineElement;
            const m = line.getScreenCTM()!;
            const at = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(m);
            return { from: at(line.x1.baseVal.value, line.y1.baseVal.value), to: at(line.x2.baseVal.value, line.y2.baseVal.value) };
          });
          // How far each line's end is from the nearest name's drawn text, in CSS px.
          const gaps = lines.map(({ to }) => Math.min(...names.map((r) => Math.hypot(Math.max(r.left - to.x, 0, to.x - r.right), Math.max(r.top - to.y, 0, to.y - r.bottom)))));
          const counts = [...svg.querySelectorAll('.sm-count rect')].map((e) => e.getBoundingClientRect());
          const fromCount = lines.map(({ from }) => counts.some((r) => from.x >= r.left && from.x <= r.right && from.y >= r.top && from.y <= r.bottom));
          return { names: names.length, gaps, fromCount };
        });
        if (width === 1280) expect(seen.names, `${path} at ${width}: names shown`).toBe(8);
        expect(seen.fromCount.every(Boolean), `${path} at ${width}: each line starts at a count`).toBe(true);
        for (const gap of seen.gaps) expect(gap, `${path} at ${width}: the line reaches its name`).toBeLessThanOrEqual(6);
      }
    }
  });

  test('no two district names on the city map touch, in any language, on a phone or a desktop', async ({ page }) => {
    for (const width of [320, 800]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/districts/', '/kk/districts/', '/en/districts/']) {
        await page.goto(path);
        // The drawn text of each name shown, as the browser laid it out with the fonts it has.
        const boxes = await page.locator('svg.sm .sm-label').evaluateAll((els) =>
          els
            .filter((e) => getComputedStyle(e).display !== 'none')
            .map((e) => {
              const r = e.getBoundingClientRect();
              return { name: e.textContent!.trim(), x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
            }),
        );
        expect(boxes.length, `${path} at ${width}`).toBeGreaterThan(1);
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const apart = a.x1 + 2 <= b.x0 || b.x1 + 2 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
            expect(apart, `${path} at ${width}: "${a.name}" and "${b.name}"`).toBe(true);
          }
        }
      }
    }
  });

  /** Boxes that scroll sideways (a table too wide for the screen), among those displayed. */
  const sidewaysScrollers = (page: Page) =>
    page.locator('main').evaluate((main) =>
      [...main.querySelectorAll<HTMLElement>('*')]
        .filter((e) => e.offsetParent !== null && /auto|scroll/.test(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
    );

  test('the figures by category and by district fit 320 px without scrolling sideways', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/districts/', '/kk/districts/', '/districts/almaly/', '/kk/districts/zhetysu/', '/en/districts/medeu/']) {
      await page.goto(path);
      expect(await sidewaysScrollers(page), path).toEqual([]);
    }
    // The figures are still there, as sentences: one per district on /districts/ …
    await page.goto('/districts/');
    const perDistrict = page.locator('.district-sentences');
    await expect(perDistrict).toBeVisible();
    for (const d of districts) await expect(perDistrict.getByRole('link', { name: d.name.ru, exact: true })).toBeVisible();
    await expect(perDistrict).toContainText(`кандидатов в открытых источниках — ${projects.filter((p) => p.district === 'alatau').length}`);
    // … and one per category, plus the total, on a district page.
    await page.goto('/en/districts/almaly/');
    const sentences = page.getByRole('region', { name: 'The district’s projects by category' }).locator('li');
    await expect(sentences).toHaveCount(5);
    await expect(sentences.last()).toHaveText(`Total: candidates in open sources — ${projects.filter((p) => p.district === 'almaly').length}; of which a source ties to Republic Day — ${projects.filter((p) => p.district === 'almaly' && p.republicDay === 'confirmed').length}`);
  });

  test('on tablets the table of districts shows every column without scrolling, in every language', async ({ page }) => {
    // From 52rem (832 px) the table; below it the same figures as sentences.
    for (const width of [832, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ['/districts/', '/kk/districts/', '/en/districts/']) {
        await page.goto(path);
        await expect(page.locator('.district-table table'), `${path} at ${width}`).toBeVisible();
        await expect(page.locator('.district-sentences')).toBeHidden();
        expect(await sidewaysScrollers(page), `${path} at ${width}`).toEqual([]);
      }
    }
    await page.setViewportSize({ width: 820, height: 800 });
    await page.goto('/kk/districts/');
    await expect(page.locator('.district-sentences')).toBeVisible();
    await expect(page.locator('.district-table')).toBeHidden();
  });

  test('in print the table of districts keeps every column on the page', async ({ page }) => {
    // An A4 page less Chromium's default margins, in CSS px.
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    for (const path of ['/districts/', '/kk/districts/']) {
      await page.goto(path);
      await expect(page.locator('.district-table table')).toBeVisible();
      await expect(page.locator('.district-sentences')).toBeHidden();
      const [scroll, box] = await page.locator('.district-table').evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(scroll, path).toBeLessThanOrEqual(box! + 1);
    }
  });

  test('print keeps the static map and leaves out the button', async ({ page }) => {
    await page.goto('/districts/almaly/');
    await page.emulateMedia({ media: 'print' });
    await expect(staticMap(page, 'Карта проектов: Алмалинский район')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Показать на карте улиц' })).toBeHidden();
    await expect(page.locator('.unlocated-count')).toBeVisible();
  });

  test('in print the footer stays in one piece, not split over two sheets', async ({ page }) => {
    await page.goto('/districts/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-footer').evaluate((e) => getComputedStyle(e).breakInside)).toBe('avoid');
  });
});

test.describe('accessibility', () => {
  const axe = (page: Page) => axeViolations(page, { javaScript: true });
  const located = projects.find((x) => x.location && x.district)!;

  for (const path of ['/districts/auezov/', '/en/districts/nauryzbay/', '/districts/', `/projects/${located.id}/`, '/embed/districts/almaly/']) {
    test(`${path}: no axe violations, before and after the street map`, async ({ page }) => {
      await page.goto(path);
      expect(await axe(page)).toEqual([]);
      await openStreetMap(page, path.startsWith('/en/') ? 'Show on the street map' : 'Показать на карте улиц');
      expect(await axe(page)).toEqual([]);
    });
  }

  test('an open popup has no axe violations', async ({ page }) => {
    await page.goto('/districts/almaly/');
    await openStreetMap(page);
    await page.locator('.pm-marker').first().click();
    await expect(page.locator('.leaflet-popup')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
});

test.describe('the districts download', () => {
  test('/data/districts.geojson: eight outlines with the counts the pages show, and the ODbL credit in the file', async ({ request }) => {
    const res = await request.get('/data/districts.geojson');
    expect(res.headers()['content-type']).toContain('application/geo+json');
    const doc = await res.json();
    expect(doc.attribution).toContain('© OpenStreetMap contributors');
    expect(doc.license).toContain('ODbL');
    expect(doc.features.map((f: { properties: { slug: string } }) => f.properties.slug).sort()).toEqual(districts.map((d) => d.slug).sort());
    for (const f of doc.features) {
      const own = projects.filter((p) => p.district === f.properties.slug);
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(f.properties.itemised, f.properties.slug).toBe(own.length);
      expect(f.properties.located, f.properties.slug).toBe(own.filter((p) => p.location).length);
      expect(f.properties.confirmed_on_list, f.properties.slug).toBe(own.filter((p) => p.republicDay === 'confirmed').length);
    }
  });

  test('/data/ lists it with its licence, and the Dataset JSON-LD names its licence', async ({ page }) => {
    await page.goto('/en/data/');
    await expect(page.getByRole('link', { name: /District outlines \(GeoJSON\) districts\.geojson/ })).toHaveAttribute('href', '/data/districts.geojson');
    await expect(page.getByText(/Open Database License \(ODbL 1\.0\)/)).toBeVisible();
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const dataset = blocks.map((b) => JSON.parse(b)).find((d) => d['@type'] === 'Dataset');
    const file = dataset.distribution.find((d: { name: string }) => d.name === 'districts.geojson');
    expect(file.license).toBe('https://opendatacommons.org/licenses/odbl/1-0/');
  });
});
