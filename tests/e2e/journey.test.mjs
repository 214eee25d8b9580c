// The journey as a reader scrolls it: stations activate in order, the train
// moves forward only, deep links, keyboard, reduced motion, narrow screens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withBrowser } from './harness.mjs';
import { open as openPage, frames } from './page.mjs';

const story = JSON.parse(fs.readFileSync(new URL('../../content/story.json', import.meta.url)));
const anchors = story.stations.map((s) => (s.year ? String(s.year) : s.id));
const N = story.stations.length;

const env = withBrowser();

async function open(query, { width, height, reducedMotion = 'no-preference' }) {
  const r = await openPage(env, query, { width, height, reducedMotion });
  await frames(r.page, 3);
  return r;
}

/** Where the reader is: active station index and the train's arc fraction. */
const state = (page) =>
  page.evaluate(() => {
    const items = [...document.querySelectorAll('ol.stations > li.station')];
    const bar = document.querySelector('.track-figure .progress span');
    return {
      active: items.findIndex((li) => li.getAttribute('aria-current') === 'step'),
      t: parseFloat(bar.style.getPropertyValue('--t') || 'NaN'),
      // The drawn train's own pose, as the engine set it.
      pose: ['--tx', '--ty', '--ta'].map((p) => document.querySelector('.train')?.style.getPropertyValue(p)).join(' '),
      hash: location.hash,
    };
  });

async function scrollThrough(page, step) {
  const seen = [];
  const ts = [];
  const poses = [];
  const total = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  for (let y = 0; y <= total + step; y += step) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await frames(page);
    const s = await state(page);
    if (seen[seen.length - 1] !== s.active) seen.push(s.active);
    if (!Number.isNaN(s.t)) ts.push(s.t);
    poses.push(s.pose);
  }
  return { seen, ts, poses };
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

// In embed mode the train glides with a CSS transition (the host's scroll
// arrives in steps); reduced motion must take that away too.
for (const reducedMotion of ['reduce', 'no-preference']) {
  test(`${reducedMotion === 'reduce' ? 'reduced motion: the train stands at each station in turn, with no transition' : 'without reduced motion the train glides between stations'} (embed mode)`, async () => {
    const { page, ctx } = await open('?lang=ar&embed=1', { width: 390, height: 844, reducedMotion });
    const { seen, ts, poses } = await scrollThrough(page, 61);
    assert.deepEqual(seen, [...Array(N).keys()]);
    const distinctT = new Set(ts.map((t) => t.toFixed(4))).size;
    const distinctPoses = new Set(poses).size;
    const transition = await page.evaluate(() => getComputedStyle(document.querySelector('.train')).transitionDuration);
    if (reducedMotion === 'reduce') {
      // One position per station: it moved at every station and nowhere else.
      assert.equal(distinctT, N, `progress took ${distinctT} values for ${N} stations`);
      assert.equal(distinctPoses, N, `the train took ${distinctPoses} poses for ${N} stations`);
      assert.equal(transition, '0s');
    } else {
      assert.ok(distinctPoses > N * 2, `the train took only ${distinctPoses} poses`);
      assert.notEqual(transition, '0s');
    }
    await ctx.close();
  });
}

test('no horizontal overflow at 320 px', async () => {
  for (const lang of ['ar', 'en']) {
    const { page, ctx } = await open(`?lang=${lang}`, { width: 320, height: 640 });
    const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
    assert.ok(sw <= cw, `${lang}: scrollWidth ${sw} > ${cw}`);
    await ctx.close();
  }
});

// The labels as the browser lays them out (real fonts, real wrapping), not
// as the geometry module estimates them: no two overlap, none leaves the
// track, and none covers another station's dot.
for (const width of [320, 390, 900, 1280]) {
  for (const lang of ['ar', 'en']) {
    test(`${lang} ${width}px: station labels on the track never overlap each other or the dots`, async () => {
      const { page, ctx } = await open(`?lang=${lang}`, { width, height: 800 });
      const { labels, dots, stage } = await page.evaluate(() => {
        const box = (el) => {
          const r = el.getBoundingClientRect();
          return { l: r.left, t: r.top, r: r.right, b: r.bottom };
        };
        return {
          labels: [...document.querySelectorAll('.track-stage .stop-label')].map(box),
          dots: [...document.querySelectorAll('.track-stage .stop-dot')].map(box),
          stage: box(document.querySelector('.track-stage')),
        };
      });
      assert.equal(labels.length, N);
      const hit = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
      for (let i = 0; i < N; i++) {
        assert.ok(labels[i].r > labels[i].l && labels[i].b > labels[i].t, `label ${i} has no size`);
        assert.ok(labels[i].l >= stage.l - 1 && labels[i].r <= stage.r + 1, `label ${i} leaves the track: ${JSON.stringify(labels[i])} in ${JSON.stringify(stage)}`);
        for (let j = i + 1; j < N; j++) assert.ok(!hit(labels[i], labels[j]), `labels ${i} and ${j} overlap`);
        dots.forEach((d, k) => assert.ok(!hit(labels[i], d), `label ${i} covers dot ${k}`));
      }
      await ctx.close();
    });
  }
}
