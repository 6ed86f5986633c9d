// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The public address of the deployed site, used for canonical URLs, Open Graph tags and the sitemap.
// Set SITE_URL when deploying; the default keeps a local build self-consistent.
const site = process.env['SITE_URL'] ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  // Journalists link to these URLs: one spelling per page, always with the trailing slash.
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  i18n: {
    locales: ['ru', 'kk', 'en'],
    defaultLocale: 'ru',
    // Russian lives at the root; Kazakh and English under /kk/ and /en/.
    routing: { prefixDefaultLocale: false },
  },
});
