// Reads the real content files directly (not through the site), so the browser tests can check the
// built downloads and feeds against what editors wrote.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

export interface ContentProject {
  id: string;
  district?: string;
  location?: { lat: number; lon: number; precision: string };
  /** The latest status report: the last in the file's `status` list. */
  status: { date?: Date | string };
  /** Every status report, oldest first. */
  history: Array<{ date?: Date | string }>;
}

export function contentProjects(): ContentProject[] {
  const dir = 'content/projects';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const front = text.split(/^---\s*$/m)[1] ?? '';
      const data = yaml.load(front) as Omit<ContentProject, 'id' | 'status' | 'history'> & { status: ContentProject['history'] };
      return { id: f.replace(/\.md$/, ''), ...data, history: data.status, status: data.status.at(-1)! };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Every built HTML page as a site path ("/kk/districts/medeu/"), from dist/. */
export function builtPages(dir = 'dist', prefix = '/'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return builtPages(join(dir, e.name), `${prefix}${e.name}/`);
    return e.name === 'index.html' ? [prefix] : [];
  });
}
