// Accessibility: axe-core (WCAG 2.2 AA rules) on every state, keyboard
// reach, focus visibility and touch-target sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { withBrowser } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const env = withBrowser();

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // Lighthouse runs this experimental rule; so do we.
      rules: { region: { enabled: false }, 'label-content-name-mismatch': { enabled: true } },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} — ${v.help}`);
  });
}

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
    const ctx = await env.browser.newContext({ viewport: { width: s.width, height: s.height }, colorScheme: s.scheme, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    await page.goto(env.server.url + s.query);
    await page.waitForSelector('.track-stage .stop');
    if (s.card) await page.waitForSelector('dialog[open] canvas');
    // Scroll into the journey so an active station is marked.
    if (!s.card) await page.evaluate(() => document.getElementById('2016').scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(200);
    assert.deepEqual(await axe(page), []);
    await ctx.close();
  });
}

test('every control is reachable by keyboard, with a visible focus ring, and at least 24×24 px', async () => {
  for (const [width, height] of [[390, 844], [1280, 800]]) {
    const ctx = await env.browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    await page.goto(env.server.url + '?lang=en');
    await page.waitForSelector('.track-stage .stop');
    const controls = await page.$$eval('main a[href], main button, .masthead button', (els) => els.length);
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
        return { key: el.outerHTML.slice(0, 80), w: r.width, h: r.height, ring, inline };
      });
      if (!info) continue;
      seen.add(info.key);
      // Inline text links are exempt from the target size rule (WCAG 2.5.8).
      if (!info.inline && (info.w < 24 || info.h < 24)) small.push(`${info.key} ${info.w}×${info.h}`);
      if (!info.ring) noRing.push(info.key);
    }
    assert.ok(seen.size >= 20, `only ${seen.size} focusable controls reached`);
    assert.deepEqual(small, [], `${width}px: targets under 24 px`);
    assert.deepEqual(noRing, [], `${width}px: focus without a ring`);
    await ctx.close();
  }
});

test('the track has a text alternative and the stations announce themselves', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto(env.server.url + '?lang=ar');
  await page.waitForSelector('.track-stage .stop');
  assert.ok((await page.getAttribute('nav.track-figure', 'aria-label')).length > 5);
  assert.equal(await page.getAttribute('.track', 'aria-hidden'), 'true');
  const names = await page.$$eval('.stop', (els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(names.every((n) => n && n.includes(':')), names.join(' / '));
  assert.equal(await page.locator('[aria-live="polite"]').count() >= 1, true);
  await ctx.close();
});
