// Screenshots of the built page for looking at, not for tests: every width
// (320, 390, 768, 1280), both languages, light and dark, at three points of
// the journey (its start, the detour, the end of the line), and a contact
// sheet of each point. Needs a server for dist/ (scripts/serve.sh, or the
// tests' server). Usage: node scripts/screenshot.mjs <base-url> <out-dir> [query...]
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/browser.mjs';

const [base = 'http://127.0.0.1:8080/', out = '/tmp/shots', ...extra] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const POINTS = { start: '2011', detour: 'via-googleplus', end: '2018' };
const browser = await chromium.launch(launchOptions());
const shots = [];
for (const width of [320, 390, 768, 1280]) {
  for (const lang of ['ar', 'en']) {
    for (const scheme of ['light', 'dark']) {
      const height = width < 600 ? 760 : 800;
      const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 2 });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.error(`[${lang}/${width}/${scheme}] pageerror`, e.message));
      await page.goto(`${base}?${['lang=' + lang, ...extra].join('&')}`);
      await page.waitForSelector('html[data-qitar="live"]');
      for (const [name, anchor] of Object.entries(POINTS)) {
        await page.evaluate((a) => document.getElementById(a).scrollIntoView({ block: 'center' }), anchor);
        await page.waitForFunction((a) => document.getElementById(a).getAttribute('aria-current') === 'step', anchor);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const file = `${name}-${lang}-${width}-${scheme}.png`;
        await page.screenshot({ path: path.join(out, file) });
        shots.push({ file, name, lang, width, scheme });
      }
      await ctx.close();
    }
  }
}
// One sheet per point of the journey: every width, language and scheme.
for (const name of Object.keys(POINTS)) {
  const cells = shots.filter((s) => s.name === name)
    .map((s) => `<figure><img src="${s.file}"><figcaption>${s.lang} ${s.width}px ${s.scheme}</figcaption></figure>`).join('');
  const sheet = path.join(out, `sheet-${name}.html`);
  fs.writeFileSync(sheet, `<!doctype html><style>body{margin:8px;font:12px sans-serif;display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start}
    figure{margin:0}img{display:block;height:380px;border:1px solid #999}</style>${cells}`);
  const page = await browser.newPage({ viewport: { width: 2400, height: 1200 } });
  await page.goto('file://' + path.resolve(sheet));
  await page.screenshot({ path: path.join(out, `sheet-${name}.png`), fullPage: true });
  await page.close();
}
await browser.close();
console.log(`${shots.length} screenshots and 3 contact sheets in ${out}`);
