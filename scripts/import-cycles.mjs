// Checks the direction of the crate's imports, read from the `crate::…`,
// `super::…` and child-module paths in src/ (a module is a file, or a
// folder's mod.rs): no two modules import each other, directly or round a
// loop; no two folders do either (ui/cards and ui/journey, say); and each
// top-level folder imports only from the ones before it in the data flow
// (FLOW below, which src/lib.rs and the README describe). Exits 1 on any
// breach. Usage: node scripts/import-cycles.mjs
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
  // `super::x` is the parent's `x`; `use x::…` after `mod x;` is a child.
  const parent = name.split('::').slice(0, -1);
  for (const m of text.matchAll(/\bsuper::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*|\{[^}]*\})/g)) {
    const items = m[1].startsWith('{') ? m[1].slice(1, -1).split(',') : [m[1]];
    for (const item of items) {
      const o = owner([...parent, ...item.trim().split('::').filter(Boolean)]);
      if (o && o !== name && !name.startsWith(o + '::')) deps.add(o);
    }
  }
  for (const m of text.matchAll(/^use ([a-z_][a-z0-9_]*)::/gm)) {
    if (names.has(`${name}::${m[1]}`)) deps.add(`${name}::${m[1]}`);
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

// The same, a level up: a folder's modules count as one (ui::cards::*).
const group = (m) => m.split('::').slice(0, 2).join('::');
const moduleCycles = cycles.splice(0);
const moduleEdges = new Map(edges);
edges.clear();
for (const [a, deps] of moduleEdges) {
  const g = group(a);
  if (!edges.has(g)) edges.set(g, new Set());
  for (const b of deps) if (group(b) !== g) edges.get(g).add(group(b));
}
index = 0;
idx.clear(); low.clear(); stack.length = 0; on.clear();
for (const v of edges.keys()) if (!idx.has(v)) visit(v);
const folderCycles = cycles.splice(0);

// The data flow: each folder imports only from those before it.
const FLOW = ['target', 'model', 'text', 'content', 'geometry', 'browser', 'embed', 'ui', 'start'];
const upstream = [];
for (const [a, deps] of moduleEdges) {
  for (const b of deps) {
    const [fa, fb] = [a.split('::')[0], b.split('::')[0]];
    if (fa === fb) continue;
    const [ra, rb] = [FLOW.indexOf(fa), FLOW.indexOf(fb)];
    if (ra < 0 || rb < 0 || rb > ra) upstream.push(`${a} → ${b}`);
  }
}

const report = (title, list, graph) => {
  console.log(`${list.length} ${title}:`);
  for (const c of list) {
    const pairs = c.flatMap((a) => [...graph.get(a)].filter((b) => c.includes(b)).map((b) => `${a} → ${b}`));
    console.log(`- ${c.join(', ')}\n    ${pairs.join('\n    ')}`);
  }
};
if (!moduleCycles.length && !folderCycles.length && !upstream.length) {
  console.log(`no import cycles among ${names.size} modules or their folders; every import follows the flow ${FLOW.join(' → ')}`);
} else {
  if (moduleCycles.length) report('import cycle(s) between modules', moduleCycles, moduleEdges);
  if (folderCycles.length) report('import cycle(s) between folders', folderCycles, edges);
  if (upstream.length) console.log(`${upstream.length} import(s) against the flow ${FLOW.join(' → ')}:\n  ${upstream.join('\n  ')}`);
  process.exitCode = 1;
}
