/**
 * Each page's CSP lists the hashes of its own inline styles, not those of every page of the site.
 *
 * With `security.csp` on, Astro gives every page's policy (the CSP <meta>) the hash of every inline
 * stylesheet any route of the site has: 22 on every page here, where a page has one or two of its own.
 * Astro hashes the page's own stylesheets besides (`extraStyleHashes`, from the styles it puts in that
 * page's <head>), so the site-wide list adds nothing a page uses: about 1.1 KB on every page, base64 that
 * gzip cannot shrink, a tenth of a page's compressed size (measured on the real content, 4 December
 * 2026). Browsers would only ever match a hash against a stylesheet on the same page.
 *
 * This Vite plugin changes Astro's function that writes the policy (astro/dist/runtime/server/render/
 * csp.js, renderCspContent), in the build only, so that from the manifest's site-wide list it keeps
 * only the hashes the site's config names itself (`security.csp.styleDirective.hashes`, for a stylesheet
 * Astro does not know of). Hashes a page adds while it renders (`Astro.csp.insertStyleHash`) and the
 * page's own stylesheets are kept as before. Scripts keep the site-wide list: a component's inline
 * script is written where the component is, after the <head> and its policy, so the policy cannot know
 * which of them the page will have.
 *
 * If Astro's code no longer has the loop as written below, the plugin says so once and changes
 * nothing: every page keeps the longer policy (tests/unit/csp-page-styles.test.ts fails on such an
 * Astro upgrade, as does one that stops seeding each page with the site-wide list). The `pages` gate
 * (scripts/check-pages.mjs) checks on every built page that each inline script and style
 * is allowed by the page's policy.
 */
import { astroPatches } from './astro-patch.ts';

/** The loop of renderCspContent that adds the manifest's style hashes, as astro 7 ships it. */
export const ASTRO_STYLE_HASHES = 'for (const styleHash of style.default.hashes) {';

/** The module with renderCspContent, with or without a query. */
export const CSP_MODULE = /[\\/]astro[\\/]dist[\\/]runtime[\\/]server[\\/]render[\\/]csp\.js(?:\?|$)/;

/**
 * Astro's csp.js with the style loop keeping, of the manifest's site-wide hashes (`result.styleHashes`),
 * only those in `keep`. Undefined when the module does not contain the loop as expected.
 */
export function pageStyleHashes(code: string, keep: readonly ConfiguredHash[] = []): string | undefined {
  if (code.split(ASTRO_STYLE_HASHES).length !== 2) return undefined;
  const helper = `
const configuredStyleHashes = new Set(${JSON.stringify(keep.map((h) => (typeof h === 'string' ? h : h.hash)))});
/** The hashes of a page's style directive, without the other routes' stylesheets (src/integrations/csp-page-styles.ts). */
function ownStyleHashes(hashes, result) {
  const siteWide = new Set(result.styleHashes ?? []);
  return hashes.filter((hash) => !siteWide.has(hash) || configuredStyleHashes.has(hash));
}
`;
  return `${code.replace(ASTRO_STYLE_HASHES, 'for (const styleHash of ownStyleHashes(style.default.hashes, result)) {')}\n${helper}`;
}

/** A hash as the config gives it: the text, or with the kind of element it applies to. */
type ConfiguredHash = string | { hash: string };

/** The plugin; `keep` is the config's own `security.csp.styleDirective.hashes`. */
export const cspPageStyles = (keep: readonly ConfiguredHash[] = []) =>
  astroPatches('csp-page-styles', [
    {
      module: CSP_MODULE,
      apply: (code) => pageStyleHashes(code, keep),
      warning: "astro/dist/runtime/server/render/csp.js has changed: every page's policy lists every route's style hashes again (src/integrations/csp-page-styles.ts)",
    },
  ]);
