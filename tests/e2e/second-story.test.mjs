// The second story (stories/twitter-suspensions.json), built by the test
// command into dist-twitter/ as another newsroom would build theirs: one
// platform, four stations, English by default, no article to compare with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBrowser } from './harness.mjs';
import { open } from './page.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const story = JSON.parse(fs.readFileSync(path.join(root, 'stories/twitter-suspensions.json')));
const stats = story.stations.flatMap((s) => s.stats);
const dir = path.join(root, 'dist-twitter');
const env = withBrowser({ dir });
// The page writes Arabic-Indic digits in Arabic; the file has ASCII ones.
const ascii = (t) => t.trim().replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)));

test('its build exists: an English index.html and an Arabic ar.html', () => {
  assert.ok(fs.existsSync(path.join(dir, 'index.html')), 'dist-twitter/index.html (scripts/test.sh builds it)');
  assert.ok(fs.existsSync(path.join(dir, 'ar.html')));
  assert.ok(!fs.existsSync(path.join(dir, 'en.html')), 'English is the default: index.html');
});

for (const [lang, file] of [['en', ''], ['ar', 'ar.html']]) {
  test(`the second story reads in ${lang}: its own title, four stations on one line, its figures and sources`, async () => {
    const { page, ctx, errors } = await open(env, file, { width: 390, height: 844, reducedMotion: 'reduce' });
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.title(), story.title[lang]);
    assert.equal(await page.getAttribute('meta[property="og:title"]', 'content'), story.title[lang]);
    assert.equal(await page.getAttribute('meta[name="description"]', 'content'), story.intro[lang]);
    assert.equal(ascii(await page.textContent('h1')), story.title[lang]);
    assert.equal(ascii(await page.textContent('.journey-note')), story.journey_note[lang]);
    assert.equal(ascii(await page.textContent('#closing-title')), story.closing_title[lang]);
    assert.equal(await page.locator('section.initiatives').count(), 0, 'no initiatives, no section');
    assert.equal(await page.locator('ol.stations > li').count(), 4);
    await page.waitForSelector('.line-tags li');
    assert.ok((await page.textContent('.line-tags')).includes(story.platforms[0].name[lang]));
    // The map's name comes from the story's years, not from another story.
    const label = await page.getAttribute('nav.track-figure', 'aria-label');
    assert.ok(!/2011/.test(label) && !/٢٠١١/.test(label), label);
    // Told from its sources alone: no "what the article said", in the page or in a card.
    const ui = JSON.parse(fs.readFileSync(path.join(root, 'content/ui.json')))[lang];
    assert.equal((await page.textContent('body')).includes(ui.article_said), false);
    for (const s of stats) {
      const button = page.locator(`#stat-${s.id} .stat-button`);
      await button.scrollIntoViewIfNeeded();
      await button.click();
      await page.waitForSelector('dialog[open] .card-source');
      const card = await page.textContent('dialog[open]');
      assert.ok(card.includes(story.sources.find((x) => x.id === s.source).publisher[lang]), `${s.id}: its source`);
      assert.equal(await page.locator('dialog[open] .said').count(), 0);
      if (s.chart) await page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    }
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}
