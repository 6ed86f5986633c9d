// The build's content loader takes what the content check read (src/integrations/content-loader.ts):
// it must hand Astro exactly what Astro's own Markdown entry type would have, for every file.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { markdownEntryInfo } from '../../src/integrations/content-loader.ts';
import { checkFolder, readContentFolder } from '../../src/integrations/content-problems.ts';
import type { CheckedFile } from '../../src/schemas/content-check.ts';

/** Astro's Markdown entry type, the one markdownEntryInfo stands in for. */
const astroDir = createRequire(import.meta.url).resolve('astro/package.json').replace(/package\.json$/, '');
const { markdownContentEntryType } = (await import(pathToFileURL(join(astroDir, 'dist/vite-plugin-markdown/content-entry-type.js')).href)) as {
  markdownContentEntryType: { getEntryInfo: (p: { contents: string; fileUrl: URL }) => Promise<unknown> };
};

/** What the check kept from each file of a folder that passed. */
function kept(dir: string): CheckedFile[] {
  const out: CheckedFile[] = [];
  checkFolder(dir, process.cwd(), (c) => out.push(c));
  return out;
}

describe('markdownEntryInfo', () => {
  // The real content, and a fixture folder with articles and photos.
  const files = [...kept('content'), ...kept('tests/fixtures/content/valid')];

  test('the check keeps every Markdown file of a valid folder, and the schema\'s data where the build\'s schema is the same', () => {
    expect(files.length).toBe(readContentFolder('content').length + readContentFolder('tests/fixtures/content/valid').length);
    expect(files.filter((f) => f.valid !== undefined).every((f) => !/\/news\//.test(f.file.path))).toBe(true);
    expect(files.some((f) => /\/projects\//.test(f.file.path) && f.valid !== undefined)).toBe(true);
  });

  test('gives what Astro\'s Markdown entry type gives, for every content file', async () => {
    let compared = 0;
    for (const f of files.filter((x) => x.file.path.endsWith('.md'))) {
      const ours = markdownEntryInfo(f.file.text, f.front, f.data);
      expect(ours, f.file.path).toBeDefined();
      expect(ours, f.file.path).toEqual(await markdownContentEntryType.getEntryInfo({ contents: f.file.text, fileUrl: pathToFileURL(f.file.path) }));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(50);
  });

  test.each([
    // Windows line ends, a body with "---" in it, and no body at all.
    ['---\r\ntitle: a\r\n---\r\nText\r\n\r\n---\r\nmore\r\n', 'title: a', { title: 'a' }],
    ['---\ntitle: a\n---\n', 'title: a', { title: 'a' }],
    ['---\ntitle: a\nslug: x\n---\n\n  Indented first line\n', 'title: a\nslug: x', { title: 'a', slug: 'x' }],
  ])('the same as Astro for %j', async (contents, front, data) => {
    expect(markdownEntryInfo(contents, front, data)).toEqual(await markdownContentEntryType.getEntryInfo({ contents, fileUrl: pathToFileURL('/x.md') }));
  });

  test.each([
    // TOML front matter, which the check does not read.
    ['+++\ntitle = "a"\n+++\n', 'title = "a"', { title: 'a' }],
    // Front matter other than the check read (the file changed in between).
    ['---\ntitle: b\n---\n', 'title: a', { title: 'a' }],
    // A byte-order mark, or a blank line, before the first "---".
    ['\uFEFF---\ntitle: a\n---\n', 'title: a', { title: 'a' }],
    // YAML that is not a mapping.
    ['---\n- a\n---\n', '- a', ['a']],
  ])('leaves %j to Astro', (contents, front, data) => {
    expect(markdownEntryInfo(contents, front, data)).toBeUndefined();
  });

  test('a file with a problem is not kept', () => {
    const out = kept('tests/fixtures/content/build-problems');
    const problems = new Set(checkFolder('tests/fixtures/content/build-problems').issues.map((i) => i.file));
    expect(problems.size).toBe(3);
    for (const c of out) expect(problems.has(c.file.path)).toBe(false);
  });
});
