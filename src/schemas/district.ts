/**
 * A district of Almaty: one Markdown file per district in `content/districts/`, named by its slug.
 * Its outline (and so every map's frame) comes from OpenStreetMap, in content/geo/, not from this file.
 */
import { z } from 'astro/zod';
import { DISTRICT_SLUGS } from '../lib/vocabulary.ts';
import { httpUrl, localText, text, vocab } from './common.ts';

export const DistrictSchema = z.strictObject({
  /** Official names in the three languages. */
  name: z.strictObject({
    ru: text('name.ru'),
    kk: text('name.kk'),
    en: text('name.en'),
  }),
  /** Population as a source states it, with that source. Leave out where unsourced. */
  population: z
    .strictObject({
      /** The figure with its qualifier and year, as stated. */
      value: localText('population.value'),
      /** Page that states it. */
      source: httpUrl('population.source'),
    })
    .optional(),
  /** Area in km², with its source. Leave out where unsourced. */
  area: z
    .strictObject({
      /** Square kilometres. */
      km2: z.number().positive(),
      /** Page that states it. */
      source: httpUrl('area.source'),
      /** Caveat, e.g. that the source is a Wikipedia mirror. */
      note: localText('area.note').optional(),
    })
    .optional(),
  /** Other sourced facts, one sentence each. */
  facts: z.array(localText('facts[]')).default([]),
  /**
   * Places a reader may look for in this district that belong to another one, e.g. the Zhetysu-2 and
   * Zhetysu-3 microdistricts, which are in Auezov district. The page links to that district.
   */
  elsewhere: z
    .array(
      z.strictObject({
        /** What belongs elsewhere, in a sentence; `translated` as for any text. */
        text: localText('elsewhere[].text'),
        /** The district it belongs to. */
        district: vocab('elsewhere[].district', DISTRICT_SLUGS),
        /** Pages that say so. */
        sources: z.array(httpUrl('elsewhere[].sources[]')).min(1, 'elsewhere[].sources must list at least one URL'),
      }),
    )
    // Optional rather than defaulted: Astro's content cache keeps the parsed data of unchanged files
    // across a schema change, so a page must cope with districts cached before this field existed.
    .optional(),
  /** Pages the facts come from. */
  sources: z.array(httpUrl('sources[]')).min(1, 'sources must list at least one URL'),
});

export type District = z.output<typeof DistrictSchema>;
