/**
 * One CSP hash per distinct inline style or script, instead of one per page.
 *
 * With `security.csp` on, Astro writes a CSP <meta> into every page with the SHA-256 of each inline
 * <style> and <script> the page has. It computes those hashes afresh for every page
 * (generateCspDigest in astro/dist/core/encryption.js), although a route's styles and scripts are
 * the same strings on all its pages: at 10,000 projects that was some 120,000 digests of the same few
 * stylesheets, about 5 % of the build (npm run bench, "CSP hashes").
 *
 * This Vite plugin remembers each digest by its algorithm and text, in the build's server bundle only
 * (where pages are rendered). The hash of a text never changes, so every page gets exactly the hash it
 * got before. If Astro's code no longer has the function as written below, the plugin says so once
 * and changes nothing: the build stays correct, only slower (tests/unit/csp-digest-cache.test.ts fails
 * on such an Astro upgrade, so that it is noticed).
 *
 * It also keeps each route's list of inline styles from one page to the next (memoiseSortedCss below),
 * so that the memo finds a page's stylesheets without reading them through again.
 */
import { astroPatches, type AstroPatch } from './astro-patch.ts';

/** The first line of Astro's function, as astro 7 ships it. */
export const ASTRO_CSP_DIGEST = 'async function generateCspDigest(data, algorithm) {';

/** Texts above this length are hashed every time rather than kept (none of ours comes close). */
const MAX_TEXT = 64 * 1024;
/** Distinct texts kept per algorithm; beyond that, hashing goes on without the cache. */
const MAX_ENTRIES = 1000;

/**
 * Astro's module with generateCspDigest memoised: the original is renamed and wrapped. Undefined when
 * the module does not contain the function as expected.
 */
export function memoiseCspDigest(code: string): string | undefined {
  if (code.split(ASTRO_CSP_DIGEST).length !== 2) return undefined;
  const memo = `const cspDigestCache = new Map();
function generateCspDigest(data, algorithm) {
  if (typeof data !== 'string' || data.length > ${MAX_TEXT}) return generateCspDigestOnce(data, algorithm);
  let known = cspDigestCache.get(algorithm);
  if (!known) cspDigestCache.set(algorithm, (known = new Map()));
  let digest = known.get(data);
  if (!digest) {
    digest = generateCspDigestOnce(data, algorithm);
    if (known.size < ${MAX_ENTRIES}) {
      known.set(data, digest);
      digest.catch(() => known.delete(data));
    }
  }
  return digest;
}
async function generateCspDigestOnce(data, algorithm) {`;
  return code.replace(ASTRO_CSP_DIGEST, memo);
}

const ENCRYPTION_MODULE = /[\\/]astro[\\/]dist[\\/]core[\\/]encryption\.js(?:\?|$)/;

/**
 * Astro's line that makes a page's style list (astro/dist/core/build/environment.js, headElements).
 * It runs for every page and merges the route's inline stylesheets into one new string each time, so
 * the memo above had to read all of that string (some 7 KB) again for every page to find its hash: at
 * 10,000 projects, a second of the build. Kept per route, the list holds the same strings on every
 * page of the route, and the memo finds them at once.
 */
export const ASTRO_SORTED_CSS = 'const sortedCssAssets = pageBuildData?.styles.sort(cssOrder).map(({ sheet }) => sheet).reduce(mergeInlineCss, []);';

/** Astro's build environment with each route's sorted, merged style list made once. Undefined when the line is not there as expected. */
export function memoiseSortedCss(code: string): string | undefined {
  if (code.split(ASTRO_SORTED_CSS).length !== 2) return undefined;
  const helper = `
const sortedCssByPage = new WeakMap();
function sortedCssOf(pageBuildData) {
  if (!pageBuildData) return undefined;
  let sorted = sortedCssByPage.get(pageBuildData);
  if (!sorted) {
    sorted = pageBuildData.styles.sort(cssOrder).map(({ sheet }) => sheet).reduce(mergeInlineCss, []);
    sortedCssByPage.set(pageBuildData, sorted);
  }
  return sorted;
}
`;
  return `${code.replace(ASTRO_SORTED_CSS, 'const sortedCssAssets = sortedCssOf(pageBuildData);')}\n${helper}`;
}

const ENVIRONMENT_MODULE = /[\\/]astro[\\/]dist[\\/]core[\\/]build[\\/]environment\.js(?:\?|$)/;

/** Each of Astro's modules this plugin changes, how, and what it says when it no longer can. */
const TRANSFORMS: AstroPatch[] = [
  {
    module: ENCRYPTION_MODULE,
    apply: memoiseCspDigest,
    warning: 'astro/dist/core/encryption.js has changed: CSP hashes are computed for every page again (src/integrations/csp-digest-cache.ts)',
  },
  {
    module: ENVIRONMENT_MODULE,
    apply: memoiseSortedCss,
    warning: "astro/dist/core/build/environment.js has changed: each page's style list is made afresh again (src/integrations/csp-digest-cache.ts)",
  },
];

/**
 * The modules the plugin may change (with or without a query), as a filter the bundler applies on its
 * own side: without one, every module of the build (the content data store's among them, half a
 * megabyte) was handed to this hook as a string, to be turned away.
 */
export const TRANSFORM_FILTER = TRANSFORMS.map((t) => t.module);

export const cspDigestCache = () => astroPatches('csp-digest-cache', TRANSFORMS);
