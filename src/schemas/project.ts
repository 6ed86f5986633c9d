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
import { closestUrl, shownValue } from '../lib/suggest.ts';
import { languagesWithoutSource, unmarkedTranslations } from '../lib/local-text.ts';
import { fieldPath } from '../lib/validate.ts';
import { isoDate } from '../lib/format.ts';

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
    /**
     * The source as a reader is told it, in each language, where `source` is a citation written for
     * checking (a repository path and commit, a search index's file id): pages show this instead; the
     * downloads carry both.
     */
    sourceName: localText('location.sourceName').optional(),
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

/**
 * One report on a project's progress: what one of its sources said, in that source's words, and when.
 * A project's `status` is a list of these, oldest first; an editor appends a newer report and keeps
 * the old ones, so the page can show how the project moved (planned → in progress → opened).
 */
export const StatusReportSchema = z.strictObject({
  /** The coarse stage this report states, used for filtering; see STATUS_STAGES. Never upgrade it. */
  stage: vocab('status[].stage', STATUS_STAGES),
  /**
   * The report in the source's own words, in the source's language ("почти завершён", "аяқталды"),
   * plus our translations into the other languages, listed in `translated`.
   */
  wording: localText('status[].wording'),
  /** Date the source made the statement (its publication date), `YYYY-MM-DD`; leave out where the source is undated. */
  date: pastDate('status[].date').optional(),
  /** Page that makes the statement; must be one of the project's `sources[].url`. */
  source: httpUrl('status[].source'),
  /** Our short note on the report, e.g. that the date is a plan or that another source differs. */
  note: localText('status[].note').optional(),
});
export type StatusReport = z.output<typeof StatusReportSchema>;

/**
 * The reports as a list: at least one, and dated reports oldest first. Undated reports may stand
 * anywhere (their place is the editor's reading of the sources), but two dated reports must be in order.
 */
const StatusHistorySchema = z
  .array(StatusReportSchema, {
    error: (i) =>
      i.input === undefined
        ? 'status is required: a list of reports, each with stage, wording and source (see content/README.md)'
        : 'status must be a list of reports (each line starting with "- stage: …"), oldest first; see content/README.md',
  })
  .min(1, 'status must list at least one report (stage, wording, source)')
  .superRefine((reports, ctx) => {
    let last: { date: Date; index: number } | undefined;
    reports.forEach((r, index) => {
      if (!r.date) return;
      if (last && r.date.getTime() < last.date.getTime()) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'date'],
          message: `status[${index}].date ${isoDate(r.date)} is earlier than status[${last.index}].date ${isoDate(last.date)}; list reports oldest first and add a newer report at the end`,
        });
      }
      if (!last || r.date.getTime() >= last.date.getTime()) last = { date: r.date, index };
    });
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

/**
 * The project as an editor writes it. Exported on its own because the content checker reads its
 * `.shape` to suggest field names; pages use `ProjectSchema`, which adds the cross-field checks.
 */
export const ProjectObjectSchema = z.strictObject({
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
  /** Progress as reported: every report a source gives, oldest first. The last one is the current status. */
  status: StatusHistorySchema,
  /** Date of the (official) opening, where a source gives one. */
  opened: pastDate('opened').optional(),
  /** Whether a source ties the project to Republic Day 2025 (not whether it is on the akimat's list, which is not public). */
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

/** Every report's source must be one of the project's sources, so each statement can be checked. */
function checkReportSources(p: z.output<typeof ProjectObjectSchema>, ctx: z.RefinementCtx) {
  const urls = p.sources.map((s) => s.url);
  p.status.forEach((r, index) => {
    if (urls.includes(r.source)) return;
    const near = closestUrl(r.source, urls);
    ctx.addIssue({
      code: 'custom',
      path: ['status', index, 'source'],
      message:
        `status[${index}].source ${r.source} is not one of this project's sources; add it to sources (url, outlet) or use one listed there` +
        (near ? `. Did you mean ${near}?` : ''),
    });
  });
}

const LANGUAGE_NAMES = { ru: 'Russian', kk: 'Kazakh', en: 'English' } as const;

/**
 * A language none of the project's sources is written in can only be our translation: every text in
 * it must say so in `translated` (a source without `language` proves no language). This covers the
 * status reports' wording and notes too.
 */
function checkTranslatedMarks(p: z.output<typeof ProjectObjectSchema>, ctx: z.RefinementCtx) {
  const ours = languagesWithoutSource(p.sources.map((s) => s.language));
  for (const { path, missing } of unmarkedTranslations(p, ours)) {
    const field = fieldPath(path);
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'translated'],
      message: `${missing.map((l) => `${field}.${l}`).join(' and ')} must be marked as our translation: no source of this project is in ${missing.map((l) => LANGUAGE_NAMES[l]).join(' or ')} (sources[].language), so add ${missing.join(', ')} to ${field}.translated, or set the language of the source the text comes from`,
    });
  }
}

/**
 * The parsed project. `history` is every status report, oldest first; `status` is the latest (the
 * last in the list), which the index, filters, counts and maps use.
 */
/** A problem with the record as a whole, its sources or its reports: then the reports' sources cannot be checked. */
const aboutSourcesOrReports = (issue: { path?: readonly PropertyKey[] | undefined }) =>
  !issue.path?.length || issue.path[0] === 'sources' || issue.path[0] === 'status';

export const ProjectSchema = ProjectObjectSchema.superRefine(checkReportSources, {
  // Whenever the source list and the reports are valid, even if another field is not, so that an editor
  // who misspells the district learns in the same run that a report cites a source not listed. With a
  // broken source list every report would be blamed too.
  when: (payload) => !payload.issues.some(aboutSourcesOrReports),
})
  .superRefine(checkTranslatedMarks, {
    // Whenever the source list is valid, even if another field is not, so that an editor learns every
    // missing mark in the same run as a misspelt district. The check finds texts by their shape
    // (src/lib/local-text.ts), so a broken field elsewhere is simply not a text to it.
    when: (payload) => !payload.issues.some((i) => !i.path?.length || i.path[0] === 'sources'),
  })
  .transform(({ status, ...rest }) => ({
  ...rest,
  history: status,
  status: status.at(-1)!,
}));

export type Project = z.output<typeof ProjectSchema>;
export type ProjectInput = z.input<typeof ProjectSchema>;
