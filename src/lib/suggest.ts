/**
 * "Did you mean" help for editors: finds the allowed value closest to a mistyped one, or the value a
 * word editors commonly use stands for ("done" → completed). Pure, so the schemas, the content checker
 * and the tests share it.
 */
import { LANGUAGE_SYNONYMS, STAGE_SYNONYMS } from './vocabulary.ts';

/**
 * Every word-to-value table of src/lib/vocabulary.ts. A table only ever suggests a value of the
 * vocabulary being checked, so one merged table serves every field (and `status.stage` under any path).
 */
const SYNONYMS: Readonly<Record<string, string>> = { ...STAGE_SYNONYMS, ...LANGUAGE_SYNONYMS };

/** Lowercase, ё as е, hyphens, underscores and runs of spaces as one space, no trailing punctuation. */
export function normaliseWord(input: string): string {
  return input
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s_-]+/g, ' ')
    .replace(/[.!,;:]+$/, '')
    .trim();
}

/** Levenshtein distance between two short strings. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The allowed value a word stands for (see SYNONYMS), else the allowed value within two edits of
 * `input` (case-insensitive), else undefined.
 */
export function closest(
  input: unknown,
  allowed: readonly string[],
  synonyms: Readonly<Record<string, string>> = SYNONYMS,
): string | undefined {
  if (typeof input !== 'string' || input === '') return undefined;
  const word = normaliseWord(input);
  const meant = Object.hasOwn(synonyms, word) ? synonyms[word] : undefined;
  if (meant !== undefined && allowed.includes(meant)) return meant;
  return nearest(input.trim().toLowerCase(), allowed, (value) => value, 2);
}

/** The first of `allowed` whose `key` is fewest edits from `needle`, if that is at most `within`. */
function nearest(needle: string, allowed: readonly string[], key: (value: string) => string, within: number): string | undefined {
  let best: string | undefined;
  let bestDistance = within + 1;
  for (const value of allowed) {
    const d = editDistance(needle, key(value));
    if (d < bestDistance) {
      best = value;
      bestDistance = d;
    }
  }
  return best;
}

/** A value as an editor typed it, for a message: text in quotes, anything else as YAML-ish JSON. */
export function shownValue(input: unknown): string {
  return typeof input === 'string' ? `"${input}"` : JSON.stringify(input) ?? String(input);
}

/** One sentence listing what is allowed, plus a suggestion where one is obvious. */
export function enumMessage(field: string, input: unknown, allowed: readonly string[]): string {
  if (input === undefined) return `${field} is required; allowed values: ${allowed.join(', ')}`;
  const guess = closest(input, allowed);
  const shown = shownValue(input);
  return (
    `${field} ${shown} is not allowed; allowed values: ${allowed.join(', ')}` +
    (guess ? `. Did you mean "${guess}"?` : '')
  );
}

/**
 * The listed URL an editor most probably meant: the one within a few edits of `input` once the
 * scheme, "www." and a trailing slash are set aside (a typo, http for https, a missing slash).
 */
export function closestUrl(input: string, allowed: readonly string[]): string | undefined {
  const bare = (u: string) => u.trim().toLowerCase().replace(/^https?:\/\/(www\.)?/, '').replace(/\/+$/, '');
  const needle = bare(input);
  return nearest(needle, allowed, bare, Math.max(3, Math.floor(needle.length / 10)));
}
