// The README's first command, run the way a newcomer runs it: start
// `bash scripts/serve.sh` from the checkout, wait for the address it prints,
// open it in Chromium, see the app go live and a figure's card open with its
// chart, then stop it. A failure names the step. The test command runs this
// (and the release build it leaves in dist/ is the one the e2e tests use).
//   node tests/first-command.mjs
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launchOptions } from './e2e/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Installs (if anything is missing) and a cold release build: minutes.
const DEADLINE = Number(process.env.QITAR_SERVE_DEADLINE) || 30 * 60_000;

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
let failed = null;
async function step(name, fn) {
  try {
    return await fn();
  } catch (e) {
    failed = `first command, step "${name}": ${e.message}`;
    throw e;
  }
}

const child = spawn('bash', ['scripts/serve.sh'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let exited = null;
const exit = new Promise((r) => child.on('exit', (code, signal) => r((exited = { code, signal }))));
const stop = async () => {
  if (exited) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
  await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
  if (!exited) process.kill(-child.pid, 'SIGKILL');
};

let browser, url;
try {
  url = await step('serve.sh prints the address it serves', () =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address after ${DEADLINE / 1000} s`)), DEADLINE);
      let buf = '';
      let partial = '';
      const read = (chunk) => {
        // Whole lines, each marked as serve.sh's.
        const lines = (partial + chunk).split('\n');
        partial = lines.pop();
        for (const line of lines) process.stdout.write(`[serve.sh] ${line}\n`);
        buf += chunk;
        const m = buf.match(/^\s+(http:\/\/127\.0\.0\.1:\d+\/)\s*$/m);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      exit.then(({ code, signal }) => reject(new Error(`serve.sh ended (code ${code}, signal ${signal}) before it served anything`)));
    }),
  );
  console.log(`first command: serving ${url} after ${secs()} s`);

  const res = await step('the address answers with the page, under the CSP', async () => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url} answered ${r.status}`);
    const csp = r.headers.get('content-security-policy') || '';
    if (!/script-src 'self'/.test(csp)) throw new Error(`no strict CSP on the page (got "${csp}")`);
    return r;
  });
  await res.body?.cancel();

  browser = await chromium.launch(launchOptions());
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await step('the app goes live', async () => {
    await page.goto(url);
    await page.waitForSelector('html[data-qitar="live"]', { state: 'attached', timeout: 30000 });
  });
  await step("a figure's card opens with its chart", async () => {
    const button = page.locator('.stat-button').first();
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await page.waitForFunction(() => document.querySelector('dialog.stat-card[open] canvas')?.width > 0, null, { timeout: 30000 });
  });
  await step('no console errors', async () => {
    if (errors.length) throw new Error(errors.join('\n'));
  });
  console.log(`first command: live, and a card opened, ${secs()} s after starting serve.sh`);
} catch (e) {
  console.error(failed ?? e.message);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await stop();
}
if (url) {
  // Stopped means stopped: nothing answers on the address any more.
  const still = await fetch(url).then(() => true, () => false);
  if (still) {
    console.error(`first command, step "stop it": ${url} still answers after serve.sh was stopped`);
    process.exitCode = 1;
  } else console.log('first command: stopped');
}
