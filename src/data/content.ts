/**
 * The one place pages get content from. Loads each collection once, runs the cross-file checks
 * (which Astro does not make) and stops with an editor-readable message if any fail (the build has
 * already checked every file, dates that do not exist included: src/integrations/content-problems.ts).
 * The view functions in src/data/views/ build each page from what this returns.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { assertNoIssues, checkBody, checkConsidered, checkDistricts, checkProjects } from '~/lib/validate.ts';
import { inSiteOrder } from '~/lib/projects.ts';
import { itemise, reconcile, type Itemised, type Reconciliation } from '~/lib/reconcile.ts';
import { newestDate, newsSlug, storyOf, type Story as StoryOf } from '~/lib/story.ts';
import type { Locale } from '~/lib/vocabulary.ts';
import { once, onceBy } from '~/lib/once.ts';
import { foreignPassagesIn } from '~/lib/local-text.ts';
import { langMarkup } from '~/lib/lang-runs.ts';

export type ProjectEntry = CollectionEntry<'projects'>;
export type DistrictEntry = CollectionEntry<'districts'>;
export type NewsEntry = CollectionEntry<'news'>;
export type ConsideredEntry = CollectionEntry<'considered'>;

/** Flattens an entry to the plain record the pure modules in src/lib work on. */
export type ProjectRecord = ProjectEntry['data'] & { id: string };

const fileOf = (collection: string, e: { id: string; filePath?: string | undefined }) => e.filePath ?? `content/${collection}/${e.id}.md`;

async function load() {
  const [projects, districts, news, considered] = await Promise.all([
    getCollection('projects'),
    getCollection('districts'),
    getCollection('news'),
    getCollection('considered'),
  ]);
  const issues = [
    ...checkProjects(
      projects.map((p) => ({
        id: p.id,
        file: fileOf('projects', p),
        title: p.data.title,
        district: p.data.district,
        body: p.body,
      })),
    ),
    ...news.flatMap((n) => checkBody(fileOf('news', n), n.body)),
    ...checkDistricts(districts.map((d) => ({ id: d.id, file: fileOf('districts', d) }))),
    ...checkConsidered(
      considered.map((c) => ({ id: c.id, file: fileOf('considered', c), formerId: c.data.formerId })),
      projects.map((p) => p.id),
    ),
  ];
  // In `astro dev` the content-problems integration lists these at the top of every page, and the pages
  // still render: except over unsafe Markdown (raw HTML, script links), which must not reach a browser
  // even on a laptop. The build has stopped on all of them before loading content.
  assertNoIssues(import.meta.env.DEV ? issues.filter((i) => i.field === 'body') : issues);
  return { ...inSiteOrder({ projects, districts, considered }), news };
}

const content = once(load);

/** Every project, in list order (src/lib/projects.ts). */
export async function getProjects(): Promise<ProjectEntry[]> {
  return (await content()).projects;
}

const projectMap = once(async () => new Map((await getProjects()).map((p) => [p.id, p])));

/** One project by id; throws with the id if there is none (a route and the content disagree). */
export async function getProject(id: string): Promise<ProjectEntry> {
  const project = (await projectMap()).get(id);
  if (!project) throw new Error(`content/projects/${id}.md: no such project`);
  return project;
}

const byDistrict = once(async () => {
  const map = new Map<string, ProjectEntry[]>();
  for (const p of await getProjects()) {
    if (!p.data.district) continue;
    const own = map.get(p.data.district);
    if (own) own.push(p);
    else map.set(p.data.district, [p]);
  }
  return map;
});

/**
 * The projects of one district, in list order. Made once per build: a project page looks up its
 * neighbours here instead of scanning the whole list, which at 10,000 projects cost seconds.
 */
export async function getDistrictProjects(slug: string): Promise<ProjectEntry[]> {
  return (await byDistrict()).get(slug) ?? [];
}

export const getProjectRecords = once(async (): Promise<ProjectRecord[]> => (await getProjects()).map((p) => ({ ...p.data, id: p.id })));

/** Items found in the research and left off the list ("considered, not included"), by id. */
export async function getConsidered(): Promise<ConsideredEntry[]> {
  return (await content()).considered;
}

export async function getDistricts(): Promise<DistrictEntry[]> {
  return (await content()).districts;
}

/** The districts by slug: the one way to look a district up. */
export const getDistrictMap = once(async (): Promise<ReadonlyMap<string, DistrictEntry>> => new Map((await getDistricts()).map((d) => [d.id, d])));

/** Every district's name in one language, by slug: made once per language, not once per page. */
export const getDistrictNames = onceBy(
  async (lang: Locale): Promise<Readonly<Record<string, string>>> => Object.freeze(Object.fromEntries((await getDistricts()).map((d) => [d.id, d.data.name[lang]]))),
);

/** One district by slug; throws with the slug if there is none. */
export async function getDistrict(slug: string): Promise<DistrictEntry> {
  const district = (await getDistrictMap()).get(slug);
  if (!district) throw new Error(`content/districts/${slug}.md: no such district`);
  return district;
}

/** The article the reconciliation is based on: the original (with the claims), its version in a language, and the claims. */
export type Story = StoryOf<NewsEntry>;

/** Every article, in the order the collection gives them. */
export async function getNews(): Promise<NewsEntry[]> {
  return (await content()).news;
}

/** The original article (the one with the claims) and its version in `lang`, if there is one (src/lib/story.ts). */
export async function getStory(lang: Locale): Promise<Story> {
  return storyOf((await content()).news, lang);
}

// The article's URL slug: translations share the original's (src/lib/story.ts).
export { newsSlug };

/**
 * The passages in another language that the content names (`foreign` in a localised text), from
 * every collection: LangText marks each with its `lang` wherever it appears.
 */
export const getForeignPassages = once(async () =>
  foreignPassagesIn([await getProjectRecords(), (await getConsidered()).map((c) => c.data), (await getDistricts()).map((d) => d.data)]),
);

/**
 * Text in a given language as HTML, with any Cyrillic inside non-Cyrillic text marked as Russian or
 * Kazakh and every passage the content names as foreign marked with its language (src/lib/lang-runs.ts),
 * so that a screen reader switches voice for it: `<Fragment set:html={langText(text, lang)} />`, where
 * `lang` is the text's own language, or the page's when it has none.
 */
export const getLangText = once(async () => {
  const foreign = await getForeignPassages();
  return (text: string, lang: string | undefined) => langMarkup(text, lang, foreign);
});

/** The whole list against the article's figures: the same on the home page, the index, the article and the districts. */
export const cityReconciliation = once(async (): Promise<Reconciliation> => reconcile(await getProjectRecords(), (await getStory('ru')).claims));

/** One district's projects counted; no announced figure exists for a district. */
export async function districtItemised(slug: string): Promise<Itemised> {
  return itemise((await getDistrictProjects(slug)).map((p) => p.data));
}

/** "Data as of": the newest date anywhere in the data (src/lib/story.ts); computed once per build. */
export const dataAsOf = once(async (): Promise<Date> => {
  const [projects, considered] = await Promise.all([getProjects(), getConsidered()]);
  return newestDate(projects, considered);
});
