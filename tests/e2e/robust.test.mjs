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

// The page hydrates its later parts (each station's text, the sections after
// the journey) in slices after the first pass; a switch pressed in between
// waits for them, so no part hydrates over the old language's words and
// keeps them.
test('a language switch pressed while the later parts still wait to hydrate flips the whole page, in place', async () => {
  const parts = () => [...document.querySelectorAll('ol.stations, main > article > .later > section')].map((e) => e.innerText);
  // What the English page says, loaded as such.
  const fresh = await open(env, 'en.html');
  const english = await fresh.page.evaluate(parts);
  await fresh.ctx.close();

  const { ctx, page, errors } = await open(env, '', {
    wait: false,
    // Once the first pass has given the switch its handler, the page's
    // zero-delay tasks (the slices), those already asked for included, are
    // held until the test lets them go.
    before: (ctx) =>
      ctx.addInitScript(() => {
        const [later, cancel] = [window.setTimeout.bind(window), window.clearTimeout.bind(window)];
        const pending = new Map();
        const held = [];
        window.__hold = false;
        window.setTimeout = (f, ms, ...args) => {
          const run = () => f(...args);
          if (ms) return later(f, ms, ...args);
          if (window.__hold) return held.push(run), 0;
          const id = later(() => (pending.delete(id), run()), 0);
          pending.set(id, run);
          return id;
        };
        const add = EventTarget.prototype.addEventListener;
        EventTarget.prototype.addEventListener = function (type, ...rest) {
          if (type === 'click' && this instanceof Element && this.matches('.lang-switch') && !window.__hold) {
            window.__hold = true;
            for (const [id, run] of pending) cancel(id), held.push(run);
            pending.clear();
          }
          return add.call(this, type, ...rest);
        };
        window.__release = () => {
          window.__hold = false;
          held.splice(0).forEach((run) => later(run, 0));
        };
      }),
  });
  await page.waitForFunction(() => window.__hold);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.qitar), undefined, 'live before the later parts hydrated');
  await page.evaluate(() => {
    window.__samePage = true;
    document.querySelector('.lang-switch').click();
    window.__release();
  });
  await page.waitForSelector('html[data-qitar="live"]', { state: 'attached' });
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.evaluate(() => window.__samePage), true, 'the switch loaded another page instead of flipping this one');
  const switched = await page.evaluate(parts);
  assert.equal(switched.length, english.length);
  switched.forEach((text, i) => assert.equal(text, english[i], `part ${i} is not what the English page says`));
  assert.deepEqual(errors, []);
  await ctx.close();
});
