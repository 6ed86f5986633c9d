import { describe, expect, test } from 'vitest';
import { breakdown, duration, evaluate, faultLine, gcLine, kb, loadNote, markdownTable, median, pairRatios, ratioRange, renderReport, splitDocument, spread, threadTable, times } from '../../scripts/bench/report.mjs';
import { summariseSuite } from '../../scripts/bench/suite.mjs';

type Line = { budget: string; status: string; measured: string };

/** Measurements that meet every budget; each case below changes one figure. */
function passing() {
  const w = (raw: number, gz: number) => ({ raw, gz });
  const page = (js: number) => ({ path: '/', html: w(10_000, 3000), css: w(5000, 1500), js: w(js * 3, js), other: w(0, 0), requests: 2, scripts: js ? 1 : 0, htmlCssGz: 4500 });
  const build = (ms: number, mb: number) => ({ ms, cpuMs: ms, maxRssMb: mb, load: '0.5', others: 0.1 });
  const pair = (ours: number, bare: number, oursMb: number, bareMb: number) => ({ first: 'bare', ours: build(ours, oursMb), bare: build(bare, bareMb) });
  return {
    date: '2026-11-25 12:00 UTC',
    pages: { article: page(0), index: page(4800), district: { ...page(500), htmlCssGz: 12_000 } },
    mapCode: { gz: 58_000, jsGz: 55_000, cssGz: 3000 },
    mapLazy: [{ page: 'district', before: false, tilesBefore: 0, loaderGz: 500, after: true, drawnMs: 120 }],
    lighthouse: { article: { scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 }, reasons: {} } },
    builds: {
      real: { runs: [build(4000, 600), build(4200, 600), build(4900, 610)], projects: 46, pages: 201 },
      rebuild: { runs: [build(3000, 600), build(3100, 600), build(3200, 610)], projects: 46, pages: 201 },
      1000: { runs: [pair(12_000, 5000, 900, 600), pair(12_500, 5000, 900, 600)], pages: 3090 },
      10000: { runs: [pair(70_000, 50_000, 1500, 1200), pair(90_000, 50_000, 1500, 1200)], pages: 30400 },
    },
    scale: {
      load: '0.5',
      reach: { found: 10_000, total: 10_000, pages: 100, firstPageGz: 20_000 },
      filterIndex: { raw: 400_000, gz: 60_000 },
      firstFilter: { runs: [120, 130, 190], median: 130, min: 120, max: 190, n: 3, script: 100, load: '0.5' },
      filter: { runs: [3, 4, 5], median: 4, max: 5, paint: 20 },
      search: { runs: [3, 4, 5], median: 4, max: 5, paint: 20 },
      maps: [
        { label: 'District map', path: '/districts/medeu/', features: 1250, markers: 40, clusters: 30, ms: 180, staticMarks: 120, groups: 60, svgKb: 20, tilesBefore: 0, from: 'click', htmlGz: 90_000 },
        { label: 'City map', path: '/districts/', features: 3300, markers: 10, clusters: 40, ms: 320, staticMarks: 240, groups: 200, svgKb: 30, tilesBefore: 0, from: 'click', htmlGz: 200_000 },
      ],
    },
    suite: {
      date: '2026-11-25T11:00:00Z',
      seconds: 420,
      load: ['1.00', '0.50', '0.20'],
      passed: 700,
      failed: 0,
      gates: [{ name: 'e2e', seconds: 180, ok: true }],
      slowest: [{ kind: 'e2e', file: 'tests/e2e/x.spec.ts', title: 'slow', ms: 9000 }],
    },
  };
}
const statusOf = (m: object, budget: RegExp) => (evaluate(m) as Line[]).find((l) => budget.test(l.budget))?.status;

describe('evaluate', () => {
  test('every budget passes on figures that meet them', () => {
    expect((evaluate(passing()) as Line[]).filter((l) => l.status !== 'PASS').map((l) => l.budget)).toEqual([]);
  });

  test.each([
    // One script on the article page is a failure, however small.
    ['article JS', /no JavaScript/, (m: ReturnType<typeof passing>) => (m.pages.article = { ...m.pages.article, js: { raw: 10, gz: 10 }, scripts: 1 })],
    // 30 KB is the limit itself, not under it.
    ['article weight', /Article page: HTML/, (m: ReturnType<typeof passing>) => (m.pages.article.htmlCssGz = 30 * 1024)],
    // Index JavaScript over 10 KB.
    ['index JS', /Index page: client/, (m: ReturnType<typeof passing>) => (m.pages.index.js.gz = 10 * 1024 + 1)],
    // A slow filter at 10,000 projects.
    ['filter', /filter, input/, (m: ReturnType<typeof passing>) => (m.scale.filter.median = 51)],
    // A project that no static page lists.
    ['reach', /without JavaScript/, (m: ReturnType<typeof passing>) => (m.scale.reach.found = 9999)],
    // Map code over 60 KB.
    ['map size', /Leaflet and our map code/, (m: ReturnType<typeof passing>) => (m.mapCode.gz = 61 * 1024)],
    // Leaflet or a tile loaded before the reader pressed the button.
    ['map on request', /until "show on the street map"/, (m: ReturnType<typeof passing>) => (m.mapLazy[0]!.before = true)],
    // The district page over 30 KB with its SVG.
    ['district weight', /District page: HTML/, (m: ReturnType<typeof passing>) => (m.pages.district.htmlCssGz = 30 * 1024)],
    // A loader that grew into map code.
    ['loader', /JavaScript before the button/, (m: ReturnType<typeof passing>) => (m.mapLazy[0]!.loaderGz = 2049)],
    // The city street map slower than 500 ms at 10,000 projects.
    ['street map time', /drawn after the click/, (m: ReturnType<typeof passing>) => (m.scale.maps[1]!.ms = 501)],
    // A static map that did not group its marks.
    ['static map size', /picture stays small/, (m: ReturnType<typeof passing>) => (m.scale.maps[0]!.svgKb = 400)],
    // A Lighthouse category below 100.
    ['lighthouse', /Lighthouse/, (m: ReturnType<typeof passing>) => (m.lighthouse.article.scores.performance = 99)],
    // The real build's median at 5 s: the limit itself, not under it.
    ['real build', /real content, first build/, (m: ReturnType<typeof passing>) => m.builds.real.runs.forEach((r) => (r.ms = 5000))],
    ['real rebuild', /real content, a rebuild/, (m: ReturnType<typeof passing>) => m.builds.rebuild.runs.forEach((r) => (r.ms = 5000))],
    // Worse than linear: 1,000 → 10,000 more than ten times slower (medians).
    ['growth', /time grows/, (m: ReturnType<typeof passing>) => m.builds[10000].runs.forEach((r) => (r.ours.ms = 123_000))],
    // One pair over 2× fails, although the median is under it: the worst run counts.
    ['worst pair', /time within 2×/, (m: ReturnType<typeof passing>) => (m.builds[10000].runs[1]!.ours.ms = 100_001)],
    // Peak memory over 1.5× the bare build's in one pair.
    ['bare memory', /peak memory/, (m: ReturnType<typeof passing>) => (m.builds[10000].runs[0]!.ours.maxRssMb = 1801)],
    // A filter index over 80 KB compressed.
    ['filter index', /filter index, \/projects/, (m: ReturnType<typeof passing>) => (m.scale.filterIndex.gz = 80 * 1024 + 1)],
    // One cold first filter over 200 ms, though the median is fine.
    ['first filter', /first filter/, (m: ReturnType<typeof passing>) => (m.scale.firstFilter.max = 201)],
    // npm test over ten minutes.
    ['suite time', /npm test/, (m: ReturnType<typeof passing>) => (m.suite.seconds = 601)],
  ])('fails on %s', (_, budget, change) => {
    const m = passing();
    change(m);
    expect(statusOf(m, budget)).toBe('FAIL');
  });

  test('says SKIP for the parts that did not run (--quick, --no-lighthouse)', () => {
    const m: Partial<ReturnType<typeof passing>> = passing();
    delete m.scale;
    delete m.lighthouse;
    m.builds = { real: m.builds!.real, rebuild: m.builds!.rebuild, 1000: m.builds![1000] } as ReturnType<typeof passing>['builds'];
    const skipped = (evaluate(m) as Line[]).filter((l) => l.status === 'SKIP').map((l) => l.budget);
    // Eight from before issue 12, the street-map and static-map figures and the filter index's size and
    // first filter, all taken at 10,000 projects.
    expect(skipped).toHaveLength(12);
    expect(skipped.some((b) => /Lighthouse/.test(b))).toBe(true);
  });

  test('names the Lighthouse category and the audits that cost points', () => {
    const m = passing();
    m.lighthouse.article = { scores: { performance: 100, accessibility: 100, 'best-practices': 96, seo: 100 }, reasons: { 'best-practices': ['Browser errors were logged to the console'] } } as typeof m.lighthouse.article;
    expect((evaluate(m) as Line[]).find((l) => /Lighthouse/.test(l.budget))?.measured).toBe('article best-practices 96 (Browser errors were logged to the console)');
  });

  test("reads Lighthouse from each page's median run and names the single runs that scored lower", () => {
    const m = passing() as ReturnType<typeof passing> & { lighthouseRuns?: number };
    m.lighthouseRuns = 3;
    const runs = [
      { performance: 98, tbtMs: 160, median: false },
      { performance: 100, tbtMs: 40, median: true },
      { performance: 100, tbtMs: 30, median: false },
    ];
    m.lighthouse.article = { ...m.lighthouse.article, runs } as typeof m.lighthouse.article;
    const line = (evaluate(m) as Line[]).find((l) => /Lighthouse/.test(l.budget))!;
    expect(line.budget).toMatch(/median run of 3/);
    expect(line.status).toBe('PASS');
    expect(line.measured).toBe('all 100; performance in single runs: article 98, 100, 100');
    // The median run below 100 fails, whatever the other runs scored.
    m.lighthouse.article = { scores: { ...m.lighthouse.article.scores, performance: 99 }, reasons: { performance: ['Total Blocking Time 120 ms'] }, runs } as typeof m.lighthouse.article;
    expect(statusOf(m, /Lighthouse/)).toBe('FAIL');
    // The report's table shows every run, and which one was the median.
    expect(renderReport(m)).toContain('98 (160 ms), 100 (40 ms, median), 100 (30 ms) |');
    // A run that did not finish is counted, not dropped without a word.
    m.lighthouse.article = { ...m.lighthouse.article, failed: 1 } as typeof m.lighthouse.article;
    expect(renderReport(m)).toContain('100 (30 ms); 1 run(s) failed');
  });
});

describe('helpers', () => {
  test.each([
    // Odd count: the middle one.
    [[5, 1, 3], 3],
    // Even count: the mean of the two middle ones.
    [[4, 1, 3, 2], 2.5],
    // Values that are not numbers are left out.
    [[NaN, 2], 2],
    // Nothing to take the middle of.
    [[], NaN],
  ])('median(%j) = %s', (values, expected) => {
    expect(median(values)).toEqual(expected);
  });

  test.each([
    // Kilobytes with one decimal.
    [() => kb(1536), '1.5'],
    // Short times in milliseconds, long ones in seconds.
    [() => duration(4.4), '4 ms'],
    [() => duration(12_345), '12.3 s'],
    // Ratios with two decimals.
    [() => times(1.734), '1.73×'],
    // A missing figure is a dash, not "NaN".
    [() => kb(NaN), '–'],
  ])('%#: formats as %s', (format, expected) => {
    expect(format()).toBe(expected);
  });

  test.each([
    // Median, lowest and highest, with how many values there were.
    [[3, 1, 2], { median: 2, min: 1, max: 3, n: 3 }],
    // A failed measurement (NaN) is left out rather than poisoning the range.
    [[NaN, 4], { median: 4, min: 4, max: 4, n: 1 }],
  ])('spread(%j)', (values, expected) => {
    expect(spread(values)).toEqual(expected);
  });

  test('pairRatios divides ours by bare within each pair, never across pairs', () => {
    const b = (ms: number) => ({ ms, cpuMs: ms * 2, maxRssMb: ms / 10 });
    // The second pair ran under load: both sides are slower, and its ratio stays honest.
    const r = pairRatios([
      { ours: b(30), bare: b(20) },
      { ours: b(90), bare: b(50) },
    ]);
    expect(r.ms).toEqual({ median: 1.65, min: 1.5, max: 1.8, n: 2 });
    expect(r.cpuMs.max).toBeCloseTo(1.8);
    expect(ratioRange(r.ms)).toBe('1.65× (1.50–1.80×)');
    expect(ratioRange(spread([1.2]))).toBe('1.20×');
  });

  test('the breakdown lists each part with what it adds to the ratio, and the sum is the ratio', () => {
    const ours = { ms: { validation: 2000, content: 3000, render: 4000, gc: 1000, idle: 700 }, run: { load: '0.3' } };
    const bare = { ms: { content: 2500, render: 1500, gc: 1000, idle: 9000 }, run: { load: '0.2' } };
    const md = breakdown('10000', { ours, bare }).join('\n');
    // Validation: 2 s of ours, none of bare, over bare's 5 s: +0.40.
    expect(md).toMatch(/\| Content check before the build[^|]*\| 2000 ms \| 20\.0% \| 0 ms \| \+0\.40 \|/);
    // Idle time is listed, and left out of the totals.
    expect(md).toContain('| **Total, main thread** | 10.0 s | 100% | 5000 ms | 2.00× in all |');
    expect(md).toMatch(/\| Idle[^|]*\| 700 ms \| – \| 9000 ms \| – \|/);
  });

  test('the breakdown shares out the main thread\'s CPU time when it is known (samples count waiting under load)', () => {
    // Ours was sampled 10 s busy but used 5 s of CPU: each part gets half its samples' time.
    const ours = { ms: { render: 8000, gc: 2000 }, run: { mainCpuMs: 5000 } };
    const bare = { ms: { render: 2500 }, run: { mainCpuMs: 2500 } };
    const md = breakdown('10000', { ours, bare }).join('\n');
    expect(md).toMatch(/\| Astro's page rendering[^|]*\| 4000 ms \| 80\.0% \| 2500 ms \| \+0\.60 \|/);
    expect(md).toContain('| **Total, main thread** | 5000 ms | 100% | 2500 ms | 2.00× in all |');
  });

  test('the thread table gives the median of each kind of thread, ours against bare, over the timed pairs', () => {
    const threads = (main: number, v8: number, files: number) => ({ main, v8, files, workers: 0, bundler: 0, other: 0 });
    const run = (ms: number, t: ReturnType<typeof threads>) => ({ ms, cpuMs: ms, maxRssMb: 1, threads: t });
    const runs = [
      { ours: run(50_000, threads(40_000, 18_000, 12_000)), bare: run(25_000, threads(17_000, 2000, 4000)) },
      { ours: run(55_000, threads(42_000, 20_000, 4000)), bare: run(27_000, threads(18_000, 3000, 5000)) },
      { ours: run(60_000, threads(44_000, 22_000, 8000)), bare: run(30_000, threads(19_000, 4000, 6000)) },
    ];
    const md = threadTable({ 10000: { runs } }).join('\n');
    expect(md).toContain('## CPU by thread: 10,000 projects');
    expect(md).toMatch(/\| Main thread[^|]*\| 42\.0 s \| 18\.0 s \| 2\.33× \|/);
    expect(md).toMatch(/\| V8's helpers[^|]*\| 20\.0 s \| 3000 ms \| 6\.67× \|/);
    expect(md).toMatch(/\| File system's thread pool[^|]*\| 8000 ms \| 5000 ms \| 1\.60× \|/);
    // Kinds with no time on either side are left out; the total is of the medians.
    expect(md).not.toContain('Worker threads');
    expect(md).toContain('| **All threads alive at the end** | 70.0 s | 26.0 s | 2.69× |');
    // Builds measured without thread figures (another OS) give no table.
    expect(threadTable({ 10000: { runs: [{ ours: { ms: 1 }, bare: { ms: 1 } }] } })).toEqual([]);
    // Builds measured before the collections were counted: the table, and no line about them.
    expect(md).not.toContain('Full garbage collections');
  });

  test('the thread table says how often each heap was collected in full, and how many of those memory outside the heap started', () => {
    const threads = { main: 1000, v8: 500, files: 0, workers: 0, bundler: 0, other: 0 };
    const run = (full: number, fullExternal: number) => ({ ms: 1000, cpuMs: 1000, maxRssMb: 1, threads, gc: { full, fullExternal } });
    const runs = [
      { ours: run(35, 25), bare: run(5, 0) },
      { ours: run(33, 24), bare: run(6, 1) },
      { ours: run(30, 20), bare: run(5, 0) },
    ];
    const md = threadTable({ 10000: { runs } }).join('\n');
    expect(md).toContain('median of the 3 timed builds of each side: ours 33, of which 24 were started by');
    expect(md).toContain('bare 5, of which 0.');
    expect(gcLine([{ ours: run(1, 0), bare: {} }])).toEqual([]);
  });

  test("the thread table gives the kernel's part of each kind of thread, and the pages each side touched, where the builds reported them", () => {
    const threads = (main: number, files: number) => ({ main, v8: 0, files, workers: 0, bundler: 0, other: 0 });
    const run = (main: number, files: number, mainKernel: number, filesKernel: number, minorFaults: number) => ({
      ms: 1000,
      cpuMs: 1000,
      maxRssMb: 1,
      threads: threads(main, files),
      threadsKernel: threads(mainKernel, filesKernel),
      minorFaults,
    });
    const runs = [
      { ours: run(50_000, 4000, 8000, 3900, 600_000), bare: run(22_000, 5000, 5500, 4800, 400_000) },
      { ours: run(52_000, 12_000, 9000, 11_500, 620_000), bare: run(23_000, 10_000, 5700, 9600, 410_000) },
    ];
    const md = threadTable({ 10000: { runs } }).join('\n');
    expect(md).toContain('| Thread | Ours | Bare | Ours ÷ bare | In the kernel, ours / bare |');
    // Medians of two: the kernel's part is the median of its own figures, as the totals are.
    expect(md).toMatch(/\| Main thread[^|]*\| 51\.0 s \| 22\.5 s \| 2\.27× \| 8500 ms \/ 5600 ms \|/);
    expect(md).toMatch(/\| File system's thread pool[^|]*\| 8000 ms \| 7500 ms \| 1\.07× \| 7700 ms \/ 7200 ms \|/);
    expect(md).toContain('| **All threads alive at the end** | 59.0 s | 30.0 s | 1.97× | 16.2 s / 12.8 s |');
    expect(md).toContain('minor page faults), median of the 2 timed builds of each side: ours 610k (2.3 GB at 4 KB a page), bare 405k (1.5 GB at 4 KB a page), 1.51×.');
    // One side without the figures (an older report): no column and no line.
    const older = runs.map((r) => ({ ours: r.ours, bare: { ...r.bare, threadsKernel: undefined, minorFaults: undefined } }));
    const oldMd = threadTable({ 10000: { runs: older } }).join('\n');
    expect(oldMd).toContain('| Thread | Ours | Bare | Ours ÷ bare |\n');
    expect(oldMd).not.toContain('page faults');
    expect(faultLine([])).toEqual([]);
  });

  test('markdownTable escapes pipes so a value cannot break the row', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 1]])).toBe('| a | b |\n| --- | --- |\n| x\\|y | 1 |');
  });

  test.each([
    // An inlined module script counts as JavaScript, a <style> as CSS.
    ['<p>x</p><style>a{b:c}</style><script type="module">run()</script>', { html: '<p>x</p>', css: 'a{b:c}', js: 'run()', scripts: 1 }],
    // JSON-LD is data, not a script: it stays in the HTML.
    ['<script type="application/ld+json">{"a":1}</script>', { html: '<script type="application/ld+json">{"a":1}</script>', css: '', js: '', scripts: 0 }],
    // An external script is an element without inline code.
    ['<script type="module" src="/a.js"></script>', { html: '', css: '', js: '', scripts: 1 }],
  ])('splitDocument(%s)', (html, expected) => {
    expect(splitDocument(html)).toEqual(expected);
  });

  test('the report has the budgets table, the build table and the slowest tests', () => {
    const md = renderReport(passing()) as string;
    expect(md).toContain('| Article page: no JavaScript | 0 bytes |');
    expect(md).toContain('| 10,000 synthetic projects | 30400 | 1 | 70.0 s / 70.0 s / 1500 | 50.0 s / 50.0 s / 1200 | 1.40× |');
    expect(md).toContain('| slow | tests/e2e/x.spec.ts | 9000 ms |');
  });

  test('a build after which the bench had to delete earlier builds\' files (disk short) says so beside its load', () => {
    expect(loadNote({ load: '0.5', others: 0.1 })).toBe('load 0.5, others 0.1 cores');
    expect(loadNote({ load: '0.5', others: 0.1, deletedBefore: 3 })).toBe("load 0.5, others 0.1 cores, after deleting earlier builds' files (disk short)");
    const m = passing();
    const second = m.builds[10000].runs[1]!;
    second.ours = { ...second.ours, deletedBefore: 2 } as typeof second.ours;
    expect(renderReport(m)).toContain("load 0.5, others 0.1 cores, after deleting earlier builds' files (disk short)");
  });

  test('the first filter reports the whole batch beside its first matches, where a run measured it', () => {
    const m = passing();
    expect(renderReport(m)).not.toContain('the whole batch painted');
    m.scale.firstFilter = { ...m.scale.firstFilter, whole: { median: 160, min: 140, max: 230, n: 3 } } as typeof m.scale.firstFilter;
    const md = renderReport(m) as string;
    expect(md).toContain('the whole batch painted (its first matches are drawn first, the rest in the next task): median 160 ms, worst 230 ms');
    // The budget is the list as the reader first sees it: the whole batch's 230 ms does not fail it.
    expect(statusOf(m, /first filter/)).toBe('PASS');
  });
});

describe('summariseSuite', () => {
  const playwright = {
    config: { metadata: { actualWorkers: 2 } },
    stats: { duration: 120_000 },
    suites: [
      {
        title: 'a.spec.ts',
        file: 'a.spec.ts',
        specs: [{ title: 'fast', file: 'a.spec.ts', tests: [{ results: [{ duration: 100, status: 'passed' }] }] }],
        suites: [{ title: 'a group', file: 'a.spec.ts', specs: [{ title: 'slow', file: 'a.spec.ts', tests: [{ results: [{ duration: 5000, status: 'passed' }] }] }] }],
      },
    ],
  };
  const vitest = {
    startTime: 1000,
    testResults: [{ name: '/repo/tests/unit/u.test.ts', endTime: 3000, assertionResults: [{ fullName: 'u works', duration: 300, status: 'passed' }] }],
  };
  const testAll = { date: 'd', seconds: 300, loadAtStart: ['1.00'], passed: 3, failed: 0, gates: [] };

  test('ranks browser and unit tests together, slowest first, with their describe titles', () => {
    const s = summariseSuite({ testAll, playwright, vitest, root: '/repo' })!;
    expect(s.slowest.map((t: { title: string; file: string }) => `${t.file}: ${t.title}`)).toEqual([
      'tests/e2e/a.spec.ts: a group › slow',
      'tests/unit/u.test.ts: u works',
      'tests/e2e/a.spec.ts: fast',
    ]);
    expect(s.e2e).toEqual({ tests: 2, ms: 120_000, workers: 2 });
    expect(s.unit).toEqual({ tests: 1, ms: 2000 });
  });

  test('is undefined when npm test has not run here', () => {
    expect(summariseSuite({})).toBeUndefined();
  });
});
