/**
 * Building blocks shared by the news, project and district schemas.
 * Messages are written for editors: they name what was wrong and what is allowed.
 */
import { z } from 'astro/zod';
import { LOCALES, SOURCE_LANGUAGES, type Locale } from '../lib/vocabulary.ts';
import type { LocalText } from '../lib/local-text.ts';
import { enumMessage, shownValue } from '../lib/suggest.ts';
import { dateTextProblem } from '../lib/date-check.ts';

/** A closed vocabulary as a zod enum whose error lists the allowed values and suggests a near miss. */
export function vocab<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: (issue) => enumMessage(field, issue.input, values) });
}

/** A required non-empty string with an editor-facing message. */
export function text(field: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${field} is required` : `${field} must be text`,
    })
    .trim()
    .min(1, `${field} must not be empty`);
}

/**
 * `translated`: the languages of a text that are our translation, because none of the project's (or
 * district's) sources is written in that language. A list of ru, kk, en, each at most once, each a
 * language the text actually has. Unmarked languages are the sources' own wording or a faithful
 * restatement of a source in that language.
 */
export function translatedList(field: string) {
  return z
    .array(vocab(`${field}.translated[]`, LOCALES), {
      error: () => `${field}.translated must be a list of languages such as [kk, en]; allowed values: ${LOCALES.join(', ')}`,
    })
    .refine((list) => new Set(list).size === list.length, {
      error: () => `${field}.translated lists a language twice; name each of ${LOCALES.join(', ')} at most once`,
    });
}

/**
 * Adds an issue for each language listed in `translated` that the text does not have. `elsewhere`
 * names languages kept outside the object (a project's Russian description is its Markdown body).
 */
export function translatedPresent(field: string, elsewhere: readonly Locale[] = []) {
  return (value: { translated?: readonly Locale[] | undefined } & Partial<Record<Locale, string | undefined>>, ctx: z.RefinementCtx) => {
    for (const lang of value.translated ?? []) {
      if (value[lang] === undefined && !elsewhere.includes(lang)) {
        ctx.addIssue({
          code: 'custom',
          path: ['translated'],
          message: `${field}.translated lists ${lang}, but there is no ${field}.${lang}; add the ${lang} text or remove ${lang} from translated`,
        });
      }
    }
  };
}

/**
 * `foreign`: passages of a text that are in another language than the text around them, each with
 * its BCP 47 language tag and its exact words, e.g. a quotation from a Spanish source in a Russian
 * note. Pages mark each with `lang` (src/lib/lang-runs.ts) so that a screen reader reads it in that
 * language. Each passage must appear word for word in at least one of the text's languages, so a
 * typo cannot leave it unmarked. Cyrillic in English text needs no entry: it is found by its letters.
 */
export function foreignPassages(field: string) {
  return z.array(
    z.strictObject({
      lang: z
        .string({ error: () => `${field}.foreign[].lang is required: a language tag such as es or de` })
        .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: (issue) => `${field}.foreign[].lang must be a language tag such as es or de, not ${shownValue(issue.input)}` }),
      text: text(`${field}.foreign[].text`),
    }),
    { error: () => `${field}.foreign must be a list of { lang, text } passages` },
  );
}

/** Adds an issue for each `foreign` passage that none of the text's languages contains word for word. */
function foreignPresent(field: string) {
  return (value: { foreign?: ReadonlyArray<{ lang: string; text: string }> | undefined } & Partial<Record<Locale, string | undefined>>, ctx: z.RefinementCtx) => {
    (value.foreign ?? []).forEach((passage, i) => {
      if (LOCALES.some((l) => value[l]?.includes(passage.text))) return;
      ctx.addIssue({
        code: 'custom',
        path: ['foreign', i, 'text'],
        message: `${field}.foreign[${i}].text "${passage.text}" is not in ${field}'s ${LOCALES.join(', ')} texts; copy the passage exactly as it appears there`,
      });
    });
  };
}

/**
 * Text in one or more interface languages. Russian is required because it is the site's default
 * language; `kk` and `en` are optional and the page falls back to Russian (marked `lang="ru"`).
 * `translated` names the languages that are our translation (see `translatedList`), `foreign` the
 * passages in another language (see `foreignPassages`).
 * A plain string is shorthand for `{ ru: string }`. It produces the one `LocalText` type
 * (src/lib/local-text.ts, where src/lib can use it without importing a schema); the return type
 * makes the type check fail if the two drift apart.
 */
export function localText(field: string): z.ZodType<LocalText, unknown> {
  return z.union(
    [
      text(field).transform((ru) => ({ ru })),
      z
        .strictObject({
          /** Russian text (required): the sources' wording, or our translation where `translated` lists ru. */
          ru: text(`${field}.ru`),
          /** Kazakh text: from a Kazakh source, or our translation (then `translated` lists kk). */
          kk: text(`${field}.kk`).optional(),
          /** English text: from an English source, or our translation (then `translated` lists en). */
          en: text(`${field}.en`).optional(),
          /** The languages above that are our translation, e.g. [kk, en]. */
          translated: translatedList(field).optional(),
          /** Passages in another language, e.g. a quotation from a Spanish source (see foreignPassages). */
          foreign: foreignPassages(field).optional(),
        })
        .superRefine(translatedPresent(field))
        .superRefine(foreignPresent(field)),
    ],
    { error: () => `${field} must be text, or an object with ru (required), kk, en, translated and foreign` },
  );
}

/** Text in all three languages (project titles): every language is required. */
export function fullText(field: string) {
  return z
    .strictObject(
      {
        /** Russian text. */
        ru: text(`${field}.ru`),
        /** Kazakh text. */
        kk: text(`${field}.kk`),
        /** English text. */
        en: text(`${field}.en`),
        /** The languages above that are our translation, e.g. [kk, en]. */
        translated: translatedList(field).optional(),
      },
      {
        error: (i) =>
          i.input === undefined
            ? `${field} is required, with ${field}.ru, ${field}.kk and ${field}.en`
            : `${field} must be an object with ru, kk and en (and optionally translated)`,
      },
    )
    .superRefine(translatedPresent(field));
}

/** An http(s) URL. */
export function httpUrl(field: string) {
  return z.url({
    protocol: /^https?$/,
    hostname: z.regexes.domain,
    error: (issue) =>
      `${field} must be an http(s) URL such as https://www.zakon.kz/…; got ${JSON.stringify(issue.input)}`,
  });
}

/**
 * A calendar date (YAML `2025-10-23`), not in the future: sources cannot report what has not happened.
 * YAML gives an unquoted date as a Date and a quoted one as text; text must be a real date written as
 * YYYY-MM-DD (JavaScript would read "2025-02-30" as 2 March), and a number or yes/no is not a date at
 * all (JavaScript would read 2025 as a moment in 1970). An unquoted impossible date reaches the schema
 * already rolled over; src/lib/date-check.ts catches that one from the file's text.
 */
export function pastDate(field: string) {
  const format = `${field} must be a date written as YYYY-MM-DD, e.g. 2025-10-23`;
  return z
    .union([z.date(), z.string()], { error: () => format })
    .transform((value, ctx) => {
      if (value instanceof Date) return value;
      const problem = dateTextProblem(value);
      if (problem === undefined) return new Date(value.trim());
      ctx.addIssue({
        code: 'custom',
        message: problem === 'format' ? format : `${field} ${value.trim()} is not a real date (${problem}): it must be a date written as YYYY-MM-DD that is in the calendar`,
      });
      return z.NEVER;
    })
    .refine((d) => d.getTime() <= Date.now(), {
      error: (issue) =>
        `${field} ${(issue.input as Date).toISOString().slice(0, 10)} is in the future; a source can only report a date that has passed`,
    });
}

/** A published source: where a fact comes from. */
export const SourceSchema = z.strictObject({
  /** Address of the page that states the fact (http or https). */
  url: httpUrl('sources[].url'),
  /** Name of the outlet or site, e.g. "Zakon.kz". */
  outlet: text('sources[].outlet'),
  /** Publication date, where the page shows one. */
  date: pastDate('sources[].date').optional(),
  /** Language the page is written in. */
  language: vocab('sources[].language', SOURCE_LANGUAGES).optional(),
  /** Our one-line note on what this source says, e.g. that it is the Kazakh version. */
  note: localText('sources[].note').optional(),
}, {
  // A bare URL as a list item ("- https://…") is the districts' shape; a project's source needs more.
  error: (issue) =>
    issue.code === 'invalid_type'
      ? `each source must be a group of fields, not ${shownValue(issue.input)}; write "- url: https://…" with "outlet: …" on the next line, indented to match`
      : undefined,
});
export type Source = z.output<typeof SourceSchema>;

/** Interface languages as a vocabulary (used by the news schema). */
export const localeEnum = (field: string) => vocab(field, LOCALES);

// Zod's default message for an unknown front-matter key ("Unrecognized key") does not tell an editor
// what to do. Only this one code is rewritten; every other message falls through to the schemas'.
z.config({
  customError: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; check the spelling against content/README.md`
      : undefined,
});
