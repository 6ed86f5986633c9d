import { describe, expect, test } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { byteStream, csvPieces, jsonPieces } from '../../src/lib/pieces.ts';
import { CSV_STRINGIFY_OPTIONS } from '../../src/lib/csv-options.ts';

const records = [
  { id: 'a', title: { ru: 'Школа №220 «Алатау»', kk: 'Мектеп' }, lines: 'one\ntwo\r\nthree', list: [1, [2, 3], {}], empty: [], none: null, skipped: undefined },
  { id: 'b', nested: { deep: { deeper: ['x', { y: 'z' }] } }, quote: 'He said "yes"', slash: 'a\\b', tab: 'a\tb' },
  { id: 'c' },
];
const head = { title: { ru: 'Проекты', en: 'Projects' }, count: 3, license: 'CC BY 4.0' };

const joined = (pieces: Iterable<string>) => [...pieces].join('');

describe('jsonPieces', () => {
  test('joins into what JSON.stringify writes for the whole document', () => {
    expect(joined(jsonPieces(head, 'projects', records))).toBe(`${JSON.stringify({ ...head, projects: records }, null, 2)}\n`);
  });

  test('gives the head first and then one piece per item, not the whole file at once', () => {
    expect([...jsonPieces(head, 'projects', records)]).toHaveLength(records.length + 1);
  });

  test('an empty list, an empty head and items JSON cannot hold are written as JSON.stringify writes them', () => {
    expect(joined(jsonPieces(head, 'projects', []))).toBe(`${JSON.stringify({ ...head, projects: [] }, null, 2)}\n`);
    expect(joined(jsonPieces({}, 'features', records))).toBe(`${JSON.stringify({ features: records }, null, 2)}\n`);
    const odd = [undefined, () => 1, 'text', 4, null];
    expect(joined(jsonPieces(head, 'items', odd))).toBe(`${JSON.stringify({ ...head, items: odd }, null, 2)}\n`);
  });

  test('takes the items from any iterable, as they are made', () => {
    function* made() {
      for (const r of records) yield { ...r, made: true };
    }
    expect(joined(jsonPieces(head, 'projects', made()))).toBe(`${JSON.stringify({ ...head, projects: records.map((r) => ({ ...r, made: true })) }, null, 2)}\n`);
  });

  test('refuses a key the head already has, whose place in the object would differ', () => {
    expect(() => [...jsonPieces({ projects: 1, count: 2 }, 'projects', [])]).toThrow(/already in the head/);
  });
});

describe('csvPieces', () => {
  const rows = [
    ['id', 'title', 'note'],
    ['a', 'Школа «Алатау»', 'line one\nline two'],
    ['b', '=SUM(A1)', 'say "hi"'],
    ['c', '', 'a,b'],
    ['d', '+7 727', 'cr\rhere'],
    ['e', 'last', null],
  ];
  const write = (part: (string | null)[][], first: boolean) => stringify(part, first ? CSV_STRINGIFY_OPTIONS : { ...CSV_STRINGIFY_OPTIONS, bom: false });
  const whole = stringify(rows, CSV_STRINGIFY_OPTIONS);

  test.each([1, 2, 4, 6, 500])('joins into the file csv-stringify writes in one go, %i rows a piece', (per) => {
    const pieces = [...csvPieces(rows, write, per)];
    expect(pieces.join('')).toBe(whole);
    expect(pieces).toHaveLength(Math.ceil(rows.length / per));
  });

  test('starts with the byte order mark once', () => {
    const text = joined(csvPieces(rows, write, 2));
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\uFEFF')).toHaveLength(2);
  });

  test('an empty table is one piece, as written in one go', () => {
    expect([...csvPieces([], write)]).toEqual([stringify([], CSV_STRINGIFY_OPTIONS)]);
  });
});

describe('byteStream', () => {
  const pieces = ['Проект ', 'школа №220 ', '«Алатау»', '', ' — done\n', 'z'.repeat(20)];
  const text = pieces.join('');

  async function read(stream: ReadableStream<Uint8Array>) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    return chunks;
  }

  test.each([1, 5, 16, 1 << 16])('streams the UTF-8 bytes of the pieces in order, chunks of about %i characters', async (chunkChars) => {
    let size: number | undefined;
    const chunks = await read(byteStream(pieces, (bytes) => (size = bytes), chunkChars));
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(text, 'utf8'));
    expect(size).toBe(Buffer.byteLength(text, 'utf8'));
    if (chunkChars === 1 << 16) expect(chunks).toHaveLength(1);
    else expect(chunks.length).toBeGreaterThan(1);
  });

  test('makes the pieces as it is read, and gives the size only at the end', async () => {
    let made = 0;
    function* counted() {
      for (const p of pieces) {
        made += 1;
        yield p;
      }
    }
    let size: number | undefined;
    const reader = byteStream(counted(), (bytes) => (size = bytes), 5).getReader();
    expect(made).toBe(0);
    await reader.read();
    expect(made).toBeLessThan(pieces.length);
    expect(size).toBeUndefined();
    while (!(await reader.read()).done);
    expect(made).toBe(pieces.length);
    expect(size).toBe(Buffer.byteLength(text, 'utf8'));
  });

  test('an empty file is an empty stream of size 0', async () => {
    let size: number | undefined;
    expect(await read(byteStream([], (bytes) => (size = bytes)))).toEqual([]);
    expect(size).toBe(0);
  });
});
