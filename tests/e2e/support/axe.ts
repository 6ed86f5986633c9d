// axe (WCAG 2.2 A/AA) on the page as it is, with JavaScript on or off.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The violations axe finds, one line each ("rule (impact): targets"), for a readable failure.
 *
 * axe runs in "legacy" mode, inside the page itself, on a page without frames. The default mode
 * finishes each run in a second, blank page that it opens for the purpose, so that it can take in
 * cross-origin frames; no page of the site has a frame, and that page cost about 1.2 s of each run on
 * this 2-core machine, half of axe's time in the suite. Should a page ever have a frame, it gets the
 * default mode again, with JavaScript (no test has such a page yet). Only violations are collected in
 * full (`resultTypes`): axe then stops at the first node of each rule that passes, and what is
 * reported, every violation and every node of it, is the same.
 *
 * With JavaScript off (a context with `javaScriptEnabled: false`), Chromium runs no page script and no
 * timer, but Playwright can still evaluate in the page. axe waits on zero-delay timers between its
 * rules, so they are run as microtasks instead (longer timers, axe's own time-outs, never fire, as
 * before). The page keeps its real no-JS state: `@media (scripting: none)` applies.
 */
export async function axeViolations(page: Page, { javaScript }: { javaScript: boolean }): Promise<string[]> {
  const framed = javaScript && (await page.locator('iframe').count()) > 0;
  // `options()` replaces every option set before it, the tags among them: it comes first.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS).setLegacyMode(!framed);
  if (!javaScript) {
    await page.evaluate(() => {
      const later = window.setTimeout;
      const immediate = (fn: TimerHandler, ms?: number, ...args: unknown[]) => {
        if (ms && ms > 1) return later(fn, ms, ...args);
        void Promise.resolve().then(() => (typeof fn === 'function' ? fn(...args) : undefined));
        return 0;
      };
      window.setTimeout = immediate as typeof window.setTimeout;
    });
  }
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
