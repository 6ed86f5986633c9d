// axe (WCAG 2.2 A/AA) on the page as it is, with JavaScript on or off.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The violations axe finds, one line each ("rule (impact): targets"), for a readable failure.
 *
 * With JavaScript off (a context with `javaScriptEnabled: false`), Chromium runs no page script and no
 * timer, but Playwright can still evaluate in the page. axe waits on zero-delay timers between its
 * rules, so they are run as microtasks instead (longer timers, axe's own time-outs, never fire, as
 * before); and axe runs in "legacy" mode, inside the page itself, because the default mode finishes in
 * a second, blank page that would have no such patch. The site has no iframes, the one thing legacy
 * mode treats differently. The page keeps its real no-JS state: `@media (scripting: none)` applies.
 */
export async function axeViolations(page: Page, { javaScript }: { javaScript: boolean }): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
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
    builder.setLegacyMode(true);
  }
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
