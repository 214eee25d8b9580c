// The host article never shifts: embed.js sizes a frame from the graphic's
// measured heights (embed/heights.json) before the graphic reports its own.
// This file measures those heights in real frames and fails when the table
// is off; QITAR_WRITE_HEIGHTS=1 writes the measured table instead (then
// rebuild, so embed.js carries it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withBrowser } from './harness.mjs';
import { waitLive, until } from './page.mjs';
import { FILE, WIDTHS, key } from '../../scripts/embed-heights.mjs';

const LANGS = ['ar', 'en'];
const WRITE = process.env.QITAR_WRITE_HEIGHTS === '1';

// One placeholder of a given width; the article around it as a phone shows
// it, with the reservation the README's snippet carries.
const oneFrame = (lang, width) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>w${width}</title>
<style>body{margin:0}</style></head><body>
<div style="width:${width}px" data-qitar-src="../" data-qitar-lang="${lang}"></div>
<script src="../embed.js"></script></body></html>`;
const article = (lang) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
<style>body{margin:0;font:18px/1.6 serif}main{max-width:40rem;margin:0 auto;padding:1rem}</style></head><body><main>
<h1>A host article</h1><p>The lede, above the graphic.</p>
<div data-qitar-src="../" data-qitar-lang="${lang}" style="min-height:100vh"></div>
${'<p>The article goes on below the graphic, paragraph after paragraph, as articles do.</p>'.repeat(12)}
</main><script src="../embed.js" async></script></body></html>`;

const env = withBrowser({
  pages: (p) => {
    const m = /^\/examples\/(ar|en)-(\d+)\.html$/.exec(p);
    if (m) return oneFrame(m[1], Number(m[2]));
    const a = /^\/examples\/article-(ar|en)\.html$/.exec(p);
    return a ? article(a[1]) : undefined;
  },
});

/** The height the graphic reports once live, with its fonts in. */
async function reported(frame) {
  await waitLive(frame);
  await frame.evaluate(() => document.fonts.ready);
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const h = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    if (h === last) return h;
    last = h;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the graphic's height never settled (last ${last} px)`);
}

test("the recorded heights are the graphic's own, at every standard width and in both languages", async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  const measured = { default: 'ar' };
  for (const lang of LANGS) {
    measured[lang] = [];
    for (const w of WIDTHS) {
      await page.goto(`${env.server.url}examples/${lang}-${w}.html`);
      const el = await page.waitForSelector('iframe');
      const frame = await el.contentFrame();
      measured[lang].push([w, await reported(frame)]);
    }
  }
  await ctx.close();
  if (WRITE) {
    fs.writeFileSync(FILE, JSON.stringify({ key: key(), ...measured }, null, 1) + '\n');
    return;
  }
  assert.ok(fs.existsSync(FILE), `${FILE} is missing: QITAR_WRITE_HEIGHTS=1 node --test tests/e2e/embed-heights.test.mjs writes it`);
  const recorded = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  const redo = 'measure again: QITAR_WRITE_HEIGHTS=1 node --test tests/e2e/embed-heights.test.mjs, then rebuild';
  assert.equal(recorded.key, key(), `embed/heights.json was measured for another story, strings or stylesheet; ${redo}`);
  for (const lang of LANGS) {
    for (const [w, h] of measured[lang]) {
      const r = recorded[lang]?.find(([x]) => x === w)?.[1];
      assert.ok(r !== undefined && Math.abs(r - h) <= Math.max(8, h * 0.01), `${lang} at ${w} px: the graphic is ${h} px tall, embed/heights.json says ${r}; ${redo}`);
    }
  }
});

for (const [lang, width] of [['ar', 390], ['en', 390], ['ar', 1280]]) {
  test(`a frame in the first screen does not move the host article (${lang}, ${width} px), and starts at its real height`, async () => {
    const ctx = await env.browser.newContext({ viewport: { width, height: 844 } });
    await ctx.addInitScript(() => {
      if (window !== top) return;
      window.__shift = 0;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__shift += e.value; })).observe({ type: 'layout-shift', buffered: true });
      // The frame's height as embed.js first set it, before any message.
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.tagName === 'IFRAME') window.__first = parseFloat(n.style.height);
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await ctx.newPage();
    await page.goto(`${env.server.url}examples/article-${lang}.html`);
    const el = await page.waitForSelector('iframe');
    const h = await reported(await el.contentFrame());
    await until(async () => Math.abs((await el.evaluate((f) => f.getBoundingClientRect().height)) - h) <= 1, { what: 'the frame takes the reported height' });
    const { shift, first } = await page.evaluate(() => ({ shift: window.__shift, first: window.__first }));
    assert.ok(shift <= 0.01, `the host article shifted: CLS ${shift.toFixed(3)} (at most 0.01)`);
    assert.ok(Math.abs(first - h) <= Math.max(8, h * 0.015), `embed.js sized the frame ${first} px before the graphic reported ${h} px`);
    await ctx.close();
  });
}
