// What a reader's browser fetches for a language page's first view: the
// page, what it links (stylesheet, scripts, preloads), and the first-view
// build the loader fetches (its JS glue and wasm; not the ?story= one).
import fs from 'node:fs';
import path from 'node:path';

/** The first view's files of `pageFile` in `dist`, by name. */
export function firstView(dist, pageFile) {
  const html = fs.readFileSync(path.join(dist, pageFile), 'utf8');
  const files = new Set([pageFile]);
  for (const m of html.matchAll(/(?:href|src)="\.\/([^"]+)"/g)) files.add(m[1]);
  const loader = [...files].find((f) => /^loader-.*\.js$/.test(f));
  const lean = loader && fs.readFileSync(path.join(dist, loader), 'utf8').match(/: \['\.\/([^']+)', '\.\/([^']+)'\]/);
  if (!lean) throw new Error(`no first-view glue and wasm named in ${loader ?? `a loader linked from ${pageFile}`}`);
  files.add(lean[1]).add(lean[2]);
  return [...files].sort();
}
