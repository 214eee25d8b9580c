// What the graphic costs the article that embeds it (numbers, not pass/fail).
// A host article with one embed.js frame in its first screen and one far
// below the fold, against the same article without them (no placeholders,
// no embed.js): Lighthouse mobile (median of RUNS) performance, TBT, CLS and
// LCP, and the added cost; then, on a throttled phone (562.5 ms RTT,
// 1.47 Mbit/s, 4x CPU, 390x844), the longest tasks (from a trace, with
// what filled them) while the page loads and while the reader scrolls down
// to the second frame and it comes to life.
// The frames are same-origin, as on a phone, where a cross-origin frame
// usually shares the article's main thread too.
// Usage: node scripts/bench-host.mjs [runs]   (needs a release build in dist/,
// or in the directory DIST names)
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launchOptions, CHROMIUM } from '../tests/e2e/browser.mjs';
import { hostHeaders, serve } from '../tests/e2e/server.mjs';

const RUNS = Number(process.argv[2] || 3);
const until = async (f, ms = 60000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await f()) return;
  throw new Error('the second frame never came to life');
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const para = (i) => `<p>Paragraph ${i} of the host article. Newsrooms put interactive graphics inside long
  articles, between paragraphs that a CMS controls; this text stands in for them, long enough to wrap
  over several lines on a phone and to push what follows further down the page.</p>`;
function article(frames) {
  const frame = (lang) => (frames ? `<div data-qitar-src="../" data-qitar-lang="${lang}" data-qitar-title="qitar" style="min-height:100vh"></div>` : '');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host article (benchmark)</title><link rel="icon" href="data:,">
<style>body{margin:0;font:18px/1.6 Georgia,serif;color:#222}main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.8rem;line-height:1.2}</style></head><body><main><article>
<h1>A host article with two embedded graphics</h1>
<p>The lede, above the first graphic, as in most articles that open with one.</p>
${frame('ar')}
${Array.from({ length: 24 }, (_, i) => para(i + 1)).join('\n')}
${frame('en')}
<p>The end of the host article.</p>
</article></main>${frames ? '<script src="../embed.js" async></script>' : ''}</body></html>`;
}
// DIST=<dir> measures another build (e.g. an older commit's).
const DIST = path.resolve(process.env.DIST || 'dist');
const server = await serve({
  dir: DIST,
  // The graphic's own headers for its files; the article is the host's.
  headers: (rel) => (rel.startsWith('/bench/') ? {} : hostHeaders(DIST)(rel)),
  pages: (rel) => ({ '/bench/with.html': article(true), '/bench/without.html': article(false) })[rel],
});

// 1. Lighthouse, mobile.
if (!process.env.BENCH_SKIP_LH) {
const lh = {};
try {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  for (const variant of ['without', 'with']) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', ...launchOptions().args.filter((a) => a.startsWith('--disable'))],
      });
      const r = await lighthouse(`${server.url}bench/${variant}.html`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      await chrome.kill();
      const a = r.lhr.audits;
      runs.push({
        perf: r.lhr.categories.performance.score * 100,
        tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
      });
    }
    lh[variant] = Object.fromEntries(['perf', 'tbt', 'cls', 'lcp'].map((k) => [k, median(runs.map((r) => r[k]))]));
  }
  const row = (v) => `performance ${lh[v].perf}, TBT ${lh[v].tbt.toFixed(0)} ms, CLS ${lh[v].cls.toFixed(3)}, LCP ${(lh[v].lcp / 1000).toFixed(2)} s`;
  console.log(`host article, Lighthouse 12 mobile (median of ${RUNS}):`);
  console.log(`  without the graphic: ${row('without')}`);
  console.log(`  with two frames:     ${row('with')}`);
  console.log(`  added: TBT ${(lh.with.tbt - lh.without.tbt).toFixed(0)} ms (target <= 50), CLS ${(lh.with.cls - lh.without.cls).toFixed(3)} (target <= 0.01), `
    + `LCP ${((lh.with.lcp - lh.without.lcp) / 1000).toFixed(2)} s, performance ${lh.with.perf - lh.without.perf} (target 0)`);
} catch (e) {
  console.log(`host article, Lighthouse: not run (${e.message.split('\n')[0]}); scripts/bench.sh installs it`);
}
}

// 2. Long tasks on a throttled phone, read from a trace of the renderer's
// main thread, which the article and its same-origin frames share (the
// frames' longtask observers miss tasks attributed to another frame).
const TRACE = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
// The longest top-level tasks of the page's renderer, and what filled them.
function longest(buf, n = 3) {
  const ev = JSON.parse(buf.toString()).traceEvents;
  const mains = new Set(ev.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // The renderers that ran our documents (Chromium's own pages run others).
  const ours = new Set(ev.filter((e) => e.name === 'ParseHTML' && /^https?:\/\/127\.0\.0\.1/.test(e.args?.beginData?.url || '')).map((e) => e.pid));
  const tasks = ev.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && ours.has(e.pid)).sort((a, b) => b.dur - a.dur).slice(0, n);
  return tasks.map((t) => {
    const inner = ev.filter((e) => e.ph === 'X' && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    const sum = (names) => inner.filter((e) => names.includes(e.name)).reduce((a, e) => a + e.dur, 0) / 1000;
    // Top-level events only are summed: nested ones are inside them.
    const layout = sum(['Layout']), style = sum(['UpdateLayoutTree']), parse = sum(['ParseHTML']);
    // Script: the outermost script events, less the layout they forced.
    const JS = ['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks'];
    const within = (o, e) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur;
    const outer = inner.filter((e) => JS.includes(e.name)).filter((e) => !inner.some((o) => JS.includes(o.name) && within(o, e) && o.dur > e.dur));
    const forced = inner.filter((e) => ['Layout', 'UpdateLayoutTree'].includes(e.name) && outer.some((o) => within(o, e)));
    const script = (outer.reduce((a, e) => a + e.dur, 0) - forced.reduce((a, e) => a + e.dur, 0)) / 1000;
    return { ms: t.dur / 1000, layout, style, parse, script };
  });
}
const describe = (t) => `${t.ms.toFixed(0)} ms (layout ${t.layout.toFixed(0)}, style ${t.style.toFixed(0)}, script ${t.script.toFixed(0)}, parsing ${t.parse.toFixed(0)}, other ${Math.max(0, t.ms - t.layout - t.style - t.script - t.parse).toFixed(0)})`;
const browser = await chromium.launch(launchOptions());
const loads = [], scrolls = [], lives = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: TRACE });
  await page.goto(`${server.url}bench/with.html`);
  if (process.env.BENCH_DEBUG) console.error('loaded');
  // Loaded: the first frame has come to life and the page has gone quiet.
  const frameOf = async (i) => (await page.waitForSelector(`iframe >> nth=${i}`, { state: 'attached' })).contentFrame();
  await (await frameOf(0)).waitForSelector('html[data-qitar="live"]', { state: 'attached', timeout: 60000 });
  if (process.env.BENCH_DEBUG) console.error('first frame live');
  await page.waitForTimeout(3000);
  loads.push(longest(await browser.stopTracing()));
  await browser.startTracing(page, { categories: TRACE });
  // Scroll down like a reader (a flick every 250 ms) until the second
  // frame's top reaches the middle of the screen, then wait for it to live.
  const t0 = Date.now();
  for (;;) {
    const top = await page.evaluate(() => document.querySelectorAll('iframe')[1].getBoundingClientRect().top);
    if (process.env.BENCH_DEBUG) console.error('second frame top', top);
    if (top < 422) break;
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(250);
    if (Date.now() - t0 > 120000) throw new Error('never reached the second frame');
  }
  await until(async () => {
    const f = await frameOf(1);
    return Promise.race([f.evaluate(() => document.documentElement.dataset.qitar === 'live').catch(() => false), new Promise((r) => setTimeout(() => r(false), 1000))]);
  });
  lives.push(Date.now() - t0);
  await page.waitForTimeout(2000);
  scrolls.push(longest(await browser.stopTracing()));
  await context.close();
}
// The run whose longest task is the median one.
const mid = (runs) => [...runs].sort((a, b) => (a[0]?.ms || 0) - (b[0]?.ms || 0))[Math.floor(runs.length / 2)];
console.log(`host article on a throttled phone (562.5 ms RTT, 1.47 Mbit/s, 4x CPU; the run with the median longest task of ${RUNS}):`);
console.log(`  longest tasks while loading (first frame to life): ${mid(loads).map(describe).join('; ')}`);
console.log(`  longest tasks while scrolling to the second frame and it comes to life (target < 50 ms): ${mid(scrolls).map(describe).join('; ')}`);
console.log(`  scroll start to the second frame live ${(median(lives) / 1000).toFixed(2)} s`);
await browser.close();
await server.close();
