// Checks that the README's "Layout of the code" table names every .rs file
// under src/ and names nothing that is not there. A row names files as
// `src/dir/`: `a.rs`, `b.rs` or as a whole path (`src/x.rs`).
// Usage: node scripts/readme-layout.mjs (exits 1 on a difference).
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const start = readme.indexOf('## Layout of the code');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

const named = new Set();
for (const row of section.split('\n').filter((l) => l.startsWith('| `'))) {
  const first = row.split(' | ')[0];
  // `src/dir/`: `a.rs`, `b.rs`, and whole paths.
  let dir = null;
  for (const m of first.matchAll(/`([^`]+)`/g)) {
    const p = m[1];
    if (p.endsWith('/')) dir = p;
    else if (p.startsWith('src/') || p.includes('/')) named.add(p);
    else if (dir && p.endsWith('.rs')) named.add(dir + p);
  }
}

const actual = new Set();
(function walk(dir) {
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.rs')) actual.add(p);
  }
})('src');

const missing = [...actual].filter((f) => !named.has(f)).sort();
const stale = [...named].filter((f) => f.startsWith('src/') && !actual.has(f)).sort();
if (missing.length || stale.length) {
  if (missing.length) console.log(`not in the README's layout table:\n  ${missing.join('\n  ')}`);
  if (stale.length) console.log(`in the README's layout table, not in src/:\n  ${stale.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(`the README's layout table names all ${actual.size} files under src/`);
}
