// @ts-check
import mdx from '@astrojs/mdx';
import { tileConfig, tileOrigin } from './src/lib/map-config.ts';
import sitemap from '@astrojs/sitemap';
import { isFormerProjectPath, sitemapLinks } from './src/lib/sitemap.ts';
import { formerProjectIds } from './src/integrations/former-projects.ts';
import contentProblems from './src/integrations/content-problems.ts';
import siteAddress from './src/integrations/site-address.ts';
import { resolveSiteAddress } from './src/lib/site-address.ts';
import { cspDigestCache } from './src/integrations/csp-digest-cache.ts';
import { cspPageStyles } from './src/integrations/csp-page-styles.ts';
import { nativeAstroImports } from './src/integrations/native-astro-imports.ts';
import { withSortedPages } from './src/integrations/sitemap-order.ts';
import shareImageCache from './src/integrations/share-image-cache.ts';
import generationOrder from './src/integrations/generation-order.ts';
import earlyShareImages from './src/integrations/early-share-images.ts';
import shareImageFiles from './src/integrations/share-image-files.ts';
import pageBytes from './src/integrations/page-bytes.ts';
import { cacheDirSetting } from './src/lib/share-image-cache.ts';

// BASE_PATH hosts the site under a sub-path, e.g. BASE_PATH=/almaty-projects/ for
// https://news.example.kz/almaty-projects/. Astro hands it to the code as import.meta.env.BASE_URL,
// which src/lib/paths.ts puts in front of every link. Written here with a slash at each end.
const base = `/${(process.env['BASE_PATH'] ?? '').split('/').filter(Boolean).join('/')}/`.replace('//', '/');

// The public address of the deployed site, used for canonical URLs, Open Graph tags, the feeds, the
// sitemap and the downloads: SITE_URL, else the address the host gives the build (Netlify, Vercel,
// Cloudflare Pages, GitHub Pages), else the local preview's, with a warning at the end of a CI build.
// src/lib/site-address.ts has the rules.
const address = resolveSiteAddress(process.env, base);
const site = address.url;

// Map tiles are the only outside resource a page loads. Their address lives in src/lib/map-config.ts
// (OpenStreetMap by default, PUBLIC_TILE_URL to override); the CSP allows exactly that origin, so the
// two cannot drift apart.
const TILE_ORIGIN = tileOrigin(tileConfig(process.env).url);

// Pages at the addresses of projects taken off the list (content/considered/, formerId).
const FORMER_PROJECTS = formerProjectIds();

// Astro emits a CSP <meta> with hashes of its own scripts and styles (no 'unsafe-inline'); the
// directives below cover everything else. public/_headers repeats them as HTTP headers for hosts
// that read it. A hash of a style Astro does not know of would go in `styleDirective.hashes`, which
// the page-styles plugin below keeps on every page.
/** @type {Exclude<NonNullable<import('astro').AstroUserConfig['security']>['csp'], boolean | undefined>} */
const CSP = {
  directives: [
    "default-src 'self'",
    `img-src 'self' data: ${TILE_ORIGIN}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
};

// A plain object with Astro's config type rather than `defineConfig` from 'astro/config', which only
// returns its argument: that module also loads the SVG optimiser and the font providers, which this
// site does not use: about 280 modules, some 0.2 s of every build's start-up (measured on
// 2 December 2026).
/** @type {import('astro').AstroUserConfig<['ru', 'kk', 'en']>} */
const config = {
  site,
  base,
  // The safety tests build a second site from hostile fixture content; a cache of its own keeps the
  // real content's cache untouched.
  cacheDir: cacheDirSetting(process.env),
  // Journalists link to these URLs: one spelling per page, always with the trailing slash.
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages render one at a time by default, and each waits for its file to be written before the next
    // starts. Eight at a time keep the CPU busy while files are written: a 10,000-project build
    // (30,000 pages) took 54 s instead of 86 s on 2 cores (npm run bench), with no more memory.
    concurrency: 8,
  },
  integrations: [
    // Every content problem, in `npm run check:content`'s words: `astro build` lists them all and
    // stops before loading content; `astro dev` keeps running and shows them at the top of every page.
    contentProblems(),
    siteAddress(address),
    // Share images are kept between builds, by card and drawing code: a build after an edit draws
    // only the cards that changed (src/lib/share-image-cache.ts).
    shareImageCache(),
    // The workers draw the share images while Astro bundles the site, from the content as the content
    // check read it (src/integrations/early-share-images.ts).
    earlyShareImages(),
    // `astro build` writes the share images itself once the pages are done; the /og/ endpoint only
    // lists them there (src/integrations/share-image-files.ts).
    shareImageFiles(),
    // Pages are rendered while the worker threads draw the share images, not after them
    // (src/integrations/generation-order.ts).
    generationOrder(),
    // Each page's bytes reach the file without a copy, and are freed once written rather than by V8's
    // next full collection (src/integrations/page-bytes.ts).
    pageBytes(),
    mdx(),
    // /sitemap-index.xml lists every page with its Kazakh and English (or Russian) alternates. Embed
    // views are made for iframes on other sites and are noindex, so they are left out, and so are the
    // former projects' addresses, which exist for old links only (noindex too). The alternates
    // come from src/lib/sitemap.ts rather than the integration's `i18n` option, whose cost grows with
    // the square of the page count (see there). It gets the pages in the order it sorts them into,
    // which spares it seconds at 10,000 projects (src/integrations/sitemap-order.ts).
    withSortedPages(sitemap({
      filter: (page) => {
        const path = new URL(page).pathname;
        return !path.split('/').includes('embed') && !isFormerProjectPath(path, FORMER_PROJECTS);
      },
      serialize: (item) => {
        const links = sitemapLinks(item.url, new URL(base, site).href);
        return links ? { ...item, links } : item;
      },
    })),
  ],
  security: { csp: CSP },
  vite: {
    // Astro hashes every page's inline styles and scripts for its CSP meta; this hashes each distinct
    // text once per build instead (see there). Each page's policy lists its own styles' hashes and the
    // config's, rather than every route's (csp-page-styles.ts). Astro's modules that the content
    // config imports are loaded by Node, not run through Vite one by one before every build (see there).
    plugins: [cspDigestCache(), cspPageStyles(CSP.styleDirective?.hashes), nativeAstroImports()],
    build: {
      // Leaflet's stylesheet points at PNGs for the layers control and the default marker, neither of
      // which this site uses (markers are drawn with CSS). Inlined as base64 they would add 4.6 KB to
      // the map stylesheet every map page downloads; as separate files they are never requested.
      // Everything else keeps Vite's default.
      assetsInlineLimit: (file) => (file.includes('/leaflet/dist/images/') ? false : undefined),
    },
  },
  // No Astro incremental build (experimental.incrementalBuild): its only use here was the share
  // images, which `astro build` now writes itself (src/integrations/share-image-files.ts), and a build
  // after the first takes unchanged ones from the kept images (src/lib/share-image-cache.ts). Its
  // bookkeeping on every page cost the main thread time in every build, and a 10,000-project build
  // about 200 MB of peak memory (2 December 2026).
  // No syntax highlighting: the content has no code, and Shiki's inline styles cannot pass the CSP
  // (Astro warned of it at every build). A code block an editor writes still shows as preformatted text.
  markdown: { syntaxHighlight: false },
  i18n: {
    locales: ['ru', 'kk', 'en'],
    defaultLocale: 'ru',
    // Russian lives at the root; Kazakh and English under /kk/ and /en/.
    routing: { prefixDefaultLocale: false },
  },
};

export default config;
