/**
 * A project: one object the sources report as built, opened or under way in Almaty in autumn 2025.
 * One Markdown file per project in `content/projects/`; the file name is the project's stable id.
 */
import { z } from 'astro/zod';
import {
  ALMATY_BOUNDS,
  CATEGORIES,
  CONFIDENCE,
  DISTRICT_SLUGS,
  FUNDING_SOURCES,
  KINDS,
  LIST_MEMBERSHIP,
  PRECISIONS,
  STATUS_STAGES,
} from '../lib/vocabulary.ts';
import { fullText, httpUrl, localText, pastDate, SourceSchema, text, translatedList, translatedPresent, vocab } from './common.ts';
import { languagesWithoutSource, unmarkedTranslations } from '../lib/local-text.ts';

const { south, west, north, east } = ALMATY_BOUNDS;
const inLat = (v: number) => v >= south && v <= north;
const inLon = (v: number) => v >= west && v <= east;

/** A stated coordinate and what it stands for. Present only where a source states coordinates. */
export const LocationSchema = z
  .strictObject({
    /** Latitude in decimal degrees (WGS 84), e.g. 43.2347. */
    lat: z.number({ error: 'location.lat must be a number such as 43.2347' }),
    /** Longitude in decimal degrees (WGS 84), e.g. 76.9477. */
    lon: z.number({ error: 'location.lon must be a number such as 76.9477' }),
    /** How precise the point is: exact, street or microdistrict. */
    precision: vocab('location.precision', PRECISIONS),
    /** What the point actually marks, e.g. "the corner of Baizakov and Gogol streets". */
    refersTo: localText('location.refersTo'),
    /** Where the coordinate comes from: a URL, or a description where the source has none. */
    source: text('location.source'),
    /** Address of that source, where it has one. */
    sourceUrl: httpUrl('location.sourceUrl').optional(),
  })
  .superRefine((loc, ctx) => {
    if (inLat(loc.lat) && inLon(loc.lon)) return;
    const swapped = inLat(loc.lon) && inLon(loc.lat);
    ctx.addIssue({
      code: 'custom',
      path: swapped ? [] : inLat(loc.lat) ? ['lon'] : ['lat'],
      message: swapped
        ? `location: latitude and longitude look swapped (lat ${loc.lat}, lon ${loc.lon}); in Almaty lat is about 43 and lon about 77, so write lat: ${loc.lon}, lon: ${loc.lat}`
        : `location (lat ${loc.lat}, lon ${loc.lon}) is outside Almaty; coordinates must be inside lat ${south}–${north}, lon ${west}–${east}`,
    });
  });

/** What the source says about progress, in its own words, and when it said it. */
export const StatusSchema = z.strictObject({
  /** The coarse stage used for filtering; see STATUS_STAGES. */
  stage: vocab('status.stage', STATUS_STAGES),
  /** The status as the source words it ("nearly completed", "opened"). Never upgrade it. */
  wording: localText('status.wording'),
  /** Date of the report that states this status. */
  asOf: pastDate('status.asOf').optional(),
});

/**
 * The short description in Kazakh and English. The Russian description is the Markdown body; where the
 * body itself is our translation (no source is in Russian), `translated` lists ru as well.
 */
export const DescriptionSchema = z
  .strictObject(
    {
      /** One to three sentences in Kazakh saying what the Russian body says, nothing more. */
      kk: text('description.kk'),
      /** The same in English. */
      en: text('description.en'),
      /** The languages that are our translation: kk, en, and ru for the body. */
      translated: translatedList('description').optional(),
    },
    {
      error: (i) =>
        i.input === undefined
          ? 'description is required: a short description in Kazakh (description.kk) and English (description.en) saying what the Russian text below the front matter says'
          : 'description must be an object with kk and en (and optionally translated)',
    },
  )
  .superRefine(translatedPresent('description', ['ru']));

const LANGUAGE_NAMES = { ru: 'Russian', kk: 'Kazakh', en: 'English' } as const;

/** Front-matter keys whose texts this rule does not check: the status reports carry their own marks. */
const UNCHECKED = ['status'];

export const ProjectSchema = z.strictObject({
  /** Title in Russian, Kazakh and English; `translated` lists the languages that are our translation. */
  title: fullText('title'),
  /** Short description in Kazakh and English; the Russian one is the Markdown body. */
  description: DescriptionSchema,
  /** Which of the four announced blocks it belongs to. */
  category: vocab('category', CATEGORIES),
  /** What kind of object it is. */
  kind: vocab('kind', KINDS),
  /** District slug; leave it out where no source states the district. */
  district: vocab('district', DISTRICT_SLUGS).optional(),
  /** Address: Russian exactly as the source writes it; Kazakh and English transliterated, no detail added. */
  address: localText('address').optional(),
  /** Stated coordinate; leave it out where no source states one. */
  location: LocationSchema.optional(),
  /** Why there is no coordinate, or what is known about the place instead. */
  locationNote: localText('locationNote').optional(),
  /** Capacity as stated: places, residents served, lamps. */
  capacity: localText('capacity').optional(),
  /** Area as stated, with its unit. */
  area: localText('area').optional(),
  /** Length of networks or lines as stated, with its unit. */
  networkLength: localText('networkLength').optional(),
  /** Investment as stated, with currency. */
  investment: localText('investment').optional(),
  /** Funding sources named by the sources. */
  funding: z.array(vocab('funding[]', FUNDING_SOURCES)).optional(),
  /** The funding as the source words it (programme names, sponsors). */
  fundingNote: localText('fundingNote').optional(),
  /** Progress as reported. */
  status: StatusSchema,
  /** Date of the (official) opening, where a source gives one. */
  opened: pastDate('opened').optional(),
  /** Whether a source ties the project to the Republic Day list. */
  republicDay: vocab('republicDay', LIST_MEMBERSHIP),
  /** Why the list membership is what it is, where there is more to say. */
  republicDayNote: localText('republicDayNote').optional(),
  /** How sure the research is that this belongs to the story. */
  confidence: vocab('confidence', CONFIDENCE),
  /** Sourced facts, one sentence each. */
  facts: z.array(localText('facts[]')).default([]),
  /** Caveats: conflicts between sources, open questions. */
  notes: localText('notes').optional(),
  /** Where every fact above comes from. At least one. */
  sources: z
    .array(SourceSchema, { error: (i) => (i.input === undefined ? 'sources is required: every project needs at least one source (url, outlet)' : 'sources must be a list') })
    .min(1, 'sources must list at least one source (url, outlet): every project needs one'),
}).superRefine((p, ctx) => {
  // A language none of the project's sources is written in can only be our translation: every text in
  // it must say so in `translated`. (A source without `language` proves no language.)
  const ours = languagesWithoutSource(p.sources.map((s) => s.language));
  for (const { path, missing } of unmarkedTranslations(p, ours, UNCHECKED)) {
    const field = path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'translated'],
      message: `${missing.map((l) => `${field}.${l}`).join(' and ')} must be marked as our translation: no source of this project is in ${missing.map((l) => LANGUAGE_NAMES[l]).join(' or ')} (sources[].language), so add ${missing.join(', ')} to ${field}.translated, or set the language of the source the text comes from`,
    });
  }
  // Only a record that is otherwise valid: with a broken source list, every text would be blamed.
}, { when: (payload) => payload.issues.length === 0 });

export type Project = z.output<typeof ProjectSchema>;
export type ProjectInput = z.input<typeof ProjectSchema>;
