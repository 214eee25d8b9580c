// What a shared link shows, for both stories (dist/ and dist-twitter/, built
// by scripts/test.sh with QITAR_PUBLIC_URL=http://127.0.0.1:8080/): every
// page's link-preview tags, every share picture fetched (a 1200x630 PNG, not
// blank, under 300 KB), the Arabic title in the page pictures read back by
// OCR, and the share pages: readable without JavaScript, opening the card
// with it, passing axe, and the address "Copy link" gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withBrowser } from './harness.mjs';
import { axe } from './axe.mjs';
import { serve } from './server.mjs';
import { open, waitLive } from './page.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The address scripts/test.sh builds with; the tests map it to their server. */
const PUBLIC = 'http://127.0.0.1:8080/';
const env = withBrowser();
const stories = [
  { name: 'the built-in story', dir: path.join(root, 'dist'), file: 'content/story.json' },
  { name: 'the second story', dir: path.join(root, 'dist-twitter'), file: 'stories/twitter-suspensions.json' },
];
for (const s of stories) {
  s.story = JSON.parse(fs.readFileSync(path.join(root, s.file), 'utf8'));
  s.langs = s.story.languages ?? ['ar', 'en'];
  s.default = s.story.default_lang ?? s.langs[0];
  s.page = (lang) => (lang === s.default ? 'index.html' : `${lang}.html`);
  s.share = (id, lang) => (lang === s.default ? `s/${id}.html` : `s/${id}.${lang}.html`);
  s.stats = [...s.story.stations, ...(s.story.initiatives ?? [])].flatMap((x) => x.stats ?? []);
}
let twitter;
before(async () => {
  twitter = await serve({ dir: stories[1].dir });
  stories[0].url = () => env.server.url;
  stories[1].url = () => twitter.url;
});
after(() => twitter?.close());

const ARABIC = /[\u0600-\u06ff]/;

/** The page's head as the crawler reads it: meta content by property or name, and the canonical link. */
function head(html) {
  const tags = {};
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) tags[m[1]] = m[2].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
  tags.canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
  tags.title = html.match(/<title>([^<]*)<\/title>/)?.[1];
  return tags;
}

/** The test server's address for a public one. */
function local(s, url) {
  assert.ok(url.startsWith(PUBLIC), `${url} is under QITAR_PUBLIC_URL`);
  return s.url() + url.slice(PUBLIC.length);
}

for (const s of stories) {
  test(`${s.name}: every page and every share page has its link-preview tags, in its language`, async () => {
    const pages = s.langs.map((lang) => ({ lang, file: s.page(lang), url: lang === s.default ? '' : s.page(lang) }));
    for (const st of s.stats) for (const lang of s.langs) pages.push({ lang, file: s.share(st.id, lang), url: s.share(st.id, lang), stat: st });
    assert.equal(fs.readdirSync(path.join(s.dir, 's')).filter((f) => f.endsWith('.html')).length, s.stats.length * s.langs.length, 'a share page per figure and language, no other');
    for (const p of pages) {
      const res = await fetch(s.url() + p.file);
      assert.equal(res.status, 200, p.file);
      const tags = head(await res.text());
      assert.equal(tags['og:url'], PUBLIC + p.url, `${p.file}: og:url`);
      assert.equal(tags.canonical, PUBLIC + p.url, `${p.file}: canonical`);
      assert.equal(tags['twitter:card'], 'summary_large_image', p.file);
      assert.equal(tags['og:image:width'], '1200', p.file);
      assert.equal(tags['og:image:height'], '630', p.file);
      const picture = p.stat ? `share/${p.stat.id}.${p.lang}.png` : `share/${p.file.replace('.html', '')}.png`;
      assert.match(tags['og:image'], new RegExp(`^${PUBLIC}${picture.replace(/\./g, '\\.')}\\?v=[0-9a-f]{12}$`), p.file);
      const alt = tags['og:image:alt'];
      assert.ok(alt && alt.length <= 420, `${p.file}: og:image:alt ${alt}`);
      assert.equal(ARABIC.test(alt), p.lang === 'ar', `${p.file}: the picture's alt is in the page's language: ${alt}`);
      assert.equal(tags['twitter:image:alt'], alt);
      assert.equal(ARABIC.test(tags['og:title']), p.lang === 'ar', `${p.file}: og:title ${tags['og:title']}`);
      assert.ok(tags['og:description']?.length > 10, p.file);
      if (p.stat) {
        const digits = (t) => t.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)));
        assert.ok(digits(tags.title).includes(s.story.title[p.lang]), `${p.file}: its own title names the story: ${tags.title}`);
        assert.notEqual(tags['og:title'], s.story.title[p.lang], `${p.file}: a title of its own`);
      } else {
        assert.equal(tags['og:title'], s.story.title[p.lang]);
      }
    }
  });

  test(`${s.name}: every share picture is a 1200x630 PNG, not blank, under 300 KB`, async () => {
    const files = fs.readdirSync(path.join(s.dir, 'share'));
    assert.equal(files.length, s.langs.length * (1 + s.stats.length), `share/ holds a picture per page and per figure: ${files}`);
    const ctx = await env.browser.newContext();
    // A blank page: the graphic's CSP would refuse the data: URL.
    const page = await ctx.newPage();
    for (const f of files) {
      const res = await fetch(s.url() + 'share/' + f);
      assert.equal(res.status, 200, f);
      assert.equal(res.headers.get('content-type'), 'image/png', f);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.ok(bytes.length < 300_000, `${f}: ${bytes.length} bytes`);
      // Decoded by the browser: its size, and how much of it is not paper.
      const { width, height, ink, colours } = await page.evaluate(async (b64) => {
        const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
        const img = await createImageBitmap(blob);
        const c = new OffscreenCanvas(img.width, img.height);
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, img.width, img.height).data;
        const paper = d.slice(4 * (img.width * (img.height - 3) + 3), 4 * (img.width * (img.height - 3) + 3) + 4).join();
        let ink = 0;
        const colours = new Set();
        for (let i = 0; i < d.length; i += 4) {
          const px = `${d[i]},${d[i + 1]},${d[i + 2]},${d[i + 3]}`;
          if (px !== paper) ink++;
          if (colours.size < 64) colours.add(px);
        }
        return { width: img.width, height: img.height, ink, colours: colours.size };
      }, bytes.toString('base64'));
      assert.deepEqual([width, height], [1200, 630], f);
      assert.ok(ink > 20_000 && colours >= 16, `${f}: ${ink} inked pixels, ${colours} colours`);
    }
    await ctx.close();
  });
}

test('share pages and pictures are revalidated, like the pages (dist/_headers)', () => {
  const rules = fs.readFileSync(path.join(stories[0].dir, '_headers'), 'utf8').split('\n');
  for (const p of ['/s/*', '/share/*']) {
    const i = rules.indexOf(p);
    assert.ok(i >= 0, `a rule for ${p}`);
    assert.equal(rules[i + 1].trim(), 'Cache-Control: public, max-age=0, must-revalidate', p);
  }
});

// Arabic is checked the way a reader would read it: Tesseract (Debian's
// tesseract-ocr-ara) reads the page picture, and what it reads must be the
// title, its letters in order. A line set left to right reads back
// reversed, tofu or a wrong font as nothing like it. (Tesseract reads
// isolated letters as the same letters: tests/share.rs checks the joining.)
/** Letters only, one form: no spaces, punctuation, tatweel or vowel marks; alef and yeh variants folded. */
const fold = (t) =>
  t
    .normalize('NFKC')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[^\u0621-\u064a]/g, '');
function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
for (const s of stories.filter((s) => s.langs.includes('ar'))) {
  test(`${s.name}: OCR reads the Arabic title back from the Arabic page picture`, () => {
    const file = path.join(s.dir, 'share', `${s.page('ar').replace('.html', '')}.png`);
    const text = execFileSync('tesseract', [file, '-', '-l', 'ara'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const title = fold(s.story.title.ar);
    // The title is the picture's first one to three lines; the map's names follow.
    const lines = text.split('\n').map(fold).filter(Boolean);
    let best = Infinity;
    for (let i = 0; i < lines.length; i++) {
      for (let k = 1; k <= 3 && i + k <= lines.length; k++) best = Math.min(best, distance(lines.slice(i, i + k).join(''), title));
    }
    const allowed = Math.ceil(title.length * 0.15);
    assert.ok(best <= allowed, `OCR read ${JSON.stringify(text)}: ${best} edits from the title (${allowed} allowed)`);
  });
}

test('a share page without JavaScript: the facts, the chart\'s picture and the link to the card', async () => {
  const s = stories[0];
  const st = s.stats.find((x) => x.id === 'telegram-prize');
  for (const lang of ['ar', 'en']) {
    const ctx = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    const url = env.server.url + s.share(st.id, lang);
    await page.goto(url);
    assert.equal(page.url(), url, 'no JavaScript, no redirect');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const h1 = await page.textContent('h1');
    assert.ok(h1.includes(lang === 'ar' ? '٢٠٠٬٠٠٠' : '$200,000') && h1.includes(st.label[lang].slice(0, 12)), h1);
    // The page writes the locale's digits and separators; the file has ASCII ones.
    const ascii = (t) => t.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))).replace(/٬/g, ',').replace(/٫/g, '.');
    assert.equal(ascii(await page.textContent('.said p')), st.article.claim[lang], 'the article\'s claim');
    assert.ok((await page.textContent('.says p')).includes(st.label[lang].slice(0, 12)), 'beside what the source says');
    const source = s.story.sources.find((x) => x.id === st.source);
    assert.equal(await page.getAttribute('.card-source a', 'href'), source.url);
    const link = page.locator('.share-open a');
    const href = new URL(await link.getAttribute('href'), url).href;
    assert.equal(href, env.server.url + (lang === 'ar' ? '' : 'en.html') + '#stat-telegram-prize');
    assert.ok(await link.isVisible());
    // The chart's picture is there for these readers too.
    const img = page.locator('img.share-picture');
    assert.equal(await img.getAttribute('src'), `../share/telegram-prize.${lang}.png`);
    await page.waitForFunction(() => document.querySelector('img.share-picture').naturalWidth === 1200).catch(() => {});
    assert.ok((await img.getAttribute('alt')).length > 20);
    await ctx.close();
  }
});

test('a share page with JavaScript goes straight to the graphic with the card open', async () => {
  for (const [s, lang, id, expect] of [
    [stories[0], 'ar', 'kenya-deaths', ''],
    [stories[0], 'en', 'telegram-prize', 'en.html'],
    [stories[1], 'ar', 'total', 'ar.html'],
  ]) {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Where the reader came from (any page will do).
    const from = s.url() + 'story.schema.json';
    await page.goto(from);
    await page.goto(s.url() + s.share(id, lang));
    await page.waitForURL(s.url() + expect + `#stat-${id}`);
    await waitLive(page);
    await page.waitForSelector('dialog[open] .card-source');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.ok((await page.textContent('dialog[open] .card-label')).length > 5);
    assert.deepEqual(errors, []);
    // Back leaves for where the reader came from, not the share page
    // (which would send the reader forward again).
    await page.goBack();
    assert.equal(page.url(), from);
    await ctx.close();
  }
});


for (const [lang, scheme, width] of [['ar', 'light', 390], ['en', 'dark', 1280], ['ar', 'dark', 1280]]) {
  test(`axe finds no violation on a share page (${lang}, ${scheme}, ${width}px)`, async () => {
    const { ctx, page } = await open(env, stories[0].share('twitter-total-2017', lang), {
      width,
      colorScheme: scheme,
      app: false,
      // The page as a reader without JavaScript sees it: its script, which
      // would leave for the graphic, is held back.
      before: (_, page) => page.route(/open-card-[0-9a-f]+\.js/, (r) => r.abort()),
    });
    await page.waitForSelector('.share-open a');
    assert.deepEqual(await axe(page), []);
    await ctx.close();
  });
}

test('"Copy link" in a card gives the figure\'s share page', async () => {
  const { ctx, page } = await open(env, '?lang=en#stat-telegram-mau-2018', {
    width: 1280,
    height: 800,
    before: (ctx) => ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url.replace(/\/$/, '') }),
  });
  await page.waitForSelector('dialog[open] .card-actions');
  await page.click('dialog[open] .card-actions .card-action >> nth=0');
  await page.waitForFunction(() => document.querySelector('dialog[open] .card-status').textContent.length > 0);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, env.server.url + 's/telegram-mau-2018.en.html');
  // And where the browser has a share sheet, it offers the same address.
  await ctx.close();
  const shared = await open(env, '#stat-kenya-deaths', {
    width: 390,
    before: (_, page) =>
      page.addInitScript(() => {
        navigator.share = (data) => {
          window.__shared = data;
          return Promise.resolve();
        };
      }),
  });
  const p = shared.page;
  await p.waitForSelector('dialog[open] .card-actions');
  const buttons = p.locator('dialog[open] .card-actions .card-action');
  const share = buttons.last();
  const ui = JSON.parse(fs.readFileSync(path.join(root, 'content/ui.json'), 'utf8'));
  assert.equal(await share.textContent(), ui.ar.share);
  await share.click();
  await p.waitForFunction(() => window.__shared);
  const data = await p.evaluate(() => window.__shared);
  assert.equal(data.url, env.server.url + 's/kenya-deaths.html');
  assert.ok(data.title.length > 5);
  await shared.ctx.close();
});
