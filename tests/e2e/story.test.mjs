// The built page as a reader uses it: the whole story in both languages,
// the language switch, and a broken story URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withBrowser } from './harness.mjs';
import { serve } from './server.mjs';
import { open } from './page.mjs';

const story = JSON.parse(fs.readFileSync(new URL('../../content/story.json', import.meta.url)));
const allStats = [
  ...story.stations.flatMap((s) => s.stats),
  ...story.initiatives.flatMap((i) => i.stats),
];

// Another site's story file, with and without CORS (see the tests at the end).
const elsewhere = structuredClone(story);
elsewhere.title = { ar: 'قصة من موقع آخر', en: 'A story from another site' };
const env = withBrowser({ pages: (p) => elsewherePages(p) });
for (const lang of ['ar', 'en']) {
  test(`the whole story renders in ${lang}`, async () => {
    const { ctx, page, errors } = await open(env, lang === 'ar' ? '' : '?lang=en');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    assert.equal(await page.textContent('h1'), story.title[lang]);
    assert.equal(await page.locator('ol.stations > li').count(), story.stations.length);
    for (const s of story.stations) {
      const id = s.year ? String(s.year) : s.id;
      const title = await page.locator(`[id="${id}"] .station-title`).textContent();
      assert.equal(title.trim().length > 0, true);
    }
    assert.equal(await page.locator('button.stat-button').count(), allStats.length);
    assert.equal(await page.locator('.initiative').count(), story.initiatives.length);
    assert.equal(await page.locator('.source-list > li').count(), story.sources.length);
    assert.equal((await page.textContent('.question')).length > 10, true);
    // What only the live app draws: the track, one stop per station, and
    // a station marked as the reader's.
    assert.equal(await page.locator('.track-stage .stop').count(), story.stations.length);
    await page.waitForSelector('ol.stations > li[aria-current="step"]');
    // Headings in order: one h1, then h2s, with h3s beneath.
    const levels = await page.$$eval('h1, h2, h3', (hs) => hs.map((h) => Number(h.tagName[1])));
    assert.equal(levels[0], 1);
    for (let i = 1; i < levels.length; i++) assert.ok(levels[i] - levels[i - 1] <= 1, `heading jump at ${i}`);
    const digits = await page.textContent('#stat-twitter-h2-2017 .figure');
    assert.equal(digits, lang === 'ar' ? '٢٧٤٬٤٦٠' : '274,460');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('the language switch flips in place and keeps the reader at 2017', async () => {
  const { ctx, page } = await open(env, '');
  const start = page.url();
  await page.locator('[id="2017"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const before = await page.locator('[id="2017"]').evaluate((el) => el.getBoundingClientRect().top);
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // In place: the same document (a followed link would have reloaded and
  // lost the live marker) with the English text in it.
  assert.equal(await page.locator('html[data-qitar="live"]').count(), 1, 'the page was reloaded');
  assert.equal(await page.textContent('h1'), story.title.en);
  // Two frames for the re-layout, then the reader must still be at 2017.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const after = await page.locator('[id="2017"]').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(Math.abs(after - before) < 2, `2017 moved from ${before} to ${after}`);
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.equal(new URL(page.url()).pathname, new URL(start).pathname);
  assert.match(page.url(), /lang=en/);
  await ctx.close();
});

test('a broken story URL shows a translated error panel, never a blank page', async () => {
  const { ctx, page } = await open(env, '?lang=en&story=missing.json');
  await page.waitForSelector('.error-panel');
  assert.match(await page.textContent('.error-panel'), /Could not load the story file/);
  assert.match(await page.textContent('.error-list'), /The server answered 404.*Check the address/);
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'ar');
  assert.match(await page.textContent('.error-panel'), /تعذّر تحميل ملف القصة/);
  assert.match(await page.textContent('.error-list'), /ردّ الخادم بالرمز 404/);
  await ctx.close();
});

// Another newsroom retells the story from its own file.
test('a story from ?story= loads, then reads, switches language and opens cards like the built-in one', async () => {
  const retold = structuredClone(story);
  retold.title = { ar: 'قصة أخرى على الخط نفسه', en: 'Another story on the same line' };
  retold.stations = retold.stations.slice(0, 4);
  let release;
  const held = new Promise((r) => (release = r));
  const { ctx, page, errors } = await open(env, '?lang=en&story=retold.json', {
    width: 1280,
    height: 800,
    before: (_, page) =>
      page.route('**/retold.json', async (route) => {
        await held;
        await route.fulfill({ contentType: 'application/json', body: JSON.stringify(retold) });
      }),
  });
  // While it is on its way, the reader is told so (and sees no stale story).
  await page.waitForSelector('.loading[role="status"]');
  assert.equal(await page.locator('article').count(), 0);
  release();
  await page.waitForSelector('article h1');
  assert.equal(await page.textContent('article h1'), retold.title.en);
  assert.equal(await page.locator('.loading').count(), 0);
  assert.equal(await page.locator('ol.stations > li.station').count(), 4);
  await page.waitForSelector('.track-stage .stop');
  assert.equal(await page.locator('.track-stage .stop').count(), 4);
  // The language switch reaches the mounted story, and as a link keeps it.
  assert.match(await page.getAttribute('.lang-switch', 'href'), /^\?lang=ar&story=retold\.json$/);
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.equal(await page.textContent('article h1'), retold.title.ar);
  // A figure opens its card.
  await page.locator('button.stat-button').first().click();
  await page.waitForSelector('dialog[open]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog[open]', { state: 'detached' });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('static page under ?story=: the built-in story is not shown; it says another one is loading, or that it could not be loaded', async () => {
  // While the app's code is on its way (held here): "loading".
  let release;
  const held = new Promise((r) => (release = r));
  const slow = await open(env, 'en.html?story=retold.json', {
    width: 390,
    height: 844,
    wait: false,
    before: (_, p) => p.route(/\.wasm$/, async (r) => { await held; await r.abort(); }),
  });
  await slow.page.waitForLoadState('domcontentloaded');
  assert.equal(await slow.page.locator('main > article').isVisible(), false);
  assert.equal(await slow.page.evaluate(() => getComputedStyle(document.querySelector('main'), '::before').content), JSON.stringify('Loading the story…'));
  release();
  await slow.ctx.close();
  const { ctx, page } = await open(env, 'en.html?story=retold.json', { width: 390, height: 844, app: false });
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('remote-story')), true);
  assert.equal(await page.locator('main > article').isVisible(), false, 'the built-in story shows under ?story=');
  const said = () => page.evaluate(() => getComputedStyle(document.querySelector('main'), '::before').content);
  // The app's code never comes (blocked here): the page says the story could
  // not be loaded rather than "loading" for ever, and still not the built-in one.
  await page.waitForFunction(() => document.documentElement.classList.contains('remote-story-failed'));
  assert.equal(await said(), JSON.stringify('Could not load the story file'));
  assert.equal(await page.locator('main > article').isVisible(), false);
  await ctx.close();
});

test('a ?story= page takes the story\'s title and description once it renders', async () => {
  const retold = structuredClone(story);
  retold.title = { ar: 'قصة أخرى', en: 'Another story, its own title' };
  retold.intro = { ar: 'مقدمة أخرى', en: 'Another introduction.' };
  const { ctx, page } = await open(env, '?lang=en&story=titled.json', {
    width: 390,
    height: 844,
    before: (_, p) => p.route('**/titled.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(retold) })),
  });
  await page.waitForSelector('article h1');
  assert.equal(await page.title(), retold.title.en);
  assert.equal(await page.getAttribute('meta[name="description"]', 'content'), retold.intro.en);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('remote-story')), false);
  assert.ok(await page.locator('main > article').isVisible());
  await ctx.close();
});

test('money in any ISO 4217 currency is written by Intl, with its Arabic name', async () => {
  const riyals = structuredClone(story);
  const prize = riyals.stations.flatMap((x) => x.stats || []).find((x) => x.id === 'telegram-prize');
  prize.unit = 'currency';
  prize.currency = 'SAR';
  const { ctx, page, errors } = await open(env, '?lang=ar&story=riyals.json', {
    width: 390,
    height: 844,
    before: (_, p) => p.route('**/riyals.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(riyals) })),
  });
  const figure = () => page.textContent('#stat-telegram-prize .figure');
  await page.waitForSelector('#stat-telegram-prize .figure');
  assert.equal((await figure()).trim(), '٢٠٠٬٠٠٠ ريال سعودي');
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await figure()).trim().replace(/\u00a0/g, ' '), 'SAR 200,000');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a story written in English only reads in English, even when Arabic is asked for, with no language switch', async () => {
  const english = structuredClone(story);
  const strip = (v) => {
    if (Array.isArray(v)) return v.forEach(strip);
    if (v && typeof v === 'object') {
      if ('ar' in v && 'en' in v && Object.keys(v).length === 2) delete v.ar;
      else Object.values(v).forEach(strip);
    }
  };
  strip(english);
  english.number_locales = { ar: 'ar-u-nu-arab', en: 'en-US' };
  english.languages = ['en'];
  english.default_lang = 'en';
  const { ctx, page, errors } = await open(env, '?lang=ar&story=english.json', {
    width: 390,
    height: 844,
    before: (_, p) => p.route('**/english.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(english) })),
  });
  await page.waitForSelector('article h1');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('article h1'), story.title.en);
  assert.equal(await page.locator('.lang-switch').isVisible(), false);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// ?story= is same origin only, unless the build allows another origin:
// scripts/test.sh builds with QITAR_STORY_ORIGINS=http://127.0.0.1:47615.
const ALLOWED_PORT = 47615;
const elsewherePages = (p) => {
  const body = JSON.stringify(elsewhere);
  const type = 'application/json';
  if (p === '/elsewhere/cors.json') return { body, type, headers: { 'access-control-allow-origin': '*' } };
  if (p === '/elsewhere/no-cors.json') return { body, type };
  return undefined;
};

for (const [lang, page0] of [['en', 'en.html'], ['ar', '']]) {
  test(`a ?story= from an origin the build does not allow is refused, in the page's language (${lang})`, async () => {
    const other = `http://localhost:${new URL(env.server.url).port}/elsewhere/cors.json`;
    const { ctx, page } = await open(env, `${page0}?story=${encodeURIComponent(other)}`, { width: 1280, height: 800 });
    await page.waitForSelector('.error-panel');
    const text = await page.textContent('.error-panel');
    const ui = JSON.parse(fs.readFileSync(new URL('../../content/ui.json', import.meta.url)))[lang];
    assert.ok(text.includes(ui.error_fetch), text);
    assert.ok(text.includes(`http://localhost:${new URL(env.server.url).port}`), `the refusal names the origin: ${text}`);
    assert.ok(text.includes(new URL(env.server.url).origin), `and the allowed ones: ${text}`);
    assert.ok(text.includes(ui.error_refused.split('{')[0].trim()), text);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.locator('article').count(), 0);
    await ctx.close();
  });
}

test('a ?story= from an allowed origin renders when served with CORS, and says what to check when not', async () => {
  const other = await serve({ pages: elsewherePages, port: ALLOWED_PORT });
  try {
    const cors = encodeURIComponent(`http://127.0.0.1:${ALLOWED_PORT}/elsewhere/cors.json`);
    let r = await open(env, `?lang=en&story=${cors}`, { width: 1280, height: 800 });
    await r.page.waitForSelector('article h1');
    assert.equal(await r.page.textContent('article h1'), elsewhere.title.en);
    assert.equal(await r.page.locator('.track-stage .stop').count(), elsewhere.stations.length);
    await r.ctx.close();
    const noCors = encodeURIComponent(`http://127.0.0.1:${ALLOWED_PORT}/elsewhere/no-cors.json`);
    r = await open(env, `en.html?story=${noCors}`, { width: 1280, height: 800 });
    await r.page.waitForSelector('.error-panel');
    const text = await r.page.textContent('.error-panel');
    assert.match(text, /Could not load the story file/);
    assert.match(text, /Access-Control-Allow-Origin/);
    assert.match(text, /connect-src/);
    assert.equal(await r.page.locator('article').count(), 0);
    await r.ctx.close();
  } finally {
    await other.close();
  }
});

test('a ?story= that is not there says the server answered 404', async () => {
  const { ctx, page } = await open(env, 'en.html?story=missing-story.json', { width: 1280, height: 800 });
  await page.waitForSelector('.error-panel');
  assert.match(await page.textContent('.error-panel'), /The server answered 404/);
  await ctx.close();
});

// Newsrooms host graphics under a path of their own, not at a site's root.
test('served from a sub-path, both language pages start and a card draws its chart', async () => {
  const sub = await serve({ prefix: '/graphics/qitar/' });
  try {
    for (const file of ['', 'en.html']) {
      const { ctx, page, errors } = await open({ browser: env.browser, server: sub }, `${file}#stat-telegram-mau-2018`, { width: 1280, height: 800 });
      assert.match(page.url(), /\/graphics\/qitar\//);
      await page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
      assert.deepEqual(errors, []);
      await ctx.close();
    }
  } finally {
    await sub.close();
  }
});
