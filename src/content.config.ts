// Wires the four collections under top-level `content/` to their schemas. Kept thin on purpose:
// the schemas live in src/schemas, the cross-file checks in src/lib/validate.ts.
// The same defineCollection as astro:content's, from the module that defines it: Astro runs this file
// through Vite before the build, and astro:content would bring the whole page renderer with it (60
// modules transformed for nothing; about 0.3 s of a 4.5 s build).
import { defineCollection } from 'astro/content/config';
import { ProjectSchema } from './schemas/project.ts';
import { DistrictSchema } from './schemas/district.ts';
import { ConsideredSchema } from './schemas/considered.ts';
import { makeNewsSchema } from './schemas/news.ts';
import { idFromPath } from './lib/validate.ts';
import { contentDirSetting } from './lib/content-problems.ts';
// glob() from astro/loaders, except that `astro dev` skips a broken file instead of exiting (see there).
import { contentGlob as glob } from './integrations/content-loader.ts';

// Astro silently keeps one entry when two files map to the same id; generateId makes that an error.
function strictIds(collection: string) {
  const seen = new Map<string, string>();
  return ({ entry }: { entry: string }) => {
    const id = idFromPath(collection, entry);
    const other = seen.get(id);
    if (other && other !== entry) {
      throw new Error(
        `content/${collection}/${entry}: duplicate id "${id}" (also content/${collection}/${other}); rename one of the files`,
      );
    }
    seen.set(id, entry);
    return id;
  };
}

// CONTENT_DIR lets the safety tests build the site from a fixture folder (tests/fixtures/content/…)
// into a separate output directory; the real site always builds from ./content.
const root = contentDirSetting(process.env);

export const collections = {
  news: defineCollection({
    loader: glob({ base: `${root}/news`, pattern: '*.{md,mdx}', generateId: strictIds('news') }),
    schema: ({ image }) => makeNewsSchema(image),
  }),
  projects: defineCollection({
    loader: glob({ base: `${root}/projects`, pattern: '*.md', generateId: strictIds('projects') }),
    schema: ProjectSchema,
  }),
  districts: defineCollection({
    loader: glob({ base: `${root}/districts`, pattern: '*.md', generateId: strictIds('districts') }),
    schema: DistrictSchema,
  }),
  considered: defineCollection({
    loader: glob({ base: `${root}/considered`, pattern: '*.md', generateId: strictIds('considered') }),
    schema: ConsideredSchema,
  }),
};
