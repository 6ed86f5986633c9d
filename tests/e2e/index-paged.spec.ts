// The project index once the list is paged (src/lib/paging.ts). Today's content is one page, so
// `npm test` builds it a second time with INDEX_PAGE_SIZE=10 into dist-paged/ (46 projects → 5 pages),
// which exercises the same code a 10,000-project list runs: static pages for readers without
// JavaScript, and filtering over the fetched filter index for everyone else.
import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/axe.ts';
import { idsWhere, loadProjects } from './content.ts';
import { serve } from './support/static-server.ts';

const ROOT = 'dist-paged';
const PAGE_SIZE = 10;
const projects = loadProjects();
const all = projects.map((p) => p.id).sort();
const where = (keep: Parameters<typeof idsWhere>[1]) => idsWhere(projects, keep);
const pages = Math.ceil(projects.length / PAGE_SIZE);

async function visibleIds(page: Page): Promise<string[]> {
  const ids = await page.locator('li[data-project-id]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-project-id') ?? ''));
  return ids.sort();
}

/**
 * The first batch of matches is shown: as many as fit, every one of them a match. Count and matches
 * are polled together: the unfiltered first page also shows PAGE_SIZE items, so a count alone can pass
 * before the filter has run.
 */
async function expectFirstBatch(page: Page, expected: string[]) {
  await expect
    .poll(async () => {
      const ids = await visibleIds(page);
      return { shown: ids.length, notMatching: ids.filter((id) => !expected.includes(id)) };
    })
    .toEqual({ shown: Math.min(PAGE_SIZE, expected.length), notMatching: [] });
}

test.describe('the paged project index', () => {
  test.skip(!existsSync(ROOT), 'dist-paged/ is built by `npm test` (see scripts/test-all.mjs)');
  let server: Awaited<ReturnType<typeof serve>>;
  test.beforeAll(async () => {
    server = await serve(ROOT);
  });
  test.afterAll(async () => server.close());

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('every project is reached by following the pages', async ({ page }) => {
      const seen: string[] = [];
      await page.goto(`${server.url}/projects/`);
      for (let n = 1; n <= pages; n += 1) {
        const pager = page.getByRole('navigation', { name: 'Страницы списка проектов' });
        // Page n first, then its items: read right after the click, they could be the page before's,
        // or none while the next one loads (the last page's five went missing on a loaded machine).
        await expect(pager.getByRole('link', { name: `Страница ${n}` })).toHaveAttribute('aria-current', 'page');
        const ids = await visibleIds(page);
        expect(ids.length, `page ${n}`).toBeGreaterThan(0);
        expect(ids.length, `page ${n}`).toBeLessThanOrEqual(PAGE_SIZE);
        seen.push(...ids);
        if (n < pages) await pager.getByRole('link', { name: /Следующая/ }).click();
        else await expect(pager.getByRole('link', { name: /Следующая/ })).toHaveCount(0);
      }
      expect(seen.sort()).toEqual(all);
      await expect(page).toHaveURL(new RegExp(`/projects/page/${pages}/$`));
      // The further pages point to the first one, where the filters are.
      await expect(page.getByRole('link', { name: 'Фильтры и поиск — на первой странице списка.' })).toHaveAttribute('href', '/projects/');
    });
  });

  test('browsing the pages downloads no filter file; one box fetches its own small file and the whole index', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('filter-index.json') || path.startsWith('/projects/filter/')) fetched.push(path);
    });
    await page.goto(`${server.url}/projects/`);
    await expect(page.getByRole('status')).toHaveText(new RegExp(`Всего: ${projects.length} проект`));
    expect(await visibleIds(page)).toHaveLength(PAGE_SIZE);
    expect(fetched).toEqual([]);

    // The whole index is held back until the first matches show: they come from the value's own file.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/filter-index.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('checkbox', { name: 'Коммунальные сети' }).check();
    const utilities = where((p) => p.category === 'utilities');
    await expectFirstBatch(page, utilities);
    await expect(page.getByRole('status')).toHaveText(new RegExp(`Показано: ${utilities.length} проект[а-я]* из ${projects.length}`));
    await expect(page.getByRole('navigation', { name: 'Страницы списка проектов' })).toBeHidden();
    await expect(page).toHaveURL(/\?category=utilities$/);
    // Both were asked for: the value's file, and the whole index for what the reader does next
    // (requested as the pointer reached the controls, so either may go first).
    expect([...fetched].sort()).toEqual(['/projects/filter-index.json', '/projects/filter/category/utilities.json']);
    release();

    // A second box is filtered over the whole index: no further file.
    await page.getByRole('checkbox', { name: 'Социальная сфера' }).check();
    await expectFirstBatch(page, where((p) => p.category === 'utilities' || p.category === 'social'));
    expect(fetched).toHaveLength(2);
  });

  test('without its small file a box is filtered over the whole index; without the whole index the first matches still show', async ({ page }) => {
    const infrastructure = where((p) => p.category === 'infrastructure');
    await page.route('**/projects/filter/**', (r) => r.fulfill({ status: 404 }));
    await page.goto(`${server.url}/projects/`);
    await page.getByRole('checkbox', { name: 'Инфраструктура и благоустройство' }).check();
    await expectFirstBatch(page, infrastructure);
    await expect(page.getByRole('status')).toHaveText(new RegExp(`Показано: ${infrastructure.length} проект`));

    await page.unrouteAll();
    await page.route('**/filter-index.json', (r) => r.abort());
    await page.goto(`${server.url}/projects/?category=infrastructure`);
    await expectFirstBatch(page, infrastructure);
    await expect(page.getByRole('status')).toHaveText(new RegExp(`Показано: ${infrastructure.length} проект`));
    // The rest needs the whole index: without it, the pages come back, and the note says why.
    await page.getByRole('button', { name: `Показать ещё ${PAGE_SIZE}` }).click();
    await expect(page.getByRole('status')).toHaveText('Фильтры не загрузились. Все проекты — на страницах списка ниже.');
    await expect(page.getByRole('navigation', { name: 'Страницы списка проектов' })).toBeVisible();
  });

  test('a shared link shows every match, a batch at a time, with the matches counted per category', async ({ page }) => {
    const infrastructure = where((p) => p.category === 'infrastructure');
    expect(infrastructure.length).toBeGreaterThan(2 * PAGE_SIZE);
    await page.goto(`${server.url}/projects/?category=infrastructure`);
    await expect(page.getByRole('status')).toHaveText(new RegExp(`Показано: ${infrastructure.length} проект[а-я]* из ${projects.length}`));
    await expectFirstBatch(page, infrastructure);
    await expect(page.getByRole('heading', { level: 2, name: /Инфраструктура и благоустройство/ })).toContainText(`(${infrastructure.length})`);
    for (let shown = PAGE_SIZE; shown < infrastructure.length; shown += PAGE_SIZE) {
      await page.getByRole('button', { name: `Показать ещё ${Math.min(PAGE_SIZE, infrastructure.length - shown)}` }).click();
      // Focus moves to the first newly shown project, so a keyboard reader continues from there.
      await expect(page.locator('li[data-project-id]:visible a').nth(shown)).toBeFocused();
    }
    expect(await visibleIds(page)).toEqual(infrastructure);
    await expect(page.getByRole('button', { name: /Показать ещё/ })).toBeHidden();
  });

  test('a change draws the first matches at once and the rest of its batch in the next task', async ({ page }) => {
    // Today's paged build has batches of 10, fewer than the part drawn first (FIRST_DRAW, 20); the
    // page is served here with batches of 30, as a 10,000-project list has batches of 100.
    const BATCH = 30;
    await page.route(
      (url) => url.pathname === '/projects/',
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace(/data-batch="\d+"/, `data-batch="${BATCH}"`) });
      },
    );
    // What the list holds at the moment of each of the element's marks (performance.mark is called
    // synchronously, so nothing can be drawn between the moment and the count).
    await page.addInitScript(() => {
      const seen: { name: string; items: number; moreHidden: boolean | undefined }[] = [];
      Object.assign(window, { seenMarks: seen });
      const mark = performance.mark.bind(performance);
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        if (name.startsWith('project-index:')) {
          const items = document.querySelectorAll('[data-matches] li[data-project-id]').length;
          seen.push({ name, items, moreHidden: document.querySelector<HTMLButtonElement>('button[data-more]')?.hidden });
        }
        return mark(name, options);
      };
    });
    // Two values: answered from the whole index, which has every match (a value's own file has one batch).
    const matching = where((p) => p.category === 'social' || p.category === 'infrastructure');
    expect(matching.length).toBeGreaterThan(BATCH);
    await page.goto(`${server.url}/projects/?category=social&category=infrastructure`);
    await expect(page.locator('li[data-project-id]:visible')).toHaveCount(BATCH);
    const seen = await page.evaluate(() => (window as unknown as { seenMarks: unknown[] }).seenMarks);
    expect(seen).toEqual([
      // The list as the reader first sees it: 20 matches, and no "show more" with a wrong number.
      { name: 'project-index:applied', items: 20, moreHidden: true },
      { name: 'project-index:drawn', items: BATCH, moreHidden: false },
    ]);
    await expect(page.getByRole('button', { name: `Показать ещё ${Math.min(BATCH, matching.length - BATCH)}` })).toBeVisible();
    expect((await visibleIds(page)).filter((id) => !matching.includes(id))).toEqual([]);
  });

  test('the search box writing its query into the URL keeps the list drawn for it', async ({ page }) => {
    await page.goto(`${server.url}/projects/`);
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('Турксибский');
    const turksib = where((p) => p.district === 'turksib');
    await expectFirstBatch(page, turksib);
    // The list is drawn at the keystroke; the URL follows a moment later with the same state, and the
    // list is not drawn again (a "show more" clicked in between would otherwise be undone).
    const first = await page.locator('li[data-project-id]:visible').first().elementHandle();
    await expect(page).toHaveURL(/[?&]q=/);
    expect(await first?.evaluate((el) => el.isConnected)).toBe(true);
  });

  test('search finds titles, addresses and kinds on every page, and items look like the server’s', async ({ page }) => {
    await page.goto(`${server.url}/projects/`);
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('Турксибский');
    const turksib = where((p) => p.district === 'turksib');
    await expectFirstBatch(page, turksib);
    await expect(page.getByRole('status')).toHaveText(new RegExp(`Показано: ${turksib.length} проект`));
    const first = page.locator('li[data-project-id]:visible').first();
    const id = await first.getAttribute('data-project-id');
    const title = projects.find((p) => p.id === id)?.title.ru ?? '';
    await expect(first.getByRole('link', { name: title, exact: true })).toHaveAttribute('href', `/projects/${id}/`);
    await expect(first).toContainText('Турксибский район');
    // Rendered from the page's own template, so the list's styles apply: the category stripe shows.
    // (Polled: the list may still be re-rendering for the last keystroke when it is first read.)
    await expect.poll(() => first.evaluate((el) => getComputedStyle(el).borderInlineStartWidth)).toBe('4px');

    await page.getByRole('searchbox', { name: 'Поиск' }).fill('zzzzzz');
    await expect(page.getByText('Ни один проект не подходит под выбранные фильтры')).toBeVisible();
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await expect(page).toHaveURL(/\/projects\/$/);
    await expect(page.getByRole('navigation', { name: 'Страницы списка проектов' })).toBeVisible();
    expect(await visibleIds(page)).toHaveLength(PAGE_SIZE);
  });

  test('Kazakh: items show Kazakh labels and titles where the source gives one', async ({ page }) => {
    const withKk = projects.find((p) => p.title.kk);
    test.skip(!withKk, 'no project has a Kazakh title');
    await page.goto(`${server.url}/kk/projects/?q=${encodeURIComponent(withKk!.title.ru)}`);
    const item = page.locator(`li[data-project-id="${withKk!.id}"]`);
    await expect(item.getByRole('link', { name: withKk!.title.kk!, exact: true })).toHaveAttribute('href', `/kk/projects/${withKk!.id}/`);
    await expect(page.getByRole('status')).toHaveText(/Көрсетілгені: \d+ жоба, барлығы/);
  });

  // One test per view, so that the two workers share them. The further pages (/projects/page/2/) are
  // swept in every language, with JavaScript on and off, by sweep.spec.ts.
  for (const path of ['/projects/', '/projects/?category=social', '/en/projects/?q=zzzz']) {
    test(`has no accessibility violations, browsing or filtered: ${path}`, async ({ page }) => {
      await page.goto(`${server.url}${path}`);
      if (path.includes('?')) await expect(page.getByRole('status')).toHaveText(/Показано|Showing/);
      expect(await axeViolations(page, { javaScript: true }), path).toEqual([]);
    });
  }
});
