// Shared test setup: a loopback server for dist/ and one Chromium per file.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { launchOptions } from './browser.mjs';
import { serve } from './server.mjs';

/** Starts both before the file's tests and stops them after; read `env.server` and `env.browser` inside tests. */
export function withBrowser(serveOptions) {
  const env = {};
  before(async () => {
    env.server = await serve(serveOptions);
    env.browser = await chromium.launch(launchOptions());
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
