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
import { httpUrl, localText, pastDate, SourceSchema, text, vocab } from './common.ts';
import { shownValue } from '../lib/suggest.ts';

const { south, west, north, east } = ALMATY_BOUNDS;
const inLat = (v: number) => v >= south && v <= north;
const inLon = (v: number) => v >= west && v <= east;

// Written as one line ("43.2, 76.9"), a location loses what the point marks and where it comes from;
// the message shows the shape with an example an editor can copy.
const LOCATION_SHAPE =
  'write it as five fields, each on its own line indented under location: lat: 43.2347, lon: 76.9477, precision: street, refersTo: what the point marks, source: where the coordinate comes from (example in content/README.md)';

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
  }, {
    error: (issue) =>
      issue.code === 'invalid_type' ? `location must be a group of fields, not ${shownValue(issue.input)}; ${LOCATION_SHAPE}` : undefined,
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

export const ProjectSchema = z.strictObject({
  /** Title in Russian; Kazakh only where a source gives one (never a guessed translation). */
  title: z.strictObject(
    {
      ru: text('title.ru'),
      kk: text('title.kk').optional(),
    },
    { error: (i) => (i.input === undefined ? 'title is required (title.ru at least)' : 'title must have ru (and optionally kk)') },
  ),
  /** Which of the four announced blocks it belongs to. */
  category: vocab('category', CATEGORIES),
  /** What kind of object it is. */
  kind: vocab('kind', KINDS),
  /** District slug; leave it out where no source states the district. */
  district: vocab('district', DISTRICT_SLUGS).optional(),
  /** Address exactly as the source states it (Russian). */
  address: text('address').optional(),
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
});

export type Project = z.output<typeof ProjectSchema>;
export type ProjectInput = z.input<typeof ProjectSchema>;
