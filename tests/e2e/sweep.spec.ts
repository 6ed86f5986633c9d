// Quality sweep: every page template, in every language, with JavaScript on and off. axe (WCAG 2.2
// A/AA) finds nothing; with JavaScript on, the page carries its CSP <meta> and shows no CSP violation
// and no console error other than blocked map tiles; with it off, the page still has its heading and
// main content.
//
// Each template is swept on a few representative pages, chosen from the content so that each state a
// template can be in is seen (a project with an exact point, one with an approximate point, one without
// a location; the district with the most points on its map, one whose projects have no points, one
// without projects). What differs between two pages of one template is their content, and
// scripts/check-pages.mjs checks that on every built page (duplicate ids, names of links and buttons,
// heading order, lang on foreign text, the CSP meta). A page that matches no template fails the first
// test below, so a new kind of page cannot go unswept.
//
// The pages are only read, so each worker keeps one browser context per JavaScript setting and reuses
// it from test to test instead of opening a new one for each.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test as base, type Browser, type BrowserContextOptions, type Page, type WorkerInfo } from '@playwright/test';
import { loadConsidered, loadProjects } from './content.ts';
import { axeViolations } from './support/axe.ts';
import { serve } from './support/static-server.ts';

const LANGS = ['', 'kk/', 'en/'] as const;
const TILES = /tile\.openstreetmap\.org|\.tile\./;

/** The addresses of projects taken off the list, which now say so (content/considered/, formerId). */
const FORMER = new RegExp(`^projects/(${loadConsidered().flatMap((c) => (c.formerId ? [c.formerId] : [])).join('|') || '(?!)'})/$`);

/** Page templates by their path after the language prefix. Order matters: the first match wins. */
const TEMPLATES = [
  ['home', /^$/],
  ['article', /^news\/[^/]+\/$/],
  ['project index', /^projects\/$/],
  ['paged project index', /^projects\/page\/\d+\/$/],
  ['former project', FORMER],
  ['project', /^projects\/[^/]+\/$/],
  ['districts index', /^districts\/$/],
  ['district', /^districts\/[^/]+\/$/],
  ['embed', /^embed\/districts\/[^/]+\/$/],
  ['data', /^data\/$/],
] as const;
type Template = (typeof TEMPLATES)[number][0];

/** Every built page under a folder as a path after the language prefix ("projects/x/"), per language. */
function builtPages(root: string, dir = root, rel = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return builtPages(root, join(dir, e.name), `${rel}${e.name}/`);
    return e.name === 'index.html' ? [rel] : [];
  });
}
const split = (path: string) => {
  const m = /^(kk\/|en\/)?(.*)$/.exec(path)!;
  return { lang: (m[1] ?? '') as (typeof LANGS)[number], rest: m[2]! };
};
const templateOf = (rest: string): Template | undefined => TEMPLATES.find(([, re]) => re.test(rest))?.[0];

const ALL = builtPages('dist');
const byTemplate = new Map<Template, string[]>();
for (const path of ALL) {
  const { lang, rest } = split(path);
  const t = templateOf(rest);
  if (t && lang === '') byTemplate.set(t, [...(byTemplate.get(t) ?? []), rest]);
}

/** The representative pages of each template (paths after the language prefix), from the content. */
function representatives(): Array<{ template: Template; rest: string; why: string }> {
  const projects = loadProjects();
  const pick: Array<{ template: Template; rest: string | undefined; why: string }> = [];
  const exists = (t: Template, rest: string | undefined) => rest !== undefined && (byTemplate.get(t) ?? []).includes(rest);
  const project = (why: string, keep: (p: (typeof projects)[number]) => boolean) => {
    const p = projects.filter(keep).sort((a, b) => a.id.localeCompare(b.id))[0];
    pick.push({ template: 'project', rest: p && `projects/${p.id}/`, why });
  };
  project('exact point', (p) => p.location?.precision === 'exact');
  project('approximate point', (p) => !!p.location && p.location.precision !== 'exact');
  project('no location, no district', (p) => !p.location && !p.district);
  project('no location', (p) => !p.location);

  const districts = (byTemplate.get('district') ?? []).map((rest) => rest.split('/')[1]!);
  const count = (slug: string, keep: (p: (typeof projects)[number]) => boolean) => projects.filter((p) => p.district === slug && keep(p)).length;
  const mostPoints = [...districts].sort((a, b) => count(b, (p) => !!p.location) - count(a, (p) => !!p.location) || a.localeCompare(b))[0];
  const noPoints = districts.find((d) => count(d, () => true) > 0 && count(d, (p) => !!p.location) === 0);
  const empty = districts.find((d) => count(d, () => true) === 0);
  pick.push({ template: 'district', rest: mostPoints && `districts/${mostPoints}/`, why: 'most points on its map' });
  pick.push({ template: 'district', rest: noPoints && `districts/${noPoints}/`, why: 'projects without points' });
  pick.push({ template: 'district', rest: empty && `districts/${empty}/`, why: 'no projects' });
  pick.push({ template: 'embed', rest: mostPoints && `embed/districts/${mostPoints}/`, why: 'most points on its map' });

  // Every template has at least one page swept: its first page when nothing above chose one.
  const chosen = pick.filter((p) => exists(p.template, p.rest)) as Array<{ template: Template; rest: string; why: string }>;
  for (const [t] of TEMPLATES) {
    const pages = (byTemplate.get(t) ?? []).sort();
    if (pages.length && !chosen.some((c) => c.template === t)) chosen.push({ template: t, rest: pages[0]!, why: pages.length === 1 ? 'the page' : 'first page' });
  }
  // One sweep per page, even where two descriptions chose the same one.
  return chosen.filter((c, i) => chosen.findIndex((d) => d.rest === c.rest) === i);
}

const SWEEP = representatives();

// ─── Fixtures: one context per worker and JavaScript setting, reused by every test ────────────────

interface Tab {
  page: Page;
  /** Console errors, page errors and CSP violations since the last `reset()`. */
  errors: string[];
  reset: () => void;
}

async function openTab(browser: Browser, options: BrowserContextOptions): Promise<Tab> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !TILES.test(m.text()) && !TILES.test(m.location().url)) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // Any CSP violation (a blocked inline script or style, a disallowed host) is reported as an error.
  await context.exposeBinding('__cspViolation', (_, text: string) => errors.push(`CSP: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  // Tiles are blocked: the page must still work without them.
  await context.route(TILES, (r) => r.abort());
  return { page, errors, reset: () => void (errors.length = 0) };
}

/** A tab for one worker, with the project's context options (base URL, viewport …) and JS on or off. */
async function useTab(browser: Browser, info: WorkerInfo, javaScriptEnabled: boolean, use: (tab: Tab) => Promise<void>) {
  const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, serviceWorkers } = info.project.use;
  const set = { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, serviceWorkers, javaScriptEnabled };
  const tab = await openTab(browser, Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)) as BrowserContextOptions);
  await use(tab);
  await tab.page.context().close();
}

const test = base.extend<object, { withJs: Tab; withoutJs: Tab; pagedURL: string | undefined }>({
  withJs: [async ({ browser }, use, info) => useTab(browser, info, true, use), { scope: 'worker' }],
  withoutJs: [async ({ browser }, use, info) => useTab(browser, info, false, use), { scope: 'worker' }],
  // The paged project index exists only in dist-paged/ (built by `npm test`), served here on its own.
  pagedURL: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!existsSync('dist-paged')) return use(undefined);
      const server = await serve('dist-paged');
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

/** Loads a page and checks it with JavaScript on: CSP meta, one h1, axe, no errors, no CSP violation. */
async function sweepWithJs(tab: Tab, url: string) {
  tab.reset();
  const response = await tab.page.goto(url);
  expect(response?.status(), url).toBe(200);
  const { page } = tab;
  await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  // Scroll to the end so lazy islands (maps) load and are checked too.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page, { javaScript: true })).toEqual([]);
  expect(tab.errors).toEqual([]);
}

/** Loads a page and checks it with JavaScript off: heading and content shown, axe. */
async function sweepWithoutJs(tab: Tab, url: string) {
  tab.reset();
  const response = await tab.page.goto(url);
  expect(response?.status(), url).toBe(200);
  const { page } = tab;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await page.locator('main').innerText()).length).toBeGreaterThan(100);
  expect(await axeViolations(page, { javaScript: false })).toEqual([]);
}

test('every built page belongs to a swept template, in all three languages', () => {
  const unknown = ALL.filter((p) => !templateOf(split(p).rest));
  expect(unknown, 'pages of a template the sweep does not know: add it to TEMPLATES').toEqual([]);
  for (const prefix of ['kk/', 'en/']) expect(ALL.some((p) => p.startsWith(prefix))).toBe(true);
  for (const [t] of TEMPLATES) {
    if (!byTemplate.has(t)) continue;
    for (const lang of LANGS) expect(SWEEP.some((s) => s.template === t && ALL.includes(lang + s.rest)), `${t} in ${lang || 'ru'}`).toBe(true);
  }
});

// axe as the sweep runs it (legacy mode, violations only: tests/e2e/support/axe.ts) still reports what
// it should: a page given an image without a text alternative and a button without a name fails.
for (const javaScript of [true, false]) {
  test(`axe reports violations put into a page, with JavaScript ${javaScript ? 'on' : 'off'}`, async ({ withJs, withoutJs }) => {
    const { page } = javaScript ? withJs : withoutJs;
    await page.goto('/');
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', '<img src="/favicon.svg" id="axe-canary-img"><button id="axe-canary-button"></button>');
    });
    const found = await axeViolations(page, { javaScript });
    expect(found.find((v) => v.startsWith('image-alt'))).toContain('#axe-canary-img');
    expect(found.find((v) => v.startsWith('button-name'))).toContain('#axe-canary-button');
  });
}

for (const { template, rest, why } of SWEEP) {
  for (const lang of LANGS) {
    const path = `/${lang}${rest}`;
    if (!ALL.includes(lang + rest)) continue;
    test(`${template} (${why}) ${path} with JavaScript: axe, CSP, no errors`, async ({ withJs }) => {
      await sweepWithJs(withJs, path);
    });
    test(`${template} (${why}) ${path} without JavaScript: axe, heading, content`, async ({ withoutJs }) => {
      await sweepWithoutJs(withoutJs, path);
    });
  }
}

// The paged index's further pages (dist-paged/; the real content is one page long in dist/).
for (const lang of LANGS) {
  const path = `/${lang}projects/page/2/`;
  test(`paged project index ${path} with JavaScript: axe, CSP, no errors`, async ({ withJs, pagedURL }) => {
    test.skip(!pagedURL, 'dist-paged/ is built by `npm test` (see scripts/test-all.mjs)');
    await sweepWithJs(withJs, pagedURL + path);
  });
  test(`paged project index ${path} without JavaScript: axe, heading, content`, async ({ withoutJs, pagedURL }) => {
    test.skip(!pagedURL, 'dist-paged/ is built by `npm test` (see scripts/test-all.mjs)');
    await sweepWithoutJs(withoutJs, pagedURL + path);
  });
}
