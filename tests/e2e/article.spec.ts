import { expect, test, type Page } from '@playwright/test';

const ARTICLE = '/news/republic-day-2025-projects/';

test.describe('the article', () => {
  test.use({ javaScriptEnabled: false });

  test('reads in full without JavaScript', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/завершается реализация более 60/);
    for (const h of ['Социальная сфера', 'Инфраструктура и благоустройство', 'Промышленность и экономика', 'Коммунальная модернизация']) {
      await expect(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
    }
    await expect(page.getByText('Айсулу Омарова')).toBeVisible();
    await expect(page.locator('time').first()).toHaveAttribute('datetime', '2025-10-23T13:43:00.000Z');
    await expect(page.locator('time').first()).toContainText('18:43');
    await expect(page.getByRole('link', { name: 'Zakon.kz' }).first()).toHaveAttribute('href', /zakon\.kz\/sobytiia\/6495375/);
  });

  test('links the full-list sentence to our index; the announced figures are not links to our lists', async ({ page }) => {
    await page.goto(ARTICLE);
    await page.getByRole('link', { name: 'по этой ссылке' }).click();
    await expect(page).toHaveURL(/\/projects\/$/);
    // "20 проектов" as a link to our list of social projects would promise those 20; the list holds the
    // candidates that sources name. The figures beside the article link each category instead.
    for (const lang of ['', 'kk/', 'en/']) {
      await page.goto(`/${lang}news/republic-day-2025-projects/`);
      expect(await page.locator('main a[href*="category="]').evaluateAll((as) => as.map((a) => a.textContent ?? '').filter((t) => /\d/.test(t)))).toEqual([]);
    }
    await page.goto(ARTICLE);
    await page.getByRole('link', { name: 'Социальная сфера' }).first().click();
    await expect(page).toHaveURL(/\/projects\/\?category=social$/);
  });

  test('ships no JavaScript and no images it does not have', async ({ page }) => {
    await page.goto(ARTICLE);
    // JSON-LD blocks are data that browsers never run, so they do not count as JavaScript.
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
  });

  test('shows the announced figures next to the itemised list', async ({ page }) => {
    await page.goto(ARTICLE);
    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: /Социальная сфера/ })).toContainText('20');
    await expect(table.getByRole('row', { name: /Всего/ })).toContainText('более 60');
  });

  test('the Kazakh and English versions say they are translations and link the original', async ({ page }) => {
    for (const path of ['/kk' + ARTICLE, '/en' + ARTICLE]) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', path.slice(1, 3));
      await expect(page.getByRole('link', { name: /В Алматы ко Дню Республики/ })).toHaveAttribute('href', /zakon\.kz/);
      // Said once, in the header: not again as a line of the body.
      await expect(page.locator('main')).toContainText(path.startsWith('/en') ? /our translation/ : /біздің аударма/);
      expect(await page.locator('main').getByText(path.startsWith('/en') ? /our translation/ : /біздің аударма/).count()).toBe(1);
    }
  });
});

// The table of the announced figures next to the itemised list, on the home page, the index and the
// article. Kazakh is the test: its column headings are the longest words on the site.
test.describe('the announced figures in Kazakh', () => {
  const PAGES = ['/kk/', '/kk/projects/', '/kk' + ARTICLE];

  test('in print keep every column on the page', async ({ page }) => {
    // An A4 page less Chromium's default margins (718 CSS px), and less 15 mm margins (680 px).
    for (const width of [718, 680]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      for (const path of PAGES) {
        await page.goto(path);
        const table = page.getByRole('table');
        await expect(table).toBeVisible();
        // Nothing is cut off: the table is no wider than its box (which would scroll on screen and
        // clip on paper), and its last column's heading ends inside the page.
        const [scroll, box] = await table.evaluate((t) => [t.parentElement!.scrollWidth, t.parentElement!.clientWidth]);
        expect(scroll, `${path} at ${width}`).toBeLessThanOrEqual(box! + 1);
        const last = await table.getByRole('columnheader').last().boundingBox();
        expect(last!.x + last!.width, `${path} at ${width}`).toBeLessThanOrEqual(width);
      }
    }
  });

  /** Each category's name in the table: on how many lines it is, and whether its square is beside the first. */
  const categoryNames = (page: Page) =>
    page
      .getByRole('table')
      .getByRole('rowheader')
      .evaluateAll((cells) =>
        cells
          .filter((c) => c.querySelector('a'))
          .map((c) => {
            const lines = [...c.querySelector('a')!.getClientRects()];
            const square = c.querySelector('.swatch')!.getBoundingClientRect();
            const middle = square.top + square.height / 2;
            return {
              name: c.textContent!.trim(),
              lines: new Set(lines.map((r) => Math.round(r.top))).size,
              besideFirstWord: middle > lines[0]!.top && middle < lines[0]!.bottom,
            };
          }),
      );

  test('at 1280 px give the category names room: two lines at most', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const path of PAGES) {
      await page.goto(path);
      const names = await categoryNames(page);
      expect(names).toHaveLength(4);
      for (const n of names) expect(n.lines, `${path}: ${n.name}`).toBeLessThanOrEqual(2);
    }
  });

  test('from 768 px the table fits without scrolling sideways in every language; below, the same figures as sentences', async ({ page }) => {
    const scrolls = () => page.locator('.reconcile .table-scroll').first().evaluate((e) => e.scrollWidth > e.clientWidth + 1);
    // Kazakh, the widest, on each page with the table; Russian and English on one.
    for (const path of [...PAGES, '/', '/en/']) {
      await page.setViewportSize({ width: 768, height: 900 });
      await page.goto(path);
      await expect(page.locator('.reconcile table').first(), path).toBeVisible();
      expect(await scrolls(), `${path} at 768`).toBe(false);
      await page.setViewportSize({ width: 760, height: 900 });
      await expect(page.locator('.reconcile .sentences').first(), path).toBeVisible();
      await expect(page.locator('.reconcile table').first()).toBeHidden();
    }
  });

  test('keep each category\'s square on the line of its first word, on a wide screen and a narrow one', async ({ page }) => {
    // At 768 px the table is shown (not the sentences) and its first column is at its narrowest.
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of PAGES) {
        await page.goto(path);
        const names = await categoryNames(page);
        expect(names).toHaveLength(4);
        for (const n of names) expect(n.besideFirstWord, `${path} at ${width}: the square of ${n.name}`).toBe(true);
      }
    }
  });
});

// axe on the article, in every language with JavaScript on and off: tests/e2e/sweep.spec.ts.
