// The static first paint: the whole story without JavaScript, or with the
// WebAssembly blocked; the app takes over without moving anything, and the
// largest paint comes from the HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withBrowser } from './harness.mjs';
import { open, frames } from './page.mjs';

const story = JSON.parse(fs.readFileSync(new URL('../../content/story.json', import.meta.url)));
const stats = [...story.stations.flatMap((s) => s.stats), ...story.initiatives.flatMap((i) => i.stats)];

const env = withBrowser();

// Page text has the locale's digits; the story file has ASCII ones.
const plain = (t) => t
  .replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)))
  .replace(/٫/g, '.').replace(/٬/g, ',').replace(/٪/g, '%');

async function everythingIsThere(page, lang = story.default_lang) {
  assert.equal(await page.textContent('h1'), story.title[lang]);
  for (const s of story.stations) {
    const id = s.year ? String(s.year) : s.id;
    assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `station ${id}`);
    assert.ok(plain(await page.textContent(`[id="${id}"]`)).includes(s.title[lang]), `station ${id} title`);
  }
  for (const s of stats) {
    const text = plain(await page.textContent(`#stat-${s.id}`));
    assert.ok(text.includes(s.label[lang]), `stat ${s.id}`);
    if (s.note) assert.ok(text.includes(s.note[lang].slice(0, 20)), `stat ${s.id}: note`);
  }
  for (const s of story.sources) assert.equal(await page.locator(`#source-${s.id}`).count(), 1, `source ${s.id}`);
  for (const i of story.initiatives) assert.equal(await page.locator(`#initiative-${i.id}`).count(), 1);
  assert.ok((await page.textContent('.question')).length > 10);
}

test('static page, JavaScript off: every station, statistic (notes included) and source is there', async () => {
  const ctx = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto(env.server.url);
  await everythingIsThere(page);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await ctx.close();
});

test('static page, WebAssembly blocked: the whole story still shows', async () => {
  let failed;
  const wasmFailed = new Promise((r) => (failed = r));
  const { ctx, page } = await open(env, '', {
    width: 1280,
    height: 800,
    app: false,
    before: (_, page) => page.on('requestfailed', (r) => /\.wasm/.test(r.url()) && failed()),
  });
  // The app tried, and could not start.
  await wasmFailed;
  await frames(page, 2);
  assert.equal(await page.locator('html[data-qitar]').count(), 0);
  await everythingIsThere(page);
  assert.ok(await page.locator('h1').isVisible());
  // The map's stops are not links here: its hint ("pick a station") waits for the app.
  assert.equal(await page.locator('.track-hint').isVisible(), false, 'the static map\'s hint promises links it does not have');
  await ctx.close();
});

for (const [width, height] of [[390, 844], [1280, 800]]) {
  test(`${width}px: the app takes over with CLS <= 0.02, and the LCP comes from the HTML`, async () => {
    const ctx = await env.browser.newContext({ viewport: { width, height } });
    const page = await ctx.newPage();
    await ctx.addInitScript(() => {
      window.__cls = 0;
      window.__lcp = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lcp.push({ t: e.startTime, tag: e.element?.tagName }))).observe({ type: 'largest-contentful-paint', buffered: true });
      addEventListener('TrunkApplicationStarted', () => { window.__started = performance.now(); });
    });
    // A slow network for the WebAssembly: the page must paint without it.
    await page.route('**/*.wasm', async (r) => {
      await new Promise((ok) => setTimeout(ok, 1500));
      await r.continue();
    });
    await page.goto(env.server.url);
    await page.waitForFunction(() => window.__started !== undefined, null, { timeout: 10000 });
    await page.waitForSelector('html[data-qitar="live"]');
    await page.waitForSelector('.track-stage .stop');
    await frames(page, 10);
    const { cls, lcp, started } = await page.evaluate(() => ({ cls: window.__cls, lcp: window.__lcp, started: window.__started }));
    assert.ok(cls <= 0.02, `CLS ${cls}`);
    assert.ok(lcp.length > 0, 'no LCP entry');
    assert.ok(lcp[0].t < started, `first LCP at ${lcp[0].t} ms, app started at ${started} ms`);
    // Beside the text, the map's hint shows once its stops are links (it kept its line meanwhile).
    if (width === 1280) assert.equal(await page.locator('.track-hint').isVisible(), true, 'no hint on the live map');
    await ctx.close();
  });
}

test('the app hydrates the prerendered page in place, and the page of the other language too', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  await ctx.addInitScript(() => {
    addEventListener('DOMContentLoaded', () => { document.querySelector('h1').__static = true; });
    addEventListener('TrunkApplicationStarted', () => { window.__started = true; });
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && !m.text().includes('integrity') && errors.push(m.text()));
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.__started);
  await page.waitForSelector('html[data-qitar="live"]');
  await page.waitForSelector('.track-stage .stop');
  assert.equal(await page.evaluate(() => document.querySelector('h1').__static), true, 'the static h1 was replaced');
  assert.equal(await page.locator('body > .page').count(), 1);
  // Hydrated nodes are live: the switch still flips the whole page.
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('h1'), story.title.en);
  assert.deepEqual(errors, []);
  await page.goto(env.server.url + '?lang=en');
  await page.waitForSelector('html[data-qitar="live"]');
  await page.waitForSelector('.track-stage .stop');
  assert.equal(await page.locator('body > .page').count(), 1);
  assert.equal(await page.textContent('h1'), story.title.en);
  await ctx.close();
});

test('static page: every language has its own prerendered page, readable without JavaScript', async () => {
  const ctx = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  for (const l of ['ar', 'en']) {
    await page.goto(env.server.url + (l === story.default_lang ? '' : `${l}.html`));
    assert.equal(await page.getAttribute('html', 'lang'), l);
    assert.equal(await page.getAttribute('html', 'dir'), l === 'ar' ? 'rtl' : 'ltr');
    await everythingIsThere(page, l);
  }
  // The language switch is a link to the other page.
  await page.click('.lang-switch');
  await page.waitForLoadState();
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  await page.click('.lang-switch');
  await page.waitForLoadState();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await ctx.close();
});

test('?lang=en goes to the English page before anything is drawn, and hydrates it', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  await ctx.addInitScript(() => {
    addEventListener('DOMContentLoaded', () => {
      const h1 = document.querySelector('h1');
      if (h1) h1.__static = true;
      window.__firstLang = document.documentElement.lang;
    });
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url + '?lang=en#2014');
  await page.waitForSelector('html[data-qitar="live"]');
  assert.match(page.url(), /\/en\.html\?lang=en#2014$/);
  // The only page that got as far as being parsed was the English one.
  assert.equal(await page.evaluate(() => window.__firstLang), 'en');
  assert.equal(await page.evaluate(() => document.querySelector('h1').__static), true, 'hydrated, not rebuilt');
  await page.waitForFunction(() => document.getElementById('2014').getAttribute('aria-current') === 'step');
  // In place to Arabic, and a reload lands on the Arabic page.
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'ar');
  await page.reload();
  await page.waitForSelector('html[data-qitar="live"]');
  assert.match(page.url(), /\/index\.html\?lang=ar/);
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.deepEqual(errors, []);
  await ctx.close();
});

// What static hosts read (Netlify, Cloudflare Pages): every hashed asset
// cached for good, the pages and embed.js revalidated, the strict CSP.
test('dist/_headers: hashed files immutable, pages and embed.js revalidated, the strict CSP', () => {
  const dist = new URL('../../dist/', import.meta.url);
  const rules = fs.readFileSync(new URL('_headers', dist), 'utf8');
  const block = (p) => {
    const lines = rules.split('\n');
    const i = lines.indexOf(p);
    assert.ok(i >= 0, `no rule for ${p}`);
    const out = [];
    for (let k = i + 1; k < lines.length && lines[k].startsWith('  '); k++) out.push(lines[k].trim());
    return out;
  };
  const hashed = fs.readdirSync(dist).filter((f) => /-[0-9a-f]{16}(_bg)?\.(js|css|wasm)$/.test(f));
  assert.ok(hashed.some((f) => f.endsWith('.wasm')) && hashed.some((f) => f.endsWith('.css')));
  for (const f of hashed) assert.deepEqual(block(`/${f}`), ['Cache-Control: public, max-age=31536000, immutable'], f);
  for (const p of ['/', '/index.html', '/en.html', '/embed.js']) {
    assert.deepEqual(block(p), ['Cache-Control: public, max-age=0, must-revalidate'], p);
  }
  const all = block('/*');
  // connect-src: the page's own origin, and the story origins the build allows
  // (the test command's build allows one).
  assert.ok(all.some((l) => /^Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'( https?:\/\/[a-z0-9.-]+(:\d+)?)*; object-src 'none'; base-uri 'none'$/.test(l)), all.join('\n'));
  assert.ok(all.some((l) => l.includes("connect-src 'self' http://127.0.0.1:47615;")), 'the allowed story origin is in connect-src');
  assert.ok(all.includes('Access-Control-Allow-Origin: *'));
  // Cache-Control only per path: hosts join a header two matching rules set.
  assert.ok(!all.some((h) => h.startsWith('Cache-Control')));
});
