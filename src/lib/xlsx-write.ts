/**
 * Writes the plain sheets of src/lib/xlsx-sheets.ts as an .xlsx workbook with write-excel-file: a
 * bold heading row that stays in view while scrolling, dates as date cells, long texts wrapped. The
 * last sheet (README) has no heading row. Node only (the library's Node build returns a Buffer).
 *
 * Why write-excel-file: it is maintained, small (one dependency, fflate; 8 packages and 9 MB with
 * its reader read-excel-file, against exceljs's 194 packages and 53 MB, several of them deprecated),
 * writes real date cells with a number format, frozen rows and column widths, and runs offline in the
 * build. Its companion read-excel-file, by the same author, reads the file back in the unit tests.
 */
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/node';
import type { Locale } from './vocabulary.ts';
import type { PlainSheet } from './xlsx-sheets.ts';

/**
 * Date cells as day.month.year for Russian and Kazakh readers, as year-month-day in English (whose
 * readers differ on day and month order). Either way the cell holds a date, not text.
 */
export const DATE_FORMAT: Record<Locale, string> = { ru: 'dd.mm.yyyy', kk: 'dd.mm.yyyy', en: 'yyyy-mm-dd' };

function toSheet(sheet: PlainSheet, lang: Locale, readme: boolean): Sheet<Buffer> {
  const header: Cell[] = sheet.columns.map((c) => ({ value: c.header, fontWeight: 'bold' }));
  const rows: Cell[][] = sheet.rows.map((row) =>
    row.map((v, i): Cell => {
      if (v === null) return null;
      if (v instanceof Date) return { value: v, type: Date, format: DATE_FORMAT[lang], align: 'left' };
      if (typeof v === 'number') return v;
      if (readme && i === 0) return { value: v, type: String, fontWeight: 'bold' };
      // Long texts wrap; short ones go as plain strings, which the writer handles fastest.
      return sheet.columns[i]?.type === 'text' && v.length > 60 ? { value: v, type: String, wrap: true, alignVertical: 'top' } : v;
    }),
  );
  return {
    sheet: sheet.name,
    data: readme ? rows : [header, ...rows],
    columns: sheet.columns.map((c) => ({ width: c.width })),
    ...(readme ? {} : { stickyRowsCount: 1 }),
  };
}

/** The workbook's bytes; the last sheet is the README. The same sheets give the same bytes on every build. */
export async function writeWorkbook(sheets: readonly PlainSheet[], lang: Locale): Promise<Uint8Array> {
  const buffer = await writeXlsxFile(sheets.map((s, i) => toSheet(s, lang, i === sheets.length - 1))).toBuffer();
  return fixedZipTimes(new Uint8Array(buffer));
}

/** 1 January 1980, 00:00, the earliest time a zip entry can carry (MS-DOS date 0x0021, time 0). */
const DOS_DATE = 0x0021;
const DOS_TIME = 0;

/**
 * `zip` with every entry's modification time set to 1 January 1980, in place. The zip writer stamps
 * each part of the workbook with the time it was written, so two builds of the same data gave files
 * that differed in those bytes only: a reader saw no difference, but nobody could tell from the files
 * that nothing had changed. The time sits in each entry's local header and again in the central
 * directory; no checksum covers it. A file that is not laid out as expected is returned unchanged.
 */
export function fixedZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record: its signature, searched from the end (a comment may follow it).
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return zip;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const stamps: number[] = [];
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return zip;
    const local = view.getUint32(at + 42, true);
    if (local + 30 > zip.length || view.getUint32(local, true) !== 0x04034b50) return zip;
    stamps.push(at + 12, local + 10);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  for (const stamp of stamps) {
    view.setUint16(stamp, DOS_TIME, true);
    view.setUint16(stamp + 2, DOS_DATE, true);
  }
  return zip;
}
