/**
 * The project index at scale: whether the list is paged, and the compact filter index the paged list
 * fetches (src/lib/index-records.ts describes the file, src/lib/paging.ts the paging). Built once per
 * language per build, from the same filter records the one-page index writes into its HTML.
 */
import { getDistrictMap, getProjects, type DistrictEntry } from './content.ts';
import { dictionaries, t } from '~/i18n/index.ts';
import { fill, formatDate, isoDate } from '~/lib/format.ts';
import { toFilterRecord, type FilterRecord } from '~/lib/filter.ts';
import { byKey, type IndexFile, type IndexLabels } from '~/lib/index-records.ts';
import { pageCount, pagingFrom } from '~/lib/paging.ts';
import { localised, projectTitle } from '~/lib/display.ts';
import { href } from '~/lib/paths.ts';
import { DISTRICT_SLUGS, KINDS, LOCALES, type DistrictSlug, type Kind, type Locale } from '~/lib/vocabulary.ts';
import { once, onceBy } from '~/lib/once.ts';

/** The paging in force for this build (INDEX_PAGE_SIZE lets the tests page the real content). */
export const paging = pagingFrom(process.env);

/** How many pages the index has: 1 for today's content. */
export async function indexPages(): Promise<number> {
  return pageCount((await getProjects()).length, paging);
}

/**
 * The words a reader may search a district or a kind by, in every interface language, so that
 * "Medeu", "Медеу" and "Медеуский" all find it whatever the page language.
 */
export function searchNames(byId: ReadonlyMap<string, DistrictEntry>) {
  return {
    district: (slug: DistrictSlug) => LOCALES.map((l) => byId.get(slug)?.data.name[l] ?? ''),
    kind: (kind: Kind) => LOCALES.map((l) => dictionaries[l].labels.kind[kind]),
  };
}

/**
 * Every project's filter record, by id. The same in every language (its search text holds the names
 * of all three), so it is made once per build, not once per language.
 */
export const filterRecords = once(async (): Promise<ReadonlyMap<string, FilterRecord>> => {
  const [projects, byId] = await Promise.all([getProjects(), getDistrictMap()]);
  const names = searchNames(byId);
  return new Map(projects.map((p) => [p.id, toFilterRecord({ ...p.data, id: p.id }, names)]));
});

/** The filter index of one language's project list, made once per language. */
export const indexFile = onceBy((lang: Locale) => build(lang));

async function build(lang: Locale): Promise<IndexFile> {
  const [projects, byId, filter] = await Promise.all([getProjects(), getDistrictMap(), filterRecords()]);
  const dict = t(lang);
  const names = searchNames(byId);
  const labels: IndexLabels = {
    category: dict.labels.category,
    kind: dict.labels.kind,
    district: Object.fromEntries(DISTRICT_SLUGS.map((s) => [s, byId.get(s)?.data.name[lang] ?? s])) as IndexLabels['district'],
    stage: dict.labels.stage,
    membership: dict.labels.membership,
    precision: dict.labels.precision,
    districtNotStated: `${dict.project.district}: ${dict.common.notStated}`,
    asOf: dict.project.asOf,
    onMap: fill(dict.project.onMap, { precision: '{precision}' }),
  };
  return {
    // The braces must survive href()'s encoding, so the id placeholder is appended after it.
    href: `${href(lang, 'projects')}{id}/`,
    labels,
    names: { district: byKey(DISTRICT_SLUGS, names.district), kind: byKey(KINDS, names.kind) },
    items: projects.map((p) => {
      const title = projectTitle(p.data.title, lang);
      const capacity = localised(p.data.capacity, lang);
      const asOf = p.data.status.date;
      return {
        ...filter.get(p.id)!,
        title: title.text,
        titleLang: title.lang,
        asOf: asOf ? { iso: isoDate(asOf), text: formatDate(lang, asOf) } : undefined,
        precision: p.data.location?.precision,
        capacity: capacity ? { text: capacity.text, lang: capacity.lang } : undefined,
      };
    }),
  };
}
