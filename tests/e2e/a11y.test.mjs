// Accessibility: axe-core (WCAG 2.2 AA rules) on every state, keyboard
// reach, focus visibility and touch-target sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser } from './harness.mjs';
import { axe } from './axe.mjs';
import { open, frames } from './page.mjs';

const env = withBrowser();


const states = [];
for (const [width, height] of [[390, 844], [1280, 800]]) {
  for (const lang of ['ar', 'en']) {
    for (const scheme of ['light', 'dark']) {
      states.push({ name: `${lang} ${scheme} ${width}px`, query: `?lang=${lang}`, width, height, scheme });
    }
    states.push({ name: `${lang} card open ${width}px`, query: `?lang=${lang}#stat-twitter-total-2017`, width, height, scheme: 'light', card: true });
    states.push({ name: `${lang} card open dark ${width}px`, query: `?lang=${lang}&theme=dark#stat-kenya-deaths`, width, height, scheme: 'light', card: true });
    states.push({ name: `${lang} embed mode ${width}px`, query: `?lang=${lang}&embed=1`, width, height, scheme: 'light' });
  }
}

for (const s of states) {
  test(`axe finds no violation: ${s.name}`, async () => {
    const { ctx, page } = await open(env, s.query, { width: s.width, height: s.height, colorScheme: s.scheme, reducedMotion: 'reduce' });
    await page.waitForSelector('.track-stage .stop');
    if (s.card) await page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
    // Scroll into the journey so an active station is marked.
    if (!s.card) {
      await page.evaluate(() => document.getElementById('2016').scrollIntoView({ block: 'center' }));
      await page.waitForFunction(() => document.getElementById('2016').getAttribute('aria-current') === 'step');
    }
    await frames(page);
    assert.deepEqual(await axe(page), []);
    await ctx.close();
  });
}

// The states a reader meets less often: a story on its way, a story that
// cannot be read, the app's panic notice, and the phone's bottom sheet.
const rare = [
  {
    name: 'loading another story (en)',
    query: '?lang=en&story=held.json',
    before: (_, page) => page.route('**/held.json', () => new Promise(() => {})),
    ready: '.loading[role="status"]',
  },
  { name: 'error panel (ar)', query: '?lang=ar&story=missing.json', ready: '.error-panel' },
  { name: 'error panel, invalid file (en)', query: `?lang=en&story=${encodeURIComponent('data:application/json,{"version":1}')}`, ready: '.error-list li' },
  {
    name: 'panic notice (ar)',
    query: '',
    wait: false,
    before: (_, page) =>
      page.addInitScript(() =>
        document.addEventListener('DOMContentLoaded', () => {
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
          const comments = [];
          while (walk.nextNode()) comments.push(walk.currentNode);
          comments.forEach((c) => c.remove());
        }),
      ),
    ready: '#qitar-panic',
  },
  { name: 'bottom sheet at 390 px (ar, dark)', query: '?lang=ar&theme=dark#stat-telegram-award', hasTouch: true, ready: 'dialog[open] canvas' },
];
for (const r of rare) {
  test(`axe finds no violation: ${r.name}`, async () => {
    const { ctx, page } = await open(env, r.query, { reducedMotion: 'reduce', hasTouch: r.hasTouch, wait: r.wait ?? true, before: r.before });
    await page.waitForSelector(r.ready);
    await frames(page);
    assert.deepEqual(await axe(page), []);
    await ctx.close();
  });
}

test('every control is reachable by keyboard, with a visible focus ring, and at least 24×24 px', async () => {
  for (const [width, height] of [[390, 844], [1280, 800]]) {
    const { ctx, page } = await open(env, '?lang=en', { width, height, reducedMotion: 'reduce' });
    // Every control gets a number; Tab must reach each one, told apart by
    // identity (not by its HTML, which repeats).
    const controls = await page.$$eval('main a[href], main button, main summary, .masthead a[href], .masthead button', (els) =>
      els.filter((el) => {
        // What a closed <details> folds away is not a tab stop until it opens.
        const folded = el.tagName !== 'SUMMARY' && el.closest('details:not([open])');
        return el.getClientRects().length > 0 && !folded && !el.closest('[inert], dialog:not([open])');
      }).map((el, i) => {
        el.dataset.tabProbe = String(i);
        return i;
      }).length,
    );
    const seen = new Set();
    const small = [];
    const noRing = [];
    for (let i = 0; i < controls + 10; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        const ring = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
        const inline = cs.display === 'inline' && el.tagName === 'A';
        return { probe: el.dataset.tabProbe, key: el.outerHTML.slice(0, 80), w: r.width, h: r.height, ring, inline };
      });
      if (!info) continue;
      if (info.probe !== undefined) seen.add(info.probe);
      // Inline text links are exempt from the target size rule (WCAG 2.5.8).
      if (!info.inline && (info.w < 24 || info.h < 24)) small.push(`${info.key} ${info.w}×${info.h}`);
      if (!info.ring) noRing.push(info.key);
    }
    const missed = await page.$$eval('[data-tab-probe]', (els, seen) => els.filter((e) => !seen.includes(e.dataset.tabProbe)).map((e) => e.outerHTML.slice(0, 100)), [...seen]);
    assert.ok(controls >= 40, `only ${controls} controls found`);
    assert.deepEqual(missed, [], `${width}px: controls Tab never reached`);
    assert.deepEqual(small, [], `${width}px: targets under 24 px`);
    assert.deepEqual(noRing, [], `${width}px: focus without a ring`);
    await ctx.close();
  }
});

test('the track has a text alternative and the stations announce themselves', async () => {
  const { ctx, page } = await open(env, '?lang=ar');
  assert.ok((await page.getAttribute('nav.track-figure', 'aria-label')).length > 5);
  assert.equal(await page.getAttribute('.track', 'aria-hidden'), 'true');
  const names = await page.$$eval('.stop', (els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(names.every((n) => n && n.includes(':')), names.join(' / '));
  assert.equal(await page.locator('[aria-live="polite"]').count() >= 1, true);
  await ctx.close();
});
