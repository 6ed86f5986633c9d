import { expect, test } from '@playwright/test';

const PROJECT = '/en/projects/soc-school-220-medeu/';

test.describe('cite this page', () => {
  test('gives a ready citation with the permalink and the data date, and copies it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(PROJECT);
    const block = page.getByRole('region', { name: 'Cite this page' });
    const citation = block.locator('[data-citation]');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    await expect(citation).toContainText(canonical ?? 'missing canonical');
    await expect(citation).toContainText(/Data as of \d{1,2} \w+ \d{4}/);
    // The title is the English one from the content, so nothing in the citation is marked as Russian.
    await expect(citation).toContainText('New building of secondary school No. 220');
    await expect(citation.locator('[lang="ru"]')).toHaveCount(0);
    await block.getByRole('button', { name: 'Copy citation' }).click();
    await expect(block.getByRole('status')).toHaveText('Citation copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(((await citation.textContent()) ?? '').replace(/\s+/g, ' ').trim());
    expect(copied).not.toContain('\n');
  });

  test('is on district pages, in the page language', async ({ page }) => {
    await page.goto('/kk/districts/medeu/');
    const block = page.getByRole('region', { name: 'Қалай сілтеме жасауға болады' });
    await expect(block.locator('[data-citation]')).toContainText('«Медеу ауданы» — Алматы: Республика күніне арналған жобалар.');
    await expect(block.locator('[data-citation]')).toContainText('/kk/districts/medeu/');
  });

  test('shows no dead button without JavaScript; the text is there to select', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(PROJECT);
    const block = page.getByRole('region', { name: 'Cite this page' });
    await expect(block.locator('[data-citation]')).toBeVisible();
    await expect(block.getByRole('button')).toHaveCount(0);
    await context.close();
  });

  // axe on project pages (the block included), in every language: tests/e2e/sweep.spec.ts.
});
