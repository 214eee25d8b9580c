import { chromium } from 'playwright-core';
import { launchOptions } from '/work/main/tests/e2e/browser.mjs';
const [url, out, width, height, scrollTo] = process.argv.slice(2);
const b = await chromium.launch(launchOptions());
const page = await b.newPage({ viewport: { width: +width, height: +height } });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
await page.waitForSelector('article, .error-panel');
if (scrollTo) { await page.evaluate((id) => { const el = document.getElementById(id); window.scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight/2 + 80); }, scrollTo); }
await page.waitForTimeout(400);
await page.screenshot({ path: out });
await b.close();
