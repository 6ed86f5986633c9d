// content/README.md's table "What the error messages mean" must explain every message an editor can
// get. Every fixture folder, every inline case and a sweep of wrong values through every field of the
// valid fixtures run through the checker here; a message no row of the table matches fails the test,
// so a new message cannot land without its README row.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { checkFolder } from '../../src/integrations/content-problems.ts';
import { checkContent } from '../../src/schemas/content-check.ts';
import type { ContentIssue } from '../../src/lib/validate.ts';
import { MESSAGE_CASES, VALID_ARTICLE, VALID_PROJECT } from '../fixtures/content-cases.ts';

const FIXTURES = 'tests/fixtures/content';

/** The first column of the README's message table, each `snippet` as a pattern ("…" matches anything). */
function readmePatterns(readme: string): RegExp[] {
  const section = readme.split(/^## What the error messages mean$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*(---|Message contains)/.test(l));
  return rows.flatMap((row) =>
    [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map(
      (m) => new RegExp(m[1]!.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')),
    ),
  );
}

const patterns = readmePatterns(readFileSync('content/README.md', 'utf8'));
const explained = (message: string) => patterns.some((p) => p.test(message));

/** A front matter block turned back into a file, as an editor's file would look. */
function file(path: string, data: unknown, body: string) {
  return { path, text: `---\n${yaml.dump(data)}---\n${body}` };
}
function split(text: string) {
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  return { data: yaml.load(front!) as Record<string, unknown>, body: body! };
}

// Values of every wrong kind, for every field (nested ones too) of the valid project and article.
const WRONG = ['x', '', 5, -1, true, null, ['x'], { a: 1 }];
function sweep(path: string, text: string): ContentIssue[] {
  const { data, body } = split(text);
  const paths: string[][] = [];
  const walk = (o: Record<string, unknown>, at: string[]) => {
    for (const [k, v] of Object.entries(o)) {
      paths.push([...at, k]);
      if (v && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v)) walk(v as Record<string, unknown>, [...at, k]);
    }
  };
  walk(data, []);
  // Optional lists the fixture leaves out.
  for (const k of ['facts', 'funding']) if (!(k in data)) paths.push([k]);
  return paths.flatMap((p) =>
    [...WRONG, undefined].flatMap((value) => {
      const copy = structuredClone(data);
      let o: Record<string, unknown> = copy;
      for (const k of p.slice(0, -1)) o = o[k] as Record<string, unknown>;
      if (value === undefined) delete o[p.at(-1)!];
      else o[p.at(-1)!] = value;
      return checkContent([file(path, copy, body)]);
    }),
  );
}

describe('content/README.md explains every message', () => {
  test('the table has patterns to match against', () => {
    expect(patterns.length).toBeGreaterThan(10);
  });

  test.each(readdirSync(FIXTURES).filter((name) => name !== 'valid'))('fixture folder %s', (name) => {
    const { issues } = checkFolder(join(FIXTURES, name));
    expect(issues.filter((i) => !explained(i.message))).toEqual([]);
  });

  test.each(MESSAGE_CASES.map((c) => [c.name, c] as const))('case: %s', (_name, c) => {
    expect(c.issues().filter((i) => !explained(i.message))).toEqual([]);
  });

  test.each([
    ['project', 'x/projects/fx-sweep.md', VALID_PROJECT],
    ['article', 'x/news/fx-sweep.md', VALID_ARTICLE],
  ])('a wrong value in any field of a valid %s', (_kind, path, text) => {
    const unexplained = [...new Set(sweep(path, text).filter((i) => !explained(i.message)).map((i) => `${i.field}: ${i.message}`))];
    expect(unexplained).toEqual([]);
  });

  test('the test fails for a message the README does not explain', () => {
    expect(explained('location must be a group of fields, not "x"')).toBe(true);
    expect(explained('Something nobody has documented')).toBe(false);
  });
});
