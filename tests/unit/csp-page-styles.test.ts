// Each page's CSP lists its own styles' hashes (src/integrations/csp-page-styles.ts): Astro's own
// renderCspContent, changed by the plugin, run on a page's render result.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CSP_MODULE, pageStyleHashes } from '../../src/integrations/csp-page-styles.ts';

const CSP_JS = createRequire(import.meta.url).resolve('astro/package.json').replace(/package\.json$/, 'dist/runtime/server/render/csp.js');

type Render = (result: unknown) => string;

/** Loads a version of Astro's csp.js from a temporary file, its relative imports pointing at Astro's own modules. */
async function load(code: string): Promise<Render> {
  const from = pathToFileURL(dirname(CSP_JS) + '/');
  const absolute = code.replace(/from "(\.\.?\/[^"]+)"/g, (_, spec: string) => `from ${JSON.stringify(new URL(spec, from).href)}`);
  const dir = mkdtempSync(join(tmpdir(), 'csp-page-styles-'));
  const file = join(dir, 'csp.mjs');
  writeFileSync(file, absolute);
  try {
    return ((await import(pathToFileURL(file).href)) as { renderCspContent: Render }).renderCspContent;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A page's render result as Astro makes it (astro/dist/core/fetch/fetch-state.js, createResult). */
const result = () => ({
  directives: ["default-src 'self'"],
  // The manifest's site-wide lists (the deprecated flat fields are seeded from them)…
  styleHashes: ['sha256-routeA', 'sha256-routeB', 'sha256-configured'],
  scriptHashes: ['sha256-script'],
  // …and the page's directives: the same, plus a hash the page added while it rendered.
  styleDirective: { resources: [], hashes: ['sha256-routeA', 'sha256-routeB', 'sha256-configured', 'sha256-inserted'] },
  scriptDirective: { resources: [], hashes: ['sha256-script'], strictDynamic: false },
  // The hashes of the page's own inline stylesheets and head scripts.
  _metadata: { extraStyleHashes: ['sha256-own'], extraScriptHashes: [] },
});

const styleSrc = (policy: string) => /style-src ([^;]*);/.exec(policy)?.[1]?.split(' ');

describe('pageStyleHashes', () => {
  test('Astro ships the loop the plugin changes (fails on an Astro upgrade that changes it)', () => {
    expect(pageStyleHashes(readFileSync(CSP_JS, 'utf8'))).toContain('ownStyleHashes(style.default.hashes, result)');
  });

  test("leaves out the other routes' stylesheets and keeps the page's own, the configured and the inserted", async () => {
    const original = await load(readFileSync(CSP_JS, 'utf8'));
    const changed = await load(pageStyleHashes(readFileSync(CSP_JS, 'utf8'), ['sha256-configured'])!);
    expect(styleSrc(original(result()))).toEqual(["'self'", "'sha256-routeA'", "'sha256-routeB'", "'sha256-configured'", "'sha256-inserted'", "'sha256-own'"]);
    expect(styleSrc(changed(result()))).toEqual(["'self'", "'sha256-configured'", "'sha256-inserted'", "'sha256-own'"]);
    // Scripts keep the site-wide list, and the rest of the policy is the same.
    expect(changed(result()).replace(/style-src [^;]*;/, '')).toBe(original(result()).replace(/style-src [^;]*;/, ''));
  });

  test("Astro still seeds each page's result with the manifest's site-wide style hashes, which the plugin leaves out (without them it would keep every hash)", () => {
    const fetchState = readFileSync(CSP_JS.replace(/runtime\/server\/render\/csp\.js$/, 'core/fetch/fetch-state.js'), 'utf8');
    expect(fetchState).toContain('styleHashes: manifest.csp?.styleHashes ? [...manifest.csp.styleHashes] : []');
  });

  test('changes nothing it does not recognise', () => {
    expect(pageStyleHashes('for (const hash of style.hashes) {')).toBeUndefined();
  });

  test('a configured hash given with its kind is kept as well', async () => {
    const changed = await load(pageStyleHashes(readFileSync(CSP_JS, 'utf8'), [{ hash: 'sha256-configured' }])!);
    expect(styleSrc(changed(result()))).toEqual(["'self'", "'sha256-configured'", "'sha256-inserted'", "'sha256-own'"]);
  });
});

test("only Astro's csp.js passes the bundler's filter, with or without a query", () => {
  for (const id of ['/w/node_modules/astro/dist/runtime/server/render/csp.js', '/w/node_modules/astro/dist/runtime/server/render/csp.js?v=1', 'C:\\w\\node_modules\\astro\\dist\\runtime\\server\\render\\csp.js']) {
    expect(CSP_MODULE.test(id), id).toBe(true);
  }
  for (const id of ['/w/node_modules/astro/dist/runtime/server/render/csp.js.map', '/w/node_modules/astro/dist/core/csp/runtime.js', '/w/src/integrations/csp-page-styles.ts']) {
    expect(CSP_MODULE.test(id), id).toBe(false);
  }
});
