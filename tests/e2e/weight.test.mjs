// The first view's weight, held under a ceiling a change must raise on
// purpose (and say why). Not the target (issue 24 asks for 150 KB; the
// README's breakdown says where the bytes go and scripts/bench.sh prints
// them): a guard against a slip such as formatting an f64 with `{}` in
// first-view code, which brings core's float printing in (+7 KB brotli).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstView } from './first-view.mjs';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
// Bytes as served, brotli; measured 2026-12-03: wasm 161,308, the whole
// first view of index.html 186,057 (with the float printing: 168,176 and
// 192,925).
const CEILING = { wasm: 164_000, total: 190_000 };

for (const page of ['index.html', 'en.html']) {
  test(`${page}: the first view stays under its ceiling (wasm ${CEILING.wasm}, all ${CEILING.total} bytes brotli)`, () => {
    const files = firstView(DIST, page);
    const br = (f) => fs.statSync(path.join(DIST, f + '.br')).size;
    const wasm = files.filter((f) => f.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one wasm in the first view: ${files.join(', ')}`);
    const sizes = files.map((f) => `${f} ${br(f)}`).join(', ');
    assert.ok(br(wasm[0]) <= CEILING.wasm, `the first view's wasm is ${br(wasm[0])} bytes brotli (${sizes})`);
    const total = files.reduce((a, f) => a + br(f), 0);
    assert.ok(total <= CEILING.total, `the first view is ${total} bytes brotli (${sizes})`);
  });
}
