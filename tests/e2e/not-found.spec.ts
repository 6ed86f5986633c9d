import { expect, test } from '@playwright/test';
import { axeViolations } from './support/axe.ts';

// An unknown address gets the 404 page (dist/404.html), which helps in all three languages: a
// project search, the districts and the home page.
test('an unknown URL shows the 404 page with status 404, in three languages', async ({ page }) => {
  const response = await page.goto('/projects/no-such-project/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Страница не найдена');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Page not found');
  for (const name of ['Русский', 'Қазақша', 'English']) await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.locator('meta[name="robots"][content="noindex"]')).toHaveCount(1);
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  expect(await axeViolations(page, { javaScript: true })).toEqual([]);
});

test('its search takes the reader to the filtered project index', async ({ page }) => {
  await page.goto('/no-such-page/');
  const search = page.getByRole('search').filter({ has: page.getByLabel('Найти проект') });
  await search.getByLabel('Найти проект').fill('школа');
  await search.getByRole('button', { name: 'Найти' }).click();
  await expect(page).toHaveURL(/\/projects\/\?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0$/);
  await expect(page.locator('#index-q')).toHaveValue('школа');
});

test('it lists the districts and links home in each language', async ({ page }) => {
  await page.goto('/en/nothing-here/');
  const english = page.locator('section[lang="en"]');
  await expect(english.getByRole('link', { name: 'Medeu district' })).toHaveAttribute('href', '/en/districts/medeu/');
  await expect(english.getByRole('link', { name: 'Home page' })).toHaveAttribute('href', '/en/');
  await expect(page.locator('section[lang="kk"]').getByRole('link', { name: 'Медеу ауданы' })).toHaveAttribute('href', '/kk/districts/medeu/');
  // Asked for an English address, the English section comes first, and so do the English site name
  // and heading line (the first line is the large one: a reader should not be greeted in Russian).
  await expect(page.locator('[data-languages] > section').first()).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1 > span').first()).toHaveText('Page not found');
  await expect(page.locator('.brand > a').first()).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/^Page not found · /);
});

test('without JavaScript it still helps: three sections, Russian first', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto('/kk/joq/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('[data-languages] > section')).toHaveCount(3);
  await expect(page.locator('[data-languages] > section').first()).toHaveAttribute('lang', 'ru');
  await expect(page.locator('h1 > span').first()).toHaveAttribute('lang', 'ru');
  expect(await axeViolations(page, { javaScript: false })).toEqual([]);
  await context.close();
});
