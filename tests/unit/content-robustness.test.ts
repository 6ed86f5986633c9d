// Property-based: whatever an editor (or a broken merge) puts into a content file, the validator
// answers, never throws, and a broken file always gets at least one issue that names the file and
// the field that is wrong. The oracle for "broken" is the field's own schema: a value it rejects must
// be reported, under that field's name.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { checkContent } from '../../src/schemas/content-check.ts';
import { ProjectObjectSchema } from '../../src/schemas/project.ts';

const VALID = readFileSync('tests/fixtures/content/valid/projects/fx-school.md', 'utf8');
const [, FRONT, BODY] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(VALID)!;
const base = yaml.load(FRONT!) as Record<string, unknown>;
const PATH = 'tests/fixtures/generated/projects/fx-generated.md';
const SHAPE = ProjectObjectSchema.shape as Record<string, z.ZodType>;
const FIELDS = Object.keys(SHAPE);

/** Serialises front matter the way an editor's file would look. */
const file = (data: unknown, body = BODY!) => ({ path: PATH, text: `---\n${yaml.dump(data, { skipInvalid: true })}---\n${body}` });

/** The value as the validator will see it: written to YAML and read back. */
const roundTrip = (field: string, value: unknown): unknown => (yaml.load(yaml.dump({ [field]: value }, { skipInvalid: true })) as Record<string, unknown>)[field];

/** Whether a field's own schema rejects a value. */
const rejects = (field: string, value: unknown) => !SHAPE[field]!.safeParse(value).success;

function answer(files: Array<{ path: string; text: string }>) {
  const issues = checkContent(files);
  for (const i of issues) {
    expect(i.file).toBe(files[0]!.path);
    expect(i.field.length).toBeGreaterThan(0);
    expect(i.message.length).toBeGreaterThan(0);
  }
  return issues;
}

/** Every issue names `field` (or a part of it), and, if `broken`, there is at least one. */
function expectNamed(issues: ReturnType<typeof answer>, field: string, broken: boolean) {
  if (broken) expect(issues.length, `no issue for a broken ${field}`).toBeGreaterThan(0);
  for (const i of issues) expect(i.field === field || i.field.startsWith(`${field}.`) || i.field.startsWith(`${field}[`), `${i.field}: ${i.message}`).toBe(true);
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
  fc.constantFrom('<script>alert(1)</script>', 'javascript:alert(1)', 'medue', '43.25', '', '2025-02-30', 'https://example.org/'),
);

// Values of a type no project field takes: a number, a yes/no, a null, a list of numbers.
const wrongType = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { minLength: 1, maxLength: 3 }));

describe('content validator robustness', () => {
  test('the valid fixture is valid, so every issue below comes from the change made to it', () => {
    expect(answer([file(base)])).toEqual([]);
  });

  test('random front matter is never taken for a project', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 12 }), (data) => {
        expect(answer([file(data)]).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  test('a value its field rejects is reported under that field; any other issue names it too', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), junk, (field, value) => {
        const issues = answer([file({ ...base, [field]: value })]);
        expectNamed(issues, field, rejects(field, roundTrip(field, value)));
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  test('a value of the wrong type is always reported, in every field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), wrongType, (field, value) => {
        expect(rejects(field, value)).toBe(true);
        expectNamed(answer([file({ ...base, [field]: value })]), field, true);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  test('text outside a closed vocabulary is reported under its field', () => {
    // The fields written as one word that take only listed words (a vocabulary in src/lib/vocabulary.ts).
    const closed = FIELDS.filter((f) => typeof base[f] === 'string' && rejects(f, 'zz-not-a-value'));
    expect(closed).toEqual(expect.arrayContaining(['category', 'kind', 'district', 'republicDay', 'confidence']));
    fc.assert(
      fc.property(fc.constantFrom(...closed), fc.string({ minLength: 1 }), (field, value) => {
        fc.pre(rejects(field, value));
        expectNamed(answer([file({ ...base, [field]: value })]), field, true);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  test.each(Object.keys(base))('deleting %s is reported under its name if it is required, and is fine if not', (field) => {
    const { [field]: _gone, ...rest } = base;
    expectNamed(answer([file(rest)]), field, rejects(field, undefined));
  });

  test('arbitrary file text (broken YAML, no front matter) is answered with an issue, not thrown', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(answer([{ path: 'x/projects/fx-text.md', text }]).length).toBeGreaterThan(0);
        expect(answer([{ path: 'x/projects/fx-text.md', text: `---\n${text}\n---\n` }]).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
