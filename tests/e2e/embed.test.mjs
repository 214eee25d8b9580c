// Embedding: the demo host page with both loaders, auto height, host-driven
// scrolling, a strict CSP, sandboxed frames and forged messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser } from './harness.mjs';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";

// The app sends the strict CSP on its own pages, and CORS so an opaque
// (sandboxed) origin may load its module, wasm and stylesheet.
const env = withBrowser({
  headers: (p) => ({
    'access-control-allow-origin': '*',
    ...(p.startsWith('/examples/') ? {} : { 'content-security-policy': CSP }),
  }),
});
// Two origins on one server: the graphic on 127.0.0.1, the host on localhost.
const appOrigin = () => `http://127.0.0.1:${new URL(env.server.url).port}`;
const hostOrigin = () => `http://localhost:${new URL(env.server.url).port}`;

async function host(viewport, extra = '') {
  const ctx = await env.browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await ctx.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${hostOrigin()}/examples/host.html?app=${appOrigin()}/${extra}`);
  const frames = {};
  for (const [name, sel] of [['ar', '#embed-ar iframe'], ['en', '#pym-en iframe']]) {
    const el = await page.waitForSelector(sel);
    const frame = await el.contentFrame();
    await frame.waitForSelector('article');
    frames[name] = { el, frame };
  }
  return { ctx, page, frames, errors };
}

async function heightsMatch(page, { el, frame }, when) {
  // Messages and the frame's own resize travel a frame or two (the iframe
  // is another process): poll until it settles, then judge.
  let last;
  for (let i = 0; i < 60; i++) {
    const inner = await frame.evaluate(() => ({
      content: document.body.getBoundingClientRect().height,
      h: document.documentElement.scrollHeight - document.documentElement.clientHeight,
      w: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    const outer = await el.evaluate((e) => e.getBoundingClientRect().height);
    last = { ...inner, outer };
    if (Math.abs(inner.content - outer) <= 2 && inner.h <= 1 && inner.w <= 1) return;
    await page.waitForTimeout(50);
  }
  assert.ok(Math.abs(last.content - last.outer) <= 2, `${when}: iframe ${last.outer}px, content ${last.content}px`);
  assert.ok(last.h <= 1 && last.w <= 1, `${when}: inner scrollbar ${JSON.stringify(last)}`);
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
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
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
  for (let y = top - 844; y < top + height; y += 90) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(60);
    const active = await frame.evaluate(() => [...document.querySelectorAll('ol.stations > li')].findIndex((li) => li.getAttribute('aria-current') === 'step'));
    if (seen[seen.length - 1] !== active) seen.push(active);
  }
  const n = await frame.evaluate(() => document.querySelectorAll('ol.stations > li').length);
  assert.deepEqual(seen, [...Array(n).keys()]);
  await ctx.close();
});

test('the app runs under the strict CSP with no violation', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await ctx.newPage();
  const response = await page.goto(`${appOrigin()}/?lang=en#stat-telegram-prize`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await page.waitForSelector('dialog[open] canvas');
  await page.waitForFunction(() => document.querySelector('dialog[open] canvas').width > 0);
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.scrollTo(0, 3000));
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
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
  await frames.ar.el.scrollIntoViewIfNeeded();
  await heightsMatch(page, frames.ar, 'load');
  const before = await frames.ar.el.evaluate((e) => e.style.height);
  // From the host page itself (wrong source), malformed, and a script-like payload.
  await page.evaluate(() => {
    const m = (h) => JSON.stringify({ type: 'qitar:height', id: 'qitar-1', height: h });
    window.postMessage(m(5), '*');
    window.postMessage('{"type":"qitar:height","id":"qitar-1","height":"javascript:alert(1)"}', '*');
    window.postMessage({ type: 'qitar:height', id: 'qitar-1', height: 7 }, '*');
    window.postMessage('not json', '*');
  });
  // From a frame of another origin (opaque data: URL).
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.src = 'data:text/html,' + encodeURIComponent(
      `<script>parent.postMessage(JSON.stringify({type:'qitar:height',id:'qitar-1',height:9}),'*')</script>`);
    document.body.appendChild(f);
  });
  // From the Pym frame: right origin, wrong window for this embed.
  await frames.en.frame.evaluate(() => parent.postMessage(JSON.stringify({ type: 'qitar:height', id: 'qitar-1', height: 11 }), '*'));
  await page.waitForTimeout(300);
  assert.equal(await frames.ar.el.evaluate((e) => e.style.height), before);
  assert.equal(page.url().startsWith(hostOrigin()), true, 'the host page was not navigated');
  assert.deepEqual(errors, []);
  await ctx.close();
});
