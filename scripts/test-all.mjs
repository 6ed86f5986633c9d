// `npm test`: every check the project has, in order, on a fresh clone. Each gate runs even when an
// earlier one failed (except that browser tests need a build), and the last line is the summary CI
// reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChrome } from './browser.mjs';
import { writeSyntheticContent } from './bench/synthetic.mjs';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
mkdirSync('reports', { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false });
  return r.status === 0;
}

/** A gate that is one check: counts as one test. */
function gate(name, cmd, args) {
  const ok = run(name, cmd, args);
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return ok;
}

/** A test suite whose JSON report gives the per-test counts. */
function suite(name, cmd, args, report, count, env) {
  const ok = run(name, cmd, args, env);
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

const npx = 'npx';
gate('content', 'npm', ['run', '--silent', 'check:content']);
gate('types', npx, ['astro', 'check', '--minimumFailingSeverity', 'error']);
const built = gate('build', npx, ['astro', 'build', '--silent']);

suite(
  'unit',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/vitest.json'],
  'reports/vitest.json',
  (j) => [j.numPassedTests, j.numFailedTests],
);

if (built) {
  gate('html', npx, ['html-validate', 'dist/**/*.html']);
  gate('links', 'node', ['scripts/check-links.mjs', 'dist']);
  // A second site built from hostile fixture content, for the safety tests (tests/e2e/safety.spec.ts).
  process.env.CONTENT_DIR = 'tests/fixtures/content/hostile';
  process.env.ASTRO_CACHE_DIR = 'node_modules/.astro-hostile';
  gate('hostile build', npx, ['astro', 'build', '--silent', '--outDir', 'dist-hostile']);
  delete process.env.CONTENT_DIR;
  delete process.env.ASTRO_CACHE_DIR;
  // The real content once more with pages of ten projects, for the paged index's tests
  // (tests/e2e/index-paged.spec.ts): the code a list of thousands runs, on a list we can check.
  process.env.INDEX_PAGE_SIZE = '10';
  process.env.ASTRO_CACHE_DIR = 'node_modules/.astro-paged';
  if (gate('paged build', npx, ['astro', 'build', '--silent', '--outDir', 'dist-paged'])) {
    gate('html (paged)', npx, ['html-validate', 'dist-paged/projects/**/*.html', 'dist-paged/*/projects/**/*.html']);
  }
  delete process.env.INDEX_PAGE_SIZE;
  delete process.env.ASTRO_CACHE_DIR;
  // The site under a sub-path, as a newsroom hosts it (BASE_PATH), with 1,000 synthetic projects
  // written outside content/ (scripts/bench/synthetic.mjs), so that the index is paged at its real
  // page size: the link check and tests/e2e/base-path.spec.ts then catch any link, asset, feed or
  // fetch that ignores the base, and "download this view" is tested at 1,000 projects.
  const synthetic = join(tmpdir(), 'almaty-projects-synthetic-1000');
  rmSync(synthetic, { recursive: true, force: true });
  writeSyntheticContent(synthetic, 1000);
  Object.assign(process.env, { BASE_PATH: '/almaty-projects/', CONTENT_DIR: synthetic, ASTRO_CACHE_DIR: 'node_modules/.astro-base' });
  if (gate('base-path build', npx, ['astro', 'build', '--silent', '--outDir', 'dist-base'])) {
    gate('links (base path)', 'node', ['scripts/check-links.mjs', 'dist-base']);
  }
  for (const key of ['BASE_PATH', 'CONTENT_DIR', 'ASTRO_CACHE_DIR']) delete process.env[key];
  if (!findChrome()) {
    console.log('No system Chromium or Chrome found (set CHROME_PATH to use one); installing Playwright’s own.');
    run('browser', npx, ['playwright', 'install', 'chromium']);
  }
  suite(
    'e2e',
    npx,
    ['playwright', 'test', '--reporter=list,json'],
    'reports/playwright.json',
    (j) => [j.stats.expected + j.stats.flaky, j.stats.unexpected],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/playwright.json' },
  );
} else {
  failed += 1;
  failures.push('e2e (not run: the build failed)');
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
