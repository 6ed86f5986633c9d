/**
 * The project index (/projects/) and, once the list is paged (src/lib/paging.ts), its further pages
 * (/projects/page/2/ …): the filter's options and settings, the first page of projects, the pager.
 */
import { t } from '~/i18n/index.ts';
import { fill, formatNumber, plural, pluralCategories } from '~/lib/format.ts';
import { NUMBER_SAMPLE } from '~/lib/number-format.ts';
import { FILTERS, NO_DISTRICT, toAttributes, type FilterKey } from '~/lib/filter.ts';
import { pageSlice, type Paging } from '~/lib/paging.ts';
import { fileHref, href } from '~/lib/paths.ts';
import { pageGroups } from '~/lib/projects.ts';
import { localised } from '~/lib/display.ts';
import { listTranslationNote } from './shared.ts';
import { categoryNote, type Reconciliation } from '~/lib/reconcile.ts';
import { LOCALE_TAGS, type Category, type Locale } from '~/lib/vocabulary.ts';
import { cityReconciliation, getDistrictMap, getProjects, type ProjectEntry } from '~/data/content.ts';
import { filterRecords, indexPages, paging } from '~/data/index-file.ts';

/** The links between the pages of a paged list (Pager.astro). */
export interface PagerView {
  page: number;
  pages: number;
  total: number;
  paging: Paging;
}

/**
 * One sentence per category for a list filtered to it: the announced figure, the number itemised and
 * the number a source ties to Republic Day (issue 13: "20 проектов" opened a list of 9 with no word
 * on why). The element shows the one for the selected category above the list; each category group of
 * the server-rendered list carries its own, for readers without JavaScript.
 */
function categoryNotes(lang: Locale, summary: Reconciliation): Record<Category, string> {
  const dict = t(lang);
  const count = (n: number) => plural(lang, n, dict.common.projects);
  const number = (n: number) => formatNumber(lang, n);
  return Object.fromEntries(summary.byCategory.map((row) => [row.category, categoryNote(dict.index, row, dict.labels.category[row.category], count, number)])) as Record<
    Category,
    string
  >;
}

export async function indexView(lang: Locale) {
  const dict = t(lang);
  const ix = dict.index;
  const [projects, byId, pages, summary, records] = await Promise.all([getProjects(), getDistrictMap(), indexPages(), cityReconciliation(), filterRecords()]);
  const notes = categoryNotes(lang, summary);
  const paged = pages > 1;
  // A heading counts its whole category, also when this page shows only part of it.
  const groups = pageGroups(pageSlice(projects, 1, paging), projects);
  const first = groups[0];

  // The options of each filter. Districts are all listed (a reader looks for their own, and "none
  // found there" is an answer); kinds, statuses, funding and list values only where at least one
  // project has them, because an option that can only ever show an empty list is noise.
  const used = (values: readonly string[], of: (p: ProjectEntry) => readonly string[]) => {
    const present = new Set(projects.flatMap(of));
    return values.filter((v) => present.has(v));
  };
  const label = (labels: Record<string, string>) => (v: string) => ({ value: v, label: labels[v] ?? v });
  const districtName = (slug: string) => (slug === NO_DISTRICT ? ix.districtNone : (byId.get(slug)?.data.name[lang] ?? slug));
  const controls: Array<{ key: FilterKey; options: Array<{ value: string; label: string }>; hint?: string }> = [
    { key: 'category', options: used(FILTERS.category, (p) => [p.data.category]).map(label(dict.labels.category)) },
    { key: 'district', options: FILTERS.district.map((v) => ({ value: v, label: districtName(v) })) },
    { key: 'kind', options: used(FILTERS.kind, (p) => [p.data.kind]).map(label(dict.labels.kind)) },
    { key: 'status', options: used(FILTERS.status, (p) => [p.data.status.stage]).map(label(dict.labels.stage)) },
    { key: 'funding', options: used(FILTERS.funding, (p) => p.data.funding ?? []).map(label(dict.labels.funding)) },
    // What confirmed / not confirmed / unlikely mean, next to the filter that offers them.
    { key: 'list', options: used(FILTERS.list, (p) => [p.data.republicDay]).map(label(dict.labels.membershipShort)), hint: ix.listHint },
    { key: 'located', options: FILTERS.located.map((v) => ({ value: v, label: ix.located[v] })) },
  ];

  // What the <project-index> element needs to write counts in the page language, as data-* attributes.
  const config: Record<string, string> = {
    'data-intl': LOCALE_TAGS[lang],
    // The build's formatting of one number, so that a browser without this language's number data
    // still writes counts as the page does (numberFormatter).
    'data-number-sample': formatNumber(lang, NUMBER_SAMPLE),
    'data-forms': JSON.stringify(pluralCategories(dict.common.projects)),
    'data-total-template': ix.total,
    'data-shown-template': ix.shown,
    'data-selected-template': ix.selected,
    'data-category-notes': JSON.stringify(notes),
    ...(paged
      ? {
          'data-records': `${href(lang, 'projects')}filter-index.json`,
          // One value's first matches (src/pages/[...lang]/projects/filter/[key]/[value].json.ts); the
          // braces must survive href()'s encoding, so the placeholders are appended after it.
          'data-first-records': `${href(lang, 'projects')}filter/{key}/{value}.json`,
          'data-total': String(projects.length),
          'data-batch': String(paging.pageSize),
          'data-more-template': dict.paging.more,
          'data-loading-text': dict.paging.loading,
          'data-failed-text': dict.paging.failed,
        }
      : {}),
  };

  return {
    title: ix.title,
    description: ix.description,
    summary,
    index: {
      /** The sentence for each category (categoryNotes above). */
      notes,
      translationNote: listTranslationNote(lang, projects.map((p) => localised(p.data.title, lang))),
      countText: fill(ix.total, { count: plural(lang, projects.length, dict.common.projects) }),
      /**
       * Shown without JavaScript: the filter cannot run, and the page cannot read a filtered link's
       * query either (no server), so the note is for every visit without scripting.
       */
      noScript: fill(paged ? dict.noScript.indexPaged : dict.noScript.index, { count: plural(lang, projects.length, dict.common.projects) }),
      controls,
      config,
      downloads: { json: fileHref('data', 'projects.json'), csv: fileHref('data', 'projects.csv') },
      groups,
      districts: byId,
      /** The data-* attributes the one-page index filters on (a paged index filters the index file). */
      // Readers search a district or a kind by any of its names, whatever the page language (filterRecords).
      attrs: paged ? undefined : (p: ProjectEntry) => ({ ...toAttributes(records.get(p.id)!), 'data-filter-item': '' }),
      paged: paged
        ? {
            pager: { page: 1, pages, total: projects.length, paging } satisfies PagerView,
            more: fill(dict.paging.more, { count: formatNumber(lang, paging.pageSize) }),
            /** One group with one item: the markup the element clones to render matches. */
            template: first ? [{ ...first, items: first.items.slice(0, 1) }] : [],
          }
        : undefined,
    },
  };
}

export type ProjectIndexView = Awaited<ReturnType<typeof indexView>>['index'];

/** getStaticPaths of the further pages: none while the list fits on one page. */
export async function indexPageNumbers(): Promise<Array<{ params: { page: string }; props: { page: number } }>> {
  const pages = await indexPages();
  return Array.from({ length: Math.max(0, pages - 1) }, (_, i) => ({ params: { page: String(i + 2) }, props: { page: i + 2 } }));
}

/** /projects/page/<n>/: its share of the projects, in the first page's markup, and the pager. */
export async function indexPageView(lang: Locale, page: number) {
  const dict = t(lang);
  const [projects, districts, pages, summary] = await Promise.all([getProjects(), getDistrictMap(), indexPages(), cityReconciliation()]);
  const title = fill(dict.paging.pageTitle, { title: dict.index.title, page: formatNumber(lang, page) });
  return {
    title,
    description: dict.index.description,
    firstPage: href(lang, 'projects'),
    groups: pageGroups(pageSlice(projects, page, paging), projects),
    notes: categoryNotes(lang, summary),
    districts,
    pager: { page, pages, total: projects.length, paging } satisfies PagerView,
  };
}
