/**
 * /robots.txt: everything under the site's base path may be crawled; points crawlers at the sitemap.
 * Crawlers read robots.txt only at a host's root: a site built with BASE_PATH writes this file under
 * its base, and whoever runs the host copies these lines into the root robots.txt (see README).
 */
import type { APIRoute } from 'astro';
import { absolute, basePath, fileHref } from '~/lib/paths.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: ${basePath()}\n\nSitemap: ${absolute(fileHref('sitemap-index.xml'))}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
