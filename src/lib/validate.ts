/**
 * Cross-file checks that Astro's per-file schema validation does not make: ids, duplicates,
 * missing districts, raw HTML in bodies. Used by the build (src/data/content.ts) and by
 * `npm run check:content`, so editors get the same message from both.
 */
import { DISTRICT_SLUGS } from './vocabulary.ts';
import type { LocalText } from './local-text.ts';

/** One problem in one file, in words an editor can act on. */
export interface ContentIssue {
  /** Path from the repository root, e.g. content/projects/foo.md. */
  file: string;
  /** Front-matter field (dotted path), or "body" / "file name". */
  field: string;
  message: string;
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The entry id for a file: its name without extension. Throws if the name is not a valid slug. */
export function idFromPath(collection: string, entry: string): string {
  const id = entry.replace(/\.(md|mdx)$/, '');
  if (!ID_PATTERN.test(id)) {
    const suggestion = id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    throw new Error(
      `content/${collection}/${entry}: file name "${id}" is not a valid id; use lowercase Latin letters, digits and hyphens` +
        (suggestion ? `, e.g. "${suggestion}.md"` : ''),
    );
  }
  return id;
}

/** Minimal shape the checks need; both Astro entries and parsed files fit it. */
export interface CheckedProject {
  id: string;
  file: string;
  title: Pick<LocalText, 'ru'>;
  district?: string | undefined;
  body?: string | undefined;
}
export interface CheckedDistrict {
  id: string;
  file: string;
}

// A tag-like construct: <script>, <img onerror=…>, </div>, <!-- … -->. Markdown autolinks
// (<https://…>) are allowed because they render as plain links.
const RAW_HTML = /<(?!https?:\/\/)(?:[a-z!/?][^>]*)>/i;
const EVENT_HANDLER = /\bon[a-z]+\s*=/i;
// Markdown links and images may only point to http(s), relative or in-page addresses.
const UNSAFE_LINK = /\]\(\s*<?\s*(?:javascript|data|vbscript):/i;

const normalise = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/**
 * Markdown bodies (projects and articles) are plain Markdown: raw HTML and script-like links are
 * rejected, not rendered, because the Markdown processor would pass them through as live markup.
 */
export function checkBody(file: string, body: string | undefined): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (!body) return issues;
  if (UNSAFE_LINK.test(body)) {
    issues.push({ file, field: 'body', message: 'a link to a javascript:, data: or vbscript: address is not allowed; link to an https:// page' });
  }
  if (RAW_HTML.test(body) || EVENT_HANDLER.test(body)) {
    issues.push({ file, field: 'body', message: 'raw HTML (a tag such as <script> or an attribute such as onerror=) is not allowed; write plain Markdown' });
  }
  return issues;
}

export function checkProjects(projects: CheckedProject[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const byKey = new Map<string, CheckedProject>();
  const byId = new Map<string, CheckedProject>();
  for (const p of projects) {
    const twin = byId.get(p.id);
    if (twin) {
      issues.push({ file: p.file, field: 'file name', message: `duplicate id "${p.id}" (also ${twin.file}); rename one of the files` });
    }
    byId.set(p.id, p);
    const key = `${p.district ?? '-'}|${normalise(p.title.ru)}`;
    const same = byKey.get(key);
    if (same) {
      issues.push({
        file: p.file,
        field: 'title.ru',
        message: `duplicate title "${p.title.ru}" in district ${p.district ?? '(not stated)'} (also ${same.file}); if it is the same project, merge the files; if not, make the titles tell them apart`,
      });
    } else byKey.set(key, p);
    issues.push(...checkBody(p.file, p.body));
  }
  return issues;
}

/** `folder` is where district files live, for naming a missing one (content/districts by default). */
export function checkDistricts(districts: CheckedDistrict[], folder = 'content/districts'): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const ids = new Set(districts.map((d) => d.id));
  for (const slug of DISTRICT_SLUGS) {
    if (!ids.has(slug)) {
      issues.push({ file: `${folder}/${slug}.md`, field: 'file', message: `district file is missing; every district in DISTRICT_SLUGS (${DISTRICT_SLUGS.join(', ')}) needs one` });
    }
  }
  for (const d of districts) {
    if (!(DISTRICT_SLUGS as readonly string[]).includes(d.id)) {
      issues.push({ file: d.file, field: 'file name', message: `"${d.id}" is not a district slug; allowed: ${DISTRICT_SLUGS.join(', ')}` });
    }
  }
  return issues;
}

/** Minimal shape of a "considered, not included" item for the cross-file check. */
export interface CheckedConsidered {
  id: string;
  file: string;
  formerId?: string | undefined;
}

/**
 * An item is either on the list or considered and left off, never both: a `formerId` that is still a
 * project file means the project was copied to content/considered/ but not removed (or the reverse).
 */
export function checkConsidered(considered: CheckedConsidered[], projectIds: readonly string[]): ContentIssue[] {
  const ids = new Set(projectIds);
  return considered.flatMap((c) =>
    c.formerId && ids.has(c.formerId)
      ? [{ file: c.file, field: 'formerId', message: `"${c.formerId}" is still a project (content/projects/${c.formerId}.md); an item is either on the list or considered, not both: delete one of the two files` }]
      : [],
  );
}

/** "sources[0].url" from a path such as zod's ['sources', 0, 'url']. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '') || '(front matter)';
}

export function formatIssues(issues: ContentIssue[]): string {
  return issues.map((i) => `${i.file}: ${i.field}: ${i.message}`).join('\n');
}

/** Throws one error listing every issue, so the build stops with all of them at once. */
export function assertNoIssues(issues: ContentIssue[]): void {
  if (issues.length === 0) return;
  throw new Error(`Content check failed (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${formatIssues(issues)}`);
}
