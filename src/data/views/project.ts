/** /projects/<id>/: one project with its facts, sources, map, neighbours and citation. */
import { getOutlines } from '~/data/geo.ts';
import { render } from 'astro:content';
import { t } from '~/i18n/index.ts';
import { hostOf, localised, projectTitle, quoted, translationMode } from '~/lib/display.ts';
import { formatDate, isoDate } from '~/lib/format.ts';
import type { LocalTextLike } from '~/lib/local-text.ts';
import { absolute, href } from '~/lib/paths.ts';
import { neighbours } from '~/lib/projects.ts';
import { breadcrumbList } from '~/lib/structured-data.ts';
import type { Locale } from '~/lib/vocabulary.ts';
import { getDistrictMap, getDistrictNames, getDistrictProjects, getProject, getProjects, type ProjectEntry } from '~/data/content.ts';
import { citation } from './shared.ts';

/** getStaticPaths of the project pages: one route per project and language. */
export async function projectIds(): Promise<Array<{ params: { id: string }; props: { id: string } }>> {
  return (await getProjects()).map((p) => ({ params: { id: p.id }, props: { id: p.id } }));
}

/**
 * Which of the texts the project page shows in its own language are our translation: all of them (the
 * page says so once, under the title), some of them (the page marks each one), or none. A project with
 * a Kazakh source can still have Kazakh texts we translated from its Russian sources, so "some" is common.
 */
function pageTranslation(p: ProjectEntry['data'], lang: Locale): 'all' | 'some' | undefined {
  const texts: Array<LocalTextLike | undefined> = [
    p.title,
    lang === 'ru' ? undefined : p.description,
    p.address,
    p.location?.refersTo,
    p.location?.sourceName,
    p.locationNote,
    p.capacity,
    p.area,
    p.networkLength,
    p.investment,
    p.fundingNote,
    p.republicDayNote,
    p.notes,
    ...p.facts,
    ...p.history.map((r) => r.note),
    ...p.sources.map((s) => s.note),
  ];
  const shown = texts.map((text) => localised(text, lang));
  // The Russian description is the Markdown body; `description.translated` says whether it is ours.
  if (lang === 'ru') shown.push({ text: '', lang: undefined, ours: p.description.translated?.includes('ru') ?? false });
  return translationMode(shown);
}

export async function projectView(id: string, lang: Locale) {
  const dict = t(lang);
  const project = await getProject(id);
  const p = project.data;
  const districts = await getDistrictMap();
  const district = p.district ? districts.get(p.district) : undefined;
  const title = projectTitle(p.title, lang);
  const districtName = district?.data.name[lang];
  const pageUrl = absolute(href(lang, 'projects', id));
  const near = district ? neighbours(project, await getDistrictProjects(district.id)) : [];
  const { Content } = await render(project);
  const sourceOf = (url: string) => p.sources.find((s) => s.url === url);

  return {
    project,
    title,
    /**
     * Our translations, said discreetly as the article does: where every text the page shows in its
     * own language is ours, one line under the title ("The English texts on this page are our
     * translation…"); where only some are, that line says the marked ones are, and each of them
     * carries "(our translation)" (`marks`, OursMark.astro).
     */
    translation: (() => {
      const mode = pageTranslation(p, lang);
      const titleOurs = title.ours && title.lang === undefined;
      return {
        note: mode === 'all' ? dict.translation.explain : mode === 'some' ? dict.translation.some : undefined,
        marks: mode === 'some',
        title: mode === 'some' && titleOurs ? dict.translation.title : undefined,
        descriptionOurs: lang === 'ru' ? Boolean(p.description.translated?.includes('ru')) : Boolean(localised(p.description, lang)?.ours),
      };
    })(),
    /** The latest report, for the facts: the source's words and, beside them, the page-language translation. */
    status: { stage: dict.labels.stage[p.status.stage], quote: quoted(p.status.wording, lang, sourceOf(p.status.source)?.language), date: p.status.date && { iso: isoDate(p.status.date), text: formatDate(lang, p.status.date) } },
    /** Every report, newest first: the status history timeline (issue 13 §4). */
    history: [...p.history].reverse().map((r) => {
      const source = sourceOf(r.source);
      return {
        date: r.date && { iso: isoDate(r.date), text: formatDate(lang, r.date) },
        stage: dict.labels.stage[r.stage],
        quote: quoted(r.wording, lang, source?.language),
        note: localised(r.note, lang),
        source: { url: r.source, outlet: source?.outlet ?? hostOf(r.source), language: source?.language },
      };
    }),
    description: `${dict.labels.category[p.category]}, ${districtName ?? dict.reconcile.unassigned}: ${dict.labels.stage[p.status.stage]}.`,
    Content,
    /** The description in Kazakh or English (the Russian one is the Markdown body, `Content`). */
    summary: localised(p.description, lang),
    district: district && { entry: district, name: district.data.name[lang], href: href(lang, 'districts', district.id) },
    facts: p.facts.map((f) => localised(f, lang)),
    /** What ProjectLocationMap draws: the project's point on its district among the others. */
    map: {
      project: { ...p, id },
      names: await getDistrictNames(lang),
      outlines: await getOutlines(),
    },
    notes: localised(p.notes, lang),
    sources: p.sources,
    neighbours:
      district && near.length > 0
        ? { heading: `${dict.project.neighbours}: ${district.data.name[lang]}`, items: near, allHref: href(lang, 'projects', `?district=${district.id}`) }
        : undefined,
    districts,
    cite: await citation(title.text, pageUrl, title.lang),
    structured: breadcrumbList([
      { name: dict.nav.home, url: absolute(href(lang)) },
      { name: dict.nav.projects, url: absolute(href(lang, 'projects')) },
      ...(district ? [{ name: district.data.name[lang], url: absolute(href(lang, 'districts', district.id)) }] : []),
      { name: title.text, url: pageUrl },
    ]),
  };
}
