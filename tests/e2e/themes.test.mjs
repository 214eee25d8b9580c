// Themes, host colours and print: what the page looks like before and
// without the app, and on paper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withBrowser } from './harness.mjs';
import { open, frames } from './page.mjs';

const story = JSON.parse(fs.readFileSync(new URL('../../content/story.json', import.meta.url)));
const LIGHT_PAPER = '#fbfaf7';
const DARK_PAPER = '#161614';
const env = withBrowser();

/** Opens `query` and returns the root's custom properties as they were at
 *  DOMContentLoaded, before the app could have started. */
async function early(query, { scheme = 'light', blockWasm = false } = {}) {
  const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
  const page = await ctx.newPage();
  if (blockWasm) await page.route(/\.wasm$/, (r) => r.abort());
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => {
      const cs = getComputedStyle(document.documentElement);
      window.__early = {
        paper: cs.getPropertyValue('--paper').trim(),
        pageBg: cs.getPropertyValue('--page-bg').trim(),
        accent: cs.getPropertyValue('--accent').trim(),
        embed: document.documentElement.classList.contains('embed'),
      };
    }),
  );
  await page.goto(env.server.url + query);
  await page.waitForFunction(() => window.__early);
  return { ctx, page, early: await page.evaluate(() => window.__early) };
}

for (const [scheme, query, paper] of [
  ['light', '', LIGHT_PAPER],
  ['dark', '', DARK_PAPER],
  ['dark', '?theme=light', LIGHT_PAPER],
  ['light', '?theme=dark', DARK_PAPER],
  ['light', '?theme=sepia', LIGHT_PAPER],
]) {
  test(`static page, system ${scheme}, ${query || 'no ?theme'}: the ${paper === DARK_PAPER ? 'dark' : 'light'} palette from the first paint, app or not`, async () => {
    for (const blockWasm of [false, true]) {
      const { ctx, early: e } = await early(query, { scheme, blockWasm });
      assert.equal(e.paper, paper, `blockWasm=${blockWasm}`);
      await ctx.close();
    }
  });
}

test('static page: embed mode and the host colours apply before the first paint; bad colours are ignored', async () => {
  let { ctx, early: e } = await early('?embed=1&bg=%23FFEECC&accent=123456');
  assert.deepEqual(e, { paper: LIGHT_PAPER, pageBg: '#ffeecc', accent: '#123456', embed: true });
  await ctx.close();
  ({ ctx, early: e } = await early('?embed=1&bg=url(x)&accent=red'));
  assert.equal(e.embed, true);
  assert.equal(e.pageBg, 'transparent'); // the embed default
  assert.equal(e.accent, '#9b2c1f'); // the palette's
  await ctx.close();
  ({ ctx, early: e } = await early('?embed=1&bg=%23fff;background:url(x)&accent=transparent'));
  assert.equal(e.pageBg, 'transparent');
  assert.equal(e.accent, '#9b2c1f');
  await ctx.close();
  // Host colours are for embeds only.
  ({ ctx, early: e } = await early('?bg=%23ffeecc'));
  assert.equal(e.embed, false);
  assert.notEqual(e.pageBg, '#ffeecc');
  await ctx.close();
});

test('embed mode: the app takes over with CLS <= 0.02', async () => {
  const { ctx, page } = await open(env, '?embed=1', {
    before: (_, page) =>
      page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__cls += e.hadRecentInput ? 0 : e.value))).observe({ type: 'layout-shift', buffered: true });
      }),
  });
  await page.waitForSelector('.track-stage .stop');
  await frames(page, 10);
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls <= 0.02, `CLS ${cls}`);
  await ctx.close();
});

for (const lang of ['ar', 'en']) {
  test(`print (${lang}): a clean article with every station, figure and source, no track and no controls`, async () => {
    const { ctx, page } = await open(env, lang === 'en' ? '?lang=en' : '', { width: 1280, height: 800 });
    await page.waitForSelector('.track-stage .stop');
    await page.emulateMedia({ media: 'print' });
    const r = await page.evaluate(() => {
      const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const all = (sel) => [...document.querySelectorAll(sel)];
      return {
        track: shown(document.querySelector('.track-figure')),
        controls: all('button.lang-switch, .skip, dialog[open], .stat-more summary').filter(shown).length,
        stations: all('ol.stations > li.station').filter(shown).length,
        facts: all('.stat-more').map((d) => shown(d.querySelector('dl, .stat-facts, dd'))),
        sources: all('.sources li').filter(shown).length,
        urls: all('.sources a[href^="http"]').map((a) => getComputedStyle(a, '::after').content),
      };
    });
    assert.equal(r.track, false, 'no track');
    assert.equal(r.controls, 0, 'no controls');
    assert.equal(r.stations, story.stations.length);
    assert.ok(r.facts.length >= 12 && r.facts.every(Boolean), `facts: ${r.facts}`);
    assert.equal(r.sources, story.sources.length);
    assert.ok(r.urls.length > 0 && r.urls.every((c) => /\(http/.test(c)), 'links print their address');
    // And Chromium can print it.
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length >= 3);
    await ctx.close();
  });
}
