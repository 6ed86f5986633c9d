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

/** The workbook's bytes; the last sheet is the README. */
export async function writeWorkbook(sheets: readonly PlainSheet[], lang: Locale): Promise<Uint8Array> {
  const buffer = await writeXlsxFile(sheets.map((s, i) => toSheet(s, lang, i === sheets.length - 1))).toBuffer();
  return new Uint8Array(buffer);
}
