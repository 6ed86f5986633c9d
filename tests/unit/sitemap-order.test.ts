// The sitemap gets its pages in the order it sorts them into (src/integrations/sitemap-order.ts).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { AstroIntegration } from 'astro';
import { sitemapOrder, withSortedPages } from '../../src/integrations/sitemap-order.ts';

/** How @astrojs/sitemap orders its URLs (generate-sitemap.js). */
const astroSort = (urls: string[]) => [...urls].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

test('pages sorted by path are in the order the sitemap sorts their full addresses into', () => {
  const segment = fc.constantFrom('projects', 'kk', 'en', 'districts', 'page', 'syn-00012', 'syn-00100', 'syn-2', 'medeu', 'a-b', 'A', '10', '9', 'ш');
  const path = fc.array(segment, { maxLength: 4 }).map((s) => (s.length ? `${s.join('/')}/` : ''));
  fc.assert(
    fc.property(fc.array(path, { maxLength: 40 }), fc.constantFrom('http://127.0.0.1:4321/', 'https://news.example.kz/almaty-projects/'), (paths, site) => {
      const pages = paths.map((p) => ({ pathname: p }));
      expect(sitemapOrder(pages).map((p) => site + p.pathname)).toEqual(astroSort(paths.map((p) => site + p)));
    }),
  );
});

test('the integration gets the sorted pages and everything else as it was', async () => {
  let seen: unknown;
  const inner = { name: 'sitemap', hooks: { 'astro:build:done': (params: unknown) => void (seen = params) } } as unknown as AstroIntegration;
  const wrapped = withSortedPages(inner);
  const params = { pages: [{ pathname: 'projects/syn-10/' }, { pathname: '' }, { pathname: 'projects/syn-9/' }], dir: new URL('file:///dist/') };
  await (wrapped.hooks['astro:build:done'] as (p: typeof params) => Promise<void>)(params);
  expect(seen).toEqual({ ...params, pages: [{ pathname: '' }, { pathname: 'projects/syn-9/' }, { pathname: 'projects/syn-10/' }] });
  // The order it was given is left for the other integrations.
  expect(params.pages[0]!.pathname).toBe('projects/syn-10/');
});
