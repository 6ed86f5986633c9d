/**
 * A district of Almaty: one Markdown file per district in `content/districts/`, named by its slug.
 * Its outline (and so every map's frame) comes from OpenStreetMap, in content/geo/, not from this file.
 */
import { z } from 'astro/zod';
import { httpUrl, localText, text } from './common.ts';

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
  /** Pages the facts come from. */
  sources: z.array(httpUrl('sources[]')).min(1, 'sources must list at least one URL'),
});

export type District = z.output<typeof DistrictSchema>;
