// The reader's wait on a slow phone (numbers, not pass/fail): devtools
// throttling applied for real through the Chrome DevTools Protocol
// (562.5 ms round trip, 1,474.56 kbit/s down, 675 kbit/s up, 4x CPU),
// 390x844 at DPR 2, cold cache, the build served compressed over HTTP/1.1.
//   live  = navigation start -> the app has taken the page over
//           (<html data-qitar="live">) and scrolling moves the active station;
//           with when the first view's wasm had arrived (live cannot be
//           earlier) and the app's own start-up after it;
//   card  = a tap on a figure -> its chart has ink on the canvas, tapped
//           3 s after live, at once, and as soon as the figure is painted
//           (before live: the loader holds the tap until the app is live);
//   bytes = what went over the wire until then.
// Median of RUNS (default 3). Usage: node scripts/bench-live.mjs [runs]
// Needs a release build in dist/ (scripts/bench.sh makes one), or in the
// directory DIST names (to measure another build, e.g. an older commit's).
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/browser.mjs';
import { serve } from '../tests/e2e/server.mjs';

const RUNS = Number(process.argv[2] || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

const server = await serve(process.env.DIST ? { dir: path.resolve(process.env.DIST) } : {});
const browser = await chromium.launch(launchOptions());

// Times are performance.now() in the page (navigation start = 0), recorded
// by the page itself so Playwright's own round trips do not count.
const probe = () => {
  window.__bench = {};
  const mark = () => {
    if (window.__bench.live === undefined && document.documentElement.dataset.qitar === 'live') window.__bench.live = performance.now();
  };
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-qitar'] });
  addEventListener('pointerdown', () => { window.__bench.tap ??= performance.now(); }, true);
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__bench.lcp = e.startTime; })).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (e.name === 'first-contentful-paint') window.__bench.fcp = e.startTime; })).observe({ type: 'paint', buffered: true });
  // The first frame whose card canvas has ink.
  const watch = () => {
    const c = document.querySelector('dialog[open] canvas');
    if (window.__bench.tap !== undefined && c && c.width > 0 && window.__bench.card === undefined) {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4 * 7) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) ink++;
      if (ink > 50) window.__bench.card = performance.now();
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
};

async function run(query, tapAfter) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(probe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8, connectionType: 'cellular3g',
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  let untilLive = null;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.goto(server.url + query, { waitUntil: 'commit' });
  if (tapAfter === 'painted') {
    // A reader who taps a figure as soon as it shows, before the app is
    // live (the loader holds the tap): tap -> chart.
    await page.waitForFunction(() => window.__bench.fcp !== undefined && 'qitarLoadCard' in window, null, { timeout: 60000, polling: 50 });
    const button = page.locator('button.stat-button').first();
    await button.scrollIntoViewIfNeeded();
    await button.tap();
    await page.waitForFunction(() => window.__bench.card !== undefined, null, { timeout: 60000, polling: 50 });
    const b = await page.evaluate(() => window.__bench);
    await context.close();
    return { card: b.card - b.tap, tappedAt: b.tap };
  }
  await page.waitForFunction(() => window.__bench.live !== undefined, null, { timeout: 60000, polling: 50 });
  untilLive = bytes;
  const { live, fcp, lcp } = await page.evaluate(() => window.__bench);
  // When the first view's wasm had arrived: live cannot come before it.
  const wasmIn = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => /qitar-[0-9a-f]{16}_bg\.wasm/.test(e.name))?.responseEnd);
  // Live means scrolling moves the active station: check it does.
  const before = await page.evaluate(() => document.querySelector('.station[aria-current="step"]')?.id ?? '');
  await page.evaluate(() => document.querySelectorAll('.station')[2]?.scrollIntoView({ block: 'center' }));
  await page.waitForFunction((b) => (document.querySelector('.station[aria-current="step"]')?.id ?? '') !== b, before, { timeout: 20000 });
  await page.evaluate(() => scrollTo(0, 0));
  let card = NaN;
  if (tapAfter !== null) {
    await page.waitForTimeout(tapAfter);
    const button = page.locator('button.stat-button').first();
    await button.scrollIntoViewIfNeeded();
    await page.evaluate(() => { delete window.__bench.tap; });
    await button.tap();
    await page.waitForFunction(() => window.__bench.card !== undefined, null, { timeout: 30000, polling: 50 });
    card = await page.evaluate(() => window.__bench.card - window.__bench.tap);
  }
  await context.close();
  return { live, fcp, lcp, card, bytes: untilLive, wasmIn };
}

const rows = [];
for (const [name, query] of [['Arabic, index.html', ''], ['English, en.html', 'en.html']]) {
  const late = [], soon = [], early = [];
  for (let i = 0; i < RUNS; i++) late.push(await run(query, 3000));
  for (let i = 0; i < RUNS; i++) soon.push(await run(query, 0));
  for (let i = 0; i < RUNS; i++) early.push(await run(query, 'painted'));
  rows.push([name, late, soon, early]);
}
console.log(`the reader's wait (throttled phone: 562.5 ms RTT, 1.47 Mbit/s, 4x CPU; 390x844 DPR 2; median of ${RUNS}):`);
for (const [name, late, soon, early] of rows) {
  const all = [...late, ...soon];
  console.log(`  ${name}: first paint ${s(median(all.map((r) => r.fcp)))}, largest paint ${s(median(all.map((r) => r.lcp)))}, `
    + `live ${s(median(all.map((r) => r.live)))} (target <= 2.0 s; the first view's wasm in at ${s(median(all.map((r) => r.wasmIn)))}, `
    + `the app's start-up after it ${s(median(all.map((r) => r.live - r.wasmIn)))}), `
    + `card tapped 3 s after live ${s(median(late.map((r) => r.card)))} (target <= 0.3 s), `
    + `tapped at once ${s(median(soon.map((r) => r.card)))} (target <= 1.5 s), `
    + `tapped as soon as painted (at ${s(median(early.map((r) => r.tappedAt)))}, before live) ${s(median(early.map((r) => r.card)))} to its chart, `
    + `bytes until live ${(median(all.map((r) => r.bytes)) / 1024).toFixed(1)} KB`);
}
await browser.close();
await server.close();
