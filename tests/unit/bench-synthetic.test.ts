// The benchmark builds copies of the site with synthetic content (scripts/bench/synthetic.mjs). A copy
// that lacks a file the config imports does not build at all, and nothing else in the suite builds one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_FILES } from '../../scripts/bench/synthetic.mjs';

const config = readFileSync(new URL('../../astro.config.mjs', import.meta.url), 'utf8');

/** The first path segment of every relative module the config imports: './src/lib/x.ts' → 'src'. */
function importedFrom(text: string): string[] {
  return [...text.matchAll(/\bfrom\s+['"]\.\/([^'"/]+)/g)].map((m) => m[1]!);
}

describe('the synthetic site copy', () => {
  it('reads the imports of a config', () => {
    expect(importedFrom("import a from './src/a.ts';\nimport { b } from \"./scripts/b.mjs\";\nimport c from 'astro';")).toEqual(['src', 'scripts']);
  });

  it('copies every folder and file the config imports from', () => {
    const needed = [...new Set(importedFrom(config))];
    expect(needed).toContain('src');
    expect(needed.filter((entry) => !SITE_FILES.includes(entry))).toEqual([]);
  });
});
