/**
 * Validates content files without a full build: the same schemas and cross-file checks the build
 * uses, applied to raw files. `npm run check:content` feeds it the real `content/` folder; unit
 * tests feed it fixture folders, and the browser tests read content/ through it. It lives beside the
 * schemas it applies, so that src/lib never imports a schema at run time.
 */
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { ProjectObjectSchema, ProjectSchema } from './project.ts';
import { DistrictSchema } from './district.ts';
import { makeNewsSchema } from './news.ts';
import { ConsideredSchema } from './considered.ts';
import { checkBody, checkConsidered, checkDistricts, checkProjects, fieldPath, ID_PATTERN, type ContentIssue } from '../lib/validate.ts';
import { checkDates } from '../lib/date-check.ts';
import { closest } from '../lib/suggest.ts';

export interface ContentFile {
  /** Path relative to the repository root, e.g. content/projects/foo.md. */
  path: string;
  text: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits a Markdown file into its front matter (as text and parsed) and body, or returns the problem. */
export function parseMarkdown(file: ContentFile): { front: string; data: unknown; body: string } | ContentIssue {
  const m = FRONT_MATTER.exec(file.text);
  if (!m) return { file: file.path, field: 'front matter', message: 'the file must start with front matter between two lines of "---"' };
  try {
    return { front: m[1]!, data: yaml.load(m[1]!) ?? {}, body: m[2] ?? '' };
  } catch (e) {
    return { file: file.path, field: 'front matter', message: `is not valid YAML${yamlWhere(e)}` };
  }
}

/**
 * Where and why js-yaml gave up, in the file's own line numbers: js-yaml counts lines of the front
 * matter from 0, and the front matter starts on the file's line 2 (after the opening "---").
 */
function yamlWhere(e: unknown): string {
  if (e instanceof yaml.YAMLException && e.mark) {
    return ` at line ${e.mark.line + 2}, column ${e.mark.column + 1}: ${e.reason}`;
  }
  return `: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
}

// Zod's own wording when a value has the wrong type, e.g. "Invalid input: expected object, received
// string". Most schemas word their own message (location, title, text fields); this catches the rest.
const ZOD_TYPE = /^Invalid input: expected (\w+), received (\w+)$/;
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

/** An editor's wording for a value of the wrong type: a block, a list or a number written as something else. */
export function typeMessage(field: string, expected: string, received: string): string {
  if (received === 'undefined') return `${field} is required`;
  const got = TYPE_WORDS[received] ?? received;
  if (expected === 'object' || expected === 'record') return `${field} must be a group of fields, each on its own indented line as "name: value", not ${got}`;
  if (expected === 'array') return `${field} must be a list (one "- item" per line), not ${got}`;
  return `${field} must be ${TYPE_WORDS[expected] ?? expected}, not ${got}`;
}

// Zod's own wording for a number out of range, e.g. "Too small: expected number to be >=1".
const ZOD_RANGE = /^Too (?:small|big): expected number to be (>=|>|<=|<)(\S+)$/;
const RANGE_WORDS: Record<string, string> = { '>=': 'at least', '>': 'more than', '<=': 'at most', '<': 'less than' };

/**
 * The schema's issues for one file. A field with an impossible date (see date-check.ts) already has
 * its issue; the schema, which sees the date YAML rolled over, could only add a confusing second one.
 */
function zodIssues(file: string, error: z.ZodError, shape: Record<string, unknown>, skip: ReadonlySet<string>): ContentIssue[] {
  return error.issues.filter((i) => !skip.has(fieldPath(i.path))).map((i) => {
    const field = fieldPath(i.path);
    let message = i.message;
    const wrongType = i.code === 'invalid_type' ? ZOD_TYPE.exec(message) : null;
    if (wrongType) message = typeMessage(field, wrongType[1]!, wrongType[2]!);
    const range = i.code === 'too_small' || i.code === 'too_big' ? ZOD_RANGE.exec(message) : null;
    if (range) message = `${field} must be ${RANGE_WORDS[range[1]!]} ${range[2]}`;
    if (i.code === 'unrecognized_keys' && i.path.length === 0) {
      const hints = i.keys.map((k) => closest(k, Object.keys(shape))).filter(Boolean);
      if (hints.length) message += `. Did you mean ${hints.map((h) => `"${h}"`).join(', ')}?`;
    }
    return { file, field, message };
  });
}

const collectionOf = (path: string) => /(?:^|\/)(news|projects|districts|considered)\/[^/]+$/.exec(path)?.[1];

/** What the checker read from one file that passed: the build's content loader reuses it (src/integrations/content-loader.ts). */
export interface CheckedFile {
  file: ContentFile;
  /** The front matter's text, between the two "---" lines. */
  front: string;
  /** The front matter as YAML read it. */
  data: unknown;
  /** What the collection's schema made of it, for the collections whose schema is the same in the build. */
  valid?: unknown;
}

export function checkContent(
  files: ContentFile[],
  options: { fileExists?: (path: string) => boolean; keep?: (checked: CheckedFile) => void } = {},
): ContentIssue[] {
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
      // A district file that is there but broken is not also "missing".
      if (collection === 'districts') districts.push({ id, file: f.path });
      continue;
    }
    const dates = checkDates(f.path, parsed.front);
    issues.push(...dates);
    const dated = new Set(dates.map((i) => i.field));
    const keep = (valid?: unknown) => options.keep?.({ file: f, front: parsed.front, data: parsed.data, ...(valid === undefined ? {} : { valid }) });
    if (collection === 'projects') {
      const r = ProjectSchema.safeParse(parsed.data);
      if (!r.success) issues.push(...zodIssues(f.path, r.error, ProjectObjectSchema.shape, dated));
      else {
        projects.push({ id, file: f.path, title: r.data.title, district: r.data.district, body: parsed.body });
        keep(r.data);
      }
    } else if (collection === 'districts') {
      const r = DistrictSchema.safeParse(parsed.data);
      if (!r.success) issues.push(...zodIssues(f.path, r.error, DistrictSchema.shape, dated));
      else keep(r.data);
      districts.push({ id, file: f.path });
    } else if (collection === 'considered') {
      const r = ConsideredSchema.safeParse(parsed.data);
      if (!r.success) issues.push(...zodIssues(f.path, r.error, ConsideredSchema.shape, dated));
      else {
        considered.push({ id, file: f.path, formerId: r.data.formerId });
        keep(r.data);
      }
    } else {
      issues.push(...checkBody(f.path, parsed.body));
      const r = newsSchema.safeParse(parsed.data);
      if (!r.success) issues.push(...zodIssues(f.path, r.error, newsSchema.shape, dated));
      // The build's news schema turns photo paths into images, so only the YAML is worth keeping.
      else keep();
      if (r.success && options.fileExists) {
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
  const districtFile = files.find((f) => collectionOf(f.path) === 'districts');
  if (districtFile) issues.push(...checkDistricts(districts, districtFile.path.slice(0, districtFile.path.lastIndexOf('/'))));
  return issues;
}
