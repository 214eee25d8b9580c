// One way for every e2e file to open the graphic. A test of the app waits
// for the app's own signal that it has taken over (`<html data-qitar="live">`,
// set after hydration or mounting); the prerendered page never carries it,
// so such a test fails when the app does not start. A test of the static
// page says so with `app: false`, which blocks the WebAssembly on purpose.

import assert from 'node:assert/strict';

/** The selector the app sets once it is live. */
export const LIVE = 'html[data-qitar="live"]';

/** How long the app may take to start on a loaded CI machine. */
export const START_DEADLINE = Number(process.env.QITAR_START_DEADLINE) || 15000;

/** Waits until the app in `target` (a page or a frame) has taken over. */
export async function waitLive(target, timeout = START_DEADLINE) {
  await target.waitForSelector(LIVE, { state: 'attached', timeout });
}

/**
 * Opens `query` (relative to the test server) in a new context.
 * Options: viewport size (`width`, `height`), `scale`, `reducedMotion`,
 * `colorScheme`, `hasTouch`, `acceptDownloads`, `javaScriptEnabled`;
 * `app` (default true: wait for the live app; false: block the wasm and
 * wait for the load event); `before(ctx, page)` for init scripts and routes;
 * `wait` (default true) to skip waiting when the test watches start-up itself.
 * Returns { ctx, page, errors } with page errors and console errors collected.
 */
export async function open(env, query = '', opts = {}) {
  const {
    width = 390,
    height = 844,
    scale = 1,
    reducedMotion = 'no-preference',
    colorScheme = 'light',
    hasTouch = false,
    acceptDownloads = false,
    javaScriptEnabled = true,
    app = true,
    wait = true,
    before,
  } = opts;
  const ctx = await env.browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: scale,
    reducedMotion,
    colorScheme,
    hasTouch,
    acceptDownloads,
    javaScriptEnabled,
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  if (!app) await page.route(/\.wasm(\?|$)/, (r) => r.abort());
  if (before) await before(ctx, page);
  await page.goto(env.server.url + query);
  if (wait && app && javaScriptEnabled) await waitLive(page);
  return { ctx, page, errors };
}

/** Waits for `n` animation frames in the page. */
export const frames = (page, n = 2) =>
  page.evaluate(
    (n) =>
      new Promise((r) => {
        const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : r());
        step(n);
      }),
    n,
  );

/** Polls `fn` (async, returns truthy when done) until it holds or the deadline passes. */
export async function until(fn, { timeout = 5000, every = 25, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * Asserts that an embedded frame (`el`, the iframe; `frame`, its document)
 * is as tall as its content, with no inner scrollbar. Messages and the
 * frame's own resize travel a frame or two (the iframe is another process):
 * it polls until they settle, then judges.
 */
export async function heightsMatch(page, { el, frame }, when) {
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
