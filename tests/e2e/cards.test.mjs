// Stat cards as a reader uses them: every figure opens a card with its
// source, charts are drawn and sharp, focus returns, deep links work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withBrowser } from './harness.mjs';
import { open as openPage, frames } from './page.mjs';

const story = JSON.parse(fs.readFileSync(new URL('../../content/story.json', import.meta.url)));
const stats = [...story.stations.flatMap((s) => s.stats), ...story.initiatives.flatMap((i) => i.stats)];
const sources = Object.fromEntries(story.sources.map((s) => [s.id, s]));

const env = withBrowser();

const open = (query, { width, height, scale = 1 }) =>
  openPage(env, query, { width, height, scale, reducedMotion: 'reduce' });

/**
 * How many pixels of the open card's chart differ from its top-left
 * (background) pixel, once there are more than 500 (up to 5 s), else 0.
 * The canvas exists, 300 px wide by default, a frame before it is painted
 * (its size is read in the next animation frame), so one look could see it
 * blank.
 */
const inkedPixels = (page) =>
  page
    .waitForFunction(
      () => {
        const c = document.querySelector('dialog[open] canvas');
        const g = c?.getContext('2d');
        if (!g || !c.width) return false;
        const d = g.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 30) n++;
        }
        return n > 500 && n;
      },
      null,
      { timeout: 5000 },
    )
    .then((h) => h.jsonValue(), () => 0);

for (const [width, height] of [[390, 844], [1280, 800]]) {
  for (const lang of ['ar', 'en']) {
    test(`${lang} ${width}px: every figure opens its card with its source, and closes back to it`, async () => {
      const { page, ctx, errors } = await open(`?lang=${lang}`, { width, height });
      for (const s of stats) {
        const button = page.locator(`#stat-${s.id} .stat-button`);
        await button.scrollIntoViewIfNeeded();
        await button.click();
        const dialog = page.locator('dialog.stat-card[open]');
        await dialog.waitFor();
        const src = sources[s.source];
        const text = await dialog.textContent();
        assert.ok(text.includes(src.publisher[lang]), `${s.id}: source ${src.publisher[lang]} missing`);
        if (src.url) assert.equal(await dialog.locator(`.card-source a[href="${src.url}"]`).count(), 1, `${s.id}: link`);
        assert.equal(new URL(page.url()).hash, `#stat-${s.id}`);
        if (s.chart) {
          await page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
          const inked = await inkedPixels(page);
          assert.ok(inked > 500, `${s.id}: canvas looks blank (${inked} inked pixels)`);
          assert.equal(await dialog.locator('canvas').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
          assert.ok((await dialog.locator('canvas').getAttribute('aria-label')).length > 20);
          // The data table twin holds the same numbers.
          await dialog.locator('.card-chart .card-action').click();
          assert.equal(await dialog.locator('.card-table tbody tr').count(), s.chart.bars.length);
          assert.equal(await dialog.locator('.card-table').isVisible(), true);
        }
        // Close alternately with Esc, the close button and a tap outside.
        const how = stats.indexOf(s) % 3;
        if (how === 0) await page.keyboard.press('Escape');
        else if (how === 1) await dialog.locator('.card-close').click();
        else await page.mouse.click(3, 3);
        await page.waitForSelector('dialog.stat-card:not([open])', { state: 'attached' });
        const focused = await page.evaluate(() => document.activeElement?.closest('.stat')?.id);
        assert.equal(focused, `stat-${s.id}`, `${s.id}: focus did not return (closed by ${how})`);
      }
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }
}

test('at deviceScaleFactor 2 the canvas backing store is twice its CSS size', async () => {
  const { page, ctx } = await open('?lang=en#stat-twitter-total-2017', { width: 390, height: 844, scale: 2 });
  await page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
  const { w, h, cw, ch } = await page.evaluate(() => {
    const c = document.querySelector('dialog[open] canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cw: r.width, ch: r.height };
  });
  assert.ok(Math.abs(w - 2 * cw) <= 1, `${w} vs ${cw}`);
  assert.ok(Math.abs(h - 2 * ch) <= 1, `${h} vs ${ch}`);
  await ctx.close();
});

test('#stat- deep links open their card on load, in both languages', async () => {
  for (const lang of ['ar', 'en']) {
    for (const id of ['telegram-prize', 'kenya-deaths']) {
      const { page, ctx } = await open(`?lang=${lang}#stat-${id}`, { width: 1280, height: 800 });
      await page.waitForSelector('dialog.stat-card[open]');
      const figure = await page.textContent('dialog[open] .card-figure');
      const s = stats.find((x) => x.id === id);
      assert.ok(figure.length > 0);
      assert.ok((await page.textContent('dialog[open]')).includes(s.label[lang]));
      // Its button hydrates after the first pass (src/ui/later.rs): it must
      // still say its card is open.
      assert.equal(await page.getAttribute(`#stat-${id} .stat-button`, 'aria-expanded'), 'true');
      await ctx.close();
    }
  }
});

test('the chart redraws when the language changes', async () => {
  const { page, ctx } = await open('?lang=en#stat-kenya-deaths', { width: 1280, height: 800 });
  await page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
  const before = await page.evaluate(() => document.querySelector('dialog[open] canvas').toDataURL());
  // The switch sits behind the modal; switch through the page's own control.
  await page.evaluate(() => document.querySelector('.lang-switch').click());
  await page.waitForFunction(() => document.documentElement.lang === 'ar');
  // Redrawn in Arabic: different pixels, and still a chart (not a blank canvas).
  await page.waitForFunction((b) => document.querySelector('dialog[open] canvas').toDataURL() !== b, before);
  assert.ok((await inkedPixels(page)) > 500, 'the redrawn canvas is blank');
  assert.equal(await page.getAttribute('dialog[open] canvas', 'dir'), 'rtl');
  await ctx.close();
});

test('"Copy link" copies the figure\'s share page and "Save image" downloads the chart as PNG', async () => {
  const { ctx, page } = await openPage(env, '?lang=en#stat-telegram-mau-2018', {
    width: 1280,
    height: 800,
    acceptDownloads: true,
    before: (ctx) => ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url.replace(/\/$/, '') }),
  });
  await page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
  await page.click('dialog[open] .card-actions .card-action >> nth=0');
  await page.waitForFunction(() => document.querySelector('dialog[open] .card-status').textContent.length > 0);
  assert.equal(await page.textContent('dialog[open] .card-status'), 'Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The figure's own page, whose preview has its picture (share.test.mjs).
  assert.equal(copied, env.server.url + 's/telegram-mau-2018.en.html');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('dialog[open] .card-actions .card-action >> nth=1'),
  ]);
  assert.equal(download.suggestedFilename(), 'qitar-telegram-mau-2018.png');
  const file = await download.path();
  const head = fs.readFileSync(file).subarray(0, 8);
  assert.deepEqual([...head], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  await ctx.close();
});

test('on a phone the card is a bottom sheet that a downward swipe closes', async () => {
  const { ctx, page } = await openPage(env, '?lang=ar#stat-kenya-deaths', { hasTouch: true });
  await page.waitForSelector('dialog[open]');
  const box = await page.locator('dialog[open]').boundingBox();
  assert.ok(Math.abs(box.y + box.height - 844) <= 2, `sheet bottom at ${box.y + box.height}`);
  assert.equal(Math.round(box.width), 390);
  const grip = await page.locator('dialog[open] .card-grip').boundingBox();
  const x = grip.x + grip.width / 2, y = grip.y + grip.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 60, { steps: 4 });
  await page.mouse.move(x, y + 160, { steps: 4 });
  await page.mouse.up();
  await page.waitForSelector('dialog.stat-card:not([open])', { state: 'attached' });
  await ctx.close();
});

// The first view fetches the card's code (its own wasm) on demand.
const ui = JSON.parse(fs.readFileSync(new URL('../../content/ui.json', import.meta.url)));
const CARD_WASM = /qitar-card-[0-9a-f]{16}_bg\.wasm$/;
/** The first view's build (the app that hydrates the page). */
const FIRST_WASM = /qitar-[0-9a-f]{16}_bg\.wasm$/;

test('a card opened before its code has arrived says it is loading, then shows its chart', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, ctx, errors } = await openPage(env, '?lang=en', {
    width: 390,
    height: 844,
    reducedMotion: 'reduce',
    before: (_, p) => p.route(CARD_WASM, async (r) => { await held; await r.continue(); }),
  });
  const s = stats.find((x) => x.chart);
  const button = page.locator(`#stat-${s.id} .stat-button`);
  await button.scrollIntoViewIfNeeded();
  await button.click();
  const waiting = page.locator('dialog[open] .card-waiting');
  await waiting.waitFor();
  assert.equal((await waiting.textContent()).trim(), ui.en.card_loading);
  assert.equal(await waiting.getAttribute('role'), 'status');
  // The dialog is named by what it says meanwhile, then by the card's heading.
  const name = () => page.evaluate(() => {
    const d = document.querySelector('dialog[open]');
    const ids = d.getAttribute('aria-labelledby');
    return { text: document.getElementById(ids)?.textContent.trim(), count: document.querySelectorAll(`#${ids}`).length };
  });
  assert.deepEqual(await name(), { text: ui.en.card_loading, count: 1 });
  // Focus is in the card, on its close button, while it waits.
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('card-close')), true);
  release();
  await page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
  assert.ok((await inkedPixels(page)) > 500, 'the chart is blank');
  assert.equal(await waiting.isVisible(), false, 'the loading note stays after the card came');
  assert.equal(await page.locator('dialog[open] .card-close').count(), 1);
  assert.deepEqual(await name(), { text: s.label.en, count: 1 });
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.card-slot') !== null), true, 'focus moved into the card');
  assert.ok((await page.textContent('dialog[open]')).includes(sources[s.source].publisher.en));
  assert.deepEqual(errors, []);
  await ctx.close();
});

for (const lang of ['ar', 'en']) {
  test(`${lang}: a figure tapped before the app is live says it is on its way, then its card opens once the app is`, async () => {
    // The first view's wasm is held, so the page is the prerender's.
    let release;
    const held = new Promise((r) => { release = r; });
    const { page, ctx, errors } = await openPage(env, lang === 'ar' ? '' : 'en.html', {
      width: 390,
      height: 844,
      reducedMotion: 'reduce',
      wait: false,
      before: (_, p) => p.route(FIRST_WASM, async (r) => { await held; await r.continue(); }),
    });
    await page.waitForFunction(() => 'qitarLoadCard' in window);
    const [first, second] = stats.filter((x) => x.chart).slice(0, 2);
    const tap = async (id) => {
      const b = page.locator(`#stat-${id} .stat-button`);
      await b.scrollIntoViewIfNeeded();
      await b.click();
      return b;
    };
    // A tap, then a tap elsewhere: the reader moved on, nothing is held.
    const dropped = await tap(first.id);
    assert.equal(await dropped.getAttribute('aria-busy'), 'true');
    await page.locator(`#stat-${first.id} .stat-more summary`).click();
    assert.equal(await dropped.getAttribute('aria-busy'), null);
    const button = await tap(second.id);
    assert.equal(await button.getAttribute('aria-busy'), 'true', 'the tapped figure does not say it is on its way');
    assert.equal(await page.locator('dialog[open]').count(), 0);
    release();
    await page.waitForSelector('html[data-qitar="live"]', { state: 'attached', timeout: 15000 });
    await page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0, null, { timeout: 15000 });
    assert.ok((await inkedPixels(page)) > 500, 'the chart is blank');
    assert.equal((await page.locator('dialog[open] #card-title').textContent()).trim(), second.label[lang]);
    assert.equal(await button.getAttribute('aria-busy'), null);
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    // Held once: closed, it stays closed, and a tap now opens it as usual.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    await frames(page, 6);
    assert.equal(await page.locator('dialog[open]').count(), 0, 'the held tap opened the card again');
    await tap(first.id);
    await page.waitForFunction((t) => document.querySelector('dialog[open] #card-title')?.textContent.trim() === t, first.label[lang]);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('a figure tapped before an app that cannot start is let go, not left saying it is on its way', async () => {
  let fail;
  const held = new Promise((r) => { fail = r; });
  const { page, ctx } = await openPage(env, '', {
    wait: false,
    before: (_, p) => p.route(FIRST_WASM, async (r) => { await held; await r.abort(); }),
  });
  await page.waitForFunction(() => 'qitarLoadCard' in window);
  const button = page.locator('.stat-button').first();
  await button.scrollIntoViewIfNeeded();
  await button.click();
  assert.equal(await button.getAttribute('aria-busy'), 'true');
  fail();
  await page.waitForFunction(() => !document.querySelector('.stat-button[aria-busy]'), null, { timeout: 10000 });
  assert.equal(await page.locator('.stat-button[data-pending]').count(), 0);
  await ctx.close();
});

test('a card whose code cannot be fetched says so in the page language, and the facts stay readable', async () => {
  const { page, ctx } = await openPage(env, '?lang=ar', {
    width: 390,
    height: 844,
    reducedMotion: 'reduce',
    before: (_, p) => p.route(CARD_WASM, (r) => r.abort()),
  });
  const s = stats[0];
  const button = page.locator(`#stat-${s.id} .stat-button`);
  await button.scrollIntoViewIfNeeded();
  await button.click();
  const waiting = page.locator('dialog[open] .card-waiting');
  await page.waitForFunction((t) => document.querySelector('dialog[open] .card-waiting')?.textContent.trim() === t, ui.ar.card_failed);
  assert.equal(await waiting.isVisible(), true);
  // It closes like any card, back to its figure.
  await page.locator('dialog[open] .card-close').click();
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  assert.equal(await page.evaluate((id) => document.activeElement === document.querySelector(`#stat-${id} .stat-button`), s.id), true);
  // The figure's facts are still in the page, under "Details".
  const details = page.locator(`#stat-${s.id} details.stat-more`);
  await details.locator('summary').click();
  assert.ok((await details.textContent()).includes(sources[s.source].publisher.ar));
  // A second try fetches again (the failure is not remembered).
  await page.unroute(CARD_WASM);
  await button.click();
  await page.waitForFunction(() => document.querySelector('dialog[open] .card-inner .card-head h2'));
  await ctx.close();
});

test('the card code is fetched once the page is idle, and never on ?story= pages', async () => {
  const seen = [];
  const { page, ctx } = await openPage(env, '?lang=en', {
    width: 390,
    height: 844,
    before: (_, p) => p.on('request', (r) => seen.push(r.url())),
  });
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /qitar-card-.*_bg\.wasm/.test(e.name)), null, { timeout: 10000 });
  assert.equal(seen.filter((u) => CARD_WASM.test(u)).length, 1);
  await ctx.close();
  const body = fs.readFileSync(new URL('../../content/story.json', import.meta.url), 'utf8');
  const other = await openPage(env, '?lang=en&story=same.json', {
    width: 390,
    height: 844,
    before: async (_, p) => {
      p.on('request', (r) => seen.push(r.url()));
      await p.route('**/same.json', (r) => r.fulfill({ contentType: 'application/json', body }));
    },
  });
  await other.page.waitForSelector('article .stat-button');
  await other.page.locator('.stat-button').first().click();
  await other.page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
  assert.equal(seen.filter((u) => CARD_WASM.test(u)).length, 1, 'the ?story= page fetched the card wasm');
  await other.ctx.close();
});

test("a card whose code failed to arrive loads on the next try (the module is asked for again)", async () => {
  const CARD_GLUE = /qitar-card-[0-9a-f]{16}\.js(\?.*)?$/;
  const asked = [];
  let down = true;
  const { page, ctx } = await openPage(env, '?lang=en', {
    width: 390,
    height: 844,
    reducedMotion: 'reduce',
    before: (_, p) => p.route(CARD_GLUE, (r) => {
      asked.push(r.request().url());
      return down ? r.abort() : r.continue();
    }),
  });
  const s = stats.find((x) => x.chart);
  const button = page.locator(`#stat-${s.id} .stat-button`);
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await page.waitForFunction((t) => document.querySelector('dialog[open] .card-waiting')?.textContent.trim() === t, ui.en.card_failed);
  await page.locator('dialog[open] .card-close').click();
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  down = false;
  await button.click();
  await page.waitForFunction(() => document.querySelector('dialog[open] .card-inner .card-head h2'));
  // Each try asks for the module under an address of its own.
  assert.equal(new Set(asked).size, asked.length, asked.join(' '));
  await ctx.close();
});
