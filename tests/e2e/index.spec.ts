import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './support/axe.ts';
import { idsWhere, loadProjects, searchable } from './content.ts';

// What each test expects is computed from content/projects/*.md, never hard-coded.
const projects = loadProjects();
const all = projects.map((p) => p.id).sort();
const where = (keep: Parameters<typeof idsWhere>[1]) => idsWhere(projects, keep);
const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** Ids of the list items a reader can see, sorted. */
async function visibleIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('li[data-project-id]:visible')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-project-id') ?? ''));
  return ids.sort();
}
const expectVisible = (page: Page, ids: string[]) => expect.poll(() => visibleIds(page)).toEqual(ids);

/** The Russian count line: "Показано: 5 проектов из 46". */
const shownLine = (n: number) => new RegExp(`Показано: ${n} проект[а-я]* из ${projects.length}`);

test.describe('the project index', () => {
  test('a shared filtered URL shows exactly the matching projects, with the filters ticked', async ({ page }) => {
    await page.goto('/projects/?district=medeu,almaly&category=social');
    const expected = where((p) => p.category === 'social' && ['medeu', 'almaly'].includes(p.district ?? ''));
    expect(expected.length).toBeGreaterThan(0);
    await expectVisible(page, expected);
    await expect(page.getByRole('status')).toHaveText(shownLine(expected.length));
    await expect(page.getByRole('checkbox', { name: 'Социальная сфера' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Медеуский район' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Алмалинский район' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Ауэзовский район' })).not.toBeChecked();
    // Category groups with nothing to show are hidden, so no heading promises an empty list.
    await expect(page.getByRole('heading', { level: 2, name: /Коммунальные сети/ })).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: /Социальная сфера/ })).toContainText(`(${expected.length})`);
  });

  test('"not stated" is a district of its own, and unknown values in a link are ignored', async ({ page }) => {
    await page.goto('/projects/?district=none&category=nonsense&colour=red');
    await expectVisible(page, where((p) => !p.district));
    await expect(page.getByRole('checkbox', { name: 'не указан в источниках' })).toBeChecked();
  });

  test('two filters combine: a category and a district', async ({ page }) => {
    await page.goto('/projects/');
    await expectVisible(page, all);
    await page.getByRole('checkbox', { name: 'Коммунальные сети' }).check();
    await expectVisible(page, where((p) => p.category === 'utilities'));
    await expect(page).toHaveURL(/\/projects\/\?category=utilities$/);
    await page.getByRole('checkbox', { name: 'Ауэзовский район' }).check();
    const both = where((p) => p.category === 'utilities' && p.district === 'auezov');
    await expectVisible(page, both);
    await expect(page).toHaveURL(/\/projects\/\?category=utilities&district=auezov$/);
    await expect(page.getByRole('status')).toHaveText(shownLine(both.length));
  });

  test('the less common filters work: kind, status, funding, list, location', async ({ page }) => {
    await page.goto('/projects/');
    for (const [group, option, keep] of [
      ['Вид объекта', 'сквер', (p) => p.kind === 'square'],
      ['Статус', 'почти завершён', (p) => p.status.stage === 'nearly-completed'],
      ['Финансирование', 'Бюджет народного участия', (p) => (p.funding ?? []).includes('participation-budget')],
      ['Связь с Днём Республики', 'подтверждена', (p) => p.republicDay === 'confirmed'],
      ['Точка на карте', 'есть координаты', (p) => p.location !== undefined],
    ] as const satisfies ReadonlyArray<readonly [string, string, Parameters<typeof where>[0]]>) {
      await page.locator('summary', { hasText: group }).click();
      const box = page.getByRole('checkbox', { name: option, exact: true });
      await box.check();
      await expectVisible(page, where(keep));
      await box.uncheck();
      await expectVisible(page, all);
    }
  });

  test('search in Russian ignores case and finds titles, addresses and kinds', async ({ page }) => {
    await page.goto('/projects/');
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('СКВЕР');
    const expected = where((p) => p.kind === 'square' || searchable(p).some((s) => lower(s).includes('сквер')));
    await expectVisible(page, expected);
    await expect(page).toHaveURL(/\?q=%D0%A1%D0%9A%D0%92%D0%95%D0%A0$/);
    // A district name finds the district's projects.
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('Турксибский');
    await expectVisible(page, where((p) => p.district === 'turksib'));
  });

  test('search ignores Kazakh letters: the Kazakh and the Russian spelling find the same projects', async ({ page }) => {
    await page.goto('/projects/');
    // "Қарғалы" (Kazakh spelling) and "Каргалы" (Russian) find every title or address with either.
    const expected = where((p) => searchable(p).some((s) => /[кқ]ар[гғ]алы/.test(lower(s))));
    expect(expected.length).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('Қарғалы');
    await expectVisible(page, expected);
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('Каргалы');
    await expectVisible(page, expected);
    // A Kazakh word for a kind ("мектеп", school) finds the schools.
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('мектеп');
    await expectVisible(page, where((p) => p.kind === 'school' || searchable(p).some((s) => lower(s).includes('мектеп'))));
  });

  test('says so when nothing matches, and one button clears every filter', async ({ page }) => {
    await page.goto('/projects/?category=social&q=zzzzzz');
    await expectVisible(page, []);
    await expect(page.getByText('Ни один проект не подходит под выбранные фильтры')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(shownLine(0));
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await expectVisible(page, all);
    await expect(page).toHaveURL(/\/projects\/$/);
    await expect(page.getByRole('searchbox', { name: 'Поиск' })).toHaveValue('');
    await expect(page.getByRole('checkbox', { name: 'Социальная сфера' })).not.toBeChecked();
    await expect(page.getByText('Ни один проект не подходит под выбранные фильтры')).toBeHidden();
    await expect(page.getByRole('status')).toHaveText(new RegExp(`Всего: ${projects.length} проект`));
  });

  test('back and forward step through the filter history', async ({ page }) => {
    await page.goto('/projects/');
    await page.getByRole('checkbox', { name: 'Социальная сфера' }).check();
    await expect(page).toHaveURL(/\?category=social$/);
    await page.getByRole('checkbox', { name: 'Медеуский район' }).check();
    await expect(page).toHaveURL(/\?category=social&district=medeu$/);
    const social = where((p) => p.category === 'social');
    const socialMedeu = where((p) => p.category === 'social' && p.district === 'medeu');
    await expectVisible(page, socialMedeu);

    await page.goBack();
    await expect(page).toHaveURL(/\?category=social$/);
    await expectVisible(page, social);
    await expect(page.getByRole('checkbox', { name: 'Медеуский район' })).not.toBeChecked();
    await page.goBack();
    await expect(page).toHaveURL(/\/projects\/$/);
    await expectVisible(page, all);
    await page.goForward();
    await expectVisible(page, social);
    await expect(page.getByRole('checkbox', { name: 'Социальная сфера' })).toBeChecked();
  });

  test('typing a search is one history entry, not one per letter', async ({ page }) => {
    await page.goto('/projects/');
    await page.getByRole('searchbox', { name: 'Поиск' }).pressSequentially('школа', { delay: 30 });
    await expect(page).toHaveURL(/\?q=/);
    await page.goBack();
    await expect(page).toHaveURL(/\/projects\/$/);
    await expect(page.getByRole('searchbox', { name: 'Поиск' })).toHaveValue('');
    await expectVisible(page, all);
  });

  test('works with the keyboard alone', async ({ page }) => {
    await page.goto('/projects/');
    /** Presses Tab until `target` has focus (at most 80 times). */
    const tabTo = async (target: Locator) => {
      for (let i = 0; i < 80; i += 1) {
        if (await target.evaluate((el) => el === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('could not reach the control with Tab');
    };
    await tabTo(page.getByRole('searchbox', { name: 'Поиск' }));
    await page.keyboard.type('школ');
    const schoolish = (p: (typeof projects)[number]) => p.kind === 'school' || searchable(p).some((s) => lower(s).includes('школ'));
    await expectVisible(page, where(schoolish));
    await tabTo(page.getByRole('checkbox', { name: 'Медеуский район' }));
    await page.keyboard.press('Space');
    const expected = where((p) => p.district === 'medeu' && schoolish(p));
    await expectVisible(page, expected);
    // A closed group opens with Enter on its summary, and its boxes are then reachable.
    await tabTo(page.locator('summary', { hasText: 'Статус' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('checkbox', { name: 'открыт / введён' })).toBeVisible();
    // Reaching a result and opening it.
    const first = page.locator('li[data-project-id]:visible a').first();
    const id = await page.locator('li[data-project-id]:visible').first().getAttribute('data-project-id');
    await tabTo(first);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/projects/${id}/$`));
  });

  test('the language links keep the filtered view', async ({ page }) => {
    await page.goto('/projects/?category=social');
    await page.getByRole('checkbox', { name: 'Медеуский район' }).check();
    const kk = page.getByRole('link', { name: 'Қазақша' });
    await expect(kk).toHaveAttribute('href', /\/kk\/projects\/\?category=social&district=medeu$/);
    await kk.click();
    await expect(page).toHaveURL(/\/kk\/projects\/\?category=social&district=medeu$/);
    await expectVisible(page, where((p) => p.category === 'social' && p.district === 'medeu'));
    await expect(page.getByRole('checkbox', { name: 'Медеу ауданы' })).toBeChecked();
  });

  test('the Kazakh and English indexes filter and count in their language', async ({ page }) => {
    const industry = where((p) => p.category === 'industry' || p.category === 'utilities');
    await page.goto('/kk/projects/?category=industry,utilities');
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expectVisible(page, industry);
    await expect(page.getByRole('status')).toHaveText(new RegExp(`Көрсетілгені: ${industry.length} жоба, барлығы ${projects.length}`));
    await page.getByRole('searchbox', { name: 'Іздеу' }).fill('Әуезов');
    await expectVisible(page, where((p) => industry.includes(p.id) && (p.district === 'auezov' || searchable(p).some((s) => /[аә]уезов/.test(lower(s))))));

    await page.goto('/en/projects/?located=yes');
    await expectVisible(page, where((p) => p.location !== undefined));
    await page.getByRole('searchbox', { name: 'Search' }).fill('medeu district');
    await expectVisible(page, where((p) => p.location !== undefined && p.district === 'medeu'));
    await expect(page.getByRole('status')).toHaveText(/Showing \d+ projects? of \d+/);
  });

  test('the figures beside the article open the matching filtered list', async ({ page }) => {
    await page.goto('/news/republic-day-2025-projects/');
    await page.getByRole('link', { name: 'Социальная сфера' }).first().click();
    await expect(page).toHaveURL(/\/projects\/\?category=social$/);
    await expectVisible(page, where((p) => p.category === 'social'));
  });

  // One test per view, so that the two workers share them.
  for (const path of ['/projects/', '/projects/?category=social&q=zzzz', '/en/projects/?district=none']) {
    test(`has no accessibility violations, filtered or not: ${path}`, async ({ page }) => {
      await page.goto(path);
      await page.locator('summary', { hasText: /Вид объекта|Kind of object/ }).click();
      expect(await axeViolations(page, { javaScript: true }), path).toEqual([]);
    });
  }
});

test.describe('the project index without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('lists and links every project, and shows no controls that would not work', async ({ page }) => {
    // Even a filtered link lists everything when the filter cannot run: nothing is hidden by mistake.
    await page.goto('/projects/?category=social');
    await expect.poll(() => visibleIds(page)).toEqual(all);
    for (const p of projects) {
      await expect(page.getByRole('link', { name: p.title.ru, exact: true }).first()).toHaveAttribute('href', `/projects/${p.id}/`);
    }
    await expect(page.getByRole('searchbox')).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Сбросить фильтры' })).toHaveCount(0);
    await expect(page.getByText(`Всего: ${projects.length} проект`)).toBeVisible();
    // The reconciliation from the article is above the list.
    await expect(page.getByRole('heading', { level: 2, name: 'Объявленные цифры и наш список' })).toBeVisible();
  });

  test('says that the filter needs JavaScript and that the whole list follows', async ({ page }) => {
    // A reader who followed a filtered link must not take the whole list for the filtered one.
    await page.goto('/projects/?category=social');
    // (Playwright's text locators skip <noscript>, so the note is found by its class.)
    const note = page.locator('noscript > p');
    await expect(note).toBeVisible();
    await expect(note).toContainText('Фильтры и поиск работают только с JavaScript');
    await expect(note).toContainText(`весь перечень — ${projects.length} проект`);
    await page.goto('/en/projects/?district=medeu');
    await expect(page.locator('noscript > p')).toContainText('The filters and search need JavaScript');
  });
});

test('with JavaScript the no-script note stays hidden', async ({ page }) => {
  await page.goto('/projects/?category=social');
  await expect(page.locator('p.noscript')).toHaveCount(0);
});

test.describe('download this view', () => {
  test('saves exactly the filtered projects as CSV with the published columns', async ({ page }) => {
    await page.goto('/projects/?category=utilities&district=auezov');
    const expected = await page.locator('[data-filter-item]:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['projectId']));
    expect(expected.length).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать этот список (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('projects-category-utilities-district-auezov.csv');
    const text = (await (await download.createReadStream())!.toArray()).map(String).join('');
    const full = await (await page.request.get('/data/projects.csv')).text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const header = text.split('\r\n')[0];
    expect(header).toBe(full.split('\r\n')[0]);
    for (const id of expected) expect(text).toContain(`${id},`);
    // Only the filtered rows: header + one row per project (no field in these rows spans lines).
    expect(text.trimEnd().split('\r\n')).toHaveLength(expected.length + 1);
  });

  test('without JavaScript offers only the full file', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/projects/');
    await expect(page.getByRole('button', { name: 'Скачать этот список (CSV)' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Весь наш список одним файлом (CSV)' })).toHaveAttribute('href', '/data/projects.csv');
    await context.close();
  });
});
