// Screenshots of the built page at phone and desktop widths, both languages.
// Usage: node scripts/screenshot.mjs <base-url> <out-dir> [query...]
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/browser.mjs';

const [base = 'http://127.0.0.1:8080/', out = '/tmp/shots', ...extra] = process.argv.slice(2);
const browser = await chromium.launch(launchOptions());
for (const width of [390, 1280]) {
  for (const lang of ['ar', 'en']) {
    const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 800 } });
    page.on('console', (m) => { if (m.type() === 'error') console.error(`[${lang}/${width}]`, m.text()); });
    page.on('pageerror', (e) => console.error(`[${lang}/${width}] pageerror`, e.message));
    const q = ['lang=' + lang, ...extra].join('&');
    await page.goto(`${base}?${q}`);
    await page.waitForSelector('article, .error-panel');
    await page.screenshot({ path: `${out}/${lang}-${width}.png`, fullPage: process.env.FULL === '1' });
    await page.close();
  }
}
await browser.close();
