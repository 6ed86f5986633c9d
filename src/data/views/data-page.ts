/**
 * /data/: the downloads with their sizes and counts, every field of the files (printed from the same
 * definitions that write them), how the list was compiled, where it is incomplete, and the terms.
 */
import { t } from '~/i18n/index.ts';
import { fill, formatDate, formatList, formatNumber, isoDate, plural } from '~/lib/format.ts';
import { FIELDS, docKey } from '~/lib/export.ts';
import { districtFeedPath, feedPath } from '~/lib/feed.ts';
import { GAP_SOURCES, consideredNotes, gapCounts, methodCounts } from '~/lib/method-notes.ts';
import { INCLUSION_RULE } from '~/lib/inclusion.ts';
import { absolute, fileHref, href } from '~/lib/paths.ts';
import { dataset } from '~/lib/structured-data.ts';
import { CATEGORIES, LIST_MEMBERSHIP, LOCALE_TAGS, STATUS_STAGES, type Locale } from '~/lib/vocabulary.ts';
import { dataAsOf, getConsidered, getDistrictNames, getDistricts, getProjects, getStory } from '~/data/content.ts';
import { districtDownloads, districtFileHref, downloads, projectFileBytes, xlsxFile, xlsxHref, XLSX_MIME } from '~/data/open-data.ts';
import { districtsDownload } from '~/data/district-download.ts';
import { OUTLINE_LICENCE_URL } from '~/lib/outlines.ts';
import { feedCoverage } from './feeds.ts';
import { enumLabels, fileSize, listTranslationNote } from './shared.ts';
import { CONTENT_LICENCE } from '~/lib/licence.ts';

export async function dataPageView(lang: Locale) {
  const dict = t(lang);
  const [projects, districts, names, asOf, { original, claims }, files, considered] = await Promise.all([
    getProjects(),
    getDistricts(),
    getDistrictNames(lang),
    dataAsOf(),
    getStory(lang),
    downloads(),
    getConsidered(),
  ]);
  const districtFile = await districtsDownload();
  const counts = gapCounts(
    projects.map((p) => p.data),
    districts,
  );
  const n = (count: number) => plural(lang, count, dict.common.projects);
  // The gap sentences count projects after «для», «из», «у», which in Russian take the genitive.
  const of = (count: number) => plural(lang, count, dict.common.projectsOf);
  const districtName = (slug: string) => names[slug] ?? slug;

  const xlsx = await xlsxFile(lang);
  const [csvBytes, jsonBytes, geojsonBytes] = await Promise.all([projectFileBytes('csv'), projectFileBytes('json'), projectFileBytes('geojson')]);
  const fileList = [
    { name: 'projects.csv', label: dict.data.files.csv, note: dict.data.files.csvNote, content: csvBytes, count: files.count, mime: 'text/csv', href: fileHref('data', 'projects.csv') },
    { name: 'projects.xlsx', label: dict.xlsx.label, note: dict.xlsx.note, content: xlsx, count: files.count, mime: XLSX_MIME, href: xlsxHref(lang) },
    { name: 'projects.json', label: dict.data.files.json, note: dict.data.files.jsonNote, content: jsonBytes, count: files.count, mime: 'application/json', href: fileHref('data', 'projects.json') },
    { name: 'projects.geojson', label: dict.data.files.geojson, note: dict.data.files.geojsonNote, content: geojsonBytes, count: files.located, mime: 'application/geo+json', href: fileHref('data', 'projects.geojson') },
  ].map(({ content, ...f }) => ({ ...f, size: fileSize(lang, content), meta: fill(dict.data.fileMeta, { count: n(f.count), size: fileSize(lang, content) }), license: undefined as string | undefined }));
  // The district outlines: derived from OpenStreetMap, so under the ODbL (the file says so too).
  fileList.push({
    name: 'districts.geojson',
    label: dict.staticMap.districtsFile,
    note: dict.staticMap.districtsFileNote,
    count: districtFile.count,
    mime: 'application/geo+json',
    href: fileHref('data', 'districts.geojson'),
    size: fileSize(lang, districtFile.text),
    meta: fileSize(lang, districtFile.text),
    license: OUTLINE_LICENCE_URL,
  });

  /** Labels for the allowed values of the enum fields, so the codes in the files can be read. */
  const valueLabels = enumLabels(lang, names);
  const fieldDocs = dict.data.fields as Record<string, string>;
  const fields = FIELDS.map((f) => {
    const meaning = fieldDocs[docKey(f.key)];
    if (!meaning) throw new Error(`src/i18n/${lang}.ts: data.fields.${docKey(f.key)} is missing (the /data/ field table needs it)`);
    return { ...f, id: `field-${docKey(f.key)}`, meaning, labels: valueLabels[f.key] ?? {} };
  });

  const gaps: Array<{ text: string; sources: readonly string[] }> = [
    { text: fill(dict.data.gaps.coverage, { confirmed: formatNumber(lang, counts.confirmed), count: of(counts.count) }), sources: [] },
    { text: dict.data.gaps.schools, sources: GAP_SOURCES.schools },
    { text: dict.data.gaps.industry, sources: GAP_SOURCES.industry },
    { text: dict.data.gaps.social, sources: GAP_SOURCES.social },
    ...(counts.emptyDistricts.length
      ? [{ text: fill(dict.data.gaps.emptyDistricts, { list: formatList(lang, counts.emptyDistricts.map(districtName)) }), sources: [] }]
      : []),
    ...(counts.unassigned ? [{ text: fill(dict.data.gaps.unassigned, { count: of(counts.unassigned) }), sources: [] }] : []),
    {
      text: fill(dict.data.gaps.coordinates, {
        located: formatNumber(lang, counts.located),
        count: of(counts.count),
        exact: formatNumber(lang, counts.byPrecision.exact),
        street: formatNumber(lang, counts.byPrecision.street),
        microdistrict: formatNumber(lang, counts.byPrecision.microdistrict),
      }),
      sources: [],
    },
    ...(counts.undated ? [{ text: fill(dict.data.gaps.undated, { count: of(counts.undated) }), sources: [] }] : []),
    { text: fill(dict.data.gaps.districtFacts, { list: formatList(lang, counts.districtsWithFacts.map(districtName)) }), sources: [] },
  ];
  // How the list was compiled, with every number printed from the data: the announced figures from
  // the article's claims, the rule (src/lib/inclusion.ts, stated once), the list by the latest report's
  // stage and by its tie to Republic Day, and how many items were considered and left off.
  const m = dict.data.method;
  const mc = methodCounts(projects.map((p) => p.data));
  const lower = (s: string) => s.charAt(0).toLocaleLowerCase(LOCALE_TAGS[lang]) + s.slice(1);
  const method = {
    announced: fill(m.announced, {
      total: formatNumber(lang, claims.totalAtLeast),
      breakdown: formatList(
        lang,
        CATEGORIES.flatMap((c) => {
          const n = claims.byCategory[c];
          return n === undefined ? [] : [fill(m.breakdownItem, { category: lower(dict.labels.category[c]), n: formatNumber(lang, n) })];
        }),
      ),
    }),
    collected: m.collected,
    rule: { title: dict.data.ruleTitle, ...INCLUSION_RULE[lang] },
    counts: fill(m.counts, { count: n(mc.count) }),
    byStage: STATUS_STAGES.map((stage) => ({ value: stage, label: dict.labels.stage[stage], n: mc.byStage[stage] })),
    membership: m.membership,
    byMembership: LIST_MEMBERSHIP.map((value) => ({ value, label: dict.labels.membershipShort[value], n: mc.byMembership[value] })),
    considered: fill(m.considered, { count: formatNumber(lang, considered.length) }),
    status: m.status,
  };

  // The items left off the list ("considered, not included"), from content/considered/: what, which
  // condition it fails, why, and where it was found. An item that had a project page says so; that old
  // address is now a page pointing here (src/pages/[...lang]/projects/[former].astro).
  const notes = consideredNotes(
    considered.map((c) => c.data),
    lang,
  );
  const consideredItems = considered.map((c, i) => ({
    id: `considered-${c.id}`,
    ...notes[i]!,
    formerly: c.data.formerId ? { text: dict.data.formerly, link: { href: href(lang, 'projects', c.data.formerId), text: dict.data.formerlyLink } } : undefined,
    sources: c.data.sources.map((s) => ({ url: s.url, outlet: s.outlet, language: s.language, date: s.date && { iso: isoDate(s.date), text: formatDate(lang, s.date) } })),
  }));

  // Each district's own files and feed (also linked from the district's page).
  const byDistrict = await Promise.all(
    districts.map(async (d) => {
      const own = await districtDownloads(d.id);
      const name = d.data.name[lang];
      return {
        name,
        csv: { href: districtFileHref(d.id, 'csv'), download: `projects-${d.id}.csv`, meta: n(own.count) },
        geojson: { href: districtFileHref(d.id, 'geojson'), download: `projects-${d.id}.geojson`, meta: fill(dict.files.located, { n: formatNumber(lang, own.located) }) },
        feed: districtFeedPath(lang, d.id),
      };
    }),
  );
  const coverage = await feedCoverage(lang);

  const asOfDates = projects.flatMap((p) => (p.data.status.date ? [p.data.status.date] : [])).sort((a, b) => a.getTime() - b.getTime());
  const [earliest, latest] = [asOfDates[0], asOfDates.at(-1)];
  const asOfText = formatDate(lang, asOf);
  return {
    title: dict.data.title,
    description: dict.data.description,
    // The Russian date ends in "г.", which already closes the sentence.
    asOf: { iso: isoDate(asOf), text: asOfText, stop: asOfText.endsWith('.') ? ' ' : '. ' },
    summary: fill(dict.data.summary, { count: n(files.count), located: formatNumber(lang, files.located) }),
    files: fileList,
    fields,
    gaps,
    method,
    considered: {
      items: consideredItems,
      // Our translation, said once for the list where the texts it shows are ours (all of them, or some).
      translationNote: listTranslationNote(lang, notes.flatMap((note) => [note.title, note.explanation])),
    },
    source: { href: original.data.source.url, outlet: original.data.source.outlet },
    projectsHref: href(lang, 'projects'),
    feedHref: feedPath(lang),
    districtFiles: { title: dict.files.districtFilesTitle, intro: dict.files.districtFilesIntro, list: byDistrict },
    /** Why some projects are not in the feeds (they have no dated report after the article). */
    feedNote: fill(dict.feeds.undated, {
      date: formatDate(lang, coverage.since),
      items: plural(lang, coverage.items, dict.feeds.reports),
      count: plural(lang, coverage.leftOut, dict.common.projects),
    }),
    /** The content licence, named (CC BY 4.0) with its link, split around the link. */
    licence: (() => {
      const [before = '', after = ''] = dict.licence.text.split('{licence}');
      return { before, after, name: dict.licence.name, title: dict.licence.title, url: CONTENT_LICENCE.url };
    })(),
    sitemapHref: fileHref('sitemap-index.xml'),
    structured: dataset({
      name: dict.share.datasetName,
      description: dict.data.description,
      url: absolute(href(lang, 'data')),
      inLanguage: lang,
      dateModified: asOf,
      temporalCoverage: earliest && latest ? { from: earliest, to: latest } : undefined,
      creator: { name: dict.meta.siteName, url: absolute(href(lang)) },
      keywords: [dict.meta.siteName, dict.nav.projects, 'Almaty', 'Алматы'],
      isBasedOn: original.data.source.url,
      downloads: fileList.map((f) => ({ name: f.name, url: absolute(f.href), encodingFormat: f.mime, contentSize: f.size, license: f.license })),
      license: CONTENT_LICENCE.url,
    }),
  };
}
