/**
 * The spreadsheet (/data/projects.xlsx, /kk/data/projects.xlsx, /en/data/projects.xlsx) as plain
 * sheets: rows of text, numbers and real dates, with labels in the reader's language. The columns come
 * from the one field definition (`FIELDS` in src/lib/export.ts), so a field added there appears here
 * too (and the dictionaries fail a unit test until it has a column heading):
 *
 *  - Projects: one row per project, every field that is not a list of objects, codes turned into
 *    labels ("Социальная сфера", not `social`), texts in the reader's language (the Russian where the
 *    content has none), the number of status reports;
 *  - Sources: one row per source of every project (`sources[]`), with its publication date;
 *  - Status reports: one row per report (`history[]`), oldest first within a project;
 *  - README: what the file is, the "data as of" date, the counts and the terms.
 *
 * Pure: no dictionaries and no file format here. src/data/open-data.ts passes the labels in and
 * writes the workbook with write-excel-file.
 */
import { FIELDS, docKey, type Field, type JsonText, type ProjectJson } from './export.ts';
import type { Locale } from './vocabulary.ts';
import { pickText } from './local-text.ts';

/** A cell: text, a number, a calendar date (a date cell, not text), or empty. */
export type SheetCell = string | number | Date | null;

export interface SheetColumn {
  /** Heading in the reader's language. */
  header: string;
  /** Width in characters. */
  width: number;
  /** What the column holds, for the writer's cell format. */
  type: 'text' | 'number' | 'date' | 'url';
}

export interface PlainSheet {
  name: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
}

export interface XlsxLabels {
  sheets: { projects: string; sources: string; reports: string; readme: string };
  /** Short column headings by field (`docKey`: `status_date`, `sources_url`…). */
  columns: Readonly<Record<string, string>>;
  /** Headings of the columns every sheet but Projects starts with. */
  project: { id: string; title: string };
  /** Heading of a report's place in its project's list (1 = oldest). */
  reportNumber: string;
  /** Labels of enum values by field key (`category`, `status.stage`, `sources[].language`…). */
  values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The README sheet: [label, value] rows, written by the caller. */
  readme: ReadonlyArray<readonly [string, SheetCell]>;
  /** "our translation": added in brackets after every text that is ours, as the pages mark it. */
  ours: string;
}

export interface XlsxInput {
  lang: Locale;
  records: readonly ProjectJson[];
  /** The project's page in the reader's language (the records carry the Russian one). */
  pageUrl: (id: string) => string;
  labels: XlsxLabels;
}

/** "2025-11-12" → a Date at UTC midnight, as the content's dates are. */
const date = (v: string | null | undefined): Date | null => (v ? new Date(`${v}T00:00:00Z`) : null);

/**
 * The text in the reader's language, or the one the pages show in its place (pickText: the Russian of
 * the sources first), so that a sheet and a page never disagree on a cell. With `ours` (the words
 * "our translation"), a text that is our translation says so in brackets after it: a column headed
 * "Status in the source's words" holds our English for a Russian source, and a reader of the sheet
 * must be able to tell, as a reader of the page can.
 */
export function textIn(v: JsonText | { ru: string | null; kk: string | null; en: string | null } | null | undefined, lang: Locale, ours?: string): string | null {
  const picked = pickText(v ?? undefined, lang);
  if (!picked) return null;
  return ours && picked.ours ? `${picked.text} (${ours})` : picked.text;
}

/** The value at a field's path in a record or an item of one of its lists ("location.lat", "status.wording"). */
function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** One field's value as a cell in the reader's language. */
function cell(field: Field, value: unknown, lang: Locale, labels: XlsxLabels): SheetCell {
  if (value === null || value === undefined) return null;
  const named = (code: string) => labels.values[field.key]?.[code] ?? code;
  switch (field.type) {
    case 'date':
      return typeof value === 'string' ? date(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'enum':
      return named(String(value));
    case 'enum-list':
      return Array.isArray(value) && value.length ? value.map((v) => named(String(v))).join(', ') : null;
    case 'text':
      return textIn(value as JsonText, lang, labels.ours);
    case 'text-list':
      return Array.isArray(value) && value.length ? value.map((v) => textIn(v as JsonText, lang, labels.ours) ?? '').join('\n') : null;
    case 'object-list':
      // A list of objects has a sheet of its own; in the Projects sheet it is counted.
      return Array.isArray(value) ? value.length : null;
    default:
      return typeof value === 'string' || typeof value === 'number' ? value : null;
  }
}

const WIDTH: Record<Field['type'], number> = {
  string: 24,
  url: 40,
  number: 11,
  date: 12,
  enum: 20,
  'enum-list': 24,
  text: 40,
  'text-list': 50,
  object: 10,
  'object-list': 12,
};

function column(field: Field, labels: XlsxLabels): SheetColumn {
  const header = labels.columns[docKey(field.key)];
  if (!header) throw new Error(`xlsx: no column heading for the field ${field.key} (add xlsx.columns.${docKey(field.key)} to every dictionary)`);
  const type = field.type === 'date' ? 'date' : field.type === 'number' || field.type === 'object-list' ? 'number' : field.type === 'url' ? 'url' : 'text';
  return { header, width: WIDTH[field.type], type };
}

/** The fields of one level: top-level ones for Projects, `sources[].…` or `history[].…` for the others. */
function fieldsOf(prefix: '' | 'sources[].' | 'history[].'): Field[] {
  if (prefix === '') return FIELDS.filter((f) => !f.key.includes('[]') && f.type !== 'object');
  return FIELDS.filter((f) => f.key.startsWith(prefix));
}

/** Every sheet of the workbook, in order. */
export function xlsxSheets({ lang, records, pageUrl, labels }: XlsxInput): PlainSheet[] {
  const top = fieldsOf('');
  const projects: PlainSheet = {
    name: labels.sheets.projects,
    columns: top.map((f) => column(f, labels)),
    rows: records.map((r) =>
      top.map((f) => {
        // The permalink in the reader's language, not the Russian page the record names.
        if (f.key === 'url') return pageUrl(r.id);
        // `history` is a list of objects: here, how many reports there are.
        return cell(f, at(r, f.key), lang, labels);
      }),
    ),
  };

  const lead = (r: ProjectJson): SheetCell[] => [r.id, textIn(r.title, lang, labels.ours)];
  const leadColumns: SheetColumn[] = [
    { header: labels.project.id, width: 28, type: 'text' },
    { header: labels.project.title, width: 40, type: 'text' },
  ];
  const itemSheet = (name: string, prefix: 'sources[].' | 'history[].', items: (r: ProjectJson) => readonly object[], numbered: boolean): PlainSheet => {
    const fields = fieldsOf(prefix);
    return {
      name,
      columns: [...leadColumns, ...(numbered ? [{ header: labels.reportNumber, width: 8, type: 'number' as const }] : []), ...fields.map((f) => column(f, labels))],
      rows: records.flatMap((r) =>
        items(r).map((item, i) => [...lead(r), ...(numbered ? [i + 1] : []), ...fields.map((f) => cell(f, at(item, f.key.slice(prefix.length)), lang, labels))]),
      ),
    };
  };

  return [
    projects,
    itemSheet(labels.sheets.sources, 'sources[].', (r) => r.sources, false),
    itemSheet(labels.sheets.reports, 'history[].', (r) => r.history, true),
    {
      name: labels.sheets.readme,
      columns: [
        { header: '', width: 28, type: 'text' },
        { header: '', width: 100, type: 'text' },
      ],
      rows: labels.readme.map(([k, v]) => [k, v]),
    },
  ];
}
