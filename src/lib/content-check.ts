/**
 * Validates content files without a full build: the same schemas and cross-file checks the build
 * uses, applied to raw files. `npm run check:content` feeds it the real `content/` folder; unit
 * tests feed it fixture folders.
 */
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { ProjectObjectSchema, ProjectSchema } from '../schemas/project.ts';
import { DistrictSchema } from '../schemas/district.ts';
import { makeNewsSchema } from '../schemas/news.ts';
import { ConsideredSchema } from '../schemas/considered.ts';
import { checkBody, checkConsidered, checkDistricts, checkProjects, ID_PATTERN, type ContentIssue } from './validate.ts';
import { closest } from './suggest.ts';

export interface ContentFile {
  /** Path relative to the repository root, e.g. content/projects/foo.md. */
  path: string;
  text: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits a Markdown file into parsed front matter and body, or returns the problem. */
export function parseMarkdown(file: ContentFile): { data: unknown; body: string } | ContentIssue {
  const m = FRONT_MATTER.exec(file.text);
  if (!m) return { file: file.path, field: 'front matter', message: 'the file must start with front matter between two lines of "---"' };
  try {
    return { data: yaml.load(m[1]!) ?? {}, body: m[2] ?? '' };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { file: file.path, field: 'front matter', message: `is not valid YAML: ${reason}` };
  }
}

/** "sources[0].url" from zod's ['sources', 0, 'url']. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '') || '(front matter)';
}

function zodIssues(file: string, error: z.ZodError, shape: Record<string, unknown>): ContentIssue[] {
  return error.issues.map((i) => {
    let message = i.message;
    if (i.code === 'unrecognized_keys' && i.path.length === 0) {
      const hints = i.keys.map((k) => closest(k, Object.keys(shape))).filter(Boolean);
      if (hints.length) message += `. Did you mean ${hints.map((h) => `"${h}"`).join(', ')}?`;
    }
    return { file, field: fieldPath(i.path), message };
  });
}

const collectionOf = (path: string) => /(?:^|\/)(news|projects|districts|considered)\/[^/]+$/.exec(path)?.[1];

export function checkContent(files: ContentFile[], options: { fileExists?: (path: string) => boolean } = {}): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const projects: Parameters<typeof checkProjects>[0] = [];
  const districts: Parameters<typeof checkDistricts>[0] = [];
  const considered: Parameters<typeof checkConsidered>[0] = [];
  const newsSchema = makeNewsSchema(() => z.string());

  for (const f of files) {
    const collection = collectionOf(f.path);
    if (!collection || !/\.mdx?$/.test(f.path)) continue;
    const name = f.path.split('/').pop()!;
    const id = name.replace(/\.mdx?$/, '');
    if (!ID_PATTERN.test(id)) {
      issues.push({ file: f.path, field: 'file name', message: `"${id}" is not a valid id; use lowercase Latin letters, digits and hyphens` });
      continue;
    }
    const parsed = parseMarkdown(f);
    if ('message' in parsed) {
      issues.push(parsed);
      continue;
    }
    if (collection === 'projects') {
      const r = ProjectSchema.safeParse(parsed.data);
      if (!r.success) issues.push(...zodIssues(f.path, r.error, ProjectObjectSchema.shape));
      else projects.push({ id, file: f.path, title: r.data.title, district: r.data.district, body: parsed.body });
    } else if (collection === 'districts') {
      const r = DistrictSchema.safeParse(parsed.data);
      if (!r.success) issues.push(...zodIssues(f.path, r.error, DistrictSchema.shape));
      else districts.push({ id, file: f.path });
    } else if (collection === 'considered') {
      const r = ConsideredSchema.safeParse(parsed.data);
      if (!r.success) issues.push(...zodIssues(f.path, r.error, ConsideredSchema.shape));
      else considered.push({ id, file: f.path, formerId: r.data.formerId });
    } else {
      issues.push(...checkBody(f.path, parsed.body));
      const r = newsSchema.safeParse(parsed.data);
      if (!r.success) issues.push(...zodIssues(f.path, r.error, newsSchema.shape));
      else if (options.fileExists) {
        const dir = f.path.slice(0, f.path.lastIndexOf('/'));
        r.data.photos.forEach((photo, n) => {
          if (!options.fileExists!(`${dir}/${String(photo.src)}`)) {
            issues.push({ file: f.path, field: `photos[${n}].src`, message: `image file ${String(photo.src)} does not exist next to the article` });
          }
        });
      }
    }
  }
  // Cross-file checks only make sense over a folder that has districts at all (fixtures may not).
  issues.push(...checkProjects(projects));
  issues.push(...checkConsidered(considered, projects.map((p) => p.id)));
  if (files.some((f) => collectionOf(f.path) === 'districts')) issues.push(...checkDistricts(districts));
  return issues;
}
