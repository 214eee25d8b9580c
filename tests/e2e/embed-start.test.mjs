// A frame waits for the reader: loaded far below the first screen, the
// graphic stays its static page (no start-up work on the host's thread)
// until the reader scrolls near it, and then comes to life.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser } from './harness.mjs';
import { waitLive } from './page.mjs';

// A plain, eager iframe (no embed.js, so no viewport messages): only the
// frame's own view of the top-level viewport can start it.
const far = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Far frame</title>
<style>body{margin:0}.gap{height:4000px}</style></head><body>
<p>The article's first screen.</p><div class="gap"></div>
<iframe src="../?lang=en" title="qitar" style="width:100%;height:3000px;border:0"></iframe>
<div class="gap"></div></body></html>`;

const env = withBrowser({ pages: (p) => (p === '/examples/far.html' ? far : undefined) });

test('a frame far below the first screen stays static until the reader nears it, then starts', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await ctx.addInitScript(() => {
    if (window === top) addEventListener('message', (e) => { if (/qitar:height/.test(e.data)) window.__reported = true; });
  });
  await page.goto(`${env.server.url}examples/far.html`);
  const el = await page.waitForSelector('iframe');
  const frame = await el.contentFrame();
  // Its wasm runs (it reports its height to the host), but the app does not
  // start: the one fixed wait of these tests, since it checks that nothing
  // happens (the app starts in well under a second when it may).
  await page.waitForFunction(() => window.__reported === true);
  await page.waitForTimeout(3000);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.qitar ?? null), null, 'the far frame started before the reader came near');
  await el.scrollIntoViewIfNeeded();
  await waitLive(frame);
  assert.deepEqual(errors, []);
  await ctx.close();
});
