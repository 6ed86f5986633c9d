// The benchmark's pure part: statistics, number formatting, the Markdown tables and the budgets
// (what each limit is and whether a measurement meets it). scripts/bench/run.mjs measures and calls
// these; tests/unit/bench-report.test.ts covers them.
import { PARTS } from './profile.mjs';

/** The budgets from issue 9, in one place: the table and the README quote these numbers. */
export const LIMITS = {
  articleHtmlCssGzKb: 30,
  indexJsGzKb: 10,
  interactionMs: 50,
  mapCodeGzKb: 60,
  /** District page: HTML and CSS with its inline SVG map (issue 12). */
  districtHtmlCssGzKb: 30,
  /** The only script a map page loads before "show on the street map": the button's loader. */
  loaderGzKb: 2,
  /** From the press of "show on the street map" to the street map drawn, at 10,000 projects. */
  streetMapMs: 500,
  /** A static map's inline SVG at 10,000 projects (marks grouped), raw. */
  staticSvgKb: 40,
  lighthouse: 100,
  /** The real content's build on an idle machine (issue 15; it was 15 s in issue 9). */
  realBuildS: 5,
  /** 1,000 → 10,000 projects is ten times the content: linear growth is at most ten times the cost. */
  growth: 10,
  /** Our 10,000-project build against a bare Astro build of the same Markdown, worst pair included. */
  bareRatio: 2,
  /** What issue 15 aims for: the median pair. */
  bareRatioAim: 1.5,
  /** Peak memory against the bare build, worst pair included. */
  bareMemory: 1.5,
  /** /projects/filter-index.json at 10,000 projects, gzip. */
  filterIndexGzKb: 80,
  /** From the first filter input to the updated list painted, at 10,000 projects, worst of the cold loads. */
  firstFilterMs: 200,
  /** `npm test` from a fresh clone, in minutes (issue 15). */
  suiteMin: 10,
};

/** The Lighthouse budget's line, saying how many runs each page's scores come from. */
const LIGHTHOUSE_BUDGET = (runs) =>
  `Lighthouse (mobile): 100 in every category on every page type${runs > 1 ? ` (each page's median run of ${runs})` : ''}`;

/**
 * Splits a page into its own HTML and the CSS and scripts inlined into it. JSON-LD and other data
 * blocks are not scripts a browser runs, so they stay in the HTML.
 */
export function splitDocument(html) {
  const css = [];
  const js = [];
  let scripts = 0;
  const rest = html
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (_, body) => {
      css.push(body);
      return '';
    })
    .replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (whole, attrs, body) => {
      const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
      if (type && type !== 'module' && type !== 'text/javascript') return whole;
      scripts += 1;
      js.push(body);
      return '';
    });
  return { html: rest, css: css.join('\n'), js: js.join('\n'), scripts };
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return NaN;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/**
 * The spread of a set of figures: median, lowest, highest and how many. Used for build times and for
 * the ours/bare ratios of interleaved builds, so that one noisy run shows as a range, not as the figure.
 */
export function spread(values) {
  const xs = values.filter((v) => Number.isFinite(v));
  return { median: median(xs), min: xs.length ? Math.min(...xs) : NaN, max: xs.length ? Math.max(...xs) : NaN, n: xs.length };
}

/** "; the whole batch painted: median …, worst …" for the first filter's cold loads (older runs have none). */
function wholeNote(whole) {
  return whole?.n ? `; the whole batch painted (its first matches are drawn first, the rest in the next task): median ${duration(whole.median)}, worst ${duration(whole.max)}` : '';
}

/** The same for the timed changes after the first, where only the median is kept. */
function wholeMedian(whole) {
  return Number.isFinite(whole) ? `; the whole batch painted, median ${duration(whole)}` : '';
}

/**
 * Ratios of interleaved builds: for each pair (a bare build and ours next to it, under the same load),
 * ours divided by bare, for wall time, CPU time and peak memory; then their spread.
 */
export function pairRatios(runs) {
  const of = (key) => spread(runs.map((r) => r.ours[key] / r.bare[key]));
  return { ms: of('ms'), cpuMs: of('cpuMs'), maxRssMb: of('maxRssMb') };
}

/** The median of one figure over a list of builds. */
export const medianOf = (builds, key) => median(builds.map((b) => b[key]));

/** "1.43× (1.38–1.52×)": a median with its range, or just the value when there is one run. */
export function ratioRange(s) {
  if (!Number.isFinite(s.median)) return '–';
  return s.n > 1 ? `${times(s.median)} (${s.min.toFixed(2)}–${times(s.max)})` : times(s.median);
}

/**
 * Load averages as the report writes them: "load 0.4" (1-minute), and others' CPU use where known; and
 * whether the bench had to delete earlier builds' files just before this one, for lack of disk space
 * (scripts/bench/run.mjs, "Deleting files only after the last build": that slows the build after it).
 */
export function loadNote(run) {
  if (!run) return '';
  const others = Number.isFinite(run.others) ? `, others ${run.others.toFixed(1)} cores` : '';
  const deleted = run.deletedBefore ? `, after deleting earlier builds' files (disk short)` : '';
  return `load ${run.load ?? '?'}${others}${deleted}`;
}

/** Kilobytes (1,024 bytes) with one decimal: "12.3". */
export function kb(bytes) {
  return Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '–';
}

/** Milliseconds, rounded: "12 ms"; seconds from 10 s up: "12.3 s". */
export function duration(ms) {
  if (!Number.isFinite(ms)) return '–';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A ratio with two decimals and a times sign: "1.73×". */
export function times(ratio) {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
}

/** A Markdown table. Cells are escaped so that a "|" in a value cannot break the row. */
export function markdownTable(headers, rows) {
  const cell = (v) => String(v ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** One budget line: PASS, FAIL, or SKIP when the part of the benchmark that measures it did not run. */
function line(budget, limit, measured, pass, note = '') {
  return { budget, limit, measured, status: pass === undefined ? 'SKIP' : pass ? 'PASS' : 'FAIL', note };
}

const has = (v) => v !== undefined && v !== null && !(typeof v === 'number' && Number.isNaN(v));

/**
 * Every budget with its measurement. `m` is what run.mjs collected (see there); any part may be
 * missing (e.g. `--quick` skips 10,000 projects), and its budgets then read SKIP.
 */
export function evaluate(m) {
  const out = [];
  const article = m.pages?.article;
  out.push(
    line(
      'Article page: no JavaScript',
      '0 bytes',
      article ? `${article.js.raw} bytes, ${article.scripts} script elements` : '–',
      article ? article.js.raw === 0 && article.scripts === 0 : undefined,
    ),
  );
  out.push(
    line(
      'Article page: HTML + CSS (gzip)',
      `< ${LIMITS.articleHtmlCssGzKb} KB`,
      article ? `${kb(article.htmlCssGz)} KB` : '–',
      article ? article.htmlCssGz < LIMITS.articleHtmlCssGzKb * 1024 : undefined,
    ),
  );
  const index = m.pages?.index;
  out.push(
    line(
      'Index page: client JavaScript (gzip)',
      `< ${LIMITS.indexJsGzKb} KB`,
      index ? `${kb(index.js.gz)} KB` : '–',
      index ? index.js.gz < LIMITS.indexJsGzKb * 1024 : undefined,
    ),
  );
  const s = m.scale;
  for (const [key, label] of [
    ['filter', 'Index at 10,000: filter, input to updated list (median)'],
    ['search', 'Index at 10,000: search keystroke, input to updated list (median)'],
  ]) {
    const t = s?.[key];
    out.push(
      line(
        label,
        `< ${LIMITS.interactionMs} ms`,
        t ? `${duration(t.median)} (to next paint ${duration(t.paint)}; worst ${duration(t.max)})` : '–',
        t ? t.median < LIMITS.interactionMs : undefined,
      ),
    );
  }
  out.push(
    line(
      'Index at 10,000: the filter index, /projects/filter-index.json (gzip)',
      `≤ ${LIMITS.filterIndexGzKb} KB`,
      s?.filterIndex ? `${kb(s.filterIndex.gz)} KB (${kb(s.filterIndex.raw)} KB raw)` : '–',
      s?.filterIndex ? s.filterIndex.gz <= LIMITS.filterIndexGzKb * 1024 : undefined,
    ),
  );
  const first = s?.firstFilter;
  out.push(
    line(
      'Index at 10,000: first filter (one box: fetches that value\'s first matches), input to the updated list painted, worst of the cold loads',
      `≤ ${LIMITS.firstFilterMs} ms`,
      first ? `median ${duration(first.median)}, worst ${duration(first.max)} over ${first.n} cold loads (script done: median ${duration(first.script)})${wholeNote(first.whole)}; ${loadNote(first)}` : '–',
      first ? first.max <= LIMITS.firstFilterMs : undefined,
    ),
  );
  out.push(
    line(
      'Index at 10,000: a reader without JavaScript reaches every project',
      'all projects on linked static pages',
      s?.reach ? `${s.reach.found} of ${s.reach.total} on ${s.reach.pages} pages; first page ${kb(s.reach.firstPageGz)} KB gzip` : '–',
      s?.reach ? s.reach.found === s.reach.total : undefined,
    ),
  );
  const map = m.mapCode;
  out.push(
    line(
      'Map pages: Leaflet and our map code (gzip)',
      `< ${LIMITS.mapCodeGzKb} KB`,
      map ? `${kb(map.gz)} KB (JS ${kb(map.jsGz)}, CSS ${kb(map.cssGz)})` : '–',
      map ? map.gz < LIMITS.mapCodeGzKb * 1024 : undefined,
    ),
  );
  const lazy = m.mapLazy;
  out.push(
    line(
      'Map pages: no map code and no tile request until "show on the street map" is pressed',
      'nothing before, Leaflet after',
      lazy
        ? lazy.map((l) => `${l.page}: ${l.before ? 'LOADED before the press' : 'nothing before'}, ${l.after ? `drawn ${duration(l.drawnMs)} after it` : 'NOT loaded after it'}`).join('; ')
        : '–',
      lazy ? lazy.length > 0 && lazy.every((l) => !l.before && l.after) : undefined,
    ),
  );
  const district = m.pages?.district;
  out.push(
    line(
      'District page: HTML + CSS with its SVG map (gzip)',
      `< ${LIMITS.districtHtmlCssGzKb} KB`,
      district ? `${kb(district.htmlCssGz)} KB` : '–',
      district ? district.htmlCssGz < LIMITS.districtHtmlCssGzKb * 1024 : undefined,
    ),
  );
  const dl = lazy?.find((l) => l.page === 'district');
  out.push(
    line(
      'District page: JavaScript before the button',
      `0 bytes of map code; the button's own loader < ${LIMITS.loaderGzKb} KB`,
      dl ? `${dl.before ? 'map code or tiles loaded' : '0 bytes of map code, no tile'}; loader ${kb(dl.loaderGz)} KB gzip (${district?.scripts ?? '?'} script)` : '–',
      dl ? !dl.before && dl.loaderGz < LIMITS.loaderGzKb * 1024 : undefined,
    ),
  );
  const maps = m.scale?.maps;
  const street = maps?.filter((x) => x.path === '/districts/' || x.path.startsWith('/districts/'));
  out.push(
    line(
      'Street map at 10,000 projects: drawn after the click (city and district)',
      `< ${LIMITS.streetMapMs} ms`,
      street?.length ? street.map((x) => `${x.label}: ${duration(x.ms)} (${x.features} points, ${x.markers} markers + ${x.clusters} clusters)`).join('; ') : '–',
      street?.length ? street.every((x) => x.ms < LIMITS.streetMapMs) : undefined,
    ),
  );
  out.push(
    line(
      'Static maps at 10,000 projects: overlapping marks grouped, picture stays small',
      `SVG < ${LIMITS.staticSvgKb} KB each`,
      maps?.length ? maps.map((x) => `${x.label}: ${x.staticMarks} marks (${x.groups} grouped), ${kb(x.svgKb * 1024)} KB`).join('; ') : '–',
      maps?.length ? maps.every((x) => x.svgKb < LIMITS.staticSvgKb) : undefined,
    ),
  );
  const lh = m.lighthouse;
  if (lh) {
    const below = Object.entries(lh).flatMap(([page, r]) =>
      Object.entries(r.scores)
        .filter(([, v]) => !(v >= LIMITS.lighthouse))
        .map(([cat, v]) => `${page} ${cat} ${v}${r.reasons[cat]?.length ? ` (${r.reasons[cat].join('; ')})` : ''}`),
    );
    // The budget is read from each page's median run; single runs that scored lower are named beside it.
    const uneven = Object.entries(lh)
      .filter(([, r]) => (r.runs ?? []).some((x) => !(x.performance >= LIMITS.lighthouse)))
      .map(([page, r]) => `${page} ${r.runs.map((x) => x.performance).join(', ')}`);
    const measured = `${below.length ? below.join('; ') : 'all 100'}${uneven.length ? `; performance in single runs: ${uneven.join('; ')}` : ''}`;
    out.push(line(LIGHTHOUSE_BUDGET(m.lighthouseRuns), '100', measured, below.length === 0));
  } else out.push(line(LIGHTHOUSE_BUDGET(m.lighthouseRuns), '100', '–', undefined));

  const b = m.builds;
  for (const [key, what] of [
    ['real', 'Build, real content, first build (fresh clone: nothing cached)'],
    ['rebuild', "Build, real content, a rebuild (Astro's cache and the share images kept from the last build)"],
  ]) {
    const real = b?.[key];
    const realMs = real ? spread(real.runs.map((r) => r.ms)) : undefined;
    out.push(
      line(
        what,
        `< ${LIMITS.realBuildS} s`,
        realMs
          ? `${duration(realMs.median)}${realMs.n > 1 ? ` (median of ${realMs.n}: ${duration(realMs.min)}–${duration(realMs.max)})` : ''}; CPU ${duration(medianOf(real.runs, 'cpuMs'))}, ${Math.round(medianOf(real.runs, 'maxRssMb'))} MB; ${real.runs.map(loadNote).join(' / ')}${real.runs[0]?.flags?.length ? `; Node ${real.runs[0].flags.join(' ')}, as npm run build` : ''}${key === 'real' && b.realBare ? `; a bare Astro build of ${b.realBare.projects} synthetic projects (${b.realBare.pages} pages), beside each: median ${duration(medianOf(b.realBare.runs, 'ms'))} (CPU ${duration(medianOf(b.realBare.runs, 'cpuMs'))})` : ''}`
          : '–',
        realMs ? realMs.median < LIMITS.realBuildS * 1000 : undefined,
      ),
    );
  }
  const small = b?.[1000];
  const large = b?.[10000];
  const both = small && large;
  const ours = (x, key) => medianOf(x.runs.map((r) => r.ours), key);
  const g = both ? { ms: ours(large, 'ms') / ours(small, 'ms'), cpu: ours(large, 'cpuMs') / ours(small, 'cpuMs'), mem: ours(large, 'maxRssMb') / ours(small, 'maxRssMb') } : undefined;
  out.push(
    line(
      'Build 1,000 → 10,000 projects: time grows no worse than linearly',
      `≤ ${LIMITS.growth}×`,
      g ? `${times(g.ms)} (CPU ${times(g.cpu)}; medians)` : '–',
      g ? g.ms <= LIMITS.growth : undefined,
    ),
  );
  out.push(
    line(
      'Build 1,000 → 10,000 projects: memory grows no worse than linearly',
      `≤ ${LIMITS.growth}×`,
      g ? times(g.mem) : '–',
      g ? g.mem <= LIMITS.growth : undefined,
    ),
  );
  const r = large ? pairRatios(large.runs) : undefined;
  const loads = large ? large.runs.map((p) => `${loadNote(p.bare)} → ${loadNote(p.ours)}`).join('; ') : '';
  out.push(
    line(
      `Build at 10,000 projects: time within ${LIMITS.bareRatio}× of a bare Astro build, worst pair included (aim ≤ ${LIMITS.bareRatioAim}×)`,
      `≤ ${LIMITS.bareRatio}×`,
      r ? `median ${ratioRange(r.ms)} over ${r.ms.n} interleaved pairs; CPU ${ratioRange(r.cpuMs)}; ${loads}` : '–',
      r ? r.ms.max <= LIMITS.bareRatio : undefined,
    ),
  );
  out.push(
    line(
      'Build at 10,000 projects: peak memory against a bare Astro build, worst pair included',
      `≤ ${LIMITS.bareMemory}×`,
      r ? `median ${ratioRange(r.maxRssMb)} (${Math.round(ours(large, 'maxRssMb'))} MB against ${Math.round(medianOf(large.runs.map((p) => p.bare), 'maxRssMb'))} MB)` : '–',
      r ? r.maxRssMb.max <= LIMITS.bareMemory : undefined,
    ),
  );
  const suite = m.suite;
  out.push(
    line(
      'npm test, the whole suite (its last run in this checkout)',
      `≤ ${LIMITS.suiteMin} min`,
      suite ? `${(suite.seconds / 60).toFixed(1)} min (${suite.passed} passed, ${suite.failed} failed; load ${suite.load?.[0] ?? '?'} at the start)` : '– (run npm test first)',
      suite ? suite.seconds <= LIMITS.suiteMin * 60 : undefined,
    ),
  );
  return out;
}

/**
 * Where the time of one profiled build of ours and one of the bare site went (scripts/bench/profile.mjs):
 * main-thread CPU per part, and what each part adds to the CPU ratio ours/bare (the column sums to
 * the ratio minus one), then the phases in wall-clock time.
 */
export function breakdown(key, profile) {
  const { ours, bare } = profile;
  // Idle time is not work: it is listed, but left out of the totals and the ratio.
  const busy = (p) => Object.entries(p.ms).reduce((sum, [k, v]) => (k === 'idle' ? sum : sum + v), 0);
  // The profiler samples the main thread by the clock, so under load a part's samples include time it
  // waited for a core. Where the main thread's own CPU time is known, each part gets its share of that.
  const scale = (p) => (p?.run?.mainCpuMs > 0 ? p.run.mainCpuMs / busy(p) : 1);
  const cpu = (p, k) => (p?.ms[k] ?? 0) * scale(p);
  const oursTotal = busy(ours) * scale(ours);
  const bareTotal = bare ? busy(bare) * scale(bare) : NaN;
  const row = (p) => {
    const o = cpu(ours, p.key);
    const b = cpu(bare, p.key);
    const adds = (o - b) / bareTotal;
    return [p.label, duration(o), `${((100 * o) / oursTotal).toFixed(1)}%`, bare ? duration(b) : '–', bare ? `${adds >= 0 ? '+' : ''}${adds.toFixed(2)}` : '–'];
  };
  const shown = PARTS.filter((p) => p.key !== 'idle' && ((ours.ms[p.key] ?? 0) >= 0.5 || (bare?.ms[p.key] ?? 0) >= 0.5));
  const rows = shown.map(row);
  rows.push(['**Total, main thread**', duration(oursTotal), '100%', bare ? duration(bareTotal) : '–', bare ? `${times(oursTotal / bareTotal)} in all` : '–']);
  const idle = PARTS.find((p) => p.key === 'idle');
  rows.push([`${idle.label}, by the clock`, duration(ours.ms.idle ?? 0), '–', bare ? duration(bare.ms.idle ?? 0) : '–', '–']);
  const count = key === 'real' ? 'the real content' : `${Number(key).toLocaleString('en')} projects`;
  const out = [
    `## Where the time goes: ${count}`,
    '',
    `One build of ours and one of the bare site, each under V8's sampling profiler (node --cpu-prof; ${loadNote(ours.run)} → ${loadNote(bare?.run)}), apart from the timed builds above because profiling slows a build. Each sample of the main thread is given to one part (scripts/bench/profile.mjs says how), and each part gets its share of the main thread's CPU time (from /proc; the samples alone would count time spent waiting for a core under load). "Adds to the ratio" is (ours − bare) ÷ bare's total, so the column sums to the main thread's CPU ratio minus one. Work on other threads (Rolldown, the file system's thread pool) is not in these figures; idle time (waiting for them, for files or for the CPU) is listed last, by the clock, and left out of the totals.`,
    '',
    markdownTable(['Part', 'Ours: CPU', 'Share', 'Bare: CPU', 'Adds to the ratio'], rows),
    '',
  ];
  if (ours.phases) {
    const ph = [
      ['Start-up, config and the content check', 'startup'],
      ['Content layer sync', 'contentSync'],
      ['Bundling (server and client)', 'bundling'],
      ['Page generation (rendering and writing every page)', 'generate'],
      ['After generation (sitemap, other build:done hooks)', 'after'],
      ['Whole build', 'total'],
    ].map(([label, k]) => [label, duration(ours.phases[k]), bare?.phases ? duration(bare.phases[k]) : '–']);
    out.push('Phases of the same two builds, wall-clock (from the build hooks and Astro\'s own timer, ASTRO_TIMER_PATH):', '', markdownTable(['Phase', 'Ours', 'Bare'], ph), '');
  }
  return out;
}

/** The kinds of thread measure-build.mjs counts, as the report names them. */
const THREADS = [
  ['main', 'Main thread (Astro, our code)'],
  ['v8', "V8's helpers (garbage collection on other cores, optimising compiler)"],
  ['files', "File system's thread pool (writing the output)"],
  ['workers', 'Worker threads (share images, spreadsheets)'],
  ['bundler', "Rolldown's threads (bundling)"],
  ['other', 'Other threads'],
];

/**
 * CPU time by kind of thread for the largest paired build, median over its timed runs, ours against
 * bare: the main-thread breakdown below cannot see the other threads, and on two cores their work is
 * time the main thread waits for a core.
 */
export function threadTable(builds) {
  const key = ['10000', '1000'].find((k) => builds[k]?.runs?.some((r) => r.ours?.threads && r.bare?.threads));
  if (!key) return [];
  const runs = builds[key].runs.filter((r) => r.ours?.threads && r.bare?.threads);
  const of = (side, kind, field = 'threads') => median(runs.map((r) => r[side][field]?.[kind] ?? 0));
  // The kernel's part, where measure-build.mjs reported it (older reports have no such figures).
  const withKernel = runs.every((r) => r.ours.threadsKernel && r.bare.threadsKernel);
  const kernelCell = (ours, bare) => (withKernel ? [`${duration(ours)} / ${duration(bare)}`] : []);
  const rows = THREADS.filter(([k]) => of('ours', k) >= 50 || of('bare', k) >= 50).map(([k, label]) => [
    label,
    duration(of('ours', k)),
    duration(of('bare', k)),
    of('bare', k) > 0 ? times(of('ours', k) / of('bare', k)) : '–',
    ...kernelCell(of('ours', k, 'threadsKernel'), of('bare', k, 'threadsKernel')),
  ]);
  const total = (side, field = 'threads') => THREADS.reduce((sum, [k]) => sum + of(side, k, field), 0);
  rows.push([
    '**All threads alive at the end**',
    duration(total('ours')),
    duration(total('bare')),
    times(total('ours') / total('bare')),
    ...kernelCell(total('ours', 'threadsKernel'), total('bare', 'threadsKernel')),
  ]);
  return [
    `## CPU by thread: ${Number(key).toLocaleString('en')} projects`,
    '',
    `User + system time of each kind of thread, median of the ${runs.length} timed builds of each side (from /proc; threads that ended before the build did are not counted)${withKernel ? '; the last column is the system part, the kernel working for the thread (writing files, serving page faults)' : ''}. The breakdown below is the main thread's alone.`,
    '',
    markdownTable(['Thread', 'Ours', 'Bare', 'Ours ÷ bare', ...(withKernel ? ['In the kernel, ours / bare'] : [])], rows),
    '',
    ...gcLine(runs),
    ...faultLine(runs),
  ];
}

/**
 * How many pages of memory each side touched for the first time (minor page faults), ours against
 * bare: each is a trip into the kernel, and on the bench's virtual machine one that costs far more than
 * on bare metal (README, "Performance budgets"). Nothing for builds measured before measure-build.mjs
 * counted them.
 */
export function faultLine(runs) {
  const withFaults = runs.filter((r) => Number.isFinite(r.ours?.minorFaults) && Number.isFinite(r.bare?.minorFaults));
  if (!withFaults.length) return [];
  const ours = median(withFaults.map((r) => r.ours.minorFaults));
  const bare = median(withFaults.map((r) => r.bare.minorFaults));
  const pages = (n) => `${Math.round(n / 1000).toLocaleString('en')}k (${(n * 4096 / 2 ** 30).toFixed(1)} GB at 4 KB a page)`;
  return [
    `Pages of memory touched for the first time (minor page faults), median of the ${withFaults.length} timed builds of each side: ours ${pages(ours)}, bare ${pages(bare)}, ${times(ours / bare)}. The kernel serves each one; a huge page counts once for 2 MB.`,
    '',
  ];
}

/**
 * How often the main thread's heap was collected in full, ours against bare, and how many of those
 * collections V8 started because memory outside the heap (until 4 December mostly the pages' bytes)
 * had grown by its 64 MB limit: each marks the whole heap on the helpers' threads (README, "Why a
 * budget is not met"). Nothing for builds measured before measure-build.mjs counted them.
 */
export function gcLine(runs) {
  const withGc = runs.filter((r) => r.ours?.gc && r.bare?.gc);
  if (!withGc.length) return [];
  const of = (side, field) => median(withGc.map((r) => r[side].gc[field]));
  return [
    `Full garbage collections of the main thread's heap, median of the ${withGc.length} timed builds of each side: ours ${of('ours', 'full')}, of which ${of('ours', 'fullExternal')} were started by V8's 64 MB limit on memory outside the heap (before 4 December mostly the pages' bytes on their way to the disk) rather than by the heap's own growth; bare ${of('bare', 'full')}, of which ${of('bare', 'fullExternal')}. Each one marks the whole heap on V8's helper threads.`,
    '',
  ];
}

/** The whole report as Markdown: budgets first, then the measurements behind them. */
export function renderReport(m) {
  const parts = [`# Benchmark, ${m.date}`, ''];
  if (m.machine) {
    parts.push(
      `Machine: ${m.machine.cpus} × ${m.machine.model}, ${m.machine.memGb} GB RAM, Node ${m.machine.node}; load average at the start ${m.machine.load}. Total run ${duration(m.totalMs)}.${m.options?.length ? ` Options: ${m.options.join(' ')}.` : ''}`,
      '',
    );
  }
  parts.push('## Budgets', '', markdownTable(['Budget', 'Limit', 'Measured', 'Result'], evaluate(m).map((l) => [l.budget, l.limit, l.measured, l.status])), '');

  if (m.pages) {
    parts.push(
      '## Page weight (real content)',
      '',
      'Bytes as served (raw) and gzip-compressed (zlib, level 6). CSS and scripts that Astro inlines into the page are counted as CSS and JS, not HTML; "HTML+CSS" is the compressed page with its styles. Map tiles are stubbed and not counted. The first columns are after scrolling to the bottom; "After the press" is after pressing "show on the street map" where a page has a map.',
      '',
      markdownTable(
        ['Page', 'Path', 'HTML raw / gzip KB', 'CSS raw / gzip KB', 'JS raw / gzip KB', 'HTML+CSS gzip KB', 'Requests', 'After the press: JS gzip KB, requests'],
        Object.entries(m.pages).map(([name, p]) => [
          name,
          p.path,
          `${kb(p.html.raw)} / ${kb(p.html.gz)}`,
          `${kb(p.css.raw)} / ${kb(p.css.gz)}`,
          `${kb(p.js.raw)} / ${kb(p.js.gz)}`,
          kb(p.htmlCssGz),
          p.requests,
          p.after ? `${kb(p.after.js.gz)}, ${p.after.requests}` : '–',
        ]),
      ),
      '',
    );
  }
  if (m.lighthouse) {
    parts.push(
      '## Lighthouse (real content, mobile, simulated throttling)',
      '',
      ...(m.lighthouseLoad ? [`Load at the start: ${loadNote(m.lighthouseLoad)}.`, ''] : []),
      ...(m.lighthouseRuns > 1
        ? [`Each page's median run of ${m.lighthouseRuns} (Lighthouse's computeMedianRun), with every run's performance score and Total Blocking Time beside it.`, '']
        : []),
      markdownTable(
        ['Page', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'Below 100 because', 'Performance in each run (TBT)'],
        Object.entries(m.lighthouse).map(([name, r]) => [
          name,
          r.scores.performance,
          r.scores.accessibility,
          r.scores['best-practices'],
          r.scores.seo,
          Object.entries(r.reasons)
            .filter(([, v]) => v.length)
            .map(([k, v]) => `${k}: ${v.join('; ')}`)
            .join(' / ') || '–',
          `${r.runs?.length ? r.runs.map((x) => `${x.performance} (${x.tbtMs} ms${x.median ? ', median' : ''})`).join(', ') : '–'}${r.failed ? `; ${r.failed} run(s) failed` : ''}`,
        ]),
      ),
      '',
    );
  }
  if (m.builds) {
    const rows = [];
    const run = (r) => `${duration(r.ms)} / ${duration(r.cpuMs)} / ${r.maxRssMb}`;
    for (const [key, label] of [
      ['real', `real content (${m.builds.real?.projects ?? '?'} projects), first build`],
      ['rebuild', `real content, rebuild (cache kept)`],
      ['realBare', `bare Astro, ${m.builds.realBare?.projects ?? '?'} synthetic projects (built beside each real first build)`],
      ['1000', '1,000 synthetic projects'],
      ['10000', '10,000 synthetic projects'],
    ]) {
      const b = m.builds[key];
      if (!b) continue;
      b.runs.forEach((r, i) => {
        const pair = r.ours && r.bare;
        rows.push([
          i === 0 ? label : '',
          i === 0 ? (b.pages ?? '–') : '',
          i + 1,
          pair ? run(r.ours) : run(r),
          pair ? run(r.bare) : '–',
          pair ? times(r.ours.ms / r.bare.ms) : '–',
          pair ? times(r.ours.cpuMs / r.bare.cpuMs) : '–',
          pair ? times(r.ours.maxRssMb / r.bare.maxRssMb) : '–',
          pair ? `${r.first === 'ours' ? 'ours first' : 'bare first'}; ${loadNote(r.bare)} → ${loadNote(r.ours)}` : loadNote(r),
        ]);
      });
    }
    parts.push(
      '## Build',
      '',
      'Cold builds (fresh cache, an output folder no build has used), one at a time; the bench deletes the builds\' files only after its last build, since on a file system like this machine\'s (ext4 without a journal) creating files is slow for minutes after many were deleted (scripts/bench/run.mjs). "Bare" is a minimal Astro project over the same Markdown files rendering the same number of project pages (3 languages × N, plus 3 indexes). Ours and bare are built in interleaved pairs, alternating which goes first (bare, ours, ours, bare …), so that a change in the machine\'s load falls on both; each ratio is within its pair. Both sides run with the allocator setting `npm run build` uses (GLIBC_TUNABLES, scripts/build-flags.mjs), a setting of the machine rather than of the code; ours also with its Node flags (`--max-opt=2` up to 1,000 projects). Time is wall-clock from process start; CPU is user + system of the build process; "load" is the 1-minute load average when the build started, and "others" the CPU the rest of the machine used during it, in cores (from /proc/stat).',
      '',
      markdownTable(['Content', 'Our pages', 'Run', 'Ours: time / CPU / peak MB', 'Bare: time / CPU / peak MB', 'Time ours/bare', 'CPU ours/bare', 'Memory ours/bare', 'Load'], rows),
      '',
    );
    parts.push(...threadTable(m.builds));
    const profiled = Object.entries(m.builds).filter(([, b]) => b.profile?.ours);
    for (const [key, b] of profiled) parts.push(...breakdown(key, b.profile));
  }
  if (m.scale) {
    const s = m.scale;
    const rows = [];
    if (s.index) rows.push(['Index page /projects/ (first of the static pages)', `HTML ${kb(s.index.html.raw)} KB raw, ${kb(s.index.html.gz)} KB gzip; JS ${kb(s.index.js.gz)} KB gzip; ${s.index.requests} requests`]);
    if (s.filterIndex) rows.push(['Filter index /projects/filter-index.json (fetched for a first search or a first filter of more than one box, and after any first filter)', `${kb(s.filterIndex.raw)} KB raw, ${kb(s.filterIndex.gz)} KB gzip`]);
    if (s.firstFile) rows.push(['First matches of one value, /projects/filter/category/social.json (fetched on a first filter of one box)', `${kb(s.firstFile.raw)} KB raw, ${kb(s.firstFile.gz)} KB gzip`]);
    for (const [f, what] of [
      [s.firstFilter, (n) => `First filter, one box, ${n} cold loads (fresh browser context; fetches and reads that value's first matches)`],
      [s.firstSearch, (n) => `First search, ${n} cold loads (fresh browser context; fetches and reads the whole filter index; no budget)`],
    ]) {
      if (!f) continue;
      rows.push([
        what(f.n),
        `to the updated list painted: ${f.runs.map((x) => duration(x)).join(', ')} (median ${duration(f.median)}, worst ${duration(f.max)}); script done median ${duration(f.script)}${wholeNote(f.whole)}; ${loadNote(f)}`,
      ]);
    }
    if (s.filter) rows.push([`Filter, ${s.filter.runs.length} changes`, `median ${duration(s.filter.median)}, worst ${duration(s.filter.max)}; to next paint median ${duration(s.filter.paint)}${wholeMedian(s.filter.whole)}`]);
    if (s.search) rows.push([`Search, ${s.search.runs.length} keystrokes`, `median ${duration(s.search.median)}, worst ${duration(s.search.max)}; to next paint median ${duration(s.search.paint)}${wholeMedian(s.search.whole)}`]);
    for (const map of s.maps ?? []) {
      rows.push([
        `${map.label} ${map.path}`,
        `static SVG: ${map.staticMarks} marks (${map.groups} grouped), ${kb(map.svgKb * 1024)} KB; street map: ${map.features} points → ${map.markers} markers and ${map.clusters} clusters drawn ${duration(map.ms)} after the ${map.from}; ${map.tilesBefore} tiles before it; page HTML ${kb(map.htmlGz)} KB gzip`,
      ]);
    }
    parts.push('## At 10,000 projects (Chromium)', '', `Load at the start: ${loadNote(s)}.`, '', markdownTable(['What', 'Measured'], rows), '');
  }
  if (m.suite) {
    const s = m.suite;
    parts.push(
      '## Test suite (the last `npm test` in this checkout)',
      '',
      `Run ${s.date ?? '?'}${s.commit ? ` on commit ${s.commit}` : ''}: ${(s.seconds / 60).toFixed(1)} min in all, load average ${s.load?.join(' / ') ?? '?'} at the start.${s.e2e ? ` Browser tests: ${s.e2e.tests} in ${duration(s.e2e.ms)} on ${s.e2e.workers} workers.` : ''}${s.unit ? ` Unit tests: ${s.unit.tests} in ${duration(s.unit.ms)}.` : ''} Gates in the two middle lanes run side by side, so their times overlap.`,
      '',
      markdownTable(['Gate', 'Time', 'Result'], s.gates.map((g) => [g.name, duration(g.seconds * 1000), g.ok ? 'ok' : 'FAILED'])),
      '',
      'The ten slowest tests:',
      '',
      markdownTable(['Test', 'File', 'Time'], s.slowest.map((t) => [t.title, t.file, duration(t.ms)])),
      '',
    );
  }
  return parts.join('\n');
}
