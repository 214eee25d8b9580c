// Robustness: a resize storm, rapid clicks on figures and language switches
// in mid-scroll leave no error, no panic, and no leaked listeners or nodes.
import { test } from 'node:test';
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { withBrowser } from './harness.mjs';
import { abuseCycle, counters } from './abuse.mjs';
import { open } from './page.mjs';

const env = withBrowser();

test('resize storms, rapid clicks and mid-scroll language switches: no errors, nothing leaks', async () => {
  const { ctx, page, errors } = await open(env, '');
  const cdp = await ctx.newCDPSession(page);
  await page.waitForSelector('.track-stage .stop');
  await abuseCycle(page);
  const first = await counters(cdp);
  for (let i = 0; i < 9; i++) await abuseCycle(page);
  const last = await counters(cdp);
  assert.deepEqual(errors, []);
  assert.ok(last.listeners <= first.listeners, `listeners ${first.listeners} → ${last.listeners}`);
  assert.ok(last.nodes <= first.nodes * 1.05, `nodes ${first.nodes} → ${last.nodes}`);
  // Still working: the journey follows the reader.
  await page.evaluate(() => document.getElementById('2017').scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => document.getElementById('2017').getAttribute('aria-current') === 'step');
  await ctx.close();
});

// A real panic, from outside: an extension strips the HTML comments before
// the app hydrates (hydration's markers are comments), so hydration cannot
// match the page and panics.
test('a panic shows a translated notice and leaves the static story readable', async () => {
  const ui = JSON.parse(fs.readFileSync(new URL('../../content/ui.json', import.meta.url)));
  const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
  const panics = [];
  page.on('console', (m) => m.type() === 'error' && /panicked/.test(m.text()) && panics.push(m.text()));
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => {
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
      const comments = [];
      while (walk.nextNode()) comments.push(walk.currentNode);
      comments.forEach((c) => c.remove());
    }),
  );
  await page.goto(env.server.url);
  const notice = page.locator('#qitar-panic');
  await notice.waitFor();
  assert.ok(panics.length > 0, 'the app did panic');
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.equal((await notice.textContent()).trim(), ui.ar.panic);
  // Only one notice, however many panics follow.
  assert.equal(await page.locator('.panic-notice').count(), 1);
  // The static story is all still there, and visible.
  const stations = await page.locator('ol.stations > li.station').count();
  assert.ok(stations >= 7, `${stations} stations`);
  assert.ok((await page.locator('.sources li').count()) >= 10);
  assert.ok(await page.locator('.story-head h1').isVisible());
  assert.ok(await notice.isVisible());
  await page.close();
});

// Translators wrap text in elements; other extensions add or remove some.
// Hydrating such a page would fail, so the app renders afresh instead.
for (const [file, lang, other] of [['', 'ar', 'en'], ['en.html', 'en', 'ar']]) {
  test(`a page rewritten before the app starts is rendered afresh, in its language (${lang}), without a panic`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        const h1 = document.querySelector('.story-head h1');
        const font = document.createElement('font');
        font.append(...h1.childNodes);
        h1.append(font);
        document.querySelector('.masthead')?.remove();
      }),
    );
    await page.goto(env.server.url + file);
    await page.waitForSelector('html[data-qitar="live"]');
    await page.waitForSelector('.masthead .lang-switch');
    await page.waitForSelector('.track-stage .stop');
    assert.equal(await page.locator('body > .page').count(), 1);
    assert.equal(await page.locator('#qitar-panic').count(), 0);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    // It works: the journey follows the reader, the language switches.
    await page.evaluate(() => document.getElementById('2017').scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => document.getElementById('2017').getAttribute('aria-current') === 'step');
    await page.click('.lang-switch');
    await page.waitForFunction((l) => document.documentElement.lang === l, other);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
