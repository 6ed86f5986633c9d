import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CHROME_ARGS, findChrome } from './browser.mjs';
import { serve } from './bench/server.mjs';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const server = await serve('dist', 4399);
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const ctx = await browser.newContext();
const page = await ctx.newPage();
const pages = ['/', '/projects/', '/districts/almaly/', '/projects/inf-lot-kabdolov6-auezov/', '/data/', '/kk/'];
const modes = {
  def: (p) => new AxeBuilder({ page: p }).withTags(WCAG),
  vio: (p) => new AxeBuilder({ page: p }).withTags(WCAG).options({ resultTypes: ['violations'] }),
  legacy: (p) => new AxeBuilder({ page: p }).withTags(WCAG).setLegacyMode(true),
  legvio: (p) => new AxeBuilder({ page: p }).withTags(WCAG).setLegacyMode(true).options({ resultTypes: ['violations'] }),
};
const times = Object.fromEntries(Object.keys(modes).map((k) => [k, []]));
for (let round = 0; round < 3; round++) {
  for (const path of pages) {
    for (const [k, mk] of Object.entries(modes)) {
      await page.goto(`http://127.0.0.1:4399${path}`);
      const t = performance.now();
      const r = await mk(page).analyze();
      times[k].push(performance.now() - t);
      if (r.violations.length) console.log(k, path, r.violations.map((v) => v.id));
    }
  }
}
for (const [k, v] of Object.entries(times)) console.log(k, (v.reduce((a, b) => a + b, 0) / v.length).toFixed(0), 'ms avg', v.map((x) => x.toFixed(0)).join(' '));
await browser.close(); server.close?.(); process.exit(0);
