/**
 * What the /data/ page says about the list's gaps. The numbers are counted from the content, so the
 * page cannot claim a gap the data has closed; the sentences live in the dictionaries (`data.gaps`)
 * and the sources they rest on are listed here once for all three languages. The items left off the
 * list ("considered, not included") are content: `content/considered/`, read by `consideredNotes`.
 * The research notes these summarise are in the project's shared research file (`notes.gaps`,
 * `notes.coverage`, `notes.excluded_but_related`).
 */
import {
  DISTRICT_SLUGS,
  LIST_MEMBERSHIP,
  PRECISIONS,
  STATUS_STAGES,
  type ConsideredReason,
  type DistrictSlug,
  type ListMembership,
  type Locale,
  type Precision,
  type StatusStage,
} from './vocabulary.ts';
import { localised, type Localised } from './display.ts';
import { CONSIDERED_REASON_LABELS } from './inclusion.ts';
import type { LocalText } from './local-text.ts';

/** Gaps that are statements about the research rather than counts, with the pages they rest on. */
export const GAP_SOURCES = {
  schools: [
    'https://www.zakon.kz/obshestvo/6495497-v-almaty-ko-dnyu-respubliki-otkryli-chetyre-novye-shkoly.html',
    'https://kz.tsargrad.tv/news/almaty-vvela-4-shkoly-odna-na-2-000-mest-v-kazahstane-planirujut-232_1418880',
  ],
  industry: [
    'https://www.zakon.kz/sobytiia/6495375-v-almaty-ko-dnyu-respubliki-zavershaetsya-realizatsiya-bolee-60-sotsialno-znachimykh-proektov.html',
  ],
  social: [],
} as const satisfies Record<string, readonly string[]>;

export type GapId = keyof typeof GAP_SOURCES;

/** The fields the counts need; content entries' data fits as it is. */
export interface CountableProject {
  district?: DistrictSlug | undefined;
  location?: { precision: Precision } | undefined;
  status: { date?: Date | undefined };
  republicDay: ListMembership;
}

export interface CountableDistrict {
  id: string;
  data: { population?: unknown; area?: unknown };
}

export interface GapCounts {
  count: number;
  confirmed: number;
  located: number;
  byPrecision: Record<Precision, number>;
  /** Districts with no itemised project, in the vocabulary's order. */
  emptyDistricts: DistrictSlug[];
  /** Projects whose district no source states. */
  unassigned: number;
  /** Projects whose status has no report date. */
  undated: number;
  /** Districts whose population or area a source states, in the vocabulary's order. */
  districtsWithFacts: string[];
}

/** Counts behind the "where the list is incomplete" paragraph. */
export function gapCounts(projects: readonly CountableProject[], districts: readonly CountableDistrict[]): GapCounts {
  const byPrecision = Object.fromEntries(PRECISIONS.map((p) => [p, 0])) as Record<Precision, number>;
  for (const p of projects) if (p.location) byPrecision[p.location.precision] += 1;
  const withFacts = new Set(districts.filter((d) => d.data.population !== undefined || d.data.area !== undefined).map((d) => d.id));
  return {
    count: projects.length,
    confirmed: projects.filter((p) => p.republicDay === 'confirmed').length,
    located: projects.filter((p) => p.location).length,
    byPrecision,
    emptyDistricts: DISTRICT_SLUGS.filter((slug) => !projects.some((p) => p.district === slug)),
    unassigned: projects.filter((p) => !p.district).length,
    undated: projects.filter((p) => !p.status.date).length,
    districtsWithFacts: DISTRICT_SLUGS.filter((slug) => withFacts.has(slug)),
  };
}

/** What the method paragraph on /data/ counts: the list by the latest report's stage and by list membership. */
export interface MethodCounts {
  count: number;
  /** Every stage, in the vocabulary's order, zeros included: a reader sees that none is "conflicting". */
  byStage: Record<StatusStage, number>;
  byMembership: Record<ListMembership, number>;
}

export function methodCounts(projects: ReadonlyArray<{ status: { stage: StatusStage }; republicDay: ListMembership }>): MethodCounts {
  const byStage = Object.fromEntries(STATUS_STAGES.map((s) => [s, 0])) as Record<StatusStage, number>;
  const byMembership = Object.fromEntries(LIST_MEMBERSHIP.map((m) => [m, 0])) as Record<ListMembership, number>;
  for (const p of projects) {
    byStage[p.status.stage] += 1;
    byMembership[p.republicDay] += 1;
  }
  return { count: projects.length, byStage, byMembership };
}

/** The fields of a "considered, not included" item the /data/ page words (its sources it lists as they are). */
export interface ConsideredNoteInput {
  title?: LocalText | undefined;
  reason?: ConsideredReason | undefined;
  explanation: LocalText;
}

/** One item left off the list, in the page's language (Russian where none): what it is and why. */
export interface ConsideredNote {
  /** What the item is; undefined for an input without a title. */
  title: Localised | undefined;
  /** The condition of the rule it fails, as a short label. */
  reason: string | undefined;
  /** The reason in sentences, with its language and whether it is our translation. */
  explanation: Localised;
}

export function consideredNotes(items: readonly ConsideredNoteInput[], lang: Locale): ConsideredNote[] {
  return items.map((c) => ({
    title: localised(c.title, lang),
    reason: c.reason && CONSIDERED_REASON_LABELS[lang][c.reason],
    explanation: localised(c.explanation, lang),
  }));
}
