import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent, typeMessage } from '../../src/schemas/content-check.ts';
import { checkProjects, fieldPath } from '../../src/lib/validate.ts';
import { MESSAGE_CASES } from '../fixtures/content-cases.ts';

const FIXTURES = 'tests/fixtures/content';

function folder(name: string) {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  return walk(join(FIXTURES, name)).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

describe('checkContent', () => {
  test('accepts the valid fixture folder', () => {
    expect(checkContent(folder('valid'))).toEqual([]);
  });

  test.each([
    // folder, field named in the message, words the editor must see
    ['district-typo', 'district', ['"medue" is not allowed', 'Did you mean "medeu"?']],
    ['swapped-coordinates', 'location', ['look swapped', 'lat: 43.25, lon: 76.95']],
    ['outside-almaty', 'location.lat', ['outside Almaty', 'lat 43–43.45']],
    ['source-not-http', 'sources[0].url', ['must be an http(s) URL']],
    ['future-status-date', 'status[0].date', ['2099-01-01 is in the future']],
    ['missing-source', 'sources', ['every project needs at least one source']],
    ['missing-title', 'title', ['title is required']],
    ['bad-date', 'status[0].date', ['YYYY-MM-DD']],
    // Status history: a list of reports, dated ones oldest first, each citing one of the sources.
    ['history-out-of-order', 'status[2].date', ['2025-09-01 is earlier than status[1].date 2025-10-24', 'oldest first']],
    ['status-source-not-listed', 'status[1].source', ['https://example.org/fixtur is not one of this project\'s sources', 'Did you mean https://example.org/fixture?']],
    ['status-empty', 'status', ['at least one report']],
    ['status-old-shape', 'status', ['must be a list of reports']],
    // "Considered, not included": a closed list of reasons, and never both on the list and off it.
    ['considered-bad-reason', 'reason', ['"outside-perod" is not allowed', 'Did you mean "outside-period"?']],
    ['considered-still-listed', 'formerId', ['"fx-school" is still a project', 'delete one of the two files']],
    // YAML would roll these over to 2 March and 1 October without a word.
    ['impossible-date', 'opened', ['2025-02-30 is not a real date', 'February 2025 has 28 days']],
    ['impossible-date-quoted', 'sources[0].date', ['2025-09-31 is not a real date', 'September 2025 has 30 days']],
    ['unknown-category', 'category', ['"sociall" is not allowed', 'Did you mean "social"?']],
    ['raw-html', 'body', ['raw HTML', 'not allowed']],
    ['javascript-link', 'body', ['javascript:', 'not allowed']],
    ['duplicate-title', 'title.ru', ['duplicate title', 'fx-one.md']],
    ['invalid-id', 'file name', ['not a valid id']],
    // Texts in several languages: every title in three languages, a description, honest `translated` marks.
    ['missing-en-title', 'title.en', ['title.en is required']],
    ['missing-description', 'description', ['description is required', 'description.kk', 'description.en']],
    ['bad-translated', 'title.translated[0]', ['"kz" is not allowed', 'allowed values: ru, kk, en', 'Did you mean "kk"?']],
    ['translated-without-text', 'notes.translated', ['lists en, but there is no notes.en']],
    ['unmarked-translation', 'facts[0].translated', ['facts[0].kk and facts[0].en must be marked as our translation', 'add kk, en to facts[0].translated']],
  ] as const)('%s: names the file and the field "%s"', (name, field, words) => {
    const issues = checkContent(folder(name));
    expect(issues.length).toBeGreaterThan(0);
    const issue = issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(issues, null, 1)).toBeDefined();
    expect(issue!.file).toMatch(new RegExp(`^${FIXTURES}/${name}/(projects|considered)/`));
    for (const w of words) expect(issue!.message).toContain(w);
  });

  test.each(['impossible-date', 'impossible-date-quoted'])('%s: one issue, not a second one from the rolled-over date', (name) => {
    expect(checkContent(folder(name))).toHaveLength(1);
  });

  test('reports a duplicate id between two entries', () => {
    const p = { id: 'same', title: { ru: 'А' }, file: 'content/projects/same.md' };
    const issues = checkProjects([p, { ...p, title: { ru: 'Б' }, file: 'content/projects/Same.md' }]);
    expect(issues).toEqual([expect.objectContaining({ field: 'file name', message: expect.stringContaining('duplicate id "same"') })]);
  });

  test('names a YAML syntax error instead of crashing', () => {
    const issues = checkContent([{ path: 'x/projects/fx.md', text: '---\ntitle: [unclosed\n---\n' }]);
    expect(issues[0]).toMatchObject({ file: 'x/projects/fx.md', field: 'front matter' });
    expect(issues[0]!.message).toContain('not valid YAML');
  });

  // Inline cases (tests/fixtures/content-cases.ts): each names its field and says what to write.
  test.each(MESSAGE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const issues = c.issues();
    const issue = issues.find((i) => i.field === c.field);
    expect(issue, JSON.stringify(issues, null, 1)).toBeDefined();
    for (const w of c.words) expect(issue!.message).toContain(w);
  });

  test('reports every problem of a folder with broken files in two collections', () => {
    const issues = checkContent(folder('build-problems'));
    expect(issues.map((i) => `${i.file.split('/').slice(-2).join('/')}: ${i.field}`).sort()).toEqual([
      'news/fx-article.md: lang',
      'projects/fx-category-typo.md: category',
      'projects/fx-yaml-error.md: front matter',
    ]);
    // The YAML error names the file's own line, where the second colon is.
    const text = readFileSync(`${FIXTURES}/build-problems/projects/fx-yaml-error.md`, 'utf8');
    const line = text.split('\n').indexOf('category: infrastructure: yard') + 1;
    expect(line).toBeGreaterThan(1);
    expect(issues.find((i) => i.field === 'front matter')!.message).toContain(`at line ${line}, column 25`);
  });

  test('names a missing translation mark in the same run as a mistake elsewhere in the file', () => {
    const files = folder('unmarked-translation').map((f) => ({ ...f, text: f.text.replace('district: medeu', 'district: medue') }));
    const fields = checkContent(files).map((i) => i.field);
    expect(fields).toContain('district');
    expect(fields).toContain('facts[0].translated');
  });

  test('a district file that exists but is broken is reported once, not also as missing', () => {
    const valid = folder('valid');
    const broken = valid.map((f) => (f.path.endsWith('districts/medeu.md') ? { ...f, text: f.text.replace('sources:', 'sourcez:') } : f));
    const issues = checkContent(broken);
    expect(issues.map((i) => i.field).sort()).toEqual(['(front matter)', 'sources']);
    expect(issues.every((i) => i.file.endsWith('valid/districts/medeu.md'))).toBe(true);
  });

  test('a missing district file is named in the folder being checked', () => {
    const issues = checkContent(folder('valid').filter((f) => !f.path.endsWith('districts/turksib.md')));
    expect(issues).toEqual([expect.objectContaining({ file: `${FIXTURES}/valid/districts/turksib.md`, message: expect.stringContaining('district file is missing') })]);
  });
});

describe('typeMessage', () => {
  test.each([
    // a block written as text
    ['location', 'object', 'string', 'location must be a group of fields, each on its own indented line as "name: value", not text'],
    // a list written as text
    ['facts', 'array', 'string', 'facts must be a list (one "- item" per line), not text'],
    // a number written as a list
    ['claims.districts', 'number', 'array', 'claims.districts must be a number, not a list'],
    // a field left out
    ['sources', 'array', 'undefined', 'sources is required'],
  ] as const)('%s: expected %s, received %s', (field, expected, received, message) => {
    expect(typeMessage(field, expected, received)).toBe(message);
  });
});

describe('fieldPath', () => {
  test.each([
    [['sources', 0, 'url'], 'sources[0].url'],
    [['title', 'ru'], 'title.ru'],
    [[], '(front matter)'],
  ] as const)('%j → %s', (path, expected) => {
    expect(fieldPath(path)).toBe(expected);
  });
});
