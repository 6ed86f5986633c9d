/**
 * The ids of former projects (`formerId` in content/considered/), read straight from the files for the
 * sitemap's filter in astro.config.mjs, which runs outside Astro's content layer. A file that does not
 * parse is skipped here: the content check before the build reports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../schemas/content-check.ts';
import { contentDirSetting } from '../lib/content-problems.ts';

export function formerProjectIds(root = contentDirSetting(process.env)): Set<string> {
  const dir = join(root, 'considered');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  } catch {
    return new Set();
  }
  const ids = new Set<string>();
  for (const f of files) {
    const parsed = parseMarkdown({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') });
    if ('data' in parsed && typeof parsed.data === 'object' && parsed.data !== null) {
      const formerId = (parsed.data as { formerId?: unknown }).formerId;
      if (typeof formerId === 'string') ids.add(formerId);
    }
  }
  return ids;
}
