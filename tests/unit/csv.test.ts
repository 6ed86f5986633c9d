import { describe, expect, test } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { BOM, csvField, toCsv, type Cell } from '../../src/lib/csv.ts';
import { CSV_STRINGIFY_OPTIONS } from '../../src/lib/csv-options.ts';

/** The options the build uses for /data/projects.csv (src/lib/csv-options.ts). */
const LIBRARY_OPTIONS = CSV_STRINGIFY_OPTIONS;

const library = (rows: Cell[][]) => stringify(rows, LIBRARY_OPTIONS);
const parseBack = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: false });

describe('csvField', () => {
  test.each([
    // Plain text is written as it is, without quotes.
    ['школа №220', 'школа №220'],
    // A comma would split the field, so the field is quoted.
    ['Алматы, Медеуский район', '"Алматы, Медеуский район"'],
    // Inner double quotes are doubled inside a quoted field (RFC 4180, rule 7).
    ['сквер "Жастар"', '"сквер ""Жастар"""'],
    // A line break inside a field is kept, inside quotes.
    ['первая строка\nвторая', '"первая строка\nвторая"'],
    // A bare CR is a record separator to some readers, so it is quoted too.
    ['a\rb', '"a\rb"'],
    // Text that a spreadsheet would run as a formula gets a leading apostrophe.
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    // The same for + and @ and a leading minus in text.
    ['+7 727', "'+7 727"],
    ['@home', "'@home"],
    ['-не указано', "'-не указано"],
    // A negative number stays a number.
    [-5, '-5'],
    // A number is written in plain notation.
    [43.25726, '43.25726'],
    // Unknown values are empty fields.
    [null, ''],
    [undefined, ''],
    ['', ''],
  ] as const)('%j → %s', (cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });
});

/** Rows that exercise every rule at once: Cyrillic, Kazakh letters, quotes, commas, newlines, formulas. */
const TRICKY: Cell[][] = [
  ['id', 'title_ru', 'title_kk', 'lat', 'note'],
  ['fx-1', 'Школа №220, корпус "А"', 'Әуезов ауданы: Қ, Ң, Ө, Ұ, Ү, Һ, І', 43.2347, 'строка 1\r\nстрока 2'],
  ['fx-2', '=1+1', '', null, ' leading space and trailing '],
  ['fx-3', '"в кавычках"', null, 76.9477, 'a | b | c'],
];

describe('toCsv', () => {
  test('writes what csv-stringify writes with the options the build uses', () => {
    // The browser writer must be byte-identical to the library that writes the published file.
    expect(toCsv(TRICKY, { bom: true })).toBe(library(TRICKY));
  });

  test('starts with one UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv(TRICKY, { bom: true });
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).startsWith(BOM)).toBe(false);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Outside quoted fields, every line break is CRLF.
    expect(csv.split('"').filter((_, i) => i % 2 === 0).join('')).not.toMatch(/(?<!\r)\n/);
  });

  test('round-trips through csv-parse: same rows, same text (formulas defused)', () => {
    const rows = parseBack(toCsv(TRICKY, { bom: true }));
    const expected = TRICKY.map((row) =>
      row.map((c) => (c === null || c === undefined ? '' : typeof c === 'string' && c.startsWith('=') ? `'${c}` : String(c))),
    );
    expect(rows).toEqual(expected);
  });

  test('agrees with csv-stringify and csv-parse on 500 generated rows of awkward characters', () => {
    // A fixed-seed generator, so a failure is reproducible: every special character the format
    // cares about, mixed with Cyrillic, Kazakh letters, spaces and digits, in random places.
    let seed = 20251023;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pool = ['"', ',', '\n', '\r', '\r\n', '=', '+', '-', '@', '\t', ' ', '|', "'", 'а', 'Ә', 'Қ', 'ү', 'z', '1', '№', '\uFF1D'];
    const word = () => Array.from({ length: Math.floor(next() * 8) }, () => pool[Math.floor(next() * pool.length)]).join('');
    const rows: Cell[][] = Array.from({ length: 500 }, () => Array.from({ length: 4 }, word));
    const csv = toCsv(rows, { bom: true });
    expect(csv).toBe(library(rows));
    const defused = (s: string) => (s !== '' && ['=', '+', '-', '@', '\t', '\r', '\uFF1D'].includes(s[0]!) ? `'${s}` : s);
    expect(parseBack(csv)).toEqual(rows.map((r) => r.map((c) => defused(String(c)))));
  });

  test('writes no BOM unless asked', () => {
    expect(toCsv([['a']])).toBe('a\r\n');
  });
});
