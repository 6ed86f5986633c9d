// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

// The public address of the deployed site, used for canonical URLs, Open Graph tags and the sitemap.
// Set SITE_URL when deploying; the default keeps a local build self-consistent.
const site = process.env['SITE_URL'] ?? 'http://127.0.0.1:4321';

// Map tiles are the only outside resource a page loads; src/lib/map-config.ts holds the same host.
const TILE_ORIGIN = 'https://tile.openstreetmap.org';

export default defineConfig({
  site,
  // Journalists link to these URLs: one spelling per page, always with the trailing slash.
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    // /sitemap-index.xml lists every page with its Kazakh and English (or Russian) alternates. Embed
    // views are made for iframes on other sites and are noindex, so they are left out.
    sitemap({
      filter: (page) => !new URL(page).pathname.split('/').includes('embed'),
      i18n: { defaultLocale: 'ru', locales: { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' } },
    }),
  ],
  // Astro emits a CSP <meta> with hashes of its own scripts and styles (no 'unsafe-inline'); the
  // directives below cover everything else. public/_headers repeats them as HTTP headers for hosts
  // that read it.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        `img-src 'self' data: ${TILE_ORIGIN}`,
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  i18n: {
    locales: ['ru', 'kk', 'en'],
    defaultLocale: 'ru',
    // Russian lives at the root; Kazakh and English under /kk/ and /en/.
    routing: { prefixDefaultLocale: false },
  },
});
