// Performance budget (numbers, not pass/fail): bytes per asset raw, gzip and
// brotli and the first-view total; Lighthouse mobile (3 runs, medians);
// robustness (resize storm, rapid clicks, language switches while scrolling:
// errors, JS heap and listener counts over 50 cycles).
// Usage: node scripts/bench.mjs   (needs a release build in dist/)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launchOptions, CHROMIUM } from '../tests/e2e/browser.mjs';
import { hostHeaders, serve } from '../tests/e2e/server.mjs';
import { abuseCycle, counters } from '../tests/e2e/abuse.mjs';
import { firstView } from '../tests/e2e/first-view.mjs';

const DIST = path.resolve('dist');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. Bytes, for the first view of each language page: the page and what it
// links, the loader's JS glue and the wasm it fetches.
const size = (f) => (fs.existsSync(f) ? fs.statSync(f).size : NaN);
const pages = fs.readdirSync(DIST).filter((f) => /^(index|[a-z]{2})\.html$/.test(f)).sort();
for (const pageFile of pages) {
  console.log(`bytes per asset (first view of ${pageFile}):`);
  console.log('  asset'.padEnd(44) + 'raw'.padStart(11) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
  const total = { raw: 0, gz: 0, br: 0 };
  for (const f of firstView(DIST, pageFile)) {
    const p = path.join(DIST, f);
    const r = { raw: size(p), gz: size(p + '.gz'), br: size(p + '.br') };
    for (const k of Object.keys(total)) total[k] += r[k];
    console.log(`  ${f}`.padEnd(44) + kb(r.raw).padStart(11) + kb(r.gz).padStart(11) + kb(r.br).padStart(11));
  }
  console.log(`  TOTAL first view of ${pageFile}`.padEnd(44) + kb(total.raw).padStart(11) + kb(total.gz).padStart(11) + kb(total.br).padStart(11) + '   (target <= 150 KB brotli)');
}
// The builds fetched later: the card's (on intent or when idle) and the
// one ?story= pages load instead of the first view's.
for (const [what, re] of [['the card, on demand', /^qitar-card-.*(\.js|_bg\.wasm)$/], ['?story= pages, instead', /^qitar-story-.*(\.js|_bg\.wasm)$/]]) {
  for (const f of fs.readdirSync(DIST).filter((f) => re.test(f)).sort()) {
    console.log(`  ${what}: ${f}`.padEnd(64) + kb(size(path.join(DIST, f + '.br'))).padStart(11) + ' brotli');
  }
}
console.log(`  embed.js (host loader): ${kb(size(path.join(DIST, 'embed.js.gz')))} gzip (target < 2 KB)`);

// The headers a host sends from dist/_headers (caching, the CSP), so
// Lighthouse sees what readers get.
const server = await serve({ headers: hostHeaders(DIST) });

// 2. Lighthouse, mobile (its default config), 3 runs per language page.
try {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  for (const [name, page] of [['Arabic, index.html', ''], ['English, en.html', 'en.html']]) {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', ...launchOptions().args.filter((a) => a.startsWith('--disable'))],
      });
      const r = await lighthouse(server.url + page, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      await chrome.kill();
      const a = r.lhr.audits, c = r.lhr.categories;
      runs.push({
        perf: c.performance.score * 100, a11y: c.accessibility.score * 100, bp: c['best-practices'].score * 100, seo: c.seo.score * 100,
        lcp: a['largest-contentful-paint'].numericValue, tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue, si: a['speed-index'].numericValue,
        fails: Object.values(a).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary').map((x) => x.id),
      });
    }
    const m = (k) => median(runs.map((r) => r[k]));
    console.log(`\nLighthouse 12 (mobile, median of 3 runs), ${name}:`);
    console.log(`  Performance ${m('perf')}  Accessibility ${m('a11y')}  Best Practices ${m('bp')}  SEO ${m('seo')}   (targets 98 / 100 / 100 / 100)`);
    console.log(`  LCP ${(m('lcp') / 1000).toFixed(2)} s  TBT ${m('tbt').toFixed(0)} ms  CLS ${m('cls').toFixed(3)}  Speed Index ${(m('si') / 1000).toFixed(2)} s   (targets LCP <= 1.2 s, TBT <= 50 ms, CLS <= 0.02)`);
    const fails = [...new Set(runs.flatMap((r) => r.fails))];
    if (fails.length) console.log(`  failing binary audits: ${fails.join(', ')}`);
  }
} catch (e) {
  console.log(`\nLighthouse: not run (${e.message.split('\n')[0]}); scripts/bench.sh installs it`);
}

// 3. Robustness: 50 cycles of abuse, then errors, heap and listeners.
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
const cdp = await page.context().newCDPSession(page);
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto(server.url);
await page.waitForSelector('html[data-qitar="live"]');
await abuseCycle(page);
const before = await counters(cdp);
for (let i = 1; i < 50; i++) await abuseCycle(page);
const after = await counters(cdp);
console.log('\nrobustness (50 cycles of 100 resizes, 10 rapid clicks on a figure, 5 language switches while scrolling):');
console.log(`  console errors / panics: ${errors.length}${errors.length ? ' — ' + errors.slice(0, 3).join(' | ') : ''}`);
console.log(`  JS event listeners: ${before.listeners} after cycle 1, ${after.listeners} after cycle 50`);
console.log(`  DOM nodes: ${before.nodes} → ${after.nodes}`);
console.log(`  JS heap: ${kb(before.heap)} → ${kb(after.heap)}`);
await browser.close();
await server.close();
