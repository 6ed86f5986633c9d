// Takes full-page screenshots of built pages, for looking at what we made:
//   npm run build && npx astro preview --port 4321 &
//   node scripts/screenshot.mjs /news/republic-day-2025-projects/ 360 out.png [--no-js] [--print]
// Map tiles are never fetched (they are answered with an empty image), as in the tests.
import { chromium } from '@playwright/test';
import { findChrome, CHROME_ARGS } from './browser.mjs';

const [path = '/', width = '1280', out = 'screenshot.png', ...flags] = process.argv.slice(2);
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4321';
const exe = findChrome();
const browser = await chromium.launch({ args: CHROME_ARGS, ...(exe ? { executablePath: exe } : {}) });
const context = await browser.newContext({
  viewport: { width: Number(width), height: 800 },
  javaScriptEnabled: !flags.includes('--no-js'),
  deviceScaleFactor: 1,
});
const page = await context.newPage();
await page.route(/tile\.openstreetmap\.org/, (r) => r.fulfill({ status: 204 }));
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
await page.goto(base + path, { waitUntil: 'networkidle' });
if (flags.includes('--print')) await page.emulateMedia({ media: 'print' });
const at = flags.find((f) => f.startsWith('--at='));
if (at) {
  // One viewport's worth, starting at a y offset: readable at phone widths where a full page is too tall.
  await page.evaluate((y) => window.scrollTo(0, y), Number(at.slice(5)));
  await page.screenshot({ path: out, clip: { x: 0, y: Number(at.slice(5)), width: Number(width), height: 800 } , fullPage: true });
} else {
  await page.screenshot({ path: out, fullPage: true });
}
await browser.close();
console.log(out);
