/**
 * An item the research found and left off the list: "considered, not included". One Markdown file
 * (front matter only) per item in `content/considered/`; the file name is its id. Each item says which
 * condition of the inclusion rule (`src/lib/inclusion.ts`) it fails, why, and where it was found.
 */
import { z } from 'astro/zod';
import { CATEGORIES, CONSIDERED_REASONS, DISTRICT_SLUGS } from '../lib/vocabulary.ts';
import { ID_PATTERN } from '../lib/validate.ts';
import { localText, SourceSchema, vocab } from './common.ts';

export const ConsideredSchema = z.strictObject({
  /** What the item is, in a few words, e.g. "Школа №221 (2 500 мест в смену)". */
  title: localText('title'),
  /** Which condition of the inclusion rule it fails; see CONSIDERED_REASONS. */
  reason: vocab('reason', CONSIDERED_REASONS),
  /** The reason in full sentences, with the facts the sources give (dates, figures). */
  explanation: localText('explanation'),
  /** The announcement's block it would belong to, where that is clear. */
  category: vocab('category', CATEGORIES).optional(),
  /** District, where a source states it. */
  district: vocab('district', DISTRICT_SLUGS).optional(),
  /**
   * The project id (file name in content/projects/) the item had while it was on the list, so that
   * its old address can point here. Leave out for items that never were on the list.
   */
  formerId: z
    .string({ error: 'formerId must be text: the old file name in content/projects/ without .md' })
    .regex(ID_PATTERN, 'formerId must be a project id: lowercase Latin letters, digits and hyphens')
    .optional(),
  /** Where the item was found. At least one. */
  sources: z
    .array(SourceSchema, { error: (i) => (i.input === undefined ? 'sources is required: every item needs at least one source (url, outlet)' : 'sources must be a list') })
    .min(1, 'sources must list at least one source (url, outlet)'),
});

export type Considered = z.output<typeof ConsideredSchema>;
