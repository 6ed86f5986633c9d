/**
 * The site's CSV writer, with no dependencies: the build writes /data/projects.csv and each district's
 * file with it, and the browser the file of a filtered view ("download this view" on the project
 * index). Its output is csv-stringify's byte for byte with the options in csv-options.ts, and
 * tests/unit/csv.test.ts holds it to that library and to a round trip through csv-parse.
 *
 * The format is RFC 4180: fields separated by commas, records ended by CRLF (also after the last
 * record), and a field quoted only when it contains a comma, a double quote, CR or LF, with inner
 * quotes doubled. Files start with a UTF-8 byte order mark so that Excel opens Cyrillic text as
 * UTF-8 instead of the system code page; LibreOffice and parsers that know about the BOM skip it.
 */

/** One cell: text, a number, or nothing (written as an empty field). */
export type Cell = string | number | null | undefined;

/** The UTF-8 byte order mark as a string; prepend it once to the whole file. */
export const BOM = '\uFEFF';

/** RFC 4180 record separator. */
export const CRLF = '\r\n';

/** MIME type for a CSV download; `header=present` tells readers the first row names the columns. */
export const CSV_MIME = 'text/csv; charset=utf-8; header=present';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"), including
 * their full-width forms. Our content is edited by hand and none of it starts with these today, but
 * a future entry could, and a reader who opens the file should never run a formula from it. These
 * are exactly the characters csv-stringify's `escape_formulas` option guards.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** One field as text: quoted where needed, formula-like text prefixed with an apostrophe. */
export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined || cell === '') return '';
  let value = String(cell);
  // A negative number stays a number; only text that starts like a formula is defused.
  if (typeof cell === 'string' && FORMULA_START.has(value[0] ?? '')) value = `'${value}`;
  if (/[",\r\n]/.test(value)) value = `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** Rows to CSV text, each record ended by CRLF. Pass `bom: true` for a file readers will open. */
export function toCsv(rows: readonly (readonly Cell[])[], { bom = false }: { bom?: boolean } = {}): string {
  return (bom ? BOM : '') + rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}
