// Embedding: the demo host page with both loaders, auto height, host-driven
// scrolling, a strict CSP, sandboxed frames and forged messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser } from './harness.mjs';
import { waitLive, until, heightsMatch } from './page.mjs';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";

// A news site's own policy: its scripts, inline styles (Pym.js sets the
// frame's), and frames from the graphic's host only.
const hostCsp = () =>
  `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self' ${appOrigin()}; img-src 'self' data:; object-src 'none'; base-uri 'none'`;

// The app sends the strict CSP on its own pages, and CORS so an opaque
// (sandboxed) origin may load its module, wasm and stylesheet. The host
// page sends its own.
const env = withBrowser({
  headers: (p) => ({
    'access-control-allow-origin': '*',
    'content-security-policy': p.startsWith('/examples/') ? hostCsp() : CSP,
  }),
  pages: (p) => (p === '/examples/multi.html' ? multiHtml() : undefined),
});

// A CMS page with three placeholders, one far below the fold.
const multiHtml = () => {
  const app = `${appOrigin()}/`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Three embeds</title></head><body>
    <div id="a" data-qitar-src="${app}" data-qitar-lang="ar" data-qitar-title="Custom title A" data-qitar-height="500"></div>
    <div id="b" data-qitar-src="${app}" data-qitar-lang="en"></div>
    <div style="height:12000px"></div>
    <div id="c" data-qitar-src="${app}" data-qitar-lang="en"></div>
    <script src="../embed.js"></script></body></html>`;
};
// Two origins on one server: the graphic on 127.0.0.1, the host on localhost.
const appOrigin = () => `http://127.0.0.1:${new URL(env.server.url).port}`;
const hostOrigin = () => `http://localhost:${new URL(env.server.url).port}`;

/** CSP violations, recorded in every document and frame of a context. */
const recordViolations = (ctx) =>
  ctx.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${location.origin} ${e.violatedDirective} ${e.blockedURI}`));
  });

async function host(viewport, extra = '') {
  const ctx = await env.browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await recordViolations(ctx);
  await page.goto(`${hostOrigin()}/examples/host.html?app=${appOrigin()}/${extra}`);
  const frames = {};
  for (const [name, sel] of [['ar', '#embed-ar iframe'], ['en', '#pym-en iframe']]) {
    const el = await page.waitForSelector(sel);
    await el.scrollIntoViewIfNeeded();
    const frame = await el.contentFrame();
    await waitLive(frame);
    frames[name] = { el, frame };
  }
  return { ctx, page, frames, errors };
}

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  test(`host page at ${viewport.width}px: both frames fit their content, after load, a language switch and a card`, async () => {
    const { ctx, page, frames, errors } = await host(viewport);
    for (const [name, f] of Object.entries(frames)) {
      await f.el.scrollIntoViewIfNeeded();
      await heightsMatch(page, f, `${name} after load`);
      await f.frame.click('.lang-switch');
      await f.frame.waitForFunction((l) => document.documentElement.lang === l, name === 'ar' ? 'en' : 'ar');
      await heightsMatch(page, f, `${name} after a language switch`);
      const button = f.frame.locator('#stat-twitter-total-2017 .stat-button');
      await button.scrollIntoViewIfNeeded();
      await button.click();
      await f.frame.waitForSelector('dialog[open] canvas');
      await heightsMatch(page, f, `${name} with a card open`);
      // The card opens where the reader is, inside the host's viewport.
      const box = await f.frame.locator('dialog[open]').boundingBox();
      assert.ok(box && box.y > -5 && box.y < viewport.height, `${name}: card at ${box?.y}`);
      await f.frame.press('dialog[open]', 'Escape');
      await heightsMatch(page, f, `${name} after closing the card`);
    }
    assert.deepEqual(errors, []);
    // The host page's policy and each frame's own strict one.
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'host page');
    for (const [name, f] of Object.entries(frames)) assert.deepEqual(await f.frame.evaluate(() => window.__csp), [], name);
    await ctx.close();
  });
}

test('scrolling the host page drives the stations in order', async () => {
  const { ctx, page, frames } = await host({ width: 390, height: 844 });
  const { el, frame } = frames.ar;
  await heightsMatch(page, frames.ar, 'load');
  const top = await el.evaluate((e) => e.getBoundingClientRect().top + scrollY);
  const height = await el.evaluate((e) => e.getBoundingClientRect().height);
  const seen = [];
  const activeIn = () => frame.evaluate(() => [...document.querySelectorAll('ol.stations > li')].findIndex((li) => li.getAttribute('aria-current') === 'step'));
  for (let y = top - 844; y < top + height; y += 90) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    // The frame hears of the host's scroll a frame or two later: wait until
    // the active station stops changing.
    let active = await activeIn();
    for (let k = 0; k < 10; k++) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const again = await activeIn();
      if (again === active) break;
      active = again;
    }
    if (seen[seen.length - 1] !== active) seen.push(active);
  }
  const n = await frame.evaluate(() => document.querySelectorAll('ol.stations > li').length);
  assert.deepEqual(seen, [...Array(n).keys()]);
  await ctx.close();
});

test('the app runs under the strict CSP with no violation', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordViolations(ctx);
  const page = await ctx.newPage();
  const response = await page.goto(`${appOrigin()}/?lang=en#stat-telegram-prize`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await waitLive(page);
  await page.waitForFunction(() => document.querySelector('dialog[open] canvas')?.width > 0);
  await page.keyboard.press('Escape');
  // Closing gives focus back to the figure (which scrolls to it): wait for
  // that before scrolling elsewhere.
  await page.waitForFunction(() => !document.querySelector('dialog[open]') && document.activeElement?.closest('.stat'));
  await page.evaluate(() => document.getElementById('2017').scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => document.getElementById('2017').getAttribute('aria-current') === 'step');
  // The recorder itself works: an inline script is a violation here.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
  });
  await page.waitForFunction(() => window.__csp.length > 0);
  const violations = await page.evaluate(() => window.__csp);
  assert.equal(await page.evaluate(() => window.__inlineRan), undefined);
  assert.deepEqual(violations.filter((v) => !/script-src.* inline$/.test(v)), []);
  assert.equal(violations.length, 1, violations.join(' | '));
  await ctx.close();
});

test('a sandboxed frame (opaque origin) still loads and reports its height', async () => {
  const { ctx, page, frames } = await host({ width: 1280, height: 800 }, '&sandbox=1');
  assert.equal(await frames.ar.el.getAttribute('sandbox'), 'allow-scripts allow-popups');
  await frames.ar.el.scrollIntoViewIfNeeded();
  await heightsMatch(page, frames.ar, 'sandboxed');
  await ctx.close();
});

test('forged height messages from another window or origin are ignored', async () => {
  const { ctx, page, frames, errors } = await host({ width: 1280, height: 800 });
  await heightsMatch(page, frames.ar, 'load');
  const before = await frames.ar.el.evaluate((e) => e.style.height);
  // Every height the host gives the frame, from now on.
  await frames.ar.el.evaluate((f) => {
    window.__heights = [];
    new MutationObserver(() => window.__heights.push(f.style.height)).observe(f, { attributes: true, attributeFilter: ['style'] });
  });
  // From the host page itself (wrong source), malformed, and a script-like payload.
  await page.evaluate(() => {
    const m = (h) => JSON.stringify({ type: 'qitar:height', id: 'qitar-1', height: h });
    window.postMessage(m(5), '*');
    window.postMessage('{"type":"qitar:height","id":"qitar-1","height":"javascript:alert(1)"}', '*');
    window.postMessage({ type: 'qitar:height', id: 'qitar-1', height: 7 }, '*');
    window.postMessage('not json', '*');
  });
  // From a frame of another origin (the host's own), which says when it has posted.
  await page.route('**/forger.html', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>forger</title><script src="forger.js"></script>' }),
  );
  await page.route('**/forger.js', (r) =>
    r.fulfill({
      contentType: 'text/javascript',
      body: "parent.postMessage(JSON.stringify({type:'qitar:height',id:'qitar-1',height:9}),'*');parent.postMessage('forger:done','*');",
    }),
  );
  await page.evaluate(() => new Promise((done) => {
    addEventListener('message', function heard(e) {
      if (e.data === 'forger:done') { removeEventListener('message', heard); done(); }
    });
    const f = document.createElement('iframe');
    f.src = '/examples/forger.html';
    document.body.appendChild(f);
  }));
  // From the Pym frame: right origin, wrong window for this embed.
  await frames.en.frame.evaluate(() => parent.postMessage(JSON.stringify({ type: 'qitar:height', id: 'qitar-1', height: 11 }), '*'));
  // A real message from the right frame, posted last, marks the end: once
  // the host has applied it, every forged message before it was handled.
  await frames.ar.frame.evaluate(() => parent.postMessage(JSON.stringify({ type: 'qitar:height', id: 'qitar-1', height: 4321 }), '*'));
  await until(() => page.evaluate(() => window.__heights.includes('4321px')), { what: 'the marker height' });
  const applied = await page.evaluate(() => window.__heights);
  assert.deepEqual(applied.slice(0, applied.indexOf('4321px')), [], `forged heights applied: ${applied}`);
  assert.notEqual(before, '4321px');
  assert.equal(page.url().startsWith(hostOrigin()), true, 'the host page was not navigated');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('from the embedded frame itself: heights are clamped to 150–30000 px and malformed messages change nothing', async () => {
  const { ctx, page, frames } = await host({ width: 1280, height: 800 });
  const { el, frame } = frames.ar;
  await heightsMatch(page, frames.ar, 'load');
  const post = (payloads) => frame.evaluate((ps) => ps.forEach((p) => parent.postMessage(p, '*')), payloads);
  const record = () => el.evaluate((f) => {
    window.__heights = [];
    window.__obs?.disconnect();
    window.__obs = new MutationObserver(() => window.__heights.push(f.style.height));
    window.__obs.observe(f, { attributes: true, attributeFilter: ['style'] });
  });
  const heights = () => page.evaluate(() => window.__heights);
  const msg = (h, id = 'qitar-1') => JSON.stringify({ type: 'qitar:height', id, height: h });

  for (const [asked, applied] of [[5, '150px'], [99999, '30000px'], [-40, '150px']]) {
    await record();
    await post([msg(asked)]);
    await until(async () => (await heights()).length > 0, { what: `${asked} to be applied` });
    assert.equal((await heights())[0], applied, `${asked} applied as ${(await heights())[0]}`);
  }

  // Malformed, then one good marker: nothing before the marker applies.
  await record();
  await post([
    '{"type":"qitar:height","id":"qitar-1","height":"javascript:alert(1)"}',
    msg('NaN'),
    msg(null),
    msg(640, 'qitar-2'),
    JSON.stringify({ type: 'qitar:other', id: 'qitar-1', height: 640 }),
    JSON.stringify({ type: 'qitar:height', id: 'qitar-1', height: 640, pad: 'x'.repeat(300) }),
    { type: 'qitar:height', id: 'qitar-1', height: 640 },
    'not json',
    msg(1234),
  ]);
  await until(async () => (await heights()).includes('1234px'), { what: 'the marker height' });
  assert.equal((await heights())[0], '1234px', `applied before the marker: ${await heights()}`);
  // A true report puts it right again.
  const content = await frame.evaluate(() => document.body.getBoundingClientRect().height);
  await post([msg(content)]);
  await heightsMatch(page, frames.ar, 'after the forged heights');
  await ctx.close();
});

test('the graphic answers the Pym.js parent\'s width message with its height', async () => {
  const { ctx, page, frames } = await host({ width: 1280, height: 800 });
  await heightsMatch(page, frames.en, 'load');
  const childId = await frames.en.frame.evaluate(() => new URLSearchParams(location.search).get('childId'));
  assert.ok(childId, 'Pym passed a childId');
  await page.evaluate((id) => {
    window.__pym = [];
    addEventListener('message', (e) => {
      if (typeof e.data === 'string' && e.data.startsWith(`pymxPYMx${id}xPYMxheightxPYMx`)) window.__pym.push(e.data);
    });
  }, childId);
  const expected = Math.round(await frames.en.frame.evaluate(() => document.documentElement.getBoundingClientRect().height));
  await frames.en.el.evaluate((f, id) => f.contentWindow.postMessage(`pymxPYMx${id}xPYMxwidthxPYMx1000`, '*'), childId);
  await page.waitForFunction(() => window.__pym.length > 0);
  const h = Number((await page.evaluate(() => window.__pym[0])).split('xPYMx').pop());
  assert.ok(Math.abs(h - expected) <= 2, `answered ${h}, content ${expected}`);
  await ctx.close();
});

// A page with three placeholders, as a CMS writes it: each its own frame,
// the options honoured, and the far one left unloaded until the reader nears it.
test('several embeds on one page: titles, first heights, lazy loading, each fitted to its own content', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript(() => {
    window.__first = {};
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
      if (n.tagName === 'IFRAME') window.__first[n.src] = n.style.height;
    }))).observe(document, { childList: true, subtree: true });
  });
  const page = await ctx.newPage();
  const requested = [];
  page.on('request', (r) => r.resourceType() === 'document' && requested.push(r.url()));
  await page.goto(`${hostOrigin()}/examples/multi.html`);
  const a = await page.waitForSelector('#a iframe');
  const b = await page.waitForSelector('#b iframe');
  const c = await page.waitForSelector('#c iframe');
  assert.equal(await a.getAttribute('title'), 'Custom title A');
  assert.equal(await b.getAttribute('title'), 'Interactive graphic');
  for (const f of [a, b, c]) assert.equal(await f.getAttribute('loading'), 'lazy');
  const first = await page.evaluate(() => window.__first);
  const byId = (id) => Object.entries(first).find(([src]) => src.includes(`id=${id}`))?.[1];
  assert.equal(byId('qitar-1'), '500px');
  assert.equal(byId('qitar-2'), '720px');
  assert.deepEqual(new Set([await a.getAttribute('src'), await b.getAttribute('src'), await c.getAttribute('src')]).size, 3);
  // The two near frames load and, once in view (the app starts on a
  // rendered frame), go live; the far one has not been asked for.
  const fa = await a.contentFrame();
  const fb = await b.contentFrame();
  await a.scrollIntoViewIfNeeded();
  await waitLive(fa);
  await b.scrollIntoViewIfNeeded();
  await waitLive(fb);
  assert.equal(await fa.evaluate(() => document.documentElement.lang), 'ar');
  assert.equal(await fb.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(requested.filter((u) => u.includes('id=qitar-3')).length, 0, 'the far frame loaded early');
  await heightsMatch(page, { el: a, frame: fa }, 'first');
  await heightsMatch(page, { el: b, frame: fb }, 'second');
  // Near it, it loads and fits too.
  await c.scrollIntoViewIfNeeded();
  await until(() => requested.some((u) => u.includes('id=qitar-3')), { what: 'the far frame to load' });
  const fc = await c.contentFrame();
  await waitLive(fc);
  await heightsMatch(page, { el: c, frame: fc }, 'third');
  await ctx.close();
});
