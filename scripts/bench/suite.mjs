// The test suite's own time, for the benchmark: read from the reports of the last `npm test`
// (reports/test-all.json, playwright.json, vitest.json) rather than measured again. A run of `npm test`
// takes minutes and both cores, and the figure that matters is the one `npm test` itself took; the
// report says when that run was and on which commit, so a stale figure shows as stale.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every Playwright test with its time, from the JSON reporter's nested suites. */
function playwrightTests(report) {
  const out = [];
  const walk = (suite, path) => {
    const titles = suite.title && !suite.file?.endsWith(suite.title) ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        for (const r of t.results ?? []) {
          out.push({ kind: 'e2e', file: `tests/e2e/${spec.file ?? suite.file}`, title: [...titles, spec.title].join(' › '), ms: r.duration ?? 0, status: r.status });
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, titles);
  };
  for (const s of report?.suites ?? []) walk(s, []);
  return out;
}

/** Every Vitest test with its time. */
function vitestTests(report, root) {
  return (report?.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? []).map((a) => ({ kind: 'unit', file: root ? relative(root, file.name) : file.name, title: a.fullName ?? a.title, ms: a.duration ?? 0, status: a.status })),
  );
}

/**
 * The suite's wall time, each gate's time, the test counts and the ten slowest tests of the whole
 * suite (browser and unit tests together).
 * @param {{ testAll?: any, playwright?: any, vitest?: any, root?: string }} reports
 */
export function summariseSuite({ testAll, playwright, vitest, root }) {
  if (!testAll) return undefined;
  const e2e = playwrightTests(playwright);
  const unit = vitestTests(vitest, root);
  const unitMs = vitest?.testResults?.length ? Math.max(...vitest.testResults.map((f) => f.endTime ?? 0)) - (vitest.startTime ?? 0) : undefined;
  return {
    date: testAll.date,
    commit: testAll.commit,
    seconds: testAll.seconds,
    load: testAll.loadAtStart,
    passed: testAll.passed,
    failed: testAll.failed,
    gates: testAll.gates ?? [],
    e2e: playwright ? { tests: e2e.length, ms: playwright.stats?.duration, workers: playwright.config?.metadata?.actualWorkers ?? playwright.config?.workers } : undefined,
    unit: vitest ? { tests: unit.length, ms: unitMs } : undefined,
    slowest: [...e2e, ...unit].sort((a, b) => b.ms - a.ms).slice(0, 10),
  };
}

/** The summary of the last `npm test` in a checkout, or undefined when it has not run there. */
export function lastSuiteRun(root) {
  const read = (name) => {
    const file = join(root, 'reports', name);
    try {
      return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    } catch {
      return undefined;
    }
  };
  return summariseSuite({ testAll: read('test-all.json'), playwright: read('playwright.json'), vitest: read('vitest.json'), root });
}
