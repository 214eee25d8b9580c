// Two browser engines besides Chromium, behind one small interface, so the
// reader's path (reader.mjs) is written once:
//   Firefox ESR through puppeteer-core over WebDriver BiDi;
//   WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver) and
//   selenium-webdriver. It needs a display: the test command runs this
//   suite under xvfb-run.
// A session: open(url, { width, height }), eval(fn, ...args) (fn runs in the
// page; it may be async), click(selector) (a real pointer click), press(key),
// screenshot(file),
// errors() (console errors and uncaught errors, where the driver reports
// them), close().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Errors the page itself records (installed after load by `open`): what a driver without a console log still sees. */
const RECORD_ERRORS = () => {
  if (window.__errors) return;
  window.__errors = [];
  addEventListener('error', (e) => window.__errors.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => window.__errors.push(`unhandled rejection: ${e.reason}`));
  const orig = console.error;
  console.error = (...a) => {
    window.__errors.push(a.map(String).join(' '));
    orig.apply(console, a);
  };
};

export async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // No calls home on a machine whose network reaches only the registries.
    extraPrefsFirefox: { 'network.dns.disablePrefetch': true, 'browser.safebrowsing.malware.enabled': false, 'app.update.enabled': false },
  });
  let page = null;
  let logged = [];
  return {
    name: 'firefox',
    async open(url, { width, height }) {
      await page?.close();
      page = await browser.newPage();
      logged = [];
      page.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
      page.on('pageerror', (e) => logged.push(String(e?.message ?? e)));
      await page.setViewport({ width, height });
      await page.goto(url);
      await page.evaluate(RECORD_ERRORS);
    },
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    click: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key),
    screenshot: (file) => page.screenshot({ path: file }),
    async errors() {
      return [...logged, ...(await page.evaluate(() => window.__errors || []))];
    },
    close: () => browser.close(),
  };
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export async function webkit() {
  const { Builder, By, Key } = await import('selenium-webdriver');
  if (!process.env.DISPLAY) throw new Error('WebKitGTK needs a display: run this under xvfb-run -a');
  // MiniBrowser's toolbar keeps its window at least 447 px wide; a GTK
  // stylesheet that shrinks the toolbar lets the page be a 390 px phone.
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'qitar-gtk-'));
  fs.mkdirSync(path.join(config, 'gtk-3.0'));
  fs.writeFileSync(
    path.join(config, 'gtk-3.0', 'gtk.css'),
    'headerbar, toolbar, entry, button, box, label { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; }\n',
  );
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, XDG_CONFIG_HOME: config } });
  const server = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(`${server}/status`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 100) throw new Error(`WebKitWebDriver did not answer on ${server}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const d = await new Builder()
    .usingServer(server)
    .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
    .build();
  const KEYS = { Escape: Key.ESCAPE, Enter: Key.ENTER, Tab: Key.TAB };
  const evaluate = (fn, ...args) => d.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  return {
    name: 'webkit',
    async open(url, { width, height }) {
      // The window's rect includes the (shrunk) toolbar: size it so that the
      // page itself gets the width asked for.
      await d.manage().window().setRect({ width, height });
      await d.get(url);
      const inner = await evaluate(() => [innerWidth, outerWidth]);
      if (inner[0] !== width) {
        await d.manage().window().setRect({ width: width + inner[1] - inner[0], height });
        const now = await evaluate(() => innerWidth);
        if (now !== width) throw new Error(`WebKit window: asked for a ${width} px page, got ${now} px`);
      }
      await evaluate(RECORD_ERRORS);
    },
    eval: evaluate,
    click: async (selector) => d.findElement(By.css(selector)).click(),
    press: async (key) => d.actions().sendKeys(KEYS[key] ?? key).perform(),
    screenshot: async (file) => fs.writeFileSync(file, await d.takeScreenshot(), 'base64'),
    errors: () => evaluate(() => window.__errors || []),
    async close() {
      await d.quit().catch(() => {});
      driver.kill();
      fs.rmSync(config, { recursive: true, force: true });
    },
  };
}
