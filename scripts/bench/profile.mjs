// Where a build's time goes: reads a V8 CPU profile of one build (node --cpu-prof, see
// measure-build.mjs) and says how much main-thread CPU time each part of the site cost.
//
// Astro renders pages with chunks that Rolldown bundled from many modules. Each module in a chunk
// starts with a comment naming it (`// src/components/projects/ProjectFacts.astro`), so a profile frame
// (chunk, line) leads back to its source module, and a source module to a part (PARTS). A sample goes to
// one part, decided from its call stack in this order:
//   1. the root-most frame of a self-contained job: the content check, the sitemap, share images;
//   2. the leaf-most frame of library work that is the same whoever asks for it: the content layer,
//      writing files, CSP hashes;
//   3. the leaf-most frame of our own code (src/), by module;
//   4. the leaf-most frame of Astro's rendering runtime, bundling or start-up.
// Garbage collection and idle time come as their own samples. The profile covers the main thread only
// (file writes and Rolldown's threads are not in it), and profiling slows a build by a few per cent,
// so the bench times builds without it and profiles one build of each kind apart.
//
// Pure apart from reading files in loadProfile(); tests/unit/bench-profile.test.ts covers it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The parts, in the order the report lists them. `ours` parts exist only in our site; a source module
 * matching no `src` pattern goes to `other-src`.
 */
export const PARTS = [
  { key: 'validation', label: 'Content check before the build (content-problems integration)' },
  { key: 'content', label: 'Content layer: reading files, YAML, schemas, Markdown, data store' },
  { key: 'content-access', label: 'Our content access: src/data/content.ts (sorting, lookups, cross-file checks)', src: [/^src\/data\/content\.ts$/] },
  { key: 'layout', label: 'Layout: BaseLayout, header, footer', src: [/^src\/layouts\//, /^src\/components\/layout\//] },
  { key: 'project-page', label: 'Project page: its view and template', src: [/^src\/data\/views\/project\.ts$/, /^src\/pages\/\[\.\.\.lang\]\/projects\/\[id\]\.astro$/] },
  { key: 'facts', label: 'Facts table (ProjectFacts)', src: [/^src\/components\/projects\/ProjectFacts\.astro$/] },
  { key: 'history', label: 'Status history / timeline', src: [/^src\/components\/projects\/[^/]*(History|Timeline)[^/]*$/, /^src\/lib\/(history|timeline)[^/]*\.ts$/] },
  { key: 'jsonld', label: 'JSON-LD', src: [/^src\/components\/ui\/JsonLd\.astro$/, /^src\/lib\/structured-data\.ts$/] },
  { key: 'map', label: 'Map data and static maps', src: [/^src\/components\/map\//, /^src\/lib\/(map-data|geo|static-map[^/]*)\.ts$/] },
  { key: 'sources', label: 'Source lists', src: [/^src\/components\/projects\/SourceList\.astro$/, /^src\/components\/ui\/SourceLinks\.astro$/] },
  { key: 'list-items', label: 'Project list items (index pages, neighbours)', src: [/^src\/components\/projects\/ProjectListItem\.astro$/] },
  { key: 'cite', label: 'Cite this', src: [/^src\/components\/ui\/CiteThis\.astro$/, /^src\/lib\/cite\.ts$/] },
  { key: 'index', label: 'Project index pages and filter index', src: [/^src\/data\/index-file\.ts$/, /^src\/data\/views\/project-index\.ts$/, /^src\/lib\/(filter|index-records|paging)\.ts$/, /^src\/components\/projects\/(ProjectIndex|ProjectGroups|Pager)\.astro$/, /^src\/pages\/\[\.\.\.lang\]\/projects\/(index|page\/|filter-index)/] },
  { key: 'district', label: 'District pages and embeds', src: [/^src\/data\/views\/districts?\.ts$/, /^src\/components\/districts\//, /^src\/pages\/\[\.\.\.lang\]\/(districts|embed)\//] },
  { key: 'downloads', label: 'Downloads and the /data/ page', src: [/^src\/data\/open-data\.ts$/, /^src\/data\/views\/data-page\.ts$/, /^src\/pages\/data\//, /^src\/pages\/\[\.\.\.lang\]\/data\//, /^src\/lib\/(csv|csv-options|export|xlsx[^/]*)\.ts$/] },
  { key: 'feeds', label: 'Feeds (RSS)', src: [/^src\/lib\/feed\.ts$/, /rss\.xml\.ts$/, /^src\/pages\/.*feed/] },
  { key: 'share', label: 'Share images (PNG cards)' },
  { key: 'other-src', label: 'Other page code (views, i18n, paths, formatting)' },
  { key: 'render', label: "Astro's page rendering (templates to HTML, escaping, responses)" },
  { key: 'csp', label: 'CSP hashes' },
  { key: 'write', label: 'Writing files (and emptying the output folder)' },
  { key: 'sitemap', label: 'Sitemap' },
  { key: 'bundling', label: 'Bundling (Vite, Rolldown, the Astro compiler)' },
  { key: 'startup', label: 'Start-up: loading modules and config' },
  { key: 'gc', label: 'Garbage collection' },
  { key: 'other', label: 'Other (V8, Node internals, unattributed)' },
  { key: 'idle', label: 'Idle (waiting for files, threads or the CPU)' },
];
const SRC_PARTS = PARTS.filter((p) => p.src);

/** A module comment as Rolldown writes it (`// src/x.ts`), or as a region (`//#region src/x.ts`). */
const MODULE_COMMENT = /^\/\/(?:#region)? ((?:src|node_modules)\/\S+|\0?virtual:\S+|\S+\.(?:astro|ts|mts|mjs|js|json))\s*$/;

/** The first line (0-based) of each module in a chunk, in order: [[line, source], …]. */
export function moduleStarts(text) {
  const out = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const m = MODULE_COMMENT.exec(lines[i]);
    if (m) out.push([i, m[1].replace(/^.*?node_modules\//, 'node_modules/').replace(/^\0/, '')]);
  }
  return out;
}

/** The source module a chunk line belongs to (the last module starting at or before it). */
export function moduleAt(starts, line) {
  let lo = 0;
  let hi = starts.length - 1;
  let found;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid][0] <= line) {
      found = starts[mid][1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A frame's source: "src/…" or "node_modules/<package>/…" (from the chunk's module comments when the
 * frame is in a chunk), "node:…" for Node itself, "native:<name>" for a built-in function with no
 * script (mkdir, openFileHandle), "(garbage collector)" and the like for V8's own entries.
 */
export function frameSource(callFrame, { root, chunks }) {
  const { url, functionName, lineNumber } = callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : `native:${functionName}`;
  if (url.startsWith('node:')) return url;
  if (!url.startsWith('file://')) return url.split(':')[0];
  const path = decodeURIComponent(url.slice('file://'.length)).replace(/\?.*$/, '');
  const at = path.indexOf('/.prerender/');
  if (at >= 0) {
    const starts = chunks.get(path.slice(at + '/.prerender/'.length));
    const source = starts && moduleAt(starts, lineNumber);
    if (source) return source;
    // Code of the chunk outside any module (Rolldown's runtime): Astro's.
    return 'node_modules/astro/(chunk)';
  }
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + 1);
  return root && path.startsWith(root) ? relative(root, path) : path;
}

const FS_WRITE = /^native:(mkdir|openFileHandle|open|writeBuffer|writeString|writeFileUtf8|writeBuffers|close|fsync|fstat|copyFile|rename|rm|rmSync|rmdir|unlink|unlinkSync)$/;
const CONTENT_LIBS = /^node_modules\/(astro\/dist\/content\/|@astrojs\/(markdown-remark|mdx|internal-helpers)\/|js-yaml\/|devalue\/|zod\/|satteri\/|remark|rehype|mdast|hast|micromark|unified\/|shiki\/|@shikijs\/|github-slugger\/|vfile)/;
const RENDER_LIBS = /^node_modules\/(astro\/(dist\/(runtime\/|core\/(render|app|build\/generate|build\/default-prerenderer|middleware|routing|cookies|fetch|render-scope|head-propagation|server-islands|i18n|cache|redirects|util|errors|logger)|i18n\/|assets\/)|\(chunk\))|html-escaper\/|cssesc\/|piccolore\/)|^node:internal\/(deps\/undici|webstreams|encoding|url)|^native:encodeUtf8String|^\0?virtual:astro:page/;
const BUNDLING = /^node_modules\/(vite\/|rolldown\/|@rolldown\/|esbuild\/|@astrojs\/compiler|@astrojs\/compiler-rs|lightningcss|postcss|@vitejs\/|magic-string|astro\/dist\/(vite-plugin|core\/build\/(static-build|plugins\/|vite-plugin|css-asset-name|add-rollup-input|graph|internal)|core\/compile|assets\/vite|content\/vite|core\/create-vite))/;
const STARTUP = /^node:internal\/modules\/|^node_modules\/astro\/dist\/(core\/config|cli|integrations|core\/sync)|^astro\.config\.|^native:(compileFunction|compileSourceTextModule)/;

/** Which part one sample belongs to, from its stack of sources (root first) and frames. */
export function classify(sources, functions = []) {
  const leaf = sources.at(-1);
  if (sources.length === 1 || (sources.length === 2 && sources[0] === '(root)')) {
    if (leaf === '(garbage collector)') return 'gc';
    if (leaf === '(idle)') return 'idle';
    if (leaf === '(program)' || leaf === '(root)') return 'other';
  }
  // 1. Self-contained jobs, from the root.
  for (const s of sources) {
    if (/^src\/(integrations\/content-problems|schemas\/content-check)\.ts$/.test(s)) return 'validation';
    if (/^node_modules\/(@astrojs\/sitemap|sitemap|fast-xml-builder|sax)\/|^src\/lib\/sitemap\.ts$/.test(s)) return 'sitemap';
    if (/^src\/(lib\/share-(images?|card)\.ts|data\/share\.ts|pages\/og\/|integrations\/early-share-images\.ts)|^node_modules\/(@napi-rs\/canvas|@resvg)/.test(s)) return 'share';
  }
  // 2. Library work that is the same whoever asks for it, from the leaf.
  for (let i = sources.length - 1; i >= 0; i -= 1) {
    const s = sources[i];
    if (FS_WRITE.test(s) && sources.some((x) => /astro\/dist\/core\/(build\/generate|fs\/)|astro\/\(chunk\)|runtime\/server/.test(x))) return 'write';
    if (CONTENT_LIBS.test(s)) return 'content';
    if (/^node_modules\/astro\/dist\/core\/csp\//.test(s) || /^(generateCspDigest|renderCspContent)$/.test(functions[i] ?? '')) return 'csp';
    if (s === 'node:internal/crypto/util' || s === 'node:internal/crypto/webcrypto') return 'csp';
  }
  // 3. Our code, from the leaf.
  for (let i = sources.length - 1; i >= 0; i -= 1) {
    const s = sources[i];
    if (!s.startsWith('src/')) continue;
    return SRC_PARTS.find((p) => p.src.some((re) => re.test(s)))?.key ?? 'other-src';
  }
  // 4. Astro and the tools, from the leaf.
  for (let i = sources.length - 1; i >= 0; i -= 1) {
    const s = sources[i];
    if (BUNDLING.test(s)) return 'bundling';
    if (RENDER_LIBS.test(s)) return 'render';
    if (STARTUP.test(s)) return 'startup';
  }
  if (FS_WRITE.test(leaf ?? '')) return 'write';
  return 'other';
}

/**
 * Main-thread CPU time per part, in milliseconds, from a parsed .cpuprofile. `chunks` maps a chunk's
 * path under .prerender/ to its moduleStarts(); `root` is the site's folder.
 */
export function attribute(profile, { root = '', chunks = new Map() } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const ms = Object.fromEntries(PARTS.map((p) => [p.key, 0]));
  const memo = new Map();
  for (const [id, us] of selfUs) {
    let key = memo.get(id);
    if (!key) {
      const sources = [];
      const functions = [];
      for (let n = id; n !== undefined; n = parent.get(n)) {
        const frame = nodes.get(n).callFrame;
        sources.push(frameSource(frame, { root, chunks }));
        functions.push(frame.functionName);
      }
      key = classify(sources.reverse(), functions.reverse());
      memo.set(id, key);
    }
    ms[key] += us / 1000;
  }
  return ms;
}

/**
 * The main thread's profile among the files `node --cpu-prof` wrote: one per thread, named
 * CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile, where the main thread is thread 0 and each
 * worker (share images, spreadsheets) has a number of its own. Undefined if there is none.
 */
export function mainThreadProfile(names) {
  return names.find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
}

/** Reads a profile folder written by measure-build.mjs and attributes its time. */
export function loadProfile(dir, root) {
  const file = mainThreadProfile(readdirSync(dir));
  if (!file) throw new Error(`${dir}: no .cpuprofile of the main thread`);
  const chunks = new Map();
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.mjs')) chunks.set(relative(join(dir, 'chunks'), p), moduleStarts(readFileSync(p, 'utf8')));
    }
  };
  walk(join(dir, 'chunks'));
  const read = (name) => (existsSync(join(dir, name)) ? JSON.parse(readFileSync(join(dir, name), 'utf8')) : undefined);
  const ms = attribute(JSON.parse(readFileSync(join(dir, file), 'utf8')), { root: root.endsWith('/') ? root : `${root}/`, chunks });
  return { ms, hooks: read('hooks.json'), timer: read('astro-timer.json') };
}

/**
 * The build's phases in wall-clock milliseconds, from the hook times and Astro's own timer:
 * start-up and config (with our content check), content sync, bundling, page generation, and what
 * runs after it (the sitemap and other build:done hooks).
 */
export function phases(hooks, timer) {
  if (!hooks || !timer) return undefined;
  const t = (name) => timer[name]?.elapsedTime ?? 0;
  return {
    startup: hooks['config:done'] ?? NaN,
    contentSync: t('Sync content layer'),
    bundling: t('Prerender build') + t('SSR build') + t('Client build'),
    generate: t('Static generate'),
    after: (hooks['build:done'] ?? NaN) - (hooks['build:generated'] ?? NaN),
    total: hooks.end ?? NaN,
  };
}
