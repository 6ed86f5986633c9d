// `npm run bench`: measures the site against the budgets of issue 9 and writes reports/bench.md (the same
// Markdown is printed). A benchmark, not a test: it always exits 0 when it could measure, and says
// PASS or FAIL per budget.
//
//   npm run bench                  everything (12 to 20 minutes on 2 cores)
//   npm run bench -- --quick       skip the 10,000-project builds and browser runs
//   npm run bench -- --no-lighthouse
//   npm run bench -- --lighthouse-runs=5  Lighthouse runs per page, reported by the median run (default 3)
//   npm run bench -- --port=4361   first of two ports for the local servers (default 4361, 4362)
//   npm run bench -- --keep        keep the temporary synthetic sites (their paths are printed)
//   npm run bench -- --runs=3      interleaved pairs of builds per size (default 2)
//   npm run bench -- --no-profile  skip the profiled builds (the breakdown of where the time goes)
//   npm run bench -- --scale-only=<dist>  only the browser timings at scale, on a 10,000-project build
//                                  already in <dist> (e.g. one kept with --keep); nothing is built
//
// Steps, one at a time so that they do not compete for the CPU: cold builds of the real content;
// page weight and Lighthouse on it; cold builds of 1,000 and 10,000 synthetic projects, in interleaved
// pairs with a bare Astro build of the same Markdown (scripts/bench/synthetic.mjs, in the OS temp
// folder, never in content/); one profiled build of each at the largest size, for the breakdown
// (scripts/bench/profile.mjs); and, on the 10,000-project build, the index page, filter and search
// timings and the maps. Every figure is reported with the load average when it was taken.
// The test suite's time is read from the last `npm test` (scripts/bench/suite.mjs), not run again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import yaml from 'js-yaml';
import { chromium } from '@playwright/test';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import { CHROME_ARGS, findChrome } from '../browser.mjs';
import { bareSite, syntheticSite } from './synthetic.mjs';
import { TILE_PREFIX, serve } from './server.mjs';
import { median, renderReport, splitDocument, spread } from './report.mjs';
import { loadProfile, phases } from './profile.mjs';
import { lastSuiteRun } from './suite.mjs';
import { buildEnv, buildNodeFlags, projectCount } from '../build-flags.mjs';

const REPO = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const PORT = Number(option('port', process.env.BENCH_PORT ?? 4361));
const QUICK = flag('quick') || process.env.BENCH_QUICK === '1';
const LIGHTHOUSE = !flag('no-lighthouse') && process.env.BENCH_LIGHTHOUSE !== '0';
/** Lighthouse runs per page: one run's performance score varies by a few points from run to run. */
const LIGHTHOUSE_RUNS = Math.max(1, Number(option('lighthouse-runs', 3)) || 3);
const KEEP = flag('keep');
const RUNS = Math.max(1, Number(option('runs', 2)) || 2);
const PROFILE = !flag('no-profile') && process.env.BENCH_PROFILE !== '0';
const SCALE_ONLY = option('scale-only', undefined);
/** Builds of the real content: a few seconds each, so three, for a median. */
const REAL_RUNS = 3;
const started = performance.now();
const log = (...a) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);

/** A mobile-sized window, as Lighthouse's default device: decides which maps start near the viewport. */
const VIEWPORT = { width: 412, height: 823 };

// ─── Builds ──────────────────────────────────────────────────────────────────────────────────────

/** Environment of every build of our site: served by the bench server, tiles from its stub. */
function siteEnv(port) {
  const origin = `http://127.0.0.1:${port}`;
  return { SITE_URL: origin, PUBLIC_TILE_URL: `${origin}${TILE_PREFIX}{z}/{x}/{y}.png` };
}

/**
 * CPU time the whole machine has spent busy so far, in milliseconds (Linux /proc/stat; undefined
 * elsewhere). Its growth during a build, less the build's own CPU time, is what other processes used.
 */
function machineBusyMs() {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    // USER_HZ is 100 on every Linux this runs on: a tick is 10 ms.
    return (user + nice + system + irq + softirq + (steal ?? 0)) * 10;
  } catch {
    return undefined;
  }
}

/** The 1-minute load average, as the report prints it. */
const load1 = () => loadavg()[0].toFixed(1);

// ─── Deleting files only after the last build ────────────────────────────────────────────────────
//
// Every build writes to an output folder no build has used (<root>/dist-bench/<run>-<n>/), and the
// bench deletes the builds' files, caches and synthetic sites only after its last build. Why: on a
// Linux ext4 file system without a journal, as on the machine the budgets are measured on, the kernel
// will not hand out again an inode freed in the last minute (the last six, while its block of the
// inode table is not yet written back: RECENTCY_MIN and RECENTCY_DIRTY in fs/ext4/ialloc.c), and it
// looks up every such inode it passes when it searches for a free one (recently_deleted()). A build
// that creates tens of thousands of files soon after tens of thousands were deleted spends seconds in
// that search: a bare 10,000-project build took 46.4 s, its file threads 16.8 s of CPU, straight after
// the bench had emptied its output folder, and 31.7 and 34.3 s (file threads 6.0 and 6.5 s) writing to
// new folders (README, "What the machine's slow state was"). Emptying the folder before each build put
// that cost on whichever build came next.

/** This run's name for its output folders, so that folders an earlier run left are never reused. */
const RUN_NAME = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
let buildNumber = 0;
/** What the bench deletes after its last build (or earlier, when the disk runs short). */
const deferred = [];
const later = (path) => deferred.push(path);
/** Free space below which the bench deletes what it has kept before a build, rather than fill the disk. */
const MIN_FREE_BYTES = 4 * 1024 ** 3;

/** Deletes what the bench kept, where the disk is short; how many paths it deleted (0 as a rule). */
function makeRoom(root) {
  let free = Infinity;
  try {
    const s = statfsSync(root);
    free = s.bavail * s.bsize;
  } catch {
    return 0;
  }
  if (free >= MIN_FREE_BYTES || deferred.length === 0) return 0;
  const n = deferred.length;
  deleteDeferred();
  log(`${(free / 1024 ** 3).toFixed(1)} GB free: deleted ${n} kept folders (earlier builds' outputs, caches, profiles) before this build (it may be slower for it)`);
  return n;
}

/** Output folders `--keep` keeps: the synthetic sites' last builds. */
const keptOutputs = new Set();

/** Deletes everything kept so far but what `--keep` keeps. */
function deleteDeferred() {
  for (const path of deferred.splice(0)) if (!keptOutputs.has(path)) rmSync(path, { recursive: true, force: true });
}

/**
 * One cold build in a child process (scripts/bench/measure-build.mjs); no server may be running. It
 * writes to a folder of its own (above) and a fresh cache makes it cold. With `profileDir`, the build
 * runs under the CPU profiler and leaves what scripts/bench/profile.mjs reads. The result's `outDir`
 * (not enumerable, so not in bench.json) is where the site was written.
 */
function measureBuild(root, env = {}, { profileDir, cacheDir, bare = false } = {}) {
  const freed = makeRoom(root);
  buildNumber += 1;
  const outDir = join(root, 'dist-bench', `${RUN_NAME}-${buildNumber}`);
  // `cacheDir`: a cache kept by the caller, for a rebuild (Astro's content cache, the kept share images).
  const cache = cacheDir ?? mkdtempSync(join(tmpdir(), 'bench-cache-'));
  const load = load1();
  const busyBefore = machineBusyMs();
  const script = join(REPO, 'scripts/bench/measure-build.mjs');
  // Ours runs with the Node flags `npm run build` gives it (scripts/build-flags.mjs); the bare site
  // without them.
  const buildEnvironment = { ...process.env, ...env };
  const count = projectCount(root, buildEnvironment);
  const flags = bare ? [] : buildNodeFlags(count);
  // And the environment it gives it (glibc's allocator settings), to both sides: it is a setting of the
  // machine rather than of our code, so the bare build gets it too and the ratio compares the code.
  const extra = buildEnv(buildEnvironment, count);
  const argv = [...flags, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), script, root, cache, outDir];
  const r = spawnSync(process.execPath, argv, {
    cwd: root,
    encoding: 'utf8',
    // ASTRO_CACHE_DIR names the same cache to the code that runs before Astro reads its config (the
    // head start, src/integrations/head-start.ts, looks there for images kept by an earlier build).
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: cache, ...env, ...extra, ...(profileDir ? { BENCH_PROFILE_DIR: profileDir } : {}) },
    maxBuffer: 64 * 1024 * 1024,
  });
  const busyAfter = machineBusyMs();
  later(outDir);
  if (!cacheDir) later(cache);
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    throw new Error(`build of ${root} failed (exit ${r.status}):\n${r.stderr.slice(-4000)}\n${r.stdout.slice(-2000)}`);
  }
  const result = JSON.parse(last);
  const others = busyBefore === undefined || busyAfter === undefined ? undefined : Math.max(0, (busyAfter - busyBefore - result.cpuMs) / result.ms);
  const measured = { ...result, load, others, flags, ...(freed ? { deletedBefore: freed } : {}) };
  Object.defineProperty(measured, 'outDir', { value: outDir, enumerable: false });
  return measured;
}

/** One profiled build: its time per part and its phases (scripts/bench/profile.mjs). */
function profileBuild(root, env = {}, bare = false) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  try {
    const run = measureBuild(root, env, { profileDir: dir, bare });
    const { ms, hooks, timer } = loadProfile(dir, root);
    return { run, ms, phases: phases(hooks, timer) };
  } finally {
    later(dir);
  }
}

/**
 * `runs` interleaved pairs of builds, bare and ours, alternating which goes first (bare, ours, ours,
 * bare, …) so that a trend in the machine's load falls on both sides of the ratio.
 */
function interleaved(label, bareRoot, oursRoot, env, runs) {
  const out = [];
  for (let i = 0; i < runs; i += 1) {
    const first = i % 2 === 0 ? 'bare' : 'ours';
    const pair = { first };
    for (const side of first === 'bare' ? ['bare', 'ours'] : ['ours', 'bare']) {
      pair[side] = side === 'bare' ? measureBuild(bareRoot, {}, { bare: true }) : measureBuild(oursRoot, env);
      log(`${label} ${side} build ${i + 1}: ${pair[side].ms} ms (CPU ${pair[side].cpuMs} ms), ${pair[side].maxRssMb} MB, load ${pair[side].load}`);
    }
    out.push(pair);
  }
  return out;
}

/** Every HTML page under a folder (for page counts). */
function countPages(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countPages(join(dir, e.name));
    else if (e.name.endsWith('.html')) n += 1;
  }
  return n;
}

// ─── Page weight ─────────────────────────────────────────────────────────────────────────────────

const size = (buf) => ({ raw: buf.length, gz: buf.length ? gzipSync(buf).length : 0 });
const add = (a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz });
const zero = () => ({ raw: 0, gz: 0 });

/** What one page downloads: by kind, raw and gzip, plus the number of requests (tiles excluded). */
function tally(responses, documentUrl) {
  const t = { html: zero(), css: zero(), js: zero(), other: zero(), requests: 0, scripts: 0, htmlCssGz: 0 };
  for (const r of responses) {
    if (r.url.includes(TILE_PREFIX)) continue;
    t.requests += 1;
    if (r.url === documentUrl && r.type === 'document') {
      const parts = splitDocument(r.body.toString('utf8'));
      t.html = add(t.html, size(Buffer.from(parts.html)));
      t.css = add(t.css, size(Buffer.from(parts.css)));
      t.js = add(t.js, size(Buffer.from(parts.js)));
      t.scripts += parts.scripts;
      // What the reader downloads for text and layout: the whole compressed page (styles inlined).
      t.htmlCssGz += size(r.body).gz;
    } else if (r.type === 'stylesheet') {
      const s = size(r.body);
      t.css = add(t.css, s);
      t.htmlCssGz += s.gz;
    } else if (r.type === 'script') {
      t.js = add(t.js, size(r.body));
      t.scripts += 1;
    } else t.other = add(t.other, size(r.body));
  }
  return t;
}

/** Scrolls to the bottom a screen at a time, as a reader would (nothing on a page should load for it). */
async function scrollThrough(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
    scrollTo(0, document.documentElement.scrollHeight);
  });
  await page.waitForLoadState('networkidle');
}

/**
 * Presses the first map's "show on the street map" button and resolves with the time from the click
 * to the street map drawn (its data-ready mark, then the next frame), or null when there is no button.
 */
async function pressStreetMap(page) {
  const button = page.locator('project-map .pm-button').first();
  if (!(await button.count()) || !(await button.isVisible())) return null;
  await button.scrollIntoViewIfNeeded();
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const map = document.querySelector('project-map');
        const t0 = performance.now();
        const timer = setTimeout(() => reject(new Error('street map not drawn within 60 s')), 60_000);
        new MutationObserver((_, obs) => {
          if (map.dataset.ready !== 'true') return;
          obs.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() =>
            setTimeout(() =>
              resolve({
                ms: performance.now() - t0,
                markers: map.querySelectorAll('.pm-marker').length,
                clusters: map.querySelectorAll('.pm-cluster').length,
                outlines: map.querySelectorAll('.pm-outline').length,
              }),
            ),
          );
        }).observe(map, { attributes: true, attributeFilter: ['data-ready'] });
        map.querySelector('.pm-button').click();
      }),
  );
}

/** Loads `path` and records every response with its body. */
async function loadRecorded(context, url) {
  const page = await context.newPage();
  const responses = [];
  const pending = [];
  page.on('response', (res) => {
    pending.push(
      res
        .body()
        .then((body) => responses.push({ url: res.url(), type: res.request().resourceType(), body }))
        .catch(() => {}),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return { page, responses, pending };
}

const isMapCode = (url) => /street-map|leaflet|map-styles/i.test(url);

async function pageWeights(browser, origin, pages) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const out = {};
  const lazy = [];
  let mapCode;
  for (const [name, path] of Object.entries(pages)) {
    const url = `${origin}${path}`;
    const { page, responses, pending } = await loadRecorded(context, url);
    await scrollThrough(page);
    await Promise.all(pending);
    const initial = tally(responses, url);
    const hasMap = (await page.locator('project-map').count()) > 0;
    const before = {
      mapCode: responses.filter((r) => isMapCode(r.url)).length,
      tiles: responses.filter((r) => r.url.includes(TILE_PREFIX)).length,
      // Every script the page loaded before the press: the button's loader and nothing else on map pages.
      loaderGz: responses.filter((r) => r.type === 'script' && /project-map|ProjectMap/i.test(r.url)).reduce((n, r) => n + size(r.body).gz, 0),
    };
    let drawn = null;
    if (hasMap) {
      drawn = await pressStreetMap(page).catch((e) => ({ error: e.message }));
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
    }
    const after = tally(responses, url);
    out[name] = { path, ...initial, after: { js: after.js, css: after.css, requests: after.requests } };
    if (hasMap) {
      lazy.push({
        page: name,
        before: before.mapCode > 0 || before.tiles > 0,
        tilesBefore: before.tiles,
        loaderGz: before.loaderGz,
        after: responses.some((r) => /street-map/.test(r.url)),
        drawnMs: drawn?.ms ?? null,
      });
      // Leaflet and our map code: the button's loader, the street map chunk (Leaflet, clustering, our
      // drawing code) and the map stylesheet, as loaded after the press.
      const mapJs = responses.filter((r) => r.type === 'script' && (isMapCode(r.url) || /project-map|ProjectMap/i.test(r.url)));
      const mapCss = responses.filter((r) => r.type === 'stylesheet' && /map-styles/.test(r.url));
      const js = mapJs.reduce((s, r) => add(s, size(r.body)), zero());
      const css = mapCss.reduce((s, r) => add(s, size(r.body)), zero());
      const candidate = { gz: js.gz + css.gz, raw: js.raw + css.raw, jsGz: js.gz, cssGz: css.gz, files: [...mapJs, ...mapCss].map((r) => r.url.replace(origin, '')) };
      if (!mapCode || candidate.gz > mapCode.gz) mapCode = candidate;
    }
    await page.close();
    log(`weight ${name}: HTML+CSS ${(initial.htmlCssGz / 1024).toFixed(1)} KB gzip, JS ${(initial.js.gz / 1024).toFixed(1)} KB gzip${hasMap ? `, street map drawn in ${drawn?.ms?.toFixed(0) ?? '?'} ms` : ''}`);
  }
  await context.close();
  return { pages: out, lazy, mapCode };
}

// ─── Lighthouse ──────────────────────────────────────────────────────────────────────────────────

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Runs a command without blocking this process, whose event loop serves the pages being measured. */
function run(cmd, argv, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/**
 * Lighthouse's command line, LIGHTHOUSE_RUNS runs per page, one after another: its default is a mobile
 * device with simulated throttling. A page is reported by its median run, as Lighthouse's own guide to
 * score variability advises (docs/variability.md, "Run Lighthouse multiple times": the median of five
 * runs is twice as stable as one), picked by Lighthouse's computeMedianRun (the run nearest the median
 * first contentful paint and time to interactive). Every run's performance score and Total Blocking
 * Time are kept beside it, so a run that scored lower is shown, not hidden.
 */
async function lighthouseAll(origin, pages) {
  const out = {};
  const dir = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  // TMPDIR: Chrome makes a folder for its profile's lock socket in the temp folder and leaves it there
  // when the launcher kills it (21 folders in /tmp a run); in ours, it goes with the rest.
  const env = { ...process.env, TMPDIR: dir, ...(findChrome() ? { CHROME_PATH: findChrome() } : {}) };
  /** A category's score out of 100, NaN where Lighthouse gave none. */
  const score100 = (category) => (category?.score === null || category?.score === undefined ? NaN : Math.round(category.score * 100));
  for (const [name, path] of Object.entries(pages)) {
    const lhrs = [];
    const failures = [];
    for (let i = 0; i < LIGHTHOUSE_RUNS; i += 1) {
      const file = join(dir, `${name}-${i}.json`);
      // Chrome's profile in a folder of our own, kept until the end, rather than one that Lighthouse's
      // launcher makes and deletes after each run ("Deleting files only after the last build", above);
      // a later --user-data-dir wins over the launcher's own.
      const profile = join(dir, `${name}-${i}-profile`);
      const r = await run(
        'npx',
        ['lighthouse', `${origin}${path}`, '--quiet', '--output=json', `--output-path=${file}`, `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${[...CHROME_ARGS, `--user-data-dir=${profile}`].join(' ')}`],
        { cwd: REPO, env },
      );
      try {
        if (r.status !== 0) throw new Error(r.stderr.trim().split('\n').at(-1) || `exit ${r.status}`);
        lhrs.push(JSON.parse(readFileSync(file, 'utf8')));
      } catch (e) {
        failures.push(e.message);
      }
    }
    if (!lhrs.length) {
      out[name] = { scores: Object.fromEntries(CATEGORIES.map((c) => [c, NaN])), reasons: { performance: [`Lighthouse failed: ${failures.join('; ')}`] }, runs: [] };
      log(`lighthouse ${name} failed: ${failures.join('; ')}`);
      continue;
    }
    const valid = filterToValidRuns(lhrs);
    const lhr = valid.length ? computeMedianRun(valid) : lhrs[0];
    const scores = {};
    const reasons = {};
    for (const cat of CATEGORIES) {
      const c = lhr.categories[cat];
      scores[cat] = score100(c);
      // Where a category is below 100: its scored audits that fell short, by title (for performance,
      // the metrics that cost points).
      reasons[cat] = scores[cat] >= 100 ? [] : (c?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 1)
        .map((a) => (a.displayValue ? `${a.title} ${a.displayValue}` : a.title));
    }
    const runs = lhrs.map((l) => ({
      performance: score100(l.categories.performance),
      tbtMs: Math.round(l.audits['total-blocking-time']?.numericValue ?? NaN),
      median: l === lhr,
    }));
    out[name] = { scores, reasons, runs, failed: failures.length };
    log(`lighthouse ${name}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')} (median of ${lhrs.length} runs; performance ${runs.map((x) => x.performance).join(', ')})`);
  }
  later(dir);
  return out;
}

// ─── At 10,000 projects ──────────────────────────────────────────────────────────────────────────

/**
 * Does one thing a reader does on the index (`{ click: [name, value] }` ticks or unticks a filter box,
 * `{ type: text }` puts text in the search box as a keystroke would, `{ clear: true }` presses "clear")
 * and resolves with the time from that input to <project-index>'s "applied" mark (`script`) and to the
 * next paint after it (`paint`): the updated list as the reader first sees it, its first matches. A
 * paged list draws the rest of its batch in the next task and marks "drawn" (paged-results.ts):
 * `whole` is the time to the paint after that. The marks are caught as the page makes them
 * (performance.mark is wrapped for the while), not when a PerformanceObserver would be told, which
 * can be after the rest of the batch is drawn.
 */
async function timeUpdate(page, action) {
  return page.evaluate(
    (act) =>
      new Promise((resolve, reject) => {
        const APPLIED = 'project-index:applied';
        const DRAWN = 'project-index:drawn';
        const index = document.querySelector('project-index');
        const timer = setTimeout(() => reject(new Error('no update within 20 s')), 20_000);
        const mark = performance.mark;
        const result = {};
        let t0 = 0;
        // After the frame that follows a mark: layout and paint of what it marks are done.
        const afterPaint = (key) => requestAnimationFrame(() => setTimeout(() => done(key, performance.now() - t0)));
        const done = (key, ms) => {
          result[key] = ms;
          if (result.paint === undefined || result.whole === undefined) return;
          performance.mark = mark;
          clearTimeout(timer);
          resolve(result);
        };
        performance.mark = function (name, options) {
          const entry = mark.call(performance, name, options);
          if (name === APPLIED && result.script === undefined) {
            result.script = performance.now() - t0;
            afterPaint('paint');
          } else if (name === DRAWN && result.drawn === undefined) {
            result.drawn = performance.now() - t0;
            afterPaint('whole');
          }
          return entry;
        };
        t0 = performance.now();
        if (act.click) index.querySelector(`input[name="${act.click[0]}"][value="${act.click[1]}"]`).click();
        else if (act.clear) index.querySelector('[data-clear]').click();
        else {
          const q = index.querySelector('input[name="q"]');
          q.value = act.type;
          q.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }),
    action,
  );
}

/** Projects reachable without JavaScript: the items of /projects/ and every /projects/page/N/. */
function reach(dist) {
  const files = [join(dist, 'projects/index.html')];
  const pagesDir = join(dist, 'projects/page');
  if (existsSync(pagesDir)) for (const n of readdirSync(pagesDir)) files.push(join(pagesDir, n, 'index.html'));
  const ids = new Set();
  for (const f of files) {
    // The <template> the script clones holds a copy of one item; it is not a link a reader sees.
    const html = readFileSync(f, 'utf8').replace(/<template\b[\s\S]*?<\/template>/g, '');
    for (const m of html.matchAll(/<li\b[^>]*\bdata-project-id="([^"]+)"/g)) ids.add(m[1]);
  }
  return { found: ids.size, pages: files.length, firstPageGz: gzipSync(readFileSync(files[0])).length };
}

/** Time from pressing "show on the street map" to the street map drawn, and what the static map drew. */
async function mapLoad(context, origin, path, label) {
  const url = `${origin}${path}`;
  const { page, responses } = await loadRecorded(context, url);
  const doc = responses.find((r) => r.url === url);
  const statics = await page.evaluate(() => {
    const map = document.querySelector('project-map');
    const svg = map?.querySelector('svg.sm');
    let features = 0;
    try {
      features = JSON.parse(map?.dataset.features ?? '{}').features?.length ?? 0;
    } catch {}
    return {
      features,
      svgKb: svg ? svg.outerHTML.length / 1024 : NaN,
      staticMarks: svg ? svg.querySelectorAll('a.sm-mark, .sm-group, .sm-dot').length : 0,
      groups: svg ? svg.querySelectorAll('.sm-group, .sm-dot-group').length : 0,
    };
  });
  const tilesBefore = responses.filter((r) => r.url.includes(TILE_PREFIX)).length;
  const drawn = await pressStreetMap(page);
  await page.close();
  if (!drawn) throw new Error('no street map button');
  return { label, path, ...statics, ...drawn, tilesBefore, from: 'click', htmlGz: doc ? gzipSync(doc.body).length : NaN };
}

/** Cold loads of the index for the first-filter timing: each in a fresh context, so nothing is cached. */
const FIRST_FILTER_LOADS = 5;

async function atScale(browser, origin, dist) {
  const scale = { load: load1(), reach: { ...reach(dist), total: Number(readFileSync(join(dist, 'projects/index.html'), 'utf8').match(/data-total="(\d+)"/)?.[1] ?? NaN) } };
  const indexUrl = `${origin}/projects/`;
  // The filter index as served (the server compresses it once and keeps it, as a host's cache would).
  const warm = await browser.newContext();
  const records = await (await warm.request.get(`${origin}/projects/filter-index.json`)).body();
  // The value's own file of first matches, which a first filter of one box fetches instead.
  const firstFile = await (await warm.request.get(`${origin}/projects/filter/category/social.json`)).body();
  await warm.close();
  scale.filterIndex = size(records);
  scale.firstFile = size(firstFile);

  // The first filter: a reader who has not touched the controls before ticks a box, and the page
  // fetches and reads that value's first matches (the whole index follows once the browser is idle),
  // and renders. Timed from the click to the next frame after the update, in a fresh browser context
  // each time (nothing cached), without the prefetch of the whole index that moving the pointer over
  // the controls would start. The first search instead waits for the whole index (the slow path): it
  // is timed the same way, and reported.
  const cold = [];
  const coldSearch = [];
  for (let i = 0; i < FIRST_FILTER_LOADS; i += 1) {
    for (const [runs, action] of [
      [cold, { click: ['category', 'social'] }],
      [coldSearch, { type: 'школа' }],
    ]) {
      const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(indexUrl, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('project-index')?.hasAttribute('data-ready'));
      runs.push(await timeUpdate(page, action));
      await context.close();
    }
  }
  const summary = (runs) => ({
    ...spread(runs.map((r) => r.paint)),
    runs: runs.map((r) => r.paint),
    script: median(runs.map((r) => r.script)),
    whole: spread(runs.map((r) => r.whole)),
    load: scale.load,
  });
  scale.firstFilter = summary(cold);
  scale.firstSearch = summary(coldSearch);
  log(`10k first filter: ${cold.map((r) => Math.round(r.paint)).join(', ')} ms to paint; first search: ${coldSearch.map((r) => Math.round(r.paint)).join(', ')} ms`);

  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const { page, responses } = await loadRecorded(context, indexUrl);
  scale.index = tally(responses, indexUrl);
  await page.waitForFunction(() => document.querySelector('project-index')?.hasAttribute('data-ready'));
  // The filters after the first are what a reader feels while filtering: timed once the whole index
  // is in (fetched after the first filter, when the browser is idle; a search waits for it).
  await timeUpdate(page, { click: ['category', 'social'] });
  await timeUpdate(page, { type: 'а' });
  await timeUpdate(page, { type: '' });
  const changes = [
    ['district', 'medeu'],
    ['district', 'almaly'],
    ['status', 'opened'],
    ['located', 'yes'],
    ['located', 'yes'],
    ['status', 'opened'],
    ['district', 'almaly'],
    ['category', 'infrastructure'],
    ['district', 'medeu'],
    ['category', 'social'],
    ['kind', 'school'],
  ];
  const filterRuns = [];
  for (const click of changes) filterRuns.push(await timeUpdate(page, { click }));
  scale.filter = {
    runs: filterRuns.map((r) => r.script),
    median: median(filterRuns.map((r) => r.script)),
    max: Math.max(...filterRuns.map((r) => r.script)),
    paint: median(filterRuns.map((r) => r.paint)),
    whole: median(filterRuns.map((r) => r.whole)),
  };

  // Search: every keystroke of two words, with no other filter set.
  await timeUpdate(page, { clear: true });
  const query = 'школа медеу';
  const searchRuns = [];
  for (let i = 1; i <= query.length; i += 1) searchRuns.push(await timeUpdate(page, { type: query.slice(0, i) }));
  scale.search = {
    runs: searchRuns.map((r) => r.script),
    median: median(searchRuns.map((r) => r.script)),
    max: Math.max(...searchRuns.map((r) => r.script)),
    paint: median(searchRuns.map((r) => r.paint)),
    whole: median(searchRuns.map((r) => r.whole)),
  };
  await page.close();
  log(`10k filter median ${scale.filter.median.toFixed(1)} ms, search median ${scale.search.median.toFixed(1)} ms`);

  scale.maps = [];
  for (const [path, label] of [
    ['/districts/medeu/', 'District map'],
    ['/districts/', 'City map'],
    ['/', 'Home page city map'],
  ]) {
    try {
      const r = await mapLoad(context, origin, path, label);
      scale.maps.push(r);
      log(`10k ${label}: ${r.features} points; static map ${r.staticMarks} marks (${r.svgKb.toFixed(1)} KB); street map drawn ${r.ms.toFixed(0)} ms after the click`);
    } catch (e) {
      log(`10k ${label} failed: ${e.message}`);
    }
  }
  await context.close();
  return scale;
}

// ─── Main ────────────────────────────────────────────────────────────────────────────────────────

/** The article, a district and a project with points on their maps, from the real content. */
function realPages() {
  const projects = readdirSync(join(REPO, 'content/projects'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ id: f.slice(0, -3), ...yaml.load(readFileSync(join(REPO, 'content/projects', f), 'utf8').split(/^---\s*$/m)[1]) }));
  const located = projects.filter((p) => p.location);
  const perDistrict = new Map();
  for (const p of located) if (p.district) perDistrict.set(p.district, (perDistrict.get(p.district) ?? 0) + 1);
  const district = [...perDistrict].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'medeu';
  const news = readdirSync(join(REPO, 'content/news')).find((f) => /\.mdx?$/.test(f) && !/translationOf:/m.test(readFileSync(join(REPO, 'content/news', f), 'utf8')));
  return {
    count: projects.length,
    pages: {
      home: '/',
      districts: '/districts/',
      article: `/news/${news?.replace(/\.mdx?$/, '')}/`,
      index: '/projects/',
      district: `/districts/${district}/`,
      project: `/projects/${(located[0] ?? projects[0]).id}/`,
      data: '/data/',
    },
  };
}

async function main() {
  const m = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model?.trim() ?? 'unknown CPU',
      memGb: Math.round(totalmem() / 1024 ** 3),
      node: process.versions.node,
      load: loadavg().map((l) => l.toFixed(1)).join(' / '),
    },
    options: args,
    builds: {},
  };
  const chrome = findChrome();
  const browser = await chromium.launch({ args: CHROME_ARGS, ...(chrome ? { executablePath: chrome } : {}) });
  const cleanups = [];
  try {
    if (SCALE_ONLY) {
      const s = await serve(resolve(SCALE_ONLY), PORT + 1);
      try {
        m.scale = await atScale(browser, s.url, resolve(SCALE_ONLY));
      } finally {
        await s.close();
      }
      return finish(m);
    }
    // Folders an earlier run of the bench left in the repository (the site's own dist/ is not touched).
    later(join(REPO, 'dist-bench'));
    const real = realPages();
    log(`real content: ${real.count} projects; building`);
    const env = siteEnv(PORT);
    const realRuns = [];
    const rebuilds = [];
    // Cold builds, as on a fresh clone; the last keeps its cache, for the rebuilds after it: an editor's
    // build after the first, with Astro's cache and the share images kept (nothing changed).
    const kept = mkdtempSync(join(tmpdir(), 'bench-kept-cache-'));
    // Beside each cold build, the floor on this machine: a bare Astro build (as in the ratio below) of
    // as many synthetic projects as the real content has. It renders fewer pages than ours (no district
    // pages, no downloads, no share images), so this is what Astro itself costs here, not a budget.
    const floor = await bareSite(real.count);
    cleanups.push(floor.cleanup);
    const floorRuns = [];
    for (let i = 0; i < REAL_RUNS; i += 1) {
      floorRuns.push(measureBuild(floor.root, {}, { bare: true }));
      realRuns.push(measureBuild(REPO, env, i === REAL_RUNS - 1 ? { cacheDir: kept } : {}));
      log(`real build ${i + 1}: ${realRuns[i].ms} ms (CPU ${realRuns[i].cpuMs} ms), ${realRuns[i].maxRssMb} MB, load ${realRuns[i].load}; bare Astro of ${real.count}: ${floorRuns[i].ms} ms`);
    }
    for (let i = 0; i < REAL_RUNS; i += 1) {
      rebuilds.push(measureBuild(REPO, env, { cacheDir: kept }));
      log(`real rebuild ${i + 1}: ${rebuilds[i].ms} ms (CPU ${rebuilds[i].cpuMs} ms), ${rebuilds[i].maxRssMb} MB, load ${rebuilds[i].load}`);
    }
    later(kept);
    m.builds.real = { runs: realRuns, projects: real.count, pages: countPages(realRuns.at(-1).outDir) };
    m.builds.rebuild = { runs: rebuilds, projects: real.count, pages: m.builds.real.pages };
    m.builds.realBare = { runs: floorRuns, projects: real.count, pages: countPages(floorRuns.at(-1).outDir) };

    const server = await serve(rebuilds.at(-1).outDir, PORT);
    try {
      m.weightLoad = { load: load1() };
      const w = await pageWeights(browser, server.url, real.pages);
      m.pages = w.pages;
      m.mapLazy = w.lazy;
      m.mapCode = w.mapCode;
      m.lighthouseLoad = { load: load1() };
      if (LIGHTHOUSE) {
        m.lighthouse = await lighthouseAll(server.url, real.pages);
        m.lighthouseRuns = LIGHTHOUSE_RUNS;
      }
    } finally {
      await server.close();
    }

    const counts = QUICK ? [1000] : [1000, 10000];
    for (const count of counts) {
      log(`${count} projects: writing the bare and the synthetic site`);
      const bare = await bareSite(count);
      const site = await syntheticSite(count);
      if (KEEP) log(`kept: ${site.root} and ${bare.root}`);
      else cleanups.push(bare.cleanup, site.cleanup);
      const oursEnv = siteEnv(PORT + 1);
      const runs = interleaved(count, bare.root, site.root, oursEnv, RUNS);
      const oursOut = runs.at(-1).ours.outDir;
      if (KEEP) {
        keptOutputs.add(oursOut);
        log(`kept: ${count} projects built in ${oursOut}`);
      }
      m.builds[count] = { runs, pages: countPages(oursOut) };
      if (PROFILE && count === counts.at(-1)) {
        log(`${count} projects: profiled builds, bare and ours`);
        const bareProfile = profileBuild(bare.root, {}, true);
        const oursProfile = profileBuild(site.root, oursEnv);
        m.builds[count].profile = { bare: bareProfile, ours: oursProfile };
      }
      if (count === 10000) {
        const s = await serve(oursOut, PORT + 1);
        try {
          m.scale = await atScale(browser, s.url, oursOut);
        } finally {
          await s.close();
        }
      }
    }
  } finally {
    await browser.close();
    // Only now, after the last build (above, "Deleting files only after the last build").
    deleteDeferred();
    for (const c of cleanups) c();
  }
  finish(m);
}

function finish(m) {
  m.totalMs = performance.now() - started;
  m.suite = lastSuiteRun(REPO);
  const report = renderReport(m);
  mkdirSync(join(REPO, 'reports'), { recursive: true });
  writeFileSync(join(REPO, 'reports/bench.md'), `${report}\n`);
  writeFileSync(join(REPO, 'reports/bench.json'), `${JSON.stringify(m, null, 2)}\n`);
  console.log(report);
  log('written to reports/bench.md (and the raw figures to reports/bench.json)');
}

await main();
