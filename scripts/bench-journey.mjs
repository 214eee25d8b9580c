// Journey benchmark (not a test): scrolls the whole journey in headless
// Chromium at 4x CPU throttling and reports frame intervals, long tasks and
// JS heap over repeated passes. Usage: node scripts/bench-journey.mjs [passes]
// Needs a release build in dist/ (scripts/bench.sh makes one).
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/browser.mjs';
import { serve } from '../tests/e2e/server.mjs';

const PASSES = Number(process.argv[2] || 20);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

const server = await serve();
const browser = await chromium.launch(launchOptions());
const results = [];
for (const [width, height, lang] of [[390, 844, 'ar'], [1280, 800, 'en']]) {
  const page = await browser.newPage({ viewport: { width, height } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${server.url}?lang=${lang}`);
  await page.waitForSelector('html[data-qitar="live"]');
  // Scrolling, not start-up (Lighthouse's TBT measures that): begin once
  // the track is drawn and the page has gone idle.
  await page.waitForSelector('.track-stage .stop');
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(), { timeout: 3000 })));
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Frame intervals count only while the page is scrolling (the scroll
  // position moved since the last frame), so idle frames between wheel
  // events do not dilute the percentiles. Recording stops after the first
  // pass, so the heap figures below do not include the benchmark's data.
  await page.evaluate(() => {
    window.__intervals = [];
    window.__long = [];
    window.__recording = true;
    new PerformanceObserver((l) => window.__recording && l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
    let lastT = null;
    let lastY = scrollY;
    const tick = (t) => {
      if (!window.__recording) return;
      if (lastT !== null && scrollY !== lastY) window.__intervals.push(t - lastT);
      lastT = t;
      lastY = scrollY;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  };
  const pass = async () => {
    const total = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    for (let y = 0; y < total; y += 120) await page.mouse.wheel(0, 120);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(100);
  };
  // First pass: frame timing and long tasks.
  await pass();
  const { intervals, long } = await page.evaluate(() => {
    window.__recording = false;
    const r = { intervals: window.__intervals, long: window.__long };
    window.__intervals = window.__long = null;
    return r;
  });
  const heap0 = await heap();
  for (let i = 1; i < PASSES; i++) await pass();
  const heapN = await heap();
  results.push({
    view: `${lang} ${width}x${height}`,
    frames: intervals.length,
    median: pct(intervals, 50),
    p95: pct(intervals, 95),
    max: Math.max(...intervals),
    longTasks: long.filter((d) => d > 50).length,
    longest: long.length ? Math.max(...long) : 0,
    heap0,
    heapN,
  });
  await page.close();
}
await browser.close();
await server.close();

console.log(`journey benchmark: full scroll at 4x CPU throttling, ${PASSES} passes for heap`);
for (const r of results) {
  console.log(`\n[${r.view}]`);
  console.log(`  frame interval while scrolling  median ${ms(r.median)}  p95 ${ms(r.p95)}  max ${ms(r.max)}  (${r.frames} frames; target p95 <= 16.7 ms)`);
  console.log(`  long tasks > 50 ms during scrolling: ${r.longTasks}  (longest ${ms(r.longest)}; target 0)`);
  const growth = r.heapN - r.heap0;
  console.log(`  JS heap after pass 1: ${(r.heap0 / 1024).toFixed(0)} KiB, after pass ${PASSES}: ${(r.heapN / 1024).toFixed(0)} KiB  (growth ${(growth / 1024).toFixed(0)} KiB; target ~0)`);
}
