// The journey as a reader scrolls it: stations activate in order, the train
// moves forward only, deep links, keyboard, reduced motion, narrow screens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withBrowser } from './harness.mjs';

const story = JSON.parse(fs.readFileSync(new URL('../../content/story.json', import.meta.url)));
const anchors = story.stations.map((s) => (s.year ? String(s.year) : s.id));
const N = story.stations.length;

const env = withBrowser();

const frames = (page, n = 2) =>
  page.evaluate((n) => new Promise((r) => {
    const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : r());
    step(n);
  }), n);

async function open(query, { width, height, reducedMotion = 'no-preference' }) {
  const ctx = await env.browser.newContext({ viewport: { width, height }, reducedMotion });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url + query);
  await page.waitForSelector('.track-stage .stop');
  await frames(page, 3);
  return { page, ctx, errors };
}

/** Where the reader is: active station index and the train's arc fraction. */
const state = (page) =>
  page.evaluate(() => {
    const items = [...document.querySelectorAll('ol.stations > li.station')];
    const bar = document.querySelector('.track-figure .progress span');
    return {
      active: items.findIndex((li) => li.getAttribute('aria-current') === 'step'),
      t: parseFloat(bar.style.getPropertyValue('--t') || 'NaN'),
      hash: location.hash,
    };
  });

async function scrollThrough(page, step) {
  const seen = [];
  const ts = [];
  const total = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  for (let y = 0; y <= total + step; y += step) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await frames(page);
    const s = await state(page);
    if (seen[seen.length - 1] !== s.active) seen.push(s.active);
    if (!Number.isNaN(s.t)) ts.push(s.t);
  }
  return { seen, ts };
}

for (const [width, height] of [[390, 844], [1280, 800]]) {
  for (const lang of ['ar', 'en']) {
    test(`${lang} ${width}px: every station activates once, in order, and the train only moves forward`, async () => {
      const { page, ctx, errors } = await open(`?lang=${lang}`, { width, height });
      const { seen, ts } = await scrollThrough(page, 97);
      assert.deepEqual(seen, [...Array(N).keys()]);
      for (let i = 1; i < ts.length; i++) assert.ok(ts[i] >= ts[i - 1] - 1e-6, `train went back at ${i}: ${ts[i - 1]} → ${ts[i]}`);
      assert.ok(ts[ts.length - 1] > 0.99, `train reached ${ts[ts.length - 1]}`);
      // Continuous, not in jumps: many distinct positions on the way.
      assert.ok(new Set(ts.map((t) => t.toFixed(3))).size > N * 2);
      // The hash followed the reader to the end.
      assert.equal((await state(page)).hash, `#${anchors[N - 1]}`);
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }
}

test('a #2014 deep link starts the reader at 2014', async () => {
  const { page, ctx } = await open('?lang=en#2014', { width: 390, height: 844 });
  await page.waitForFunction(() => document.getElementById('2014').getAttribute('aria-current') === 'step');
  const s = await state(page);
  assert.equal(anchors[s.active], '2014');
  assert.equal(await page.getAttribute('[data-stop="3"]', 'aria-current'), 'step');
  await ctx.close();
});

test('the live region announces the station', async () => {
  const { page, ctx } = await open('?lang=en#2017', { width: 1280, height: 800 });
  await page.waitForFunction(() => document.getElementById('2017').getAttribute('aria-current') === 'step');
  const live = await page.textContent('[aria-live="polite"]');
  assert.equal(live.trim(), story.stations.find((s) => s.year === 2017).announce.en);
  await ctx.close();
});

test('keyboard: arrows move between stations, mirrored in Arabic; Home and End go to the ends', async () => {
  for (const [lang, next, prev] of [['en', 'ArrowRight', 'ArrowLeft'], ['ar', 'ArrowLeft', 'ArrowRight']]) {
    const { page, ctx } = await open(`?lang=${lang}`, { width: 1280, height: 800, reducedMotion: 'reduce' });
    await page.focus('[data-stop="0"]');
    await page.keyboard.press(next);
    await page.waitForFunction(() => document.querySelector('[data-stop="1"]').getAttribute('aria-current') === 'step');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.stop), '1');
    await page.keyboard.press('End');
    await page.waitForFunction((n) => document.querySelector(`[data-stop="${n - 1}"]`).getAttribute('aria-current') === 'step', N);
    await page.keyboard.press(prev);
    await page.waitForFunction((n) => document.querySelector(`[data-stop="${n - 2}"]`).getAttribute('aria-current') === 'step', N);
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('[data-stop="0"]').getAttribute('aria-current') === 'step');
    // Enter on a station link goes there.
    await page.focus('[data-stop="4"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-stop="4"]').getAttribute('aria-current') === 'step');
    await ctx.close();
  }
});

test('reduced motion: the train jumps between stations', async () => {
  const { page, ctx } = await open('?lang=ar', { width: 390, height: 844, reducedMotion: 'reduce' });
  const { seen, ts } = await scrollThrough(page, 61);
  assert.deepEqual(seen, [...Array(N).keys()]);
  const distinct = [...new Set(ts.map((t) => t.toFixed(4)))];
  assert.ok(distinct.length <= N, `train took ${distinct.length} positions for ${N} stations`);
  const transition = await page.evaluate(() => getComputedStyle(document.querySelector('.train')).transitionDuration);
  assert.equal(transition, '0s');
  await ctx.close();
});

test('no horizontal overflow at 320 px', async () => {
  for (const lang of ['ar', 'en']) {
    const { page, ctx } = await open(`?lang=${lang}`, { width: 320, height: 640 });
    const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
    assert.ok(sw <= cw, `${lang}: scrollWidth ${sw} > ${cw}`);
    await ctx.close();
  }
});
