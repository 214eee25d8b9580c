// Where a wasm's bytes go: by crate, and by module of ours (qitar::a::b).
// Reads a wasm that still has its name section (scripts/bench.sh builds one
// the way Trunk does, with `wasm-opt -g`), and prints, per group, the bytes
// of its function bodies and each group's share of the brotli-compressed
// file. Usage: node scripts/wasm-breakdown.mjs <file.wasm> [--top N]
//
// Each function is counted once, under the crate that defines it; a
// generic function instantiated for our types still counts under its crate
// (`tachys::…` for the view code Leptos generates from our `view!`s), and
// `<T as Trait>::f` counts under T's crate. Brotli shares are estimates: each
// group's bodies compressed on their own, scaled so the groups add up to the
// compressed file.
import fs from 'node:fs';
import zlib from 'node:zlib';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/wasm-breakdown.mjs <file.wasm> [--top N]');
  process.exit(2);
}
const topN = Number(process.argv[process.argv.indexOf('--top') + 1]) || 25;
const buf = fs.readFileSync(file);
if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file}: not a wasm module`);

let pos = 8;
function uleb(b = buf) {
  let result = 0, shift = 0, byte;
  do {
    byte = b[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
}
function name() {
  const len = uleb();
  const s = buf.toString('utf8', pos, pos + len);
  pos += len;
  return s;
}

const sections = [];
let importedFuncs = 0;
const bodies = []; // [start, end)
const names = new Map();
const data = [];
while (pos < buf.length) {
  const id = buf[pos++];
  const size = uleb();
  const start = pos, end = pos + size;
  let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'][id] ?? `section ${id}`;
  if (id === 0) {
    const n = name();
    label = `custom "${n}"`;
    if (n === 'name') {
      while (pos < end) {
        const sub = buf[pos++];
        const subSize = uleb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = uleb();
          for (let i = 0; i < count; i++) {
            const idx = uleb();
            names.set(idx, name());
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      name();
      name();
      const kind = buf[pos++];
      if (kind === 0) { uleb(); importedFuncs++; }
      else if (kind === 1) { pos++; limits(); }
      else if (kind === 2) limits();
      else if (kind === 3) pos += 2;
      else if (kind === 4) { pos++; uleb(); }
      else throw new Error(`import kind ${kind}`);
    }
  } else if (id === 10) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      const len = uleb();
      bodies.push([pos, pos + len]);
      pos += len;
    }
  } else if (id === 11) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      const segStart = pos;
      const flags = uleb();
      if (flags === 2) uleb();
      if (flags !== 1) while (buf[pos++] !== 0x0b); // the offset expression
      const len = uleb();
      pos += len;
      data.push([segStart, pos]);
    }
  }
  sections.push({ label, size: end - start });
  pos = end;
}
function limits() {
  const flags = buf[pos++];
  uleb();
  if (flags & 1) uleb();
}

// Rust's legacy mangling (_ZN…E), with its $…$ escapes; names that are
// already plain pass through.
const ESC = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
function demangle(s) {
  const m = /^_?_ZN(.*)E$/.exec(s);
  if (!m) return s;
  let rest = m[1];
  const parts = [];
  while (rest.length) {
    const d = /^(\d+)/.exec(rest);
    if (!d) break;
    const n = Number(d[1]);
    parts.push(rest.slice(d[1].length, d[1].length + n));
    rest = rest.slice(d[1].length + n);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts
    .map((p) =>
      p
        .replace(/^_\$/, '$')
        .replace(/\.\./g, '::')
        .replace(/\$([A-Z]+|u[0-9a-f]+)\$/g, (all, e) =>
          e[0] === 'u' && e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : ESC[e] ?? all,
        ),
    )
    .join('::');
}

// The crate (or our module) a function belongs to.
function owner(full) {
  let s = full.trim().replace(/\[[0-9a-f]+\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
  // A closure's body inlined into the trait's shim: in this app, the view
  // code of our components (the largest is the App's hydration).
  if (/^core::ops::function::Fn(Once|Mut)?::call/.test(s)) return '(closures: our views, inlined)';
  // <T as Trait>::f with T generic (legacy names do not say which type):
  // the trait's crate.
  const generic = /^<&?(mut )?[A-Z]\w? as ([^>]+)>/.exec(s);
  if (generic) s = generic[2];
  // <T as Trait>::f and <T>::f: T's path.
  while (s.startsWith('<')) s = s.slice(1).trim();
  s = s.replace(/^(&|\*const |\*mut |mut |dyn )+/, '');
  const path = s.split(/[<>( ,]/)[0].split('::').filter(Boolean);
  if (!path.length) return '(other)';
  if (/^(bool|char|str|[iu](8|16|32|64|128|size)|f32|f64|\[.*)$/.test(path[0])) return 'core';
  if (path[0] === 'qitar') {
    const mod = path.slice(0, 3).filter((p) => /^[a-z_][a-z0-9_]*$/.test(p) && !p.startsWith('_'));
    return mod.join('::');
  }
  if (/^(core|alloc|std)$/.test(path[0])) return path[0];
  if (/^[a-z_][a-z0-9_]*$/.test(path[0]) && path.length > 1) return path[0];
  if (process.env.BREAKDOWN_UNNAMED) console.log('unnamed:', full.slice(0, 160));
  return '(glue and unnamed)';
}

const groups = new Map();
function add(key, bytes, slices) {
  const g = groups.get(key) ?? { bytes: 0, count: 0, parts: [] };
  g.bytes += bytes;
  g.count++;
  g.parts.push(...slices);
  groups.set(key, g);
}
bodies.forEach(([s, e], i) => {
  const raw = names.get(importedFuncs + i) ?? '';
  add(owner(demangle(raw)), e - s, [buf.subarray(s, e)]);
});
add('(data: strings, tables, the built-in story)', data.reduce((a, [s, e]) => a + e - s, 0), data.map(([s, e]) => buf.subarray(s, e)));
const other = sections.filter((s) => !['code', 'data'].includes(s.label) && s.label !== 'custom "name"');
add('(types, imports, exports, tables, other sections)', other.reduce((a, s) => a + s.size, 0), []);
const nameSection = sections.find((s) => s.label === 'custom "name"')?.size ?? 0;

const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const shipped = buf.length - nameSection;
// The shipped file's brotli size is the file without its names.
// The sections other than code, data and names, as bytes.
const otherBytes = [];
{
  pos = 8;
  while (pos < buf.length) {
    const start = pos;
    const id = buf[pos++];
    const size = uleb();
    const end = pos + size;
    const isName = id === 0 && name() === 'name';
    if (id !== 10 && id !== 11 && !isName) otherBytes.push(buf.subarray(start, end));
    pos = end;
  }
}
groups.get('(types, imports, exports, tables, other sections)').parts.push(...otherBytes);
const all = br(Buffer.concat([...groups.values()].flatMap((g) => g.parts)));
let sum = 0;
for (const g of groups.values()) sum += g.br = br(Buffer.concat(g.parts));
// Scaled so the groups add up to the whole compressed together.
let total = 0;
for (const g of groups.values()) total += g.br = (g.br * all) / sum;
const kb = (n) => (n / 1024).toFixed(1);
const rows = [...groups.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
const shown = rows.slice(0, topN);
const rest = rows.slice(topN);
console.log(`${file}: ${kb(shipped)} KB without its name section (${bodies.length} functions)`);
console.log('| group | functions | raw KB | brotli KB (est.) | share |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [k, g] of shown) {
  console.log(`| ${k} | ${g.count} | ${kb(g.bytes)} | ${kb(g.br)} | ${((100 * g.br) / total).toFixed(1)}% |`);
}
if (rest.length) {
  const r = rest.reduce((a, [, g]) => ({ count: a.count + g.count, bytes: a.bytes + g.bytes, br: a.br + g.br }), { count: 0, bytes: 0, br: 0 });
  console.log(`| ${rest.length} more groups | ${r.count} | ${kb(r.bytes)} | ${kb(r.br)} | ${((100 * r.br) / total).toFixed(1)}% |`);
}
const ours = rows.filter(([k]) => k.startsWith('qitar')).reduce((a, [, g]) => a + g.br, 0);
console.log(`our modules (qitar::…): ${kb(ours)} KB brotli (est.) of ${kb(total)}`);
if (process.env.BREAKDOWN_FUNCS) {
  const fns = bodies.map(([s, e], i) => [e - s, demangle(names.get(importedFuncs + i) ?? '')]).sort((a, b) => b[0] - a[0]);
  for (const [n, f] of fns.slice(0, Number(process.env.BREAKDOWN_FUNCS))) console.log(`${n}\t${f.slice(0, 200)}`);
}
