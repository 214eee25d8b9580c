// Quick Lighthouse LCP probe (3 runs, Arabic page). Not part of the suite.
import { launchOptions, CHROMIUM } from '../tests/e2e/browser.mjs';
import { serve } from '../tests/e2e/server.mjs';
const { default: lighthouse } = await import('lighthouse');
const chromeLauncher = await import('chrome-launcher');
const server = await serve();
const out = [];
for (let i = 0; i < 3; i++) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', ...launchOptions().args.filter((a) => a.startsWith('--disable'))] });
  const r = await lighthouse(server.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  await chrome.kill();
  out.push([r.lhr.categories.performance.score * 100, Math.round(r.lhr.audits['largest-contentful-paint'].numericValue), Math.round(r.lhr.audits['first-contentful-paint'].numericValue)]);
}
console.log('perf, LCP ms, FCP ms:', JSON.stringify(out));
await server.close();
