// Robustness: a resize storm, rapid clicks on figures and language switches
// in mid-scroll leave no error, no panic, and no leaked listeners or nodes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { launchOptions } from './browser.mjs';
import { serve } from './server.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await chromium.launch(launchOptions());
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('resize storms, rapid clicks and mid-scroll language switches: no errors, nothing leaks', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const cdp = await page.context().newCDPSession(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url);
  await page.waitForSelector('.track-stage .stop');
  const counters = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return cdp.send('Memory.getDOMCounters');
  };
  const cycle = async () => {
    for (let i = 0; i < 100; i++) await page.setViewportSize({ width: 320 + ((i * 37) % 1120), height: 560 + ((i * 53) % 340) });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => {
      const b = document.querySelector('#stat-telegram-prize .stat-button');
      for (let i = 0; i < 10; i++) b.click();
    });
    await page.keyboard.press('Escape');
    for (let y = 0; y < 5000; y += 1000) {
      await page.evaluate((y) => { window.scrollTo(0, y); document.querySelector('.lang-switch').click(); }, y);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(50);
  };
  await cycle();
  const first = await counters();
  for (let i = 0; i < 9; i++) await cycle();
  const last = await counters();
  assert.deepEqual(errors, []);
  assert.ok(last.jsEventListeners <= first.jsEventListeners, `listeners ${first.jsEventListeners} → ${last.jsEventListeners}`);
  assert.ok(last.nodes <= first.nodes * 1.05, `nodes ${first.nodes} → ${last.nodes}`);
  // Still working: the journey follows the reader.
  await page.evaluate(() => document.getElementById('2017').scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => document.getElementById('2017').getAttribute('aria-current') === 'step');
  await page.close();
});
