/**
 * A district: its page (/districts/<slug>/) and its embeddable view (/embed/districts/<slug>/) are
 * built from this one preparation, so that the two can never disagree about a district.
 */
import { t } from '~/i18n/index.ts';
import { fill, formatNumber, plural } from '~/lib/format.ts';
import { NO_DISTRICT } from '~/lib/filter.ts';
import { localised, projectTitle } from '~/lib/display.ts';
import { splitByLocation } from '~/lib/map-data.ts';
import { absolute, href } from '~/lib/paths.ts';
import { groupByCategory } from '~/lib/projects.ts';
import { breadcrumbList, districtPlace } from '~/lib/structured-data.ts';
import { LOCALES, type Locale } from '~/lib/vocabulary.ts';
import { cityReconciliation, districtItemised, getDistrict, getDistrictMap, getDistrictNames, getDistrictProjects, getDistricts } from '~/data/content.ts';
import { getOutlines } from '~/data/geo.ts';
import { districtDownloads, districtFileBytes, districtFileHref } from '~/data/open-data.ts';
import { districtFeedPath } from '~/lib/feed.ts';
import { citation, fileSize, listTranslationNote } from './shared.ts';

/** getStaticPaths of the district page and of its embed: one route per district and language. */
export async function districtSlugs(): Promise<Array<{ params: { slug: string }; props: { slug: string } }>> {
  return (await getDistricts()).map((d) => ({ params: { slug: d.id }, props: { slug: d.id } }));
}

export async function districtView(slug: string, lang: Locale) {
  const dict = t(lang);
  const district = await getDistrict(slug);
  const d = district.data;
  const name = d.name[lang];
  const projects = await getDistrictProjects(slug);
  const records = projects.map((p) => ({ ...p.data, id: p.id }));
  const { unlocated } = splitByLocation(records);
  const count = plural(lang, projects.length, dict.common.projects);
  const description = fill(dict.district.description, { name, count });
  const pageUrl = absolute(href(lang, 'districts', slug));
  const titleOf = (p: (typeof records)[number]) => projectTitle(p.title, lang);
  const population = localised(d.population?.value, lang);
  const districts = await getDistrictMap();
  const unassigned = (await cityReconciliation()).unassigned.itemised;
  const itemised = await districtItemised(slug);

  return {
    lang,
    slug,
    name,
    title: name,
    description,
    /** The district's name in the other two languages. */
    otherNames: LOCALES.filter((l) => l !== lang).map((l) => ({ lang: l, text: d.name[l] })),
    href: href(lang, 'districts', slug),
    projects,
    /** "12 проектов". */
    count,
    /** Categories with at least one project, for the embed's one-line summary. */
    byCategory: itemised.byCategory.filter((r) => r.itemised > 0).map((r) => ({ category: r.category, n: r.itemised })),
    /** Every project with its title in the page language, for the embed's list. */
    list: records.map((p) => ({ id: p.id, href: href(lang, 'projects', p.id), title: titleOf(p), located: Boolean(p.location) })),
    /** What DistrictMap draws: the district's outline among its neighbours, and its projects. */
    map: {
      slug,
      names: await getDistrictNames(lang),
      projects: records,
      outlines: await getOutlines(),
    },
    unlocated: unlocated.map((p) => ({ id: p.id, href: href(lang, 'projects', p.id), title: titleOf(p) })),
    /** "3 проекта без опубликованного местоположения". */
    unlocatedCount: plural(lang, unlocated.length, dict.map.unlocated),
    allLocated: projects.length > 0 && unlocated.length === 0,
    /** The district's projects counted by category: no announced figure exists for a district. */
    itemised,
    groups: groupByCategory(projects).filter((g) => g.items.length > 0),
    /** Said once above the list where any title it shows is our translation. */
    translationNote: listTranslationNote(lang, records.map(titleOf)),
    /** "None was found in the sources searched" for a district without projects: we know no more than that. */
    noProjects: dict.district.noProjects,
    /**
     * The projects whose district no source states: any of them could be in this district, so every
     * district page counts them and links to them (issue 13 §1).
     */
    unassigned:
      unassigned > 0
        ? {
            text: fill(dict.district.unassigned, { count: plural(lang, unassigned, dict.common.projectsOf) }),
            link: { href: href(lang, 'projects', `?district=${NO_DISTRICT}`), text: dict.district.unassignedLink },
          }
        : undefined,
    /** Places readers may look for here that belong to another district (content: `elsewhere`), with a link to it. */
    elsewhere: (d.elsewhere ?? []).map((e) => ({
      text: localised(e.text, lang),
      link: { href: href(lang, 'districts', e.district), text: fill(dict.district.seeDistrict, { name: districts.get(e.district)?.data.name[lang] ?? e.district }) },
      sources: e.sources,
    })),
    districts,
    about: {
      population: population && d.population ? { ...population, source: d.population.source } : undefined,
      area: d.area ? { text: fill(dict.district.areaValue, { n: formatNumber(lang, d.area.km2) }), source: d.area.source } : undefined,
      facts: d.facts.map((f) => localised(f, lang)),
      sources: d.sources,
    },
    embed: {
      title: fill(dict.district.embedFrameTitle, { name }),
      description: fill(dict.district.embedDescription, { name }),
      counts: fill(dict.district.embedCounts, { count }),
      fullPage: fill(dict.district.embedFullPage, { site: dict.meta.siteName }),
    },
    /** The district's own files and feed (the "data and updates" section and the page's <head>). */
    data: await districtData(slug, lang, name),
    cite: await citation(name, pageUrl),
    structured: [
      districtPlace({ name, alternateName: LOCALES.filter((l) => l !== lang).map((l) => d.name[l]), url: pageUrl, description }),
      breadcrumbList([
        { name: dict.nav.home, url: absolute(href(lang)) },
        { name: dict.nav.districts, url: absolute(href(lang, 'districts')) },
        { name, url: pageUrl },
      ]),
    ],
  };
}

export type DistrictView = Awaited<ReturnType<typeof districtView>>;

/**
 * A district's CSV and GeoJSON (the city files' columns, its rows only) and its RSS feed, for the
 * district page: the files a journalist writing about one district takes away, without JavaScript.
 */
async function districtData(slug: string, lang: Locale, name: string) {
  const dict = t(lang);
  const [files, csvBytes, geojsonBytes] = await Promise.all([districtDownloads(slug), districtFileBytes(slug, 'csv'), districtFileBytes(slug, 'geojson')]);
  const n = (count: number) => plural(lang, count, dict.common.projects);
  return {
    title: dict.files.districtTitle,
    intro: dict.files.districtIntro,
    fieldsHref: `${href(lang, 'data')}#fields`,
    fieldsLink: dict.files.fieldsLink,
    files: [
      {
        label: dict.files.districtCsv,
        href: districtFileHref(slug, 'csv'),
        // Saved as projects-medeu.csv, so that it does not overwrite the city's projects.csv.
        download: `projects-${slug}.csv`,
        mime: 'text/csv',
        meta: fill(dict.data.fileMeta, { count: n(files.count), size: fileSize(lang, csvBytes) }),
      },
      {
        label: dict.files.districtGeojson,
        href: districtFileHref(slug, 'geojson'),
        download: `projects-${slug}.geojson`,
        mime: 'application/geo+json',
        meta: fill(dict.data.fileMeta, { count: n(files.located), size: fileSize(lang, geojsonBytes) }),
      },
    ],
    feed: { href: districtFeedPath(lang, slug), absolute: absolute(districtFeedPath(lang, slug)), label: dict.feeds.districtLink, name },
  };
}
