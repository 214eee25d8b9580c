// The reader's path, written once for any engine session (drivers.mjs):
// the app goes live with no horizontal overflow, scrolling makes the next
// station current while the train glides, a figure opens its card with the
// chart painted and Esc closes it, the language switch flips the page, and
// the demo host page's frames fit their content and follow its scroll.
// Loops that need frame-by-frame timing run inside the page (one driver
// call), so a slow driver cannot blur what the page did per frame.
import assert from 'node:assert/strict';
import fs from 'node:fs';

const story = JSON.parse(fs.readFileSync(new URL('../../content/story.json', import.meta.url)));
/** The first figure with a chart, in the order a reader meets them. */
const charted = story.stations.flatMap((s) => s.stats).find((s) => s.chart);

/** Polls `fn` in the page until it returns truthy; fails naming `what`. */
export async function until(s, fn, what, { timeout = 30000, args = [] } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await s.eval(fn, ...args);
    if (v) return v;
    if (Date.now() > end) throw new Error(`${s.name}: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const live = () => document.documentElement.dataset.qitar === 'live';

export async function readerPath(s, base, { lang, width, height }) {
  const other = lang === 'ar' ? 'en' : 'ar';
  await s.open(`${base}?lang=${lang}`, { width, height });
  await until(s, live, 'the app to go live');
  assert.equal(await s.eval(() => document.documentElement.lang), lang);
  assert.equal(await s.eval(() => innerWidth), width, 'viewport width');

  const overflow = await s.eval(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `${s.name} ${lang} ${width}px: ${overflow}px of horizontal overflow`);

  // Scroll in small steps, two frames apart, until two more stations have
  // become current: record the current station and the train each frame.
  const walk = await s.eval(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const items = [...document.querySelectorAll('ol.stations > li.station')];
    const bar = document.querySelector('.track-figure .progress span');
    const seen = [];
    const ts = [];
    const poses = new Set();
    const max = document.documentElement.scrollHeight - innerHeight;
    for (let y = 0; y <= max; y += 24) {
      scrollTo(0, y);
      await frame();
      const active = items.findIndex((li) => li.getAttribute('aria-current') === 'step');
      if (seen[seen.length - 1] !== active) seen.push(active);
      const t = parseFloat(bar?.style.getPropertyValue('--t'));
      if (!Number.isNaN(t)) ts.push(t);
      // Asked for each frame: the map may be drawn again (a new size).
      const train = document.querySelector('.train');
      poses.add(['--tx', '--ty', '--ta'].map((p) => train?.style.getPropertyValue(p)).join(' '));
      if (active >= 2) break;
    }
    return { seen, ts, poses: poses.size };
  });
  const stations = walk.seen.filter((i) => i >= 0);
  assert.deepEqual(stations, [0, 1, 2], `${s.name}: stations current in turn (${JSON.stringify(walk.seen)})`);
  for (let i = 1; i < walk.ts.length; i++) assert.ok(walk.ts[i] >= walk.ts[i - 1] - 1e-6, `${s.name}: the train went back (${walk.ts[i - 1]} → ${walk.ts[i]})`);
  // Gliding, not jumping from stop to stop: many distinct places on the way.
  const distinct = new Set(walk.ts.map((t) => t.toFixed(4))).size;
  assert.ok(distinct > 8, `${s.name}: the train took only ${distinct} positions over two stations`);
  assert.ok(walk.poses > 8, `${s.name}: the drawn train took only ${walk.poses} poses`);

  // A figure opens its card; the chart has ink; Esc closes it.
  const button = `#stat-${charted.id} .stat-button`;
  await s.eval((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), button);
  await s.click(button);
  await until(s, () => document.querySelector('dialog.stat-card[open] canvas')?.width > 0, `${charted.id}'s card and chart`);
  const inked = await until(
    s,
    () => {
      const c = document.querySelector('dialog[open] canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 30) n++;
      return n > 500 && n;
    },
    'ink on the chart',
    { timeout: 10000 },
  );
  assert.ok(inked > 500);
  assert.equal(await s.eval(() => document.querySelector('dialog[open] canvas').getAttribute('dir')), lang === 'ar' ? 'rtl' : 'ltr');
  await s.press('Escape');
  await until(s, () => !document.querySelector('dialog[open]'), 'Esc to close the card', { timeout: 5000 });

  // The language switch flips the page in place.
  await s.eval(() => scrollTo(0, 0));
  await s.click('.lang-switch');
  await until(s, (l) => document.documentElement.lang === l, `the switch to ${other}`, { args: [other], timeout: 10000 });
  assert.equal(await s.eval(() => document.documentElement.dir), other === 'ar' ? 'rtl' : 'ltr');
  assert.equal(await s.eval(() => document.querySelector('h1').textContent.trim()), story.title[other]);

  assert.deepEqual(await s.errors(), [], `${s.name}: console errors`);
}

/**
 * A figure tapped while the app's code is held back (`release` lets it
 * come): the button says it is on its way, and the card opens, chart drawn,
 * once the app is live.
 */
export async function earlyTap(s, base, release, { lang, width, height }) {
  await s.open(`${base}${lang === 'ar' ? '' : 'en.html'}`, { width, height });
  await until(s, () => 'qitarLoadCard' in window, 'the loader to run');
  assert.equal(await s.eval(live), false, `${s.name}: live before its code came`);
  const button = `#stat-${charted.id} .stat-button`;
  await s.eval((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), button);
  await s.click(button);
  assert.equal(await s.eval((sel) => document.querySelector(sel).getAttribute('aria-busy'), button), 'true', `${s.name}: the tapped figure does not say it is on its way`);
  release();
  await until(s, live, 'the app to go live');
  await until(s, () => document.querySelector('dialog.stat-card[open] canvas')?.width > 0, `${charted.id}'s card, opened by the held tap`);
  assert.equal(await s.eval(() => document.querySelector('dialog[open] #card-title')?.textContent.trim()), charted.label[lang]);
  assert.equal(await s.eval((sel) => document.querySelector(sel).hasAttribute('aria-busy'), button), false);
  assert.deepEqual(await s.errors(), [], `${s.name}: console errors`);
}

/** The demo article: both frames (embed.js, Pym.js) fit their content and follow the host's scroll. */
export async function hostPage(s, base, { width, height }) {
  await s.open(`${base}examples/host.html`, { width, height });
  for (const sel of ['#embed-ar iframe', '#pym-en iframe']) {
    await until(s, (sel) => !!document.querySelector(sel), `${sel} on the host page`, { args: [sel] });
    await s.eval((sel) => document.querySelector(sel).scrollIntoView({ block: 'start' }), sel);
    await until(s, (sel) => document.querySelector(sel).contentDocument?.documentElement.dataset.qitar === 'live', `${sel} to go live`, { args: [sel] });
    // Height reports travel a frame or two: wait until they settle.
    const fit = await until(
      s,
      (sel) => {
        const f = document.querySelector(sel);
        const doc = f.contentDocument.documentElement;
        const content = f.contentDocument.body.getBoundingClientRect().height;
        const outer = f.getBoundingClientRect().height;
        const inner = doc.scrollHeight - doc.clientHeight;
        return Math.abs(content - outer) <= 2 && inner <= 1 && { content, outer };
      },
      `${sel} to fit its content`,
      { args: [sel], timeout: 10000 },
    );
    assert.ok(fit.outer > 1000, `${s.name}: ${sel} is ${fit.outer}px tall`);
  }
  // Scrolling the host moves the first frame's stations in order.
  const seen = await s.eval(async () => {
    const f = document.querySelector('#embed-ar iframe');
    const items = [...f.contentDocument.querySelectorAll('ol.stations > li')];
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const top = f.getBoundingClientRect().top + scrollY;
    const seen = [];
    for (let y = top - innerHeight; y < top + f.getBoundingClientRect().height; y += 60) {
      scrollTo(0, y);
      // The frame hears of the host's scroll a frame or two later.
      let active = -2;
      for (let k = 0; k < 10; k++) {
        await frame();
        const now = items.findIndex((li) => li.getAttribute('aria-current') === 'step');
        if (now === active) break;
        active = now;
      }
      if (seen[seen.length - 1] !== active) seen.push(active);
    }
    return seen;
  });
  const stations = seen.filter((i) => i >= 0);
  assert.deepEqual(stations, [...Array(story.stations.length).keys()], `${s.name}: the framed stations followed the host's scroll (${JSON.stringify(seen)})`);
  assert.deepEqual(await s.errors(), [], `${s.name}: console errors on the host page`);
}

/**
 * The static page's map when the app cannot start (its code is refused):
 * one band's drawing shown, a name per stop, every line named, the train.
 * With QITAR_SHOTS=dir, a screenshot of each page goes there to look at.
 */
export async function stillMap(s, base, { lang, width, height }) {
  await s.open(`${base}${lang === story.default_lang ? '' : `${lang}.html`}`, { width, height });
  await until(s, () => document.readyState === 'complete', 'the page to load');
  const m = await s.eval(() => {
    const shown = (el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0;
    const marks = [...document.querySelectorAll('.map-still .still-marks')].filter(shown);
    const el = marks[0];
    return {
      live: document.documentElement.dataset.qitar === 'live',
      marks: marks.length,
      // A stop's name is a group of lines, a text each.
      labels: el ? new Set([...el.querySelectorAll('text.still-label')].filter((t) => t.textContent.trim()).map((t) => t.parentElement)).size : 0,
      tags: el ? [...el.querySelectorAll('text.still-tag')].map((t) => t.textContent) : [],
      train: el?.querySelector('.still-train')?.getBoundingClientRect().width ?? 0,
    };
  });
  assert.equal(m.live, false, `${s.name}: the app started although its code was refused`);
  assert.equal(m.marks, 1, `${s.name} ${lang} ${width}px: one drawing shown`);
  assert.equal(m.labels, story.stations.length, `${s.name} ${lang} ${width}px: a name per stop`);
  for (const p of story.platforms) assert.ok(m.tags.includes(p.name[lang]), `${s.name} ${lang} ${width}px: ${p.name[lang]} not named`);
  assert.ok(m.train > 10, `${s.name} ${lang} ${width}px: no train`);
  if (process.env.QITAR_SHOTS) {
    await s.eval(() => document.querySelector('.track-figure').scrollIntoView());
    await s.screenshot(`${process.env.QITAR_SHOTS}/${s.name}-still-${lang}-${width}.png`);
  }
}
