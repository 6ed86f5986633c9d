import { expect, test } from '@playwright/test';
import { axeViolations } from './support/axe.ts';
import { loadDistrictNames, loadProjects } from './content.ts';

// Expectations come from content/projects/*.md; the projects are picked by what they have or lack.
const projects = loadProjects();
const districtNames = loadDistrictNames();
const withDistrict = projects.find((p) => p.district && projects.filter((q) => q.district === p.district).length > 1)!;
const withoutDistrict = projects.find((p) => !p.district && !p.location)!;
const streetPoint = projects.find((p) => p.location?.precision === 'street');

test.describe('a project page', () => {
  test('shows every fact in a definition list, and says where a fact is not stated', async ({ page }) => {
    await page.goto(`/projects/${withoutDistrict.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(withoutDistrict.title.ru);
    const facts = page.locator('dl.facts');
    const row = (term: string) => facts.locator('div', { has: page.locator('dt', { hasText: term }) }).locator('dd');
    await expect(row('Район')).toHaveText('не указано в источниках');
    await expect(row('Местоположение')).toContainText('координаты в источниках не опубликованы');
    await expect(row('Статус (как в источнике)')).not.toBeEmpty();
  });

  test('asks for a length only where the kind has one (a network, not a school)', async ({ page }) => {
    const school = projects.find((p) => p.kind === 'school' && !p.networkLength)!;
    const network = projects.find((p) => p.kind === 'sewer-network' || p.kind === 'water-network')!;
    const term = (name: string) => page.locator('dl.facts dt', { hasText: name });
    await page.goto(`/en/projects/${school.id}/`);
    await expect(term('Length')).toHaveCount(0);
    await page.goto(`/en/projects/${network.id}/`);
    await expect(term('Length')).toHaveCount(1);
  });

  test('links its district and lists its neighbours, with the whole district one click away', async ({ page }) => {
    await page.goto(`/projects/${withDistrict.id}/`);
    const name = districtNames[withDistrict.district!]!.ru;
    await expect(page.locator('dl.facts').getByRole('link', { name })).toHaveAttribute('href', `/districts/${withDistrict.district}/`);
    const neighbours = page.getByRole('region', { name: new RegExp(`Другие проекты района: ${name}`) });
    const expected = projects.filter((p) => p.district === withDistrict.district && p.id !== withDistrict.id);
    await expect(neighbours.getByRole('listitem')).toHaveCount(Math.min(6, expected.length));
    await neighbours.getByRole('link', { name: 'Проекты района в нашем списке' }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/\\?district=${withDistrict.district}$`));
    await expect.poll(() => page.locator('li[data-project-id]:visible').count()).toBe(expected.length + 1);
  });

  test('lists its sources as links with the outlet', async ({ page }) => {
    await page.goto(`/projects/${withDistrict.id}/`);
    const sources = page.getByRole('region', { name: 'Источники' }).getByRole('listitem');
    await expect(sources).toHaveCount(withDistrict.sources.length);
    for (const [i, s] of withDistrict.sources.entries()) {
      await expect(sources.nth(i).getByRole('link', { name: s.outlet })).toHaveAttribute('href', s.url);
    }
  });

  test('states how precise an approximate location is', async ({ page }) => {
    test.skip(!streetPoint, 'no project has a street-precision point');
    await page.goto(`/projects/${streetPoint!.id}/`);
    await expect(page.locator('dl.facts')).toContainText('приблизительно: точка на улице');
  });

  test('names a coordinate\'s source in the page language where the data gives it words for readers, not the bare citation', async ({ page }) => {
    const named = projects.filter((p) => p.location?.sourceName);
    test.skip(named.length === 0, 'no project has location.sourceName');
    for (const p of named.slice(0, 2)) {
      for (const lang of ['ru', 'kk', 'en'] as const) {
        await page.goto(`${lang === 'ru' ? '' : `/${lang}`}/projects/${p.id}/`);
        const row = page.locator('dl.facts > div').filter({ has: page.locator('dt', { hasText: { ru: 'Местоположение', kk: 'Орналасқан жері', en: 'Location' }[lang] }) }).locator('dd');
        await expect(row, `${lang} ${p.id}`).toContainText(p.location!.sourceName![lang]!);
        await expect(row, `${lang} ${p.id}`).not.toContainText(p.location!.source);
        if (p.location!.sourceUrl) await expect(row.getByRole('link', { name: p.location!.sourceName![lang]! })).toHaveAttribute('href', p.location!.sourceUrl);
      }
    }
  });

  test('exists in Kazakh and English, each with its own title and description', async ({ page }) => {
    // One project whose sources are all Kazakh and one with a Russian source, so both kinds of text are read.
    const kkOnly = projects.find((p) => p.sources.every((s) => s.language === 'kk'))!;
    const withRu = projects.find((p) => p.sources.some((s) => s.language === 'ru'))!;
    for (const p of [kkOnly, withRu]) {
      await page.goto(`/kk/projects/${p.id}/`);
      const h1 = page.getByRole('heading', { level: 1 });
      await expect(h1).toHaveText(p.title.kk);
      await expect(h1).not.toHaveAttribute('lang', /./);
      await expect(page.locator('.description')).toHaveText(p.description.kk);
      await page.goto(`/en/projects/${p.id}/`);
      await expect(h1).toHaveText(p.title.en);
      await expect(h1).not.toHaveAttribute('lang', /./);
      await expect(page.locator('.description')).toHaveText(p.description.en);
      await expect(page.locator('.description')).not.toHaveText(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
      await expect(page.locator('dl.facts')).toContainText('Category');
    }
  });

  test('has no accessibility violations', async ({ page }) => {
    for (const p of [withDistrict, withoutDistrict]) {
      await page.goto(`/projects/${p.id}/`);
      expect(await axeViolations(page, { javaScript: true }), p.id).toEqual([]);
    }
  });
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 700 } });

  test('no page of the index or a project scrolls sideways', async ({ page }) => {
    // Long unbroken values (commit hashes in coordinate sources, URLs in notes) must wrap.
    const paths = ['/projects/', '/kk/projects/?q=мектеп', ...projects.filter((p) => p.location).map((p) => `/projects/${p.id}/`)];
    for (const path of paths) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
