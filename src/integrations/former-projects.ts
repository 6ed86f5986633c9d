/**
 * The ids of former projects (`formerId` in content/considered/), read straight from the files for the
 * sitemap's filter in astro.config.mjs, which runs outside Astro's content layer. A file that does not
 * parse is skipped here: the content check before the build reports it.
 */
import { join } from 'node:path';
import { parseMarkdown } from '../schemas/content-check.ts';
import { contentDirSetting } from '../lib/content-problems.ts';
import { readContentFolder } from './content-problems.ts';

export function formerProjectIds(root = contentDirSetting(process.env)): Set<string> {
  const ids = new Set<string>();
  for (const file of readContentFolder(join(root, 'considered'))) {
    const parsed = parseMarkdown(file);
    if ('data' in parsed && typeof parsed.data === 'object' && parsed.data !== null) {
      const formerId = (parsed.data as { formerId?: unknown }).formerId;
      if (typeof formerId === 'string') ids.add(formerId);
    }
  }
  return ids;
}
