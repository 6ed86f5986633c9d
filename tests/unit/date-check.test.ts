import { describe, expect, test } from 'vitest';
import { checkDates } from '../../src/lib/date-check.ts';
import { pastDate } from '../../src/schemas/common.ts';

const FILE = 'content/projects/fx.md';

describe('checkDates', () => {
  test.each([
    // The issue's example: YAML would read it as 2 March.
    ['status:\n  stage: opened\n  asOf: 2025-02-30\n', 'status.asOf', 'February 2025 has 28 days'],
    // Quoted, the same date reaches JavaScript's Date as text, which rolls it over too.
    ['status:\n  asOf: "2025-02-30"\n', 'status.asOf', 'February 2025 has 28 days'],
    ["opened: '2025-04-31'\n", 'opened', 'April 2025 has 30 days'],
    // 2025 is not a leap year.
    ['opened: 2025-02-29\n', 'opened', 'February 2025 has 28 days'],
    ['opened: 2025-13-01\n', 'opened', 'there is no month 13'],
    ['opened: 2025-10-00\n', 'opened', 'October 2025 has 31 days'],
    // A date in a list is named by its position.
    ['sources:\n  - url: https://a.example/\n    date: 2025-10-01\n  - url: https://b.example/\n    date: 2025-11-31\n', 'sources[1].date', 'November 2025 has 30 days'],
    // A time that does not exist rolls over to the next day just the same.
    ['published: 2025-10-23T24:30:00+05:00\n', 'published', 'there is no time 24:30:00'],
    ['published: 2025-10-32T18:43:00+05:00\n', 'published', 'October 2025 has 31 days'],
  ])('%j → %s', (front, field, why) => {
    const issues = checkDates(FILE, front);
    expect(issues).toEqual([{ file: FILE, field, message: expect.stringContaining(why) }]);
    expect(issues[0]!.message).toContain('YYYY-MM-DD');
  });

  test.each([
    // Real dates, a leap day, a date with its time and offset.
    'status:\n  asOf: 2025-10-24\nopened: 2024-02-29\n',
    'published: 2025-10-23T18:43:00+05:00\n',
    // Date-like text inside a longer value is not a date field.
    'sources:\n  - url: https://example.org/news/2025-02-30/\n',
    'notes: "the 2025-02-30 figure in the source is a typo"\n',
    // Not the shape of a date at all: the schema explains that one.
    'opened: 24.10.2025\n',
  ])('accepts %j', (front) => {
    expect(checkDates(FILE, front)).toEqual([]);
  });

  test('reports every impossible date in a file', () => {
    expect(checkDates(FILE, 'opened: 2025-02-30\nstatus:\n  asOf: 2025-06-31\n').map((i) => i.field)).toEqual(['opened', 'status.asOf']);
  });

  test('leaves broken YAML to the schema check', () => {
    expect(checkDates(FILE, 'opened: 2025-02-30\ntitle: [unclosed\n')).toEqual([]);
  });
});

describe('pastDate', () => {
  const schema = pastDate('opened');
  const message = (value: unknown) => {
    const r = schema.safeParse(value);
    return r.success ? undefined : r.error.issues.map((i) => i.message).join('; ');
  };

  test.each([
    // An unquoted YAML date arrives as a Date; a quoted one as text.
    [new Date('2025-10-23T00:00:00Z'), '2025-10-23'],
    ['2025-10-23', '2025-10-23'],
    ['2025-10-23T18:43:00+05:00', '2025-10-23'],
  ])('accepts %j', (value, day) => {
    const r = schema.safeParse(value);
    expect(r.success && r.data.toISOString().slice(0, 10)).toBe(day);
  });

  test.each([
    // JavaScript would read these as a moment in 1970.
    [2025, 'must be a date written as YYYY-MM-DD'],
    [false, 'must be a date written as YYYY-MM-DD'],
    ['24.10.2025', 'must be a date written as YYYY-MM-DD'],
    // JavaScript would read this as 2 March.
    ['2025-02-30', '2025-02-30 is not a real date (February 2025 has 28 days)'],
    ['2099-01-01', '2099-01-01 is in the future'],
  ])('rejects %j', (value, words) => {
    expect(message(value)).toContain(words);
  });
});
