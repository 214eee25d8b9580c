// Where an engine lacks what the app uses, the reader still gets it: each
// feature is taken away in Chromium before the page loads, and the feature's
// fallback must carry the reader's path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser } from './harness.mjs';
import { open } from './page.mjs';

const env = withBrowser();
const CARD_WASM = /qitar-card-[0-9a-f]{16}_bg\.wasm/;

test('without requestIdleCallback (Safari), the card code is still fetched once the page is quiet', async () => {
  const seen = [];
  const { page, ctx, errors } = await open(env, '?lang=en', {
    before: async (c, p) => {
      await c.addInitScript(() => delete window.requestIdleCallback);
      p.on('request', (r) => seen.push(r.url()));
    },
  });
  assert.equal(await page.evaluate(() => 'requestIdleCallback' in window), false);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /qitar-card-.*_bg\.wasm/.test(e.name)), null, { timeout: 10000 });
  assert.equal(seen.filter((u) => CARD_WASM.test(u)).length, 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});

for (const lang of ['ar', 'en']) {
  test(`${lang}: without showModal (engines before Safari 15.4), a figure's card opens over the page and Esc closes it`, async () => {
    const { page, ctx, errors } = await open(env, `?lang=${lang}`, {
      width: 390,
      height: 844,
      reducedMotion: 'reduce',
      before: (c) => c.addInitScript(() => delete HTMLDialogElement.prototype.showModal),
    });
    const button = page.locator('.stat-button').first();
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await page.waitForFunction(() => document.querySelector('dialog.stat-card[open] canvas')?.width > 0, null, { timeout: 15000 });
    const box = await page.locator('dialog.stat-card[open]').boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844 + 1 && box.x >= 0 && box.x + box.width <= 390 + 1, `the card is off screen: ${JSON.stringify(box)}`);
    assert.equal(await page.evaluate(() => document.querySelector('dialog.stat-card').classList.contains('no-modal')), true);
    // Its close button has focus, and Esc closes it.
    await page.waitForFunction(() => document.activeElement?.classList.contains('card-close'));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}
