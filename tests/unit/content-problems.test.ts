import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkFolder, readContentFolder } from '../../src/integrations/content-problems.ts';
import { fallbackId } from '../../src/integrations/content-loader.ts';
import {
  contentDirSetting,
  escapeHtml,
  isContentFile,
  isInside,
  noticeHtml,
  problemPage,
  problemReport,
  problemSummary,
  withNotice,
} from '../../src/lib/content-problems.ts';
import type { ContentIssue } from '../../src/lib/validate.ts';

const ISSUES: ContentIssue[] = [
  { file: 'content/projects/a.md', field: 'district', message: 'district "medue" is not allowed; allowed values: …. Did you mean "medeu"?' },
  { file: 'content/news/b.md', field: 'front matter', message: 'is not valid YAML at line 4, column 7: bad indentation of a mapping entry' },
];

describe('contentDirSetting', () => {
  test.each([
    // the real site
    [{}, './content'],
    // a fixture folder for a test
    [{ CONTENT_DIR: 'tests/fixtures/content/valid' }, 'tests/fixtures/content/valid'],
    // an empty variable is the same as none
    [{ CONTENT_DIR: '' }, './content'],
  ])('%j → %s', (env, expected) => {
    expect(contentDirSetting(env)).toBe(expected);
  });
});

describe('isContentFile', () => {
  test.each([
    ['content/projects/a.md', true],
    ['content/news/article.mdx', true],
    // the editors' guide is not content
    ['content/README.md', false],
    ['content/projects/README.md', false],
    // an article's photo
    ['content/news/photo.jpg', false],
    ['C:\\site\\content\\projects\\a.md', true],
  ])('%s → %s', (path, expected) => {
    expect(isContentFile(path)).toBe(expected);
  });
});

describe('isInside', () => {
  test.each([
    ['/site/content', '/site/content/projects/a.md', true],
    ['/site/content/', '/site/content/news/photo.jpg', true],
    ['/site/content', '/site/content', true],
    // a sibling whose name starts the same
    ['/site/content', '/site/content-old/projects/a.md', false],
    ['/site/content', '/site/src/pages/index.astro', false],
    ['C:\\site\\content', 'C:\\site\\content\\projects\\a.md', true],
  ])('%s contains %s: %s', (dir, path, expected) => {
    expect(isInside(dir, path)).toBe(expected);
  });
});

describe('problemReport', () => {
  test('lists "file: field: message" lines, then the count, as npm run check:content prints them', () => {
    expect(problemReport(ISSUES, 57, 48)).toBe(
      [
        'content/projects/a.md: district: district "medue" is not allowed; allowed values: …. Did you mean "medeu"?',
        'content/news/b.md: front matter: is not valid YAML at line 4, column 7: bad indentation of a mapping entry',
        '',
        '✗ 2 problems in 57 files (48 ms)',
      ].join('\n'),
    );
  });

  test.each([
    [[], 57, '✓ 57 content files are valid (3 ms)'],
    [ISSUES.slice(0, 1), 1, '✗ 1 problem in 1 file (3 ms)'],
  ] as const)('summary for %# problems', (issues, files, expected) => {
    expect(problemSummary(issues, files, 3)).toBe(expected);
    if (issues.length === 0) expect(problemReport(issues, files, 3)).toBe(expected);
  });
});

describe('noticeHtml', () => {
  test('is empty when there are no problems', () => {
    expect(noticeHtml([])).toBe('');
  });

  test('holds each problem in the same words, in a shadow root, with the count', () => {
    const html = noticeHtml(ISSUES);
    expect(html).toMatch(/^<content-problems data-count="2"><template shadowrootmode="open">/);
    expect(html).toContain('2 content problems');
    expect(html).toContain('<li><code>content/projects/a.md</code>: <strong>district</strong>: district &quot;medue&quot; is not allowed');
    expect(html.match(/<li>/g)).toHaveLength(2);
  });

  test('escapes what editors typed, so hostile content shows as text', () => {
    const html = noticeHtml([{ file: 'content/projects/<x>.md', field: 'title', message: 'title "<img src=x onerror=alert(1)>" & \'more\'' }]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<x>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&amp; &#39;more&#39;');
  });
});

describe('escapeHtml', () => {
  test('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('withNotice', () => {
  test.each([
    // first thing in <body>, attributes kept
    ['<html><body class="x"><h1>Hi</h1></body></html>', '<html><body class="x"><N/><h1>Hi</h1></body></html>'],
    // a page without <body> (a fragment) is left alone
    ['<p>fragment</p>', '<p>fragment</p>'],
    // <tbody> is not <body>
    ['<table><tbody></tbody></table>', '<table><tbody></tbody></table>'],
  ])('%s', (html, expected) => {
    expect(withNotice(html, '<N/>')).toBe(expected);
  });

  test('no notice, no change', () => {
    expect(withNotice('<body>x</body>', '')).toBe('<body>x</body>');
  });
});

describe('problemPage', () => {
  test('shows the notice and the error in one escaped line, without a stack trace', () => {
    const error = new Error('district <medeu> not found\n    at render (file.ts:1:1)');
    const html = problemPage(ISSUES, error);
    expect(html).toContain('<content-problems data-count="2">');
    expect(html).toContain('district &lt;medeu&gt; not found');
    expect(html).not.toContain('file.ts:1:1');
  });
});

describe('fallbackId', () => {
  test.each([
    // an invalid file name gets its slug in dev, so the server can go on
    ['Fx Bad Name.md', 'fx-bad-name'],
    ['Школа.md', 'unnamed'],
    ['ok-name.mdx', 'ok-name'],
  ])('%s → %s', (entry, expected) => {
    expect(fallbackId(entry)).toBe(expected);
  });
});

describe('readContentFolder and checkFolder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'content-folder-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'projects'));
  mkdirSync(join(dir, 'news'));
  writeFileSync(join(dir, 'README.md'), '# Guide\n');
  writeFileSync(join(dir, 'projects', 'fx-a.md'), '---\ntitle: [unclosed\n---\n');
  writeFileSync(join(dir, 'news', 'photo.jpg'), '');
  writeFileSync(join(dir, 'news', 'fx-b.mdx'), '---\ntitle: x\n---\n');

  test('reads the Markdown files in name order, not the README or images, with paths from the working directory', () => {
    const files = readContentFolder(dir);
    expect(files.map((f) => f.path)).toEqual([relative(process.cwd(), join(dir, 'news', 'fx-b.mdx')), relative(process.cwd(), join(dir, 'projects', 'fx-a.md'))]);
    expect(files.find((f) => f.path.endsWith('fx-a.md'))!.text).toContain('[unclosed');
  });

  test('a folder that does not exist has no files', () => {
    expect(readContentFolder(join(dir, 'nothing-here'))).toEqual([]);
  });

  test('checks every file of the folder', () => {
    const result = checkFolder(dir);
    expect(result.files).toBe(2);
    expect(new Set(result.issues.map((i) => i.file.split('/').pop()))).toEqual(new Set(['fx-a.md', 'fx-b.mdx']));
  });
});
