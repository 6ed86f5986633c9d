// Property-based: whatever an editor (or a broken merge) puts into a content file, the validator
// answers with "valid" or with issues that name the file and the field. It never throws.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { checkContent } from '../../src/lib/content-check.ts';

const VALID = readFileSync('tests/fixtures/content/valid/projects/fx-school.md', 'utf8');
const [, FRONT, BODY] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(VALID)!;
const base = yaml.load(FRONT!) as Record<string, unknown>;

/** Serialises front matter the way an editor's file would look. */
const file = (data: unknown, body = BODY!) => ({
  path: 'tests/fixtures/generated/projects/fx-generated.md',
  text: `---\n${yaml.dump(data, { skipInvalid: true })}---\n${body}`,
});

function assertAnswered(files: Array<{ path: string; text: string }>) {
  const issues = checkContent(files);
  for (const i of issues) {
    expect(i.file).toBe(files[0]!.path);
    expect(i.field.length).toBeGreaterThan(0);
    expect(i.message.length).toBeGreaterThan(0);
  }
  return issues;
}

// Values an editor might type by mistake, including nulls, nested objects and odd strings.
const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
  fc.constantFrom('<script>alert(1)</script>', 'javascript:alert(1)', 'medue', '43.25', ''),
);

describe('content validator robustness', () => {
  test('random front matter never crashes it', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 12 }), (data) => {
        assertAnswered([file(data)]);
      }),
      { numRuns: 300 },
    );
  });

  test('mutating one field of a valid project gives valid or an issue naming that field', () => {
    const fields = Object.keys(base);
    fc.assert(
      fc.property(fc.constantFrom(...fields), junk, (field, value) => {
        const issues = assertAnswered([file({ ...base, [field]: value })]);
        for (const i of issues) expect(i.field === '(front matter)' || i.field.startsWith(field)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test('deleting a field gives valid or an issue naming that field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(base)), (field) => {
        const { [field]: _gone, ...rest } = base;
        const issues = assertAnswered([file(rest)]);
        for (const i of issues) expect(i.field.startsWith(field)).toBe(true);
      }),
    );
  });

  test('arbitrary file text (broken YAML, no front matter) is answered, not thrown', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        assertAnswered([{ path: 'x/projects/fx-text.md', text }]);
        assertAnswered([{ path: 'x/projects/fx-text.md', text: `---\n${text}\n---\n` }]);
      }),
      { numRuns: 300 },
    );
  });
});
