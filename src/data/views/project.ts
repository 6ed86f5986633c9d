/** /projects/<id>/: one project with its facts, sources, map, neighbours and citation. */
import { getOutlines } from '~/data/geo.ts';
import { render } from 'astro:content';
import { t } from '~/i18n/index.ts';
import { localised, projectTitle } from '~/lib/display.ts';
import { absolute, href } from '~/lib/paths.ts';
import { neighbours } from '~/lib/projects.ts';
import { breadcrumbList } from '~/lib/structured-data.ts';
import type { Locale } from '~/lib/vocabulary.ts';
import { getDistrictMap, getDistrictProjects, getProject, getProjects } from '~/data/content.ts';
import { citation } from './shared.ts';

/** getStaticPaths of the project pages: one route per project and language. */
export async function projectIds(): Promise<Array<{ params: { id: string }; props: { id: string } }>> {
  return (await getProjects()).map((p) => ({ params: { id: p.id }, props: { id: p.id } }));
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

  return {
    project,
    title,
    /** The Russian title under a Kazakh one, as the source wrote it. */
    originalTitle: lang === 'kk' && p.title.kk ? p.title.ru : undefined,
    description: `${dict.labels.category[p.category]}, ${districtName ?? dict.reconcile.unassigned}: ${dict.labels.stage[p.status.stage]}.`,
    Content,
    /** The description in Kazakh or English (the Russian one is the Markdown body, `Content`). */
    summary: localised(p.description, lang),
    district: district && { entry: district, name: district.data.name[lang], href: href(lang, 'districts', district.id) },
    facts: p.facts.map((f) => localised(f, lang)),
    /** What ProjectLocationMap draws: the project's point on its district among the others. */
    map: {
      project: { ...p, id },
      names: Object.fromEntries([...districts.values()].map((x) => [x.id, x.data.name[lang]])),
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
