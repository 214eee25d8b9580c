// The map in the static page (src/ui/journey/still.rs): with the
// WebAssembly blocked it shows the track, every stop and its name, every
// line and its name and the train, at every band's width, in both languages,
// for both stories; and when the app takes over, the stops and the train
// stay where they were.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBrowser } from './harness.mjs';
import { open, frames, LIVE } from './page.mjs';
import { serve } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (f) => JSON.parse(fs.readFileSync(path.join(root, f)));
const env = withBrowser();
let twitter;
before(async () => {
  twitter = await serve({ dir: path.join(root, 'dist-twitter') });
});
after(() => twitter?.close());

const STORIES = [
  { name: 'the built-in story', story: read('content/story.json'), server: () => env.server },
  { name: 'the second story', story: read('stories/twitter-suspensions.json'), server: () => twitter },
];
const WIDTHS = [320, 390, 768, 1280];
// A story's pages: index.html in its default language, <lang>.html for the other.
const pageOf = (story, lang) => (lang === (story.default_lang ?? story.languages?.[0] ?? 'ar') ? '' : `${lang}.html`);
const langsOf = (story) => story.languages ?? ['ar', 'en'];

/** What the visible static drawing shows, in page coordinates. */
const stillState = (page) =>
  page.evaluate(() => {
    const shown = (el) => el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0;
    const marks = [...document.querySelectorAll('.map-still .still-marks')].filter(shown);
    const lines = [...document.querySelectorAll('.map-still .still:not(.still-marks)')].filter(shown);
    const stage = document.querySelector('.track-stage').getBoundingClientRect();
    const m = marks[0];
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, left: r.left, right: r.right, top: r.top, bottom: r.bottom, w: r.width };
    };
    return {
      marks: marks.length,
      lines: lines.length,
      strands: lines[0] ? lines[0].querySelectorAll('.strand').length : 0,
      stage: { left: stage.left, right: stage.right, top: stage.top, bottom: stage.bottom },
      dots: m ? [...m.querySelectorAll('circle.stop-dot')].map(box) : [],
      // A stop's name is a group of lines, a text each.
      labels: m ? [...new Set([...m.querySelectorAll('text.still-label')].map((t) => t.parentElement))].map((g) => ({ text: g.textContent, ...box(g) })) : [],
      tags: m ? [...m.querySelectorAll('text.still-tag')].map((t) => ({ text: t.textContent, ...box(t) })) : [],
      train: m?.querySelector('.still-train') ? box(m.querySelector('.still-train')) : null,
    };
  });

for (const { name, story, server } of STORIES) {
  for (const lang of langsOf(story)) {
    test(`${name}, ${lang}, WebAssembly blocked: at ${WIDTHS.join(', ')} px the map shows every stop and its name, every line and its name, and the train`, async () => {
      for (const width of WIDTHS) {
        const { page, ctx } = await open({ ...env, server: server() }, pageOf(story, lang), { width, height: 800, app: false });
        const s = await stillState(page);
        const at = `${lang} ${width}px`;
        assert.equal(s.marks, 1, `${at}: one drawing shown`);
        assert.equal(s.lines, 1, `${at}: one set of lines shown`);
        assert.equal(s.strands, story.platforms.length, `${at}: a line per platform`);
        assert.equal(s.dots.length, story.stations.length, `${at}: a stop per station`);
        assert.equal(s.labels.length, story.stations.length, `${at}: a name per stop`);
        for (const l of s.labels) {
          assert.ok(l.text.trim().length > 0 && l.w > 4, `${at}: an empty stop name`);
          assert.ok(l.left >= s.stage.left - 2 && l.right <= s.stage.right + 2, `${at}: "${l.text}" leaves the map (${l.left}–${l.right} in ${s.stage.left}–${s.stage.right})`);
        }
        for (const d of s.dots) assert.ok(d.x > s.stage.left && d.x < s.stage.right && d.y > s.stage.top && d.y < s.stage.bottom, `${at}: a stop off the map`);
        const names = new Set(s.tags.map((t) => t.text));
        for (const p of story.platforms) assert.ok(names.has(p.name[lang]), `${at}: line ${p.name[lang]} not named (${[...names].join(', ')})`);
        for (const t of s.tags) assert.ok(t.left >= s.stage.left - 2 && t.right <= s.stage.right + 2, `${at}: line name "${t.text}" leaves the map`);
        assert.ok(s.train && s.train.w > 10, `${at}: no train`);
        assert.ok(Math.abs(s.train.x - s.dots[0].x) < 30 && Math.abs(s.train.y - s.dots[0].y) < 15, `${at}: the train is not at the first station`);
        await ctx.close();
      }
    });
  }
}

const story = STORIES[0].story;
for (const lang of langsOf(story)) {
  test(`${lang}: taking over moves nothing: the stops and the train stay within 2 px at ${WIDTHS.join(', ')} px`, async () => {
    for (const width of WIDTHS) {
      let release;
      const held = new Promise((r) => (release = r));
      const ctx = await env.browser.newContext({ viewport: { width, height: 800 }, reducedMotion: 'reduce' });
      const page = await ctx.newPage();
      // The app's code waits until the static page has been measured.
      await page.route(/\.wasm(\?|$)/, async (r) => {
        await held;
        await r.continue();
      });
      await page.goto(env.server.url + pageOf(story, lang), { waitUntil: 'domcontentloaded' });
      await page.evaluate(() => document.fonts.ready);
      await frames(page, 2);
      const still = await stillState(page);
      release();
      await page.waitForSelector(LIVE, { state: 'attached' });
      await page.waitForSelector('.track-stage .stop');
      await frames(page, 4);
      const live = await page.evaluate(() => {
        const c = (el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        };
        return {
          dots: [...document.querySelectorAll('svg.track circle.stop-dot')].map(c),
          train: c(document.querySelector('.train-head')),
          still: getComputedStyle(document.querySelector('.map-still')).display,
          stillNodes: document.querySelector('.map-still').childElementCount,
        };
      });
      const at = `${lang} ${width}px`;
      assert.equal(live.still, 'none', `${at}: the static drawing is hidden once the app draws`);
      assert.equal(live.stillNodes, 0, `${at}: the static drawing is removed once the app draws`);
      assert.equal(live.dots.length, still.dots.length);
      live.dots.forEach((d, i) => {
        const s = still.dots[i];
        assert.ok(Math.abs(d.x - s.x) <= 2 && Math.abs(d.y - s.y) <= 2, `${at}: stop ${i} moved from (${s.x}, ${s.y}) to (${d.x}, ${d.y})`);
      });
      assert.ok(Math.abs(live.train.x - still.train.x) <= 2 && Math.abs(live.train.y - still.train.y) <= 2, `${at}: the train moved from (${still.train.x}, ${still.train.y}) to (${live.train.x}, ${live.train.y})`);
      await ctx.close();
    }
  });
}
