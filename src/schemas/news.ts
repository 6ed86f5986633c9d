/**
 * A news article in `content/news/`. The claimed figures live in front matter because the project
 * pages reconcile the itemised list against them.
 */
import { z } from 'astro/zod';
import { CATEGORIES, LOCALES } from '../lib/vocabulary.ts';
import { httpUrl, pastDate, SourceSchema, text, vocab } from './common.ts';

/** The totals an article announces. `total` is the "more than N" floor; per-category figures are exact. */
export const ClaimsSchema = z.strictObject({
  /** "More than N projects": the floor N as stated. */
  totalAtLeast: z.number().int().positive(),
  /** Projects announced per category. */
  byCategory: z.record(vocab('claims.byCategory key', CATEGORIES), z.number().int().nonnegative()),
  /** Number of districts the article says are covered. */
  districts: z.number().int().min(1).max(8),
});

/**
 * The schema is a factory because photos use Astro's `image()` helper, which exists only inside the
 * content config; `npm run check:content` passes a stand-in that checks the file exists.
 */
export const makeNewsSchema = (image: () => z.ZodType) =>
  z.strictObject({
  /** Headline. */
  title: text('title'),
  /** One- or two-sentence summary shown under the headline and in link previews. */
  lead: text('lead'),
  /** Publication date and time with its offset, e.g. 2025-10-23T18:43:00+05:00 (Asia/Almaty). */
  published: pastDate('published'),
  /**
   * When we last corrected this version's text, with its offset; leave out until there is a
   * correction. Search engines read it as the article's dateModified (equal to `published` without it).
   */
  updated: pastDate('updated').optional(),
  /** Byline. */
  author: text('author'),
  /** Section of the source outlet, e.g. "События". */
  section: text('section'),
  /** Language of this version. */
  lang: vocab('lang', LOCALES),
  /** For a translation: id of the original article entry. */
  translationOf: text('translationOf').optional(),
  /** The outlet that published the original, and its URL. */
  source: z.strictObject({ outlet: text('source.outlet'), url: httpUrl('source.url') }),
  /** Other publications of the same release (e.g. the Kazakh-language version), for readers who cite. */
  alsoPublished: z.array(SourceSchema).default([]),
  /** Credit for photos in the original that we do not reproduce. */
  photoCredit: text('photoCredit').optional(),
  /** Photos we are allowed to show: a local file, required alt text and a credit. */
  photos: z
    .array(
      z.strictObject({
        /** Path of the image relative to the article file. */
        src: image(),
        /** What the photo shows, for screen readers. */
        alt: text('photos[].alt'),
        /** Who took or owns it. */
        credit: text('photos[].credit'),
      }),
    )
    .default([]),
  /** The figures the article claims; present on the article the reconciliation is based on. */
  claims: ClaimsSchema.optional(),
});
export type News = z.output<ReturnType<typeof makeNewsSchema>>;
export type Claims = z.output<typeof ClaimsSchema>;
