/**
 * The csv-stringify options that describe our CSV files: the unit tests hold the site's own writer
 * (src/lib/csv.ts), which writes them, to what the library writes with these options.
 */
import type { Options } from 'csv-stringify';

export const CSV_STRINGIFY_OPTIONS = {
  // A UTF-8 byte order mark, so Excel reads Cyrillic as UTF-8.
  bom: true,
  // RFC 4180 ends records with CRLF.
  record_delimiter: 'windows',
  // With an explicit record delimiter, csv-stringify stops quoting fields that hold a bare LF or
  // CR. Excel and most parsers treat either as a line break, so such a field must be quoted too.
  quote_record_delimiter: true,
  // Text starting with = + - @ gets a leading apostrophe so spreadsheets never run it as a formula.
  escape_formulas: true,
} as const satisfies Options;
