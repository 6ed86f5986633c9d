import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CONTENT_CONFIG_ENVIRONMENT, NATIVE_ASTRO_IMPORTS, nativeAstroImports } from '../../src/integrations/native-astro-imports.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Value imports (not `import type`) of a module's source, as written. */
function valueImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    if (m[2]) continue;
    out.push(m[4]!);
  }
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** Every bare `astro…` id that src/content.config.ts reaches through our own modules. */
function astroImportsOfContentConfig(): Set<string> {
  const seen = new Set<string>();
  const astro = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      if (spec === 'astro' || spec.startsWith('astro/') || spec.startsWith('astro:')) astro.add(spec);
      const local = spec.startsWith('~/') ? join(ROOT, 'src', spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(file), spec) : undefined;
      if (local && existsSync(local)) visit(local);
    }
  };
  visit(join(ROOT, 'src/content.config.ts'));
  expect(seen.size).toBeGreaterThan(5);
  return astro;
}

describe('nativeAstroImports', () => {
  it('lists every Astro module the content config reaches, so none is run through Vite', () => {
    expect([...astroImportsOfContentConfig()].sort()).toEqual([...NATIVE_ASTRO_IMPORTS].sort());
  });

  it('lists only modules Node can load from the astro package', async () => {
    const require = createRequire(join(ROOT, 'package.json'));
    const exportsMap = (require('astro/package.json') as { exports: Record<string, unknown> }).exports;
    for (const id of NATIVE_ASTRO_IMPORTS) {
      expect(exportsMap[`./${id.slice('astro/'.length)}`], id).toBeDefined();
      await expect(import(id)).resolves.toBeTypeOf('object');
    }
  });

  it('makes them external in the content config environment only', () => {
    const plugin = nativeAstroImports();
    const hook = plugin.configEnvironment as (name: string) => unknown;
    expect(hook(CONTENT_CONFIG_ENVIRONMENT)).toEqual({ resolve: { external: [...NATIVE_ASTRO_IMPORTS] } });
    for (const other of ['client', 'ssr', 'prerender']) expect(hook(other)).toBeUndefined();
  });
});
