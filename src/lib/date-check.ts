/**
 * Dates that do not exist in the calendar. YAML reads `asOf: 2025-02-30` as 2 March 2025 without a
 * word, and JavaScript's Date does the same with the quoted "2025-02-30", so by the time a schema sees
 * the value the editor's mistake is gone. This check therefore reads the front matter's text: every
 * value written as a date (YYYY-MM-DD, optionally with a time), quoted or not, in any field, must be
 * a real date and time. The content checker (src/schemas/content-check.ts) runs it, so
 * `npm run check:content`, the build's content gate and the dev server's notice all report it.
 */
import yaml from 'js-yaml';
import { fieldPath, type ContentIssue } from './validate.ts';

// The shapes YAML reads as a timestamp: 2025-10-23, and 2025-10-23T18:43:00+05:00 or "2025-10-23 18:43".
const DATE = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d*)?)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?)?`;
const ANYWHERE = new RegExp(`(?<![\\d-])${DATE}`, 'g');
const WHOLE = new RegExp(`^${DATE}$`);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why the date written in `m` does not exist, or undefined if it does. */
function problem(m: RegExpMatchArray): string | undefined {
  const [, y, mo, d, hh, mi, ss] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day < 1 || day > daysIn(year, month)) return `${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days`;
  if (hh !== undefined && (Number(hh) > 23 || Number(mi) > 59 || Number(ss ?? 0) > 59)) return `there is no time ${hh}:${mi}${ss ? `:${ss}` : ''}`;
  return undefined;
}

/**
 * For a text written as a date: undefined if it is a real date, why not if it looks like one but is
 * not (2025-02-30), or "format" if it is not written as a date at all (24.10.2025).
 */
export function dateTextProblem(text: string): string | undefined {
  const m = WHOLE.exec(text.trim());
  return m ? problem(m) : 'format';
}

/** Every string in a parsed YAML tree, with its path. */
function* strings(value: unknown, path: PropertyKey[] = []): Generator<[string, PropertyKey[]]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/**
 * The impossible dates in one file's front matter (the text between the two "---" lines), each
 * naming the field. The common case, every date real, costs one scan of the text; only a file with a
 * suspect date is parsed to find the field it is in.
 */
export function checkDates(file: string, frontMatter: string): ContentIssue[] {
  if (![...frontMatter.matchAll(ANYWHERE)].some((m) => problem(m))) return [];
  let data: unknown;
  try {
    // The core schema has no timestamp type, so every date stays the text the editor wrote.
    data = yaml.load(frontMatter, { schema: yaml.CORE_SCHEMA });
  } catch {
    return []; // Broken YAML is reported by the schema check with the parser's own message.
  }
  const issues: ContentIssue[] = [];
  for (const [text, path] of strings(data)) {
    const m = WHOLE.exec(text.trim());
    const why = m && problem(m);
    if (why) {
      issues.push({
        file,
        field: fieldPath(path),
        message: `${text.trim()} is not a real date (${why}): it must be a date written as YYYY-MM-DD that is in the calendar, e.g. 2025-10-23`,
      });
    }
  }
  return issues;
}
