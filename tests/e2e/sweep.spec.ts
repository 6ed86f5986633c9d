// Quality sweep over every built page in every language: axe (WCAG 2.2 A/AA) finds nothing, the CSP
// <meta> is present, no console errors other than blocked map tiles, and with JavaScript off the page
// still has its heading and main content. Pages come from walking dist/, so none is missed.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

function pages(dir = 'dist'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return pages(p);
    if (name !== 'index.html') return [];
    const rel = relative('dist', dir).split('\\').join('/');
    return [rel ? `/${rel}/` : '/'];
  });
}

const TILES = /tile\.openstreetmap\.org|\.tile\./;
const ALL = pages();

test.describe('every page', () => {
  test('the sweep covers all three languages', () => {
    for (const prefix of ['/kk/', '/en/']) expect(ALL.some((p) => p.startsWith(prefix))).toBe(true);
    expect(ALL.length).toBeGreaterThan(100);
  });

  for (const path of ALL) {
    test(`${path} is accessible, error-free and carries the CSP`, async ({ page }) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !TILES.test(m.text()) && !TILES.test(m.location().url)) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      // Any CSP violation (a blocked inline script or style, a disallowed host) is recorded in the page.
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      // Tiles are blocked: the page must still work without them.
      await page.route(TILES, (r) => r.abort());
      await page.goto(path);
      await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      // Scroll to the end so lazy islands (maps) load and are checked too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    });
  }
});

test.describe('every page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const path of ALL) {
    test(`${path} still shows its heading and content`, async ({ page }) => {
      await page.route(TILES, (r) => r.abort());
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const text = await page.locator('main').innerText();
      expect(text.length).toBeGreaterThan(100);
    });
  }
});
