// The reader's path in the two engines besides Chromium: Firefox ESR and
// WebKitGTK (see reader.mjs and drivers.mjs), served as a host would serve
// the release build (its _headers: the strict CSP, caching).
import { describe, test, before, after } from 'node:test';
import { serve, deployedHeaders } from '../e2e/server.mjs';
import { firefox, webkit } from './drivers.mjs';
import { readerPath, hostPage, stillMap, earlyTap } from './reader.mjs';

let server, broken;
const held = [];
before(async () => {
  server = await serve({ headers: deployedHeaders() });
  // The same build whose app code is refused (another origin: nothing
  // cached from the first), for the static page as it stands alone.
  broken = await serve({ headers: deployedHeaders(), pages: (rel) => (rel.endsWith('.wasm') ? { body: 'refused', type: 'text/plain' } : undefined) });
});
after(async () => {
  await server?.close();
  await broken?.close();
  for (const h of held) await h.close();
});
/** A server of its own (nothing cached) whose first view's wasm waits for `release()`. */
async function holdingTheApp() {
  let release;
  const gate = new Promise((r) => { release = r; });
  const h = await serve({ headers: deployedHeaders(), hold: (rel) => (/^\/qitar-[0-9a-f]{16}_bg\.wasm$/.test(rel) ? gate : undefined) });
  held.push(h);
  return { url: h.url, release };
}

for (const [name, launch] of [['firefox', firefox], ['webkit', webkit]]) {
  describe(name, () => {
    let session;
    before(async () => {
      session = await launch();
    });
    after(() => session?.close());
    for (const [width, height] of [[390, 844], [1280, 800]]) {
      for (const lang of ['ar', 'en']) {
        test(`${name} ${lang} ${width}px: live, no overflow, the next station with a gliding train, a card with its chart, Esc, the language switch`, () =>
          readerPath(session, server.url, { lang, width, height }));
      }
      if (width === 390) {
        test(`${name} ${width}px: a figure tapped while the app's code is on its way opens its card once the app is live`, async () => {
          const h = await holdingTheApp();
          try {
            await earlyTap(session, h.url, h.release, { lang: 'ar', width, height });
          } finally {
            h.release();
          }
        });
      }
      test(`${name} ${width}px: the demo article's two frames fit their content and follow its scroll`, () =>
        hostPage(session, server.url, { width, height }));
      test(`${name} ${width}px, the app's code refused: the static map shows every stop's name, every line's name and the train, in both languages`, async () => {
        for (const lang of ['ar', 'en']) await stillMap(session, broken.url, { lang, width, height });
      });
    }
  });
}
