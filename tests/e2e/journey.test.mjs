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
      const { labels, tags, dots, stage } = await page.evaluate(() => {
        const box = (el) => {
          const r = el.getBoundingClientRect();
          return { l: r.left, t: r.top, r: r.right, b: r.bottom };
        };
        return {
          labels: [...document.querySelectorAll('.track-stage .stop-label')].map(box),
          tags: [...document.querySelectorAll('.track-stage .line-tag')].map(box),
          dots: [...document.querySelectorAll('.track-stage .stop-dot')].map(box),
          stage: box(document.querySelector('.track-stage')),
        };
      });
      assert.equal(labels.length, N);
      const hit = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
      // The lines' names too: inside the map, clear of each other and of
      // the stations' labels.
      for (const [i, t] of tags.entries()) {
        assert.ok(t.l >= stage.l - 1 && t.r <= stage.r + 1 && t.b <= stage.b + 1, `line name ${i} leaves the map`);
        labels.forEach((lab, k) => assert.ok(!hit(t, lab), `line name ${i} covers station label ${k}`));
        tags.slice(i + 1).forEach((o, k) => assert.ok(!hit(t, o), `line names ${i} and ${i + 1 + k} overlap`));
      }
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

// The map tells the story by itself: every line is named on it.
for (const [lang, width] of [['ar', 390], ['en', 390], ['ar', 320], ['en', 320]]) {
  test(`${lang} ${width}px: every line's name is on the map where it starts and ends, and the current station is stated under it`, async () => {
    const { page, ctx } = await open(`?lang=${lang}`, { width, height: 844 });
    const names = await page.$$eval('.track-stage .line-tag .line-name', (els) => els.map((e) => e.textContent.trim()));
    for (const p of story.platforms) {
      const stops = story.stations.filter((s) => s.platforms.includes(p.id)).length;
      const shown = names.filter((n) => n === p.name[lang]).length;
      // Named where it starts, and again where it ends if that is another stop.
      assert.ok(shown >= (stops > 1 ? 2 : 1), `${p.name[lang]} is on the map ${shown} times (${names.join(', ')})`);
    }
    // Where a line stops carrying the groups, a bar across it.
    assert.ok((await page.getAttribute('.track .line-ends', 'd')).split('M').length - 1 >= 3);
    await page.evaluate(() => document.getElementById('2016').scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => document.getElementById('2016').getAttribute('aria-current') === 'step');
    const s2016 = story.stations.find((s) => s.year === 2016);
    await page.waitForFunction((t) => document.querySelector('.now-title').textContent === t, s2016.title[lang]);
    const lines = await page.$$eval('.now-lines li', (els) => els.map((e) => e.textContent.trim()));
    assert.deepEqual(lines, s2016.platforms.map((id) => story.platforms.find((p) => p.id === id).name[lang]));
    await ctx.close();
  });
}

test('390px: the text has room to read (at least 300 px wide, 16 px type) with the map in view', async () => {
  for (const lang of ['ar', 'en']) {
    const { page, ctx } = await open(`?lang=${lang}`, { width: 390, height: 844 });
    await page.evaluate(() => document.getElementById('2014').scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => document.getElementById('2014').getAttribute('aria-current') === 'step');
    const m = await page.evaluate(() => {
      const cap = document.querySelector('[id="2014"] .caption');
      const map = document.querySelector('.track-figure').getBoundingClientRect();
      const label = getComputedStyle(document.querySelector('.stop-label')).fontSize;
      return { width: cap.getBoundingClientRect().width, font: parseFloat(getComputedStyle(cap).fontSize), mapTop: map.top, mapBottom: map.bottom, label: parseFloat(label) };
    });
    assert.ok(m.width >= 300, `${lang}: text column ${m.width}px`);
    assert.ok(m.font >= 16, `${lang}: text ${m.font}px`);
    assert.ok(m.mapTop >= -1 && m.mapBottom <= 844 * 0.4, `${lang}: the map is not in view above the text (${m.mapTop}–${m.mapBottom})`);
    assert.ok(m.label >= 12, `${lang}: station names ${m.label}px on the map`);
    await ctx.close();
  }
});

for (const [width, height, min] of [[390, 844, 56], [1280, 800, 96]]) {
  test(`${width}px: the train is at least ${min} px long, and glides between two stations`, async () => {
    const { page, ctx } = await open('?lang=en', { width, height });
    // On the straight between 2012 and 2013 the train lies along x.
    const top = async (id) => page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top + scrollY, id);
    const [a, b] = [await top('2012'), await top('2013')];
    const xs = [];
    for (let k = 0; k <= 8; k++) {
      await page.evaluate((y) => scrollTo(0, y), a - height / 2 + ((b - a) * k) / 8);
      await frames(page, 2);
      xs.push(await page.evaluate(() => parseFloat(document.querySelector('.train-head').style.getPropertyValue('--tx'))));
    }
    const moves = xs.slice(1).map((x, i) => x - xs[i]);
    assert.ok(new Set(xs.map((x) => x.toFixed(1))).size >= 6, `only ${new Set(xs).size} positions between two stations: ${xs}`);
    assert.ok(moves.every((d) => d >= -0.01), `the train went back: ${xs}`);
    const span = await page.evaluate(() => {
      const rs = [...document.querySelectorAll('.train')].map((e) => e.getBoundingClientRect());
      return Math.max(...rs.map((r) => r.right)) - Math.min(...rs.map((r) => r.left));
    });
    assert.ok(span >= min, `the train is ${span}px long`);
    assert.equal(await page.locator('.train').count(), 3, 'a locomotive and two carriages');
    await ctx.close();
  });
}
