// The built page as a reader uses it: the whole story in both languages,
// the language switch, and a broken story URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withBrowser } from './harness.mjs';

const story = JSON.parse(fs.readFileSync(new URL('../../content/story.json', import.meta.url)));
const allStats = [
  ...story.stations.flatMap((s) => s.stats),
  ...story.initiatives.flatMap((i) => i.stats),
];

const env = withBrowser();

async function open(query, viewport = { width: 390, height: 844 }) {
  const page = await env.browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(env.server.url + query);
  await page.waitForSelector('article, .error-panel');
  return { page, errors };
}

for (const lang of ['ar', 'en']) {
  test(`the whole story renders in ${lang}`, async () => {
    const { page, errors } = await open(lang === 'ar' ? '' : '?lang=en');
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
    // Headings in order: one h1, then h2s, with h3s beneath.
    const levels = await page.$$eval('h1, h2, h3', (hs) => hs.map((h) => Number(h.tagName[1])));
    assert.equal(levels[0], 1);
    for (let i = 1; i < levels.length; i++) assert.ok(levels[i] - levels[i - 1] <= 1, `heading jump at ${i}`);
    const digits = await page.textContent('#stat-twitter-h2-2017 .figure');
    assert.equal(digits, lang === 'ar' ? '٢٧٤٬٤٦٠' : '274,460');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the language switch flips in place and keeps the reader at 2017', async () => {
  const { page } = await open('');
  await page.locator('[id="2017"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const before = await page.locator('[id="2017"]').evaluate((el) => el.getBoundingClientRect().top);
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForTimeout(100);
  const after = await page.locator('[id="2017"]').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(Math.abs(after - before) < 2, `2017 moved from ${before} to ${after}`);
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.match(page.url(), /lang=en/);
  await page.close();
});

test('a broken story URL shows a translated error panel, never a blank page', async () => {
  const { page } = await open('?lang=en&story=missing.json');
  await page.waitForSelector('.error-panel');
  assert.match(await page.textContent('.error-panel'), /Could not load the story file: HTTP 404/);
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'ar');
  assert.match(await page.textContent('.error-panel'), /تعذّر تحميل ملف القصة/);
  await page.close();
});

// Another newsroom retells the story from its own file.
test('a story from ?story= loads, then reads, switches language and opens cards like the built-in one', async () => {
  const retold = structuredClone(story);
  retold.title = { ar: 'قصة أخرى على الخط نفسه', en: 'Another story on the same line' };
  retold.stations = retold.stations.slice(0, 4);
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/retold.json', async (route) => {
    await held;
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(retold) });
  });
  await page.goto(env.server.url + '?lang=en&story=retold.json');
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
  // The language switch reaches the mounted story.
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.equal(await page.textContent('article h1'), retold.title.ar);
  // A figure opens its card.
  await page.locator('button.stat-button').first().click();
  await page.waitForSelector('dialog[open]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog[open]', { state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});
