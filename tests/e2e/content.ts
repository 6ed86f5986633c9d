// Reads the real content files the way an editor sees them, so that browser tests compute what they
// expect from content/ instead of hard-coding counts that drift when a project is added.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** A text in several languages, as the front matter has it (a plain string is Russian). */
export interface ContentText {
  ru: string;
  kk?: string;
  en?: string;
  translated?: string[];
}

export interface ContentProject {
  id: string;
  title: { ru: string; kk: string; en: string; translated?: string[] };
  description: { kk: string; en: string; translated?: string[] };
  category: string;
  kind: string;
  district?: string;
  address?: ContentText;
  location?: { precision: string };
  funding?: string[];
  /** The latest status report (the last in the file's `status` list), as the site uses it. */
  status: { stage: string; date?: Date | string };
  /** Every status report, oldest first. */
  history: Array<{ stage: string; date?: Date | string; source: string }>;
  republicDay: string;
  sources: Array<{ url: string; outlet: string; date?: string; language?: string }>;
}

const dir = join(process.cwd(), 'content', 'projects');

/** Every project's front matter, with its id (the file name). */
export function loadProjects(): ContentProject[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const front = text.split(/^---\s*$/m)[1] ?? '';
      const data = yaml.load(front) as Omit<ContentProject, 'id' | 'status' | 'history' | 'address'> & {
        address?: string | ContentText;
        status: ContentProject['history'];
      };
      const address = typeof data.address === 'string' ? { ru: data.address } : data.address;
      // The file holds the status history; the site's "status" is its last report.
      const { address: _raw, ...rest } = data;
      return { ...rest, ...(address ? { address } : {}), history: data.status, status: data.status.at(-1)!, id: f.replace(/\.md$/, '') };
    });
}

/** The district names from content/districts, by slug and language. */
export function loadDistrictNames(): Record<string, { ru: string; kk: string; en: string }> {
  const ddir = join(process.cwd(), 'content', 'districts');
  return Object.fromEntries(
    readdirSync(ddir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => {
        const front = readFileSync(join(ddir, f), 'utf8').split(/^---\s*$/m)[1] ?? '';
        return [f.replace(/\.md$/, ''), (yaml.load(front) as { name: { ru: string; kk: string; en: string } }).name];
      }),
  );
}

/** The texts the index search reads for a project: its titles and address in every language. */
export const searchable = (p: ContentProject): string[] =>
  [p.title.ru, p.title.kk, p.title.en, p.address?.ru, p.address?.kk, p.address?.en].filter((s): s is string => !!s);

/** Ids of the projects that satisfy a predicate, sorted for comparison. */
export const idsWhere = (projects: ContentProject[], keep: (p: ContentProject) => boolean) =>
  projects.filter(keep).map((p) => p.id).sort();
