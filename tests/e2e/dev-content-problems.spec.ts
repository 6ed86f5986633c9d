// What an editor sees in `npm run dev` when a content file is broken: the server keeps running, and
// every page shows the problems in `npm run check:content`'s words until the files are fixed.
// Runs its own `astro dev` on a copy of tests/fixtures/content/valid in a temp folder (never content/),
// on the port after the preview server's (PORT + 1), or the next free one.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { checkFolder } from '../../src/integrations/content-problems.ts';
import { startDev, type DevServer } from './support/dev-server.ts';

const PORT = Number(process.env['PORT'] ?? 4322) + 1;
const notice = (page: Page) => page.locator('content-problems');

test.describe('astro dev with broken content', () => {
  // One server for the whole story: starting it is the slow part (Vite prepares its dependencies).
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  let dir: string;
  let server: DevServer;
  const file = (name: string) => join(dir, 'projects', name);
  /**
   * Saves a file whole, as most editors do (a new file renamed over the old one). Written in place, a
   * file is empty for a moment. Astro's loader reads a file on its first change event; read while
   * empty, the file fails its schema and stays out, and on a busy machine the event for the rest of
   * the write can come too soon after the first to be reported again: the repaired page then never
   * came back (one CI run in many).
   */
  const save = (path: string, text: string) => {
    const next = join(tmpdir(), `content-problems-save-${process.pid}.md`);
    writeFileSync(next, text);
    renameSync(next, path);
  };
  const edit = (name: string, from: string | RegExp, to: string) => {
    const text = readFileSync(file(name), 'utf8');
    const changed = text.replace(from, to);
    expect(changed, `${name} should contain ${from}`).not.toBe(text);
    save(file(name), changed);
  };
  /**
   * Opens `path` and runs `check`, again until it passes: after an edit, Astro reloads open pages on its
   * own once its loader has read the file, which can abort a navigation of ours or come just after it.
   * With `resave`, a file whose repair Astro's loader has to read: if the page has not come back within
   * 20 s, the file is saved once more with the same text, as an editor would, and the page gets 30 s
   * more. Under a loaded CI run astro dev's watcher has missed a save of a file it had skipped (the
   * terminal then says nothing at all; twice that we know of); a loader that never takes the repaired file
   * back fails both saves.
   */
  const settle = async (page: Page, path: string, check: () => Promise<void>, { resave }: { resave?: string } = {}) => {
    const from = server.output().length;
    const attempt = async (timeout: number) =>
      expect(async () => {
        await page.goto(server.url + path);
        await check();
      }).toPass({ timeout });
    try {
      if (!resave) await attempt(30_000);
      else {
        try {
          await attempt(20_000);
        } catch {
          await test.info().attach(`saved ${resave} a second time`, { body: server.output().slice(from), contentType: 'text/plain' });
          save(file(resave), readFileSync(file(resave), 'utf8'));
          await attempt(30_000);
        }
      }
    } catch (error) {
      // What astro dev printed meanwhile (a "Failed to reload", or nothing at all when its watcher
      // missed the save): the page alone cannot say why.
      await test.info().attach('astro dev output while waiting', { body: server.output().slice(from), contentType: 'text/plain' });
      console.error(`astro dev output while waiting for ${path}:\n${server.output().slice(from).slice(-4000)}`);
      throw error;
    }
  };
  /** The problems as `npm run check:content` words them, one "file: field: message" line each. */
  const expected = () => checkFolder(dir).issues.map((i) => `${i.file}: ${i.field}: ${i.message}`);

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'content-problems-'));
    cpSync('tests/fixtures/content/valid', dir, { recursive: true });
    // Broken before the server starts, three ways: a value the schema rejects, front matter that is
    // not YAML, and a file name that is not a valid id. Each used to make `astro dev` exit.
    edit('fx-yard.md', 'category: infrastructure', 'category: infrastructur');
    writeFileSync(file('fx-not-yaml.md'), readFileSync(file('fx-yard.md'), 'utf8').replace('kind: yard', 'kind: yard: park'));
    writeFileSync(file('Fx Bad Name.md'), readFileSync(file('fx-school.md'), 'utf8').replace('Тестовая школа', 'Другая школа'));
    server = await startDev(dir, PORT);
  });

  test.afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('starts although files are broken, and every page lists their problems', async ({ page }) => {
    const lines = expected();
    expect(lines).toHaveLength(3);
    // The YAML error names the file's own line of "kind: yard: park".
    const kindLine = readFileSync(file('fx-not-yaml.md'), 'utf8').split('\n').indexOf('kind: yard: park') + 1;
    expect(lines.join('\n')).toContain(`at line ${kindLine}, column 11`);
    for (const path of ['/projects/fx-school/', '/projects/', '/en/projects/']) {
      await page.goto(server.url + path, { timeout: 120_000 });
      await expect(notice(page).getByRole('listitem')).toHaveText(lines);
      await expect(notice(page).getByRole('heading')).toContainText('3 content problems');
    }
    // The page itself still renders under the notice.
    await page.goto(`${server.url}/projects/fx-school/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Тестовая школа');
    // …and the terminal says the same.
    for (const line of lines) expect(server.output()).toContain(line);
  });

  test('the notice goes away on the open page when the files are fixed', async ({ page }) => {
    await page.goto(`${server.url}/projects/fx-school/`);
    await expect(notice(page)).toBeVisible();
    const from = server.output().length;
    edit('fx-yard.md', 'category: infrastructur\n', 'category: infrastructure\n');
    rmSync(file('fx-not-yaml.md'));
    rmSync(file('Fx Bad Name.md'));
    await expect(notice(page)).toHaveCount(0, { timeout: 30_000 });
    await server.waitForOutput(/Content problems fixed/, from, 30_000);
    await settle(page, '/projects/fx-school/', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Тестовая школа', { timeout: 2_000 });
      await expect(notice(page)).toHaveCount(0, { timeout: 2_000 });
    });
    // The repaired project is back, once Astro's loader has read it again (it watches the same files
    // as the checker, but on its own schedule).
    await settle(
      page,
      '/projects/fx-yard/',
      async () => {
        await expect(page.getByRole('heading', { level: 1 })).toContainText('Тестовый двор', { timeout: 2_000 });
        await expect(notice(page)).toHaveCount(0, { timeout: 2_000 });
      },
      { resave: 'fx-yard.md' },
    );
  });

  test('a file broken while the server runs shows its message on the open page, then on every load', async ({ page }) => {
    await page.goto(`${server.url}/projects/fx-school/`);
    await expect(notice(page)).toHaveCount(0);
    // The mistake from issue 16: a location written as one line.
    edit('fx-school.md', /location:\n(?: {2}.*\n)+/, 'location: "43.2, 76.9"\n');
    const lines = expected();
    expect(lines).toEqual([expect.stringMatching(/fx-school\.md: location: location must be a group of fields, not "43\.2, 76\.9"; .*lat: 43\.2347/)]);
    await expect(notice(page).getByRole('listitem')).toHaveText(lines, { timeout: 30_000 });
    // A new load shows it too, above the last good version of the page; the server is still running.
    await settle(page, '/projects/fx-school/', async () => {
      await expect(notice(page).getByRole('listitem')).toHaveText(lines, { timeout: 2_000 });
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Тестовая школа', { timeout: 2_000 });
    });
    await settle(page, '/projects/fx-yard/', async () => {
      await expect(notice(page).getByRole('listitem')).toHaveText(lines, { timeout: 2_000 });
    });
  });

  test('fixing it removes the notice again', async ({ page }) => {
    await page.goto(`${server.url}/projects/fx-yard/`);
    await expect(notice(page)).toBeVisible();
    save(file('fx-school.md'), readFileSync('tests/fixtures/content/valid/projects/fx-school.md', 'utf8'));
    await expect(notice(page)).toHaveCount(0, { timeout: 30_000 });
    await settle(page, '/projects/fx-school/', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Тестовая школа', { timeout: 2_000 });
      await expect(notice(page)).toHaveCount(0, { timeout: 2_000 });
    });
  });
});
