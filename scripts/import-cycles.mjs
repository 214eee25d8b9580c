// Lists the import cycles between the crate's modules, read from the
// `crate::…` paths in src/ (a module is a file, or a folder with its files).
// Exits 1 while any cycle is left. Usage: node scripts/import-cycles.mjs
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../src');

/** Every .rs file under src/ except the binaries, as [module, text]. */
function modules(dir, prefix = []) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'bin') out.push(...modules(p, [...prefix, e.name]));
    else if (e.name.endsWith('.rs') && !['lib.rs', 'main.rs'].includes(e.name)) {
      const stem = e.name.slice(0, -3);
      const name = [...prefix, ...(stem === 'mod' ? [] : [stem])].join('::');
      out.push([name, fs.readFileSync(p, 'utf8')]);
    }
  }
  return out;
}

const mods = modules(SRC);
const names = new Set(mods.map(([n]) => n));
// The top-level module a path names: `crate::ui::journey::x` → the longest known prefix.
const owner = (segments) => {
  for (let k = segments.length; k > 0; k--) {
    const n = segments.slice(0, k).join('::');
    if (names.has(n)) return n;
  }
  return null;
};
const edges = new Map();
for (const [name, text] of mods) {
  const deps = new Set();
  // `crate::a::b`, and the braces of `use crate::{a, b::c}`.
  for (const m of text.matchAll(/crate::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)/g)) {
    const o = owner(m[1].split('::'));
    if (o && o !== name && !name.startsWith(o + '::') && !o.startsWith(name + '::')) deps.add(o);
  }
  for (const m of text.matchAll(/use crate::\{([^}]*)\}/g)) {
    for (const item of m[1].split(',')) {
      const o = owner(item.trim().split('::').filter(Boolean));
      if (o && o !== name) deps.add(o);
    }
  }
  edges.set(name, deps);
}

// Strongly connected components (Tarjan): each with more than one module is a cycle.
let index = 0;
const idx = new Map(), low = new Map(), stack = [], on = new Set(), cycles = [];
function visit(v) {
  idx.set(v, index); low.set(v, index); index++;
  stack.push(v); on.add(v);
  for (const w of edges.get(v) || []) {
    if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
    else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const comp = [];
    let w;
    do { w = stack.pop(); on.delete(w); comp.push(w); } while (w !== v);
    if (comp.length > 1) cycles.push(comp.sort());
  }
}
for (const v of edges.keys()) if (!idx.has(v)) visit(v);

if (!cycles.length) {
  console.log(`no import cycles among ${names.size} modules`);
} else {
  console.log(`${cycles.length} import cycle(s) among ${names.size} modules:`);
  for (const c of cycles) {
    const pairs = c.flatMap((a) => [...edges.get(a)].filter((b) => c.includes(b)).map((b) => `${a} → ${b}`));
    console.log(`- ${c.join(', ')}\n    ${pairs.join('\n    ')}`);
  }
  process.exitCode = 1;
}
