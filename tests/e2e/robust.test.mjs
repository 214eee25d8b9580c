// Robustness: a resize storm, rapid clicks on figures and language switches
// in mid-scroll leave no error, no panic, and no leaked listeners or nodes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser } from './harness.mjs';
import { abuseCycle, counters } from './abuse.mjs';

const env = withBrowser();

test('resize storms, rapid clicks and mid-scroll language switches: no errors, nothing leaks', async () => {
  const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
  const cdp = await page.context().newCDPSession(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(env.server.url);
  await page.waitForSelector('.track-stage .stop');
  await abuseCycle(page);
  const first = await counters(cdp);
  for (let i = 0; i < 9; i++) await abuseCycle(page);
  const last = await counters(cdp);
  assert.deepEqual(errors, []);
  assert.ok(last.listeners <= first.listeners, `listeners ${first.listeners} → ${last.listeners}`);
  assert.ok(last.nodes <= first.nodes * 1.05, `nodes ${first.nodes} → ${last.nodes}`);
  // Still working: the journey follows the reader.
  await page.evaluate(() => document.getElementById('2017').scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => document.getElementById('2017').getAttribute('aria-current') === 'step');
  await page.close();
});
