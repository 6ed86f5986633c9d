// Link gate: every internal link and asset on every built page resolves to a file in dist/, and every
// external link opens safely (rel="noopener"). It walks all of dist/ rather than crawling from the home
// page, so an orphan page is checked too. External links are never fetched.
//
// For a site built under a sub-path, pass the same BASE_PATH (BASE_PATH=/almaty-projects/ node
// scripts/check-links.mjs dist-base): the files in the folder are then served at /almaty-projects/…, and
// a link to this site outside the base (a "/favicon.svg" that ignored it) is a problem too.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = process.argv[2] ?? 'dist';
const BASE = `/${(process.env.BASE_PATH ?? '').split('/').filter(Boolean).join('/')}/`.replace('//', '/');
// The site's own address, as the build wrote it: the home page's canonical link. The build may have
// taken it from SITE_URL or from a host's variable (src/lib/site-address.ts), so reading the result is
// surer than repeating those rules here.
const homeCanonical = existsSync(join(ROOT, 'index.html'))
  ? /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(ROOT, 'index.html'), 'utf8'))?.[1]
  : undefined;
const site = new URL(homeCanonical ?? process.env.SITE_URL ?? 'http://127.0.0.1:4321');

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The file a site path is served from, or undefined (also for a path outside the base). */
function resolve(pathname) {
  if (!pathname.startsWith(BASE)) return undefined;
  const clean = decodeURIComponent(pathname.slice(BASE.length - 1));
  const candidates = clean.endsWith('/') ? [join(ROOT, clean, 'index.html')] : [join(ROOT, clean), join(ROOT, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const pages = walk(ROOT).filter((f) => f.endsWith('.html'));
const problems = [];
let checked = 0;
for (const file of pages) {
  const html = readFileSync(file, 'utf8');
  const pagePath = BASE + relative(ROOT, file).replace(/index\.html$/, '');
  const base = new URL(pagePath, site);
  // href/src/srcset values in double quotes; Astro always quotes attributes.
  for (const m of html.matchAll(/\s(href|src|srcset)="([^"]*)"/g)) {
    const [, attr, raw] = m;
    const values = attr === 'srcset' ? raw.split(',').map((s) => s.trim().split(/\s+/)[0]) : [raw];
    for (const value of values) {
      if (!value || value.startsWith('#') || value.startsWith('data:') || value.startsWith('mailto:')) continue;
      const url = new URL(value.replaceAll('&amp;', '&'), base);
      if (url.origin !== site.origin) continue;
      checked += 1;
      if (!url.pathname.startsWith(BASE)) problems.push(`${relative(ROOT, file)}: ${attr}="${value}" is outside the base path ${BASE}`);
      else if (!resolve(url.pathname)) problems.push(`${relative(ROOT, file)}: ${attr}="${value}" does not resolve`);
    }
  }
  for (const m of html.matchAll(/<a\s[^>]*href="(https?:\/\/[^"]*)"[^>]*>/g)) {
    const url = new URL(m[1].replaceAll('&amp;', '&'));
    if (url.origin === site.origin) continue;
    if (!/\srel="[^"]*noopener[^"]*"/.test(m[0])) problems.push(`${relative(ROOT, file)}: external link without rel="noopener": ${m[1]}`);
  }
  for (const m of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)=/gi)) {
    problems.push(`${relative(ROOT, file)}: inline event handler ${m[1]}= is not allowed (CSP)`);
  }
}

if (problems.length) {
  console.error(problems.slice(0, 50).join('\n'));
  console.error(`✗ ${problems.length} link problem(s) in ${pages.length} pages`);
  process.exit(1);
}
console.log(`✓ ${checked} internal links and assets resolve across ${pages.length} pages${BASE === '/' ? '' : ` under ${BASE}`}`);
