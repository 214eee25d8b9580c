// The graphic's height at standard widths (embed/heights.json), which
// embed.js uses to size a frame before the graphic reports its height. The
// table holds for one story, one set of interface strings and one
// stylesheet: `key()` fingerprints them, and the build leaves the table out
// of embed.js when it was measured for others. The test command measures the
// heights and fails when the table is off (QITAR_WRITE_HEIGHTS=1 rewrites it:
// tests/e2e/embed-heights.test.mjs).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FILE = path.join(ROOT, 'embed/heights.json');
/** Frame widths measured, in CSS px: phones to desktop columns, and both
 * sides of each of the stylesheet's breakpoints (heights jump there). */
export const WIDTHS = [280, 320, 361, 362, 390, 414, 480, 560, 647, 648, 720, 800, 899, 900, 1000, 1103, 1104, 1280];

/** A fingerprint of what the heights depend on. */
export function key() {
  const story = process.env.QITAR_STORY ? path.resolve(ROOT, process.env.QITAR_STORY) : path.join(ROOT, 'content/story.json');
  const h = crypto.createHash('sha256');
  for (const f of [story, path.join(ROOT, 'content/ui.json'), path.join(ROOT, 'style/main.css')]) h.update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/** The table for embed.js, or why there is none. */
export function table() {
  if (!fs.existsSync(FILE)) return { why: 'embed/heights.json is missing' };
  const t = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  if (t.key !== key()) return { why: 'embed/heights.json was measured for another story, strings or stylesheet' };
  // Compact for embed.js: the widths once, then each language's heights.
  const langs = Object.keys(t).filter((k) => /^[a-z]{2}$/.test(k));
  const heights = { default: t.default, widths: t[langs[0]].map(([w]) => w) };
  for (const l of langs) {
    if (t[l].some(([w], i) => w !== heights.widths[i])) return { why: `embed/heights.json: ${l} was measured at other widths` };
    heights[l] = t[l].map(([, h]) => h);
  }
  return { heights };
}
