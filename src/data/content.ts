/**
 * The one place pages get content from. Loads each collection once, runs the cross-file checks
 * (which Astro does not make) and stops the build with an editor-readable message if any fail.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { assertNoIssues, checkBody, checkConsidered, checkDistricts, checkProjects } from '../lib/validate.ts';
import { sortProjects } from '../lib/projects.ts';
import type { Locale } from '../lib/vocabulary.ts';

export type ProjectEntry = CollectionEntry<'projects'>;
export type DistrictEntry = CollectionEntry<'districts'>;
export type NewsEntry = CollectionEntry<'news'>;
export type ConsideredEntry = CollectionEntry<'considered'>;

/** Flattens an entry to the plain record the pure modules in src/lib work on. */
export type ProjectRecord = ProjectEntry['data'] & { id: string };

let cache: Promise<{ projects: ProjectEntry[]; districts: DistrictEntry[]; news: NewsEntry[]; considered: ConsideredEntry[] }> | undefined;

async function load() {
  const [projects, districts, news, considered] = await Promise.all([
    getCollection('projects'),
    getCollection('districts'),
    getCollection('news'),
    getCollection('considered'),
  ]);
  assertNoIssues([
    ...checkProjects(
      projects.map((p) => ({
        id: p.id,
        file: p.filePath ?? `content/projects/${p.id}.md`,
        title: p.data.title,
        district: p.data.district,
        body: p.body,
      })),
    ),
    ...news.flatMap((n) => checkBody(n.filePath ?? `content/news/${n.id}`, n.body)),
    ...checkDistricts(districts.map((d) => ({ id: d.id, file: d.filePath ?? `content/districts/${d.id}.md` }))),
    ...checkConsidered(
      considered.map((c) => ({ id: c.id, file: c.filePath ?? `content/considered/${c.id}.md`, formerId: c.data.formerId })),
      projects.map((p) => p.id),
    ),
  ]);
  return { projects: sortProjects(projects), districts, news, considered: considered.sort((a, b) => a.id.localeCompare(b.id)) };
}

function content() {
  cache ??= load();
  return cache;
}

export async function getProjects(): Promise<ProjectEntry[]> {
  return (await content()).projects;
}

let byDistrict: Promise<Map<string, ProjectEntry[]>> | undefined;
/**
 * The projects of one district, in list order. Made once per build: a project page looks up its
 * neighbours here instead of scanning the whole list, which at 10,000 projects cost seconds.
 */
export async function getDistrictProjects(slug: string): Promise<ProjectEntry[]> {
  byDistrict ??= getProjects().then((list) => {
    const map = new Map<string, ProjectEntry[]>();
    for (const p of list) {
      if (!p.data.district) continue;
      const own = map.get(p.data.district);
      if (own) own.push(p);
      else map.set(p.data.district, [p]);
    }
    return map;
  });
  return (await byDistrict).get(slug) ?? [];
}

let records: Promise<ProjectRecord[]> | undefined;
export function getProjectRecords(): Promise<ProjectRecord[]> {
  records ??= getProjects().then((list) => list.map((p) => ({ ...p.data, id: p.id })));
  return records;
}

/** Items found in the research and left off the list ("considered, not included"), by id. */
export async function getConsidered(): Promise<ConsideredEntry[]> {
  return (await content()).considered;
}

export async function getDistricts(): Promise<DistrictEntry[]> {
  const { districts } = await content();
  return districts;
}

/** The original article (the one with the claims) and its version in `lang`, if there is one. */
export async function getStory(lang: Locale): Promise<{ original: NewsEntry; localised: NewsEntry }> {
  const { news } = await content();
  const original = news.find((n) => n.data.claims);
  if (!original) throw new Error('content/news: no article has `claims`; the reconciliation needs the announced figures');
  const localised =
    lang === original.data.lang ? original : news.find((n) => n.data.translationOf === original.id && n.data.lang === lang) ?? original;
  return { original, localised };
}

/** The article's URL slug: translations share the original's. */
export const newsSlug = (n: NewsEntry) => n.data.translationOf ?? n.id;

let asOf: Promise<Date> | undefined;
/**
 * "Data as of": the latest date of any status report. Computed once per build. It reads the whole
 * history because a project's latest report may be undated while an earlier one has a date.
 */
export function dataAsOf(): Promise<Date> {
  asOf ??= getProjects().then(
    (projects) =>
      new Date(projects.reduce((max, p) => Math.max(max, ...p.data.history.map((r) => r.date?.getTime() ?? 0)), 0)),
  );
  return asOf;
}
