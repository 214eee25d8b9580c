// Embedding in pages built like a CMS makes them, on another origin than the
// graphic: a sticky site header, a placeholder a script inserts after load,
// a Pym.js page. The frame's height stays put while the reader scrolls, the
// track keeps clear of the header, shared links lead back to the article,
// and the host's colours reach the chart's pixels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { withBrowser } from './harness.mjs';
import { waitLive, until, heightsMatch } from './page.mjs';

const HEADER = 56;
const PYM = fs.readFileSync(createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.min.js'), 'utf8');

const env = withBrowser({
  headers: () => ({ 'access-control-allow-origin': '*' }),
  pages: (p) => {
    if (p === '/cms/article.html') return article('<script src="embed-later.js"></script>');
    if (p === '/cms/pym.html') return article('<div id="pym"></div><script src="pym.js"></script><script src="pym-start.js"></script>');
    const js = (body) => ({ body, type: 'text/javascript' });
    // The CMS's own script puts the placeholder in after load, then loads embed.js.
    if (p === '/cms/embed-later.js')
      return js(`addEventListener('load', () => setTimeout(() => {
        const q = new URLSearchParams(location.search);
        const d = document.createElement('div');
        d.id = 'graphic';
        d.setAttribute('data-qitar-src', q.get('app'));
        d.setAttribute('data-qitar-lang', q.get('lang') || 'ar');
        d.setAttribute('data-qitar-offset', '${HEADER}');
        for (const k of ['accent', 'ink', 'font-ui']) if (q.get(k)) d.setAttribute('data-qitar-' + k, q.get(k));
        document.getElementById('slot').append(d);
        if (!window.qitar) {
          const s = document.createElement('script');
          s.src = new URL('embed.js', q.get('app')).href;
          document.head.append(s);
        }
      }, 300));`);
    // A bare iframe a CMS pasted, with embed.js's ?id= but no embed.js.
    if (p === '/cms/bare.html')
      return article(`<div id="graphic"><iframe title="qitar" style="display:block;width:100%;height:16000px;border:0"></iframe></div>
        <script>document.querySelector('#graphic iframe').src = new URLSearchParams(location.search).get('app') + 'en.html?id=bare1&offset=${HEADER}';</script>`);
    if (p === '/cms/pym.js') return js(PYM);
    if (p === '/cms/pym-start.js')
      return js(`window.parent_ = new pym.Parent('pym', new URL('en.html?offset=${HEADER}', new URLSearchParams(location.search).get('app')).href, { title: 'The terror train' });`);
    return undefined;
  },
});

const appOrigin = () => `http://127.0.0.1:${new URL(env.server.url).port}`;
const hostOrigin = () => `http://localhost:${new URL(env.server.url).port}`;

function article(graphic) {
  const para = '<p>' + 'The article goes on, as articles do, paragraph after paragraph. '.repeat(8) + '</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Daily Ledger</title>
    <link rel="icon" href="data:,">
    <style>body{margin:0;font:18px/1.5 Georgia,serif} header{position:sticky;top:0;height:${HEADER}px;background:#222;color:#fff;z-index:10}
    main{max-width:680px;margin:0 auto;padding:0 16px}</style></head>
    <body><header>The Daily Ledger</header><main><h1>An article with a graphic</h1>${para}${para}
    <div id="slot">${graphic}</div>${para}${para}${para}</main></body></html>`;
}

async function open({ width, height = 800, query = '', file = 'article.html', perms = false }) {
  const ctx = await env.browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
  if (perms) {
    for (const origin of [hostOrigin(), appOrigin()]) await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${hostOrigin()}/cms/${file}?app=${encodeURIComponent(appOrigin() + '/')}${query}`);
  const el = await page.waitForSelector(file === 'pym.html' ? '#pym iframe' : '#graphic iframe');
  await el.scrollIntoViewIfNeeded();
  const frame = await el.contentFrame();
  await waitLive(frame);
  return { ctx, page, el, frame, errors };
}

for (const width of [390, 1280]) {
  test(`${width}px: a placeholder added after load is mounted, and its height does not move while the reader scrolls`, async () => {
    const { ctx, page, el, frame, errors } = await open({ width });
    await heightsMatch(page, { el, frame }, 'load');
    const start = await el.evaluate((e) => e.getBoundingClientRect().height);
    await el.evaluate((f) => {
      window.__heights = [];
      new MutationObserver(() => window.__heights.push(parseFloat(f.style.height))).observe(f, { attributes: true, attributeFilter: ['style'] });
    });
    // Once through the whole graphic, a screen at a time and a little more.
    const top = await el.evaluate((e) => e.getBoundingClientRect().top + scrollY);
    for (let y = top - 800; y < top + start; y += 350) {
      await page.evaluate((y) => scrollTo(0, y), y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    // Late height messages have a few frames to arrive, in the frame and here.
    for (const target of [frame, page]) {
      await target.evaluate(() => new Promise((r) => {
        let k = 10;
        const step = () => (--k ? requestAnimationFrame(step) : r());
        requestAnimationFrame(step);
      }));
    }
    const heights = await page.evaluate(() => window.__heights);
    const moved = Math.max(0, ...heights.map((h) => Math.abs(h - start)));
    assert.equal(moved, 0, `the frame's height changed by up to ${moved}px while scrolling (${heights.join(', ')})`);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test(`${width}px: the track stays below the site's sticky header`, async () => {
    const { ctx, page, el, frame } = await open({ width });
    await heightsMatch(page, { el, frame }, 'load');
    // Halfway through the journey, in the host's coordinates.
    const y = await frame.evaluate(() => {
      const j = document.querySelector('ol.stations').getBoundingClientRect();
      return j.top + j.height / 2;
    });
    const frameTop = await el.evaluate((e) => e.getBoundingClientRect().top + scrollY);
    await page.evaluate((y) => scrollTo(0, y), frameTop + y - 400);
    await frame.waitForFunction(() => document.querySelector('ol.stations > li[aria-current="step"]'));
    await until(async () => {
      const figTop = await frame.evaluate(() => document.querySelector('.track-figure').getBoundingClientRect().top);
      const iframeTop = await el.evaluate((e) => e.getBoundingClientRect().top);
      return Math.abs(iframeTop + figTop - HEADER) <= 2;
    }, { what: `the track to stick ${HEADER}px down` }).catch(async (e) => {
      const figTop = await frame.evaluate(() => document.querySelector('.track-figure').getBoundingClientRect().top);
      const iframeTop = await el.evaluate((e) => e.getBoundingClientRect().top);
      throw new Error(`${e.message}: the track's top is at ${iframeTop + figTop}px in the host's view`);
    });
    // And a card opens below the header too.
    await frame.locator('ol.stations > li[aria-current="step"] .stat-button, #stat-twitter-total-2017 .stat-button').first().click();
    await frame.waitForSelector('dialog[open]');
    const cardTop = await frame.evaluate(() => document.querySelector('dialog[open]').getBoundingClientRect().top);
    const iframeTop = await el.evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(iframeTop + cardTop >= HEADER - 1, `the card's top is at ${iframeTop + cardTop}px, under the header`);
    await ctx.close();
  });
}

/** The index of the frame's current station (-1: none). */
const currentStation = (frame) => frame.evaluate(() => [...document.querySelectorAll('ol.stations > li')].findIndex((li) => li.getAttribute('aria-current') === 'step'));

/** Scrolls the host so that station `k`'s point `at` (`top` or `middle`) is `d` px below `line` px of the host's viewport. */
async function scrollStationTo(page, el, frame, k, at, line, d = 0) {
  const y = await frame.evaluate(([k, at]) => {
    const r = document.querySelectorAll('ol.stations > li')[k].getBoundingClientRect();
    return r.top + scrollY + (at === 'middle' ? r.height / 2 : 0);
  }, [k, at]);
  const frameTop = await el.evaluate((e) => e.getBoundingClientRect().top + scrollY);
  const vh = await page.evaluate(() => innerHeight);
  await page.evaluate((y) => scrollTo(0, y), frameTop + y - line(vh) - d);
}

/** Scrolls the host so that station `k`'s middle is at its viewport's middle; waits for the frame to make it current. */
async function followsTo(page, el, frame, k) {
  await scrollStationTo(page, el, frame, k, 'middle', (vh) => vh / 2);
  await until(async () => (await currentStation(frame)) === k, { what: `station ${k} to be current` }).catch(async (e) => {
    throw new Error(`${e.message}: station ${await currentStation(frame)} is`);
  });
}

/** Scrolls the host so that station `k`'s top is `d` px below its reading point (the middle of what the sticky header leaves); returns the station then current. */
async function currentWithTopAt(page, el, frame, k, d) {
  await scrollStationTo(page, el, frame, k, 'top', (vh) => (vh + HEADER) / 2, d);
  // The frame hears of the scroll a few frames later: wait until it settles.
  let last = await currentStation(frame);
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const now = await currentStation(frame);
    if (now === last && i >= 3) return now;
    last = now;
  }
  return last;
}

/** The reading line is right to within the ruler's 20 px: 40 px either side of a station's top decides. */
async function precise(page, el, frame, k) {
  assert.equal(await currentWithTopAt(page, el, frame, k, 40), k - 1, `40 px before station ${k}`);
  assert.equal(await currentWithTopAt(page, el, frame, k, -40), k, `40 px into station ${k}`);
}

// embed.js says where the frame is in the host's view; other hosts leave the
// frame to watch the top-level viewport itself, through a ruler of blocks.
test('embed.js frames lay no ruler; under Pym.js, and in a bare iframe whose host never speaks, a ruler of blocks drives the stations', async () => {
  {
    const { ctx, page, el, frame } = await open({ width: 390 });
    await followsTo(page, el, frame, 2);
    await precise(page, el, frame, 3);
    assert.equal(await frame.locator('.scroll-ruler').count(), 0);
    await ctx.close();
  }
  {
    const { ctx, page, el, frame } = await open({ width: 390, file: 'pym.html' });
    // A block per 160 px of the page, not a sentinel per 20.
    const { blocks, height } = await frame.evaluate(() => ({ blocks: document.querySelectorAll('.scroll-ruler > div').length, height: document.querySelector('.page').getBoundingClientRect().height }));
    assert.equal(blocks, Math.ceil(height / 160));
    await followsTo(page, el, frame, 2);
    await followsTo(page, el, frame, 4);
    await precise(page, el, frame, 3);
    await ctx.close();
  }
  {
    // ?id= promises embed.js, which never comes: the frame lays its own.
    const { ctx, page, el, frame } = await open({ width: 390, file: 'bare.html' });
    await frame.waitForSelector('.scroll-ruler > div', { state: 'attached', timeout: 10000 });
    await followsTo(page, el, frame, 3);
    await precise(page, el, frame, 5);
    await ctx.close();
  }
});

/** Opens a figure's card in the frame, presses "Copy link", and returns what the card then says. */
async function copyLink(frame, statId) {
  const button = frame.locator(`#stat-${statId} .stat-button`);
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await frame.waitForSelector('dialog[open]');
  await frame.click('dialog[open] .card-actions .card-action >> nth=0');
  await frame.waitForFunction(() => document.querySelector('dialog[open] .card-status').textContent.length > 0);
  return frame.textContent('dialog[open] .card-status');
}

test('"Copy link" in an embed.js frame copies the article\'s address with the figure, which opens that card', async () => {
  const { ctx, page, frame } = await open({ width: 1280, perms: true, query: '&lang=en' });
  assert.equal(await copyLink(frame, 'telegram-prize'), 'Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const expected = page.url().split('#')[0] + '#stat-telegram-prize';
  assert.equal(copied, expected);
  // A reader opening that link lands in the article with the card open.
  const other = await ctx.newPage();
  await other.goto(copied);
  const el = await other.waitForSelector('#graphic iframe');
  await el.scrollIntoViewIfNeeded();
  const f = await el.contentFrame();
  await waitLive(f);
  await f.waitForSelector('dialog[open]');
  assert.match(await f.textContent('dialog[open] .card-figure'), /200/);
  await ctx.close();
});

test('"Copy link" under Pym.js gives the figure\'s share page beside the graphic, without Pym\'s parameters', async () => {
  const { ctx, frame } = await open({ width: 1280, file: 'pym.html', perms: true });
  assert.ok(frame.url().includes('childId='), frame.url());
  const status = await copyLink(frame, 'telegram-prize');
  // A Pym host does not pass fragments on: the share page opens the card.
  const link = `${appOrigin()}/s/telegram-prize.en.html`;
  // Pym's frame has no clipboard permission: the reader is shown the link.
  assert.ok(status === 'Link copied.' || status.endsWith(link), status);
  if (status === 'Link copied.') {
    assert.equal(await frame.evaluate(() => navigator.clipboard.readText()), link);
  }
  await ctx.close();
});

test('the host\'s accent colour and interface font reach the chart', async () => {
  const { ctx, frame } = await open({ width: 1280, query: '&lang=en&accent=0a7&font-ui=Courier%20New' });
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#00aa77');
  // This chart highlights its own bar in the accent.
  const button = frame.locator('#stat-twitter-h2-2017 .stat-button');
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await frame.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
  const { accent, brick } = await frame.evaluate(() => {
    const c = document.querySelector('dialog[open] canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let accent = 0, brick = 0;
    for (let i = 0; i < d.length; i += 4) {
      const near = (r, g, b) => Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 30;
      if (near(0x00, 0xaa, 0x77)) accent++;
      if (near(0x9b, 0x2c, 0x1f)) brick++;
    }
    return { accent, brick };
  });
  assert.ok(accent > 200, `only ${accent} pixels in the host's accent`);
  assert.equal(brick, 0, `${brick} pixels still in the default accent`);
  assert.match(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--font-en-ui')), /^Courier New, /);
  await ctx.close();
});

test('removing the embed removes the loader\'s window listeners; window.qitar.scan() mounts a new one', async () => {
  const { ctx, page } = await open({ width: 1280 });
  const cdp = await ctx.newCDPSession(page);
  const messageListeners = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.filter((l) => l.type === 'message').length;
  };
  assert.equal(await messageListeners(), 1);
  await page.evaluate(() => document.getElementById('graphic').remove());
  await until(async () => (await messageListeners()) === 0, { what: 'the message listener to go' });
  // A placeholder added and scanned at once.
  await page.evaluate((app) => {
    const d = document.createElement('div');
    d.id = 'again';
    d.setAttribute('data-qitar-src', app);
    document.getElementById('slot').append(d);
    window.qitar.scan();
  }, appOrigin() + '/');
  assert.equal(await page.locator('#again iframe').count(), 1);
  assert.equal(await messageListeners(), 1);
  await ctx.close();
});
