// The one reader of the real content files for browser tests: they compute what they expect from
// content/ instead of hard-coding counts that drift when a project is added. Each file goes through
// the site's own schemas (src/schemas/), so a project here has exactly the shape `entry.data` has in
// the build (dates as Date, shorthand texts expanded) and follows the schema when it changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../../src/schemas/content-check.ts';
import { ProjectSchema, type Project } from '../../src/schemas/project.ts';
import { DistrictSchema, type District } from '../../src/schemas/district.ts';
import { ConsideredSchema, type Considered } from '../../src/schemas/considered.ts';
import { ClaimsSchema, type Claims } from '../../src/schemas/news.ts';

export type ContentProject = Project & { id: string };
export type ContentDistrict = District & { slug: string };

/** Every file of a collection, parsed by its schema, with its id (the file name), sorted by id. */
function load<T>(collection: string, parse: (data: unknown) => T, root = 'content'): Array<T & { id: string }> {
  const dir = join(process.cwd(), root, collection);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const parsed = parseMarkdown({ path, text: readFileSync(path, 'utf8') });
      if ('message' in parsed) throw new Error(`${path}: ${parsed.field}: ${parsed.message}`);
      return { ...parse(parsed.data), id: f.replace(/\.md$/, '') };
    });
}

/** Every project as the build sees it, with its id; `root` is another content folder (a fixture's). */
export function loadProjects(root = 'content'): ContentProject[] {
  return load('projects', (data) => ProjectSchema.parse(data), root);
}

/** Every district as the build sees it, with its slug. */
export function loadDistricts(): ContentDistrict[] {
  return load('districts', (data) => DistrictSchema.parse(data)).map(({ id, ...d }) => ({ ...d, slug: id }));
}

/** Every item considered and left off the list (content/considered/), with its id. */
export function loadConsidered(): Array<Considered & { id: string }> {
  return load('considered', (data) => ConsideredSchema.parse(data));
}

/** The announced figures: the claims of the one article that has them. */
export function loadClaims(): Claims {
  const withClaims = load('news', (data) => data as { claims?: unknown }).find((n) => n.claims !== undefined);
  if (!withClaims) throw new Error('content/news: no article has claims');
  return ClaimsSchema.parse(withClaims.claims);
}

/** The district names, by slug and language. */
export function loadDistrictNames(): Record<string, District['name']> {
  return Object.fromEntries(loadDistricts().map((d) => [d.slug, d.name]));
}

/** The texts the index search reads for a project: its titles and address in every language. */
export const searchable = (p: ContentProject): string[] =>
  [p.title.ru, p.title.kk, p.title.en, p.address?.ru, p.address?.kk, p.address?.en].filter((s): s is string => !!s);

/** Ids of the projects that satisfy a predicate, sorted for comparison. */
export const idsWhere = (projects: ContentProject[], keep: (p: ContentProject) => boolean) =>
  projects.filter(keep).map((p) => p.id).sort();

/** Every built HTML page as a site path ("/kk/districts/medeu/"), from dist/. */
export function builtPages(dir = 'dist', prefix = '/'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return builtPages(join(dir, e.name), `${prefix}${e.name}/`);
    return e.name === 'index.html' ? [prefix] : [];
  });
}
