// Hostile input in every text field of tests/fixtures/content/hostile (built into dist-hostile/ by
// `npm test`) must render as inert text: nothing executes, no injected element exists.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { serve } from './support/static-server.ts';

const ROOT = 'dist-hostile';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return pages(p);
    return name === 'index.html' ? ['/' + relative(ROOT, dir).split('\\').join('/') + (dir === ROOT ? '' : '/')] : [];
  });
}

test.describe('hostile content', () => {
  test.skip(!existsSync(ROOT), 'dist-hostile/ is built by `npm test` (see scripts/test-all.mjs)');
  let server: Awaited<ReturnType<typeof serve>>;
  test.beforeAll(async () => {
    server = await serve(ROOT);
  });
  test.afterAll(async () => server.close());

  // One test per language, so that the pages are shared between workers.
  for (const lang of ['ru', 'kk', 'en']) {
    test(`renders as text on every ${lang} page and executes nothing`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      const all = pages(ROOT).map((p) => p.replace(/^\/\//, '/'));
      expect(all.length).toBeGreaterThan(10);
      const list = all.filter((p) => (lang === 'ru' ? !/^\/(kk|en)\//.test(p) : p.startsWith(`/${lang}/`)));
      expect(list.length).toBeGreaterThan(3);
      for (const path of list) {
        await page.goto(server.url + path);
        // Hover everything once so that an injected onmouseover would fire.
        await page.mouse.move(10, 10);
        await page.mouse.move(300, 400);
        const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
        expect(pwned, `script ran on ${path}`).toBeUndefined();
        expect(await page.locator('img[src="x"], svg[onload], [onmouseover], [onerror], a[href^="javascript:"]').count(), path).toBe(0);
        expect(await page.locator('script:not([type="application/ld+json"]):not([src])').evaluateAll((els) => els.filter((e) => e.textContent?.includes('__pwned')).length), path).toBe(0);
      }
      expect(dialogs).toEqual([]);
    });
  }

  test('shows the hostile strings to the reader as literal text', async ({ page }) => {
    await page.goto(server.url + '/projects/fx-hostile-0/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Проект <script>window.__pwned=1</script>');
    await expect(page.getByText('"><img src=x onerror="window.__pwned=2">').first()).toBeVisible();
  });
});
