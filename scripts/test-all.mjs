// `npm test`: every check the project has, on a fresh clone. Each gate runs even when an earlier one
// failed (except that the checks of a built site need that build), and the last line is the summary CI
// reads: "N passed, N failed". Each gate's time is printed at the end and written, with the load
// average, to reports/test-all.json (which `npm run bench` reads).
//
// Order: content, types and the build run one after the other. Then two lanes run side by side, each
// one process at a time, so that the two cores are both busy without more processes than cores: the
// unit tests and the checks of dist/, beside the three other builds (hostile, paged, base path) and their
// checks.
// The browser tests come last, alone, with one worker per core.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChrome } from './browser.mjs';
import { writeSyntheticContent } from './bench/synthetic.mjs';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
mkdirSync('reports', { recursive: true });

const started = performance.now();
const load = () => loadavg().map((l) => l.toFixed(2));
let passed = 0;
let failed = 0;
const failures = [];
/** Each gate's name, command, seconds and result, in the order they finished. */
const times = [];

/**
 * Runs one command. With `quiet`, its output is held back and printed in one piece when it ends, so
 * that two lanes running side by side do not interleave their lines.
 */
function run(name, cmd, args, { env = {}, quiet = false } = {}) {
  const line = `\n━━ ${name}: ${[cmd, ...args].join(' ')}`;
  if (!quiet) console.log(line);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    const out = [];
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr?.on('data', (d) => out.push(d));
    child.on('error', (e) => out.push(Buffer.from(String(e))));
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (quiet) process.stdout.write(`${line}\n${Buffer.concat(out).toString()}`);
      console.log(`   ${name}: ${code === 0 ? 'ok' : `exit ${code}`} in ${seconds.toFixed(1)} s (load ${load()[0]})`);
      times.push({ name, command: [cmd, ...args].join(' '), seconds: Number(seconds.toFixed(1)), ok: code === 0 });
      resolve(code === 0);
    });
  });
}

/** A gate that is one check: counts as one test. */
async function gate(name, cmd, args, options) {
  const ok = await run(name, cmd, args, options);
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return ok;
}

/** A test suite whose JSON report gives the per-test counts. */
async function suite(name, cmd, args, report, count, options) {
  const ok = await run(name, cmd, args, options);
  let [p, f] = [0, 0];
  try {
    if (existsSync(report)) [p, f] = count(JSON.parse(readFileSync(report, 'utf8')));
  } catch {
    /* an unreadable report is treated like a crashed runner below */
  }
  // A runner that exits non-zero without reporting a failed test (a crash, a config error, no tests
  // at all) still fails the run, as one failure.
  if (!ok && f === 0) f = 1;
  if (ok && p === 0) f += 1;
  passed += p;
  failed += f;
  if (f > 0) failures.push(`${name} (${f} failed)`);
}

/** A gate that cannot run because what it checks was not built: one failure. */
function notRun(name, why) {
  failed += 1;
  failures.push(`${name} (not run: ${why})`);
}

const npx = 'npx';
const loadAtStart = load();
await gate('content', 'npm', ['run', '--silent', 'check:content']);
await gate('types', npx, ['astro', 'check', '--minimumFailingSeverity', 'error']);
// Every build here goes through `npm run build`'s script (scripts/build.mjs), with its Node flags.
const build = (...args) => ['scripts/build.mjs', '--silent', ...args];
const built = await gate('build', 'node', build());

/** The unit tests: in lane 1 after a build, alone when the build failed. */
const unitSuite = () =>
  suite('unit', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/vitest.json'], 'reports/vitest.json', (j) => [
    j.numPassedTests,
    j.numFailedTests,
  ]);

// Lane 1: the unit tests and the static checks of dist/.
async function laneDist() {
  await unitSuite();
  await gate('html', npx, ['html-validate', 'dist/**/*.html']);
  await gate('links', 'node', ['scripts/check-links.mjs', 'dist']);
}

// Lane 2: the three other sites the browser tests need, built from the same code. Its output is printed
// when it ends. Each has a cache folder of its own, so none touches the real content's cache.
const others = { hostile: false, paged: false, base: false };
async function laneOtherBuilds() {
  // Hostile fixture content, for the safety tests (tests/e2e/safety.spec.ts).
  others.hostile = await gate('hostile build', 'node', build('--outDir', 'dist-hostile'), {
    quiet: true,
    env: { CONTENT_DIR: 'tests/fixtures/content/hostile', ASTRO_CACHE_DIR: 'node_modules/.astro-hostile' },
  });
  // The real content once more with pages of ten projects, for the paged index's tests
  // (tests/e2e/index-paged.spec.ts): the code a list of thousands runs, on a list we can check.
  others.paged = await gate('paged build', 'node', build('--outDir', 'dist-paged'), {
    quiet: true,
    env: { INDEX_PAGE_SIZE: '10', ASTRO_CACHE_DIR: 'node_modules/.astro-paged' },
  });
  if (others.paged) {
    await gate('html (paged)', npx, ['html-validate', 'dist-paged/projects/**/*.html', 'dist-paged/*/projects/**/*.html'], { quiet: true });
  }
  // The site under a sub-path, as a newsroom hosts it (BASE_PATH), with 1,000 synthetic projects
  // written outside content/ (scripts/bench/synthetic.mjs), so that the index is paged at its real
  // page size: the link check and tests/e2e/base-path.spec.ts then catch any link, asset, feed or
  // fetch that ignores the base, and "download this view" is tested at 1,000 projects.
  const synthetic = join(tmpdir(), 'almaty-projects-synthetic-1000');
  rmSync(synthetic, { recursive: true, force: true });
  await writeSyntheticContent(synthetic, 1000);
  const base = { BASE_PATH: '/almaty-projects/' };
  others.base = await gate('base-path build', 'node', build('--outDir', 'dist-base'), {
    quiet: true,
    env: { ...base, CONTENT_DIR: synthetic, ASTRO_CACHE_DIR: 'node_modules/.astro-base' },
  });
  if (others.base) await gate('links (base path)', 'node', ['scripts/check-links.mjs', 'dist-base'], { quiet: true, env: base });
}

if (built) {
  await Promise.all([laneDist(), laneOtherBuilds()]);
  // What content can change on a page, on every page of every build (scripts/check-pages.mjs). The
  // hostile build's text is made to break markup, not to be in the language its field claims, so the
  // language rule is left out there.
  await gate('pages', 'node', ['scripts/check-pages.mjs', 'dist', ...(others.paged ? ['dist-paged'] : [])]);
  if (others.hostile) await gate('pages (hostile)', 'node', ['scripts/check-pages.mjs', '--skip=lang', 'dist-hostile']);
  if (!findChrome()) {
    console.log('No system Chromium or Chrome found (set CHROME_PATH to use one); installing Playwright’s own.');
    await run('browser', npx, ['playwright', 'install', 'chromium']);
  }
  await suite(
    'e2e',
    npx,
    ['playwright', 'test', '--reporter=list,json'],
    'reports/playwright.json',
    (j) => [j.stats.expected + j.stats.flaky, j.stats.unexpected],
    { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/playwright.json' } },
  );
} else {
  await unitSuite();
  notRun('e2e', 'the build failed');
}

const seconds = (performance.now() - started) / 1000;
writeFileSync(
  'reports/test-all.json',
  `${JSON.stringify({ date: new Date().toISOString(), commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() || undefined, seconds: Number(seconds.toFixed(1)), loadAtStart, loadAtEnd: load(), passed, failed, gates: times }, null, 2)}\n`,
);
console.log('\nGate times:');
for (const t of times) console.log(`  ${t.name.padEnd(16)} ${t.seconds.toFixed(1).padStart(6)} s${t.ok ? '' : '  (failed)'}`);
console.log(`  ${'total (wall)'.padEnd(16)} ${seconds.toFixed(1).padStart(6)} s   load average ${loadAtStart.join(' ')} at the start, ${load().join(' ')} at the end`);
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
