import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { viewCsv } from '../../src/scripts/download-view.ts';
import { CSV_HEADER, toJsonRecord } from '../../src/lib/export.ts';
import { bare, located } from '../fixtures/export.ts';

const doc = { projects: [toJsonRecord(located, 'https://example.org/a/'), toJsonRecord(bare, 'https://example.org/b/')] };
/** A stand-in for fetch that serves `body` as /data/projects.json. */
const serve = (body: unknown, status = 200) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('viewCsv', () => {
  test('writes the visible projects in page order, with the published header and a BOM', async () => {
    const csv = await viewCsv(['fx-bare-plant', 'fx-located-square'], '/data/projects.json', serve(doc));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(csv, { bom: true });
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['fx-bare-plant', 'fx-located-square']);
  });

  test('writes every project, in the file\'s order, when no filter selects (null)', async () => {
    const rows: string[][] = parse(await viewCsv(null, '/data/projects.json', serve(doc)), { bom: true });
    expect(rows.slice(1).map((r) => r[0])).toEqual(['fx-located-square', 'fx-bare-plant']);
  });

  test.each([
    // A failed request is an error the caller can fall back from, not an empty file.
    ['HTTP 404', serve(doc, 404), /HTTP 404/],
    // A file that is not the dataset is refused rather than written as a blank table.
    ['no projects list', serve({ other: [] }), /no "projects" list/],
  ])('%s', async (_name, fetcher, message) => {
    await expect(viewCsv(['fx-bare-plant'], '/data/projects.json', fetcher)).rejects.toThrow(message);
  });
});
