// Trunk post-build hook (runs in the staging dir before dist/ is replaced):
// 1. moves Trunk's inline module loader into its own file, so the page runs
//    under a CSP with script-src 'self' and no inline script;
// 2. renders the story into index.html and <lang>.html (static first paint,
//    no-JS readers), with the link-preview tags and share pictures, and a
//    share page per figure and language (s/<id>.html, s/<id>.<lang>.html);
// 3. ships the host-side embed loader (embed.js), the hosting rules
//    (_headers) and, with QITAR_DEMO=1 only, the demo host page;
// 4. writes .gz and .br copies of every text asset.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import { table as heightsTable } from './embed-heights.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR unset)');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const indexPath = path.join(staging, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (!m) throw new Error('no inline module loader found in index.html');
const trunkGlue = m[1].match(/^import init, \* as bindings from '\.\/([^']+\.js)';$/m);
const trunkWasm = m[1].match(/module_or_path: '\.\/([^']+\.wasm)'/);
if (!trunkGlue || !trunkWasm) throw new Error("Trunk's loader changed: no `import init, * as bindings from '…'` or `module_or_path`");

// Three wasm builds: the first view's (the built-in story, compiled in);
// for ?story= pages only, the one that can also fetch and check a story file
// (src/bin/qitar-story.rs); and the card's (src/bin/qitar-card.rs), which
// the first view fetches on demand. Trunk leaves the last two unhashed
// (data-type="worker"): hash them here, so they can be cached forever.
const hashBuild = (bin) => {
  const wasm0 = path.join(staging, `${bin}_bg.wasm`);
  if (!fs.existsSync(wasm0)) throw new Error(`${bin}_bg.wasm missing (index.html links that build)`);
  const h = crypto.createHash('sha256').update(fs.readFileSync(wasm0)).digest('hex').slice(0, 16);
  const glue = `${bin}-${h}.js`;
  const wasm = `${bin}-${h}_bg.wasm`;
  fs.renameSync(wasm0, path.join(staging, wasm));
  fs.writeFileSync(path.join(staging, glue), fs.readFileSync(path.join(staging, `${bin}.js`), 'utf8').replaceAll(`${bin}_bg.wasm`, wasm));
  fs.rmSync(path.join(staging, `${bin}.js`));
  // Trunk's worker loader: the page's own loader starts these builds.
  fs.rmSync(path.join(staging, `${bin}_loader.js`), { force: true });
  return [glue, wasm];
};
const [storyGlue, storyWasm] = hashBuild('qitar-story');
const [cardGlue, cardWasm] = hashBuild('qitar-card');

// The JS glue, minified (terser) where it is served.
const { minify } = await import('terser');
for (const f of [trunkGlue[1], storyGlue, cardGlue]) {
  const out = await minify(fs.readFileSync(path.join(staging, f), 'utf8'), { module: true, compress: true, mangle: true });
  if (!out.code) throw new Error(`terser produced nothing for ${f}`);
  fs.writeFileSync(path.join(staging, f), out.code + '\n');
}

// The loader, a file of its own (no inline script). It asks for the glue
// and the wasm at once, in parallel (one round trip, not two in a row), but
// runs the app only once the static page has painted (or after 200 ms, for
// frames the browser does not render), so the largest paint never waits
// for it. It also offers the card's code to the app (qitarLoadCard).
const code = [
  // The same test as the app's and page-mode.js's: a non-empty ?story=.
  "const story = (new URLSearchParams(location.search).get('story') || '').trim() !== '';",
  `const [glue, wasm] = story ? ['./${storyGlue}', './${storyWasm}'] : ['./${trunkGlue[1]}', './${trunkWasm[1]}'];`,
  'const bindings = import(glue);',
  'const bytes = fetch(wasm);',
  'bindings.catch(() => {});',
  'bytes.catch(() => {});',
  // The card's code, for the first view: once, on demand; a failed fetch
  // may be tried again (the module under another address: browsers may
  // remember a failed import of the same one).
  'let card = null, tries = 0;',
  'if (!story) self.qitarLoadCard = () => card ??= Promise.all([import(' + JSON.stringify('./' + cardGlue) + " + (tries ? '?try=' + tries : '')), fetch(" + JSON.stringify('./' + cardWasm) + ')])',
  // warm(): what every card reads is built now, not on the first tap.
  "  .then(async ([m, bytes]) => { await m.default({ module_or_path: bytes }); try { m.warm(); } catch (e) {} return m; })",
  '  .catch((e) => { card = null; tries++; throw e; });',
  // A figure tapped before the app is live would do nothing (its button is
  // the prerender's): the tap is held, the button says it is on its way, and
  // once the app is live the same figure is tapped for the reader. A tap
  // anywhere else meanwhile lets it go (the reader moved on).
  'let held = null;',
  "const let_go = () => { held?.removeAttribute('data-pending'); held?.removeAttribute('aria-busy'); held = null; };",
  "const hold = (e) => {",
  "  const b = e.target instanceof Element ? e.target.closest('button.stat-button') : null;",
  '  let_go();',
  '  if (!b) return;',
  '  e.stopPropagation();',
  '  held = b;',
  "  b.setAttribute('data-pending', '');",
  "  b.setAttribute('aria-busy', 'true');",
  "  self.qitarLoadCard().catch(() => {});",
  '};',
  // Once live, or once the app cannot start (its code did not come, or it
  // panicked: its notice says so), nothing more is held; the tap held, if
  // any, is handed back.
  'const stop_holding = () => {',
  '  watch.disconnect();',
  "  removeEventListener('click', hold, true);",
  '  const tap = held;',
  '  let_go();',
  '  return tap;',
  '};',
  'const watch = new MutationObserver(() => {',
  "  const failed = document.getElementById('qitar-panic');",
  "  if (document.documentElement.dataset.qitar !== 'live' && !failed) return;",
  '  const tap = stop_holding();',
  '  if (!tap || failed) return;',
  // Mounted afresh (the page had been changed): the same figure, by its id.
  "  const id = tap.closest('li[id]')?.id;",
  "  (tap.isConnected ? tap : id && document.getElementById(id)?.querySelector('button.stat-button'))?.click();",
  '});',
  'if (!story) {',
  "  addEventListener('click', hold, true);",
  "  watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-qitar'] });",
  // The panic notice goes first in <body>.
  '  watch.observe(document.body, { childList: true });',
  '}',
  'await new Promise((painted) => {',
  '  requestAnimationFrame(() => setTimeout(painted, 0));',
  '  setTimeout(painted, 200);',
  '});',
  // The first Intl formatters for a locale load its data: tens of ms on a
  // phone, which the app would otherwise spend after the wasm arrives.
  // Built here, a task each, while the wasm is still on its way (the
  // prerender names the page's number locale).
  "const locale = story ? '' : document.documentElement.dataset.locale || '';",
  'for (const make of locale ? [',
  '  () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(1),',
  "  () => new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long' }).format(1),",
  "  () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(0),",
  '] : []) {',
  '  try { make(); } catch (e) {}',
  '  await new Promise((next) => setTimeout(next, 0));',
  '}',
  'let instance;',
  'try {',
  '  const b = await bindings;',
  '  instance = await b.default({ module_or_path: bytes });',
  '} catch (e) {',
  // Under ?story= the static page must not keep saying "loading": it says
  // the story could not be loaded (style/main.css, from the prerendered string).
  "  document.documentElement.classList.add('remote-story-failed');",
  '  stop_holding();',
  '  throw e;',
  '}',
  'dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));',
  '',
].join('\n');
const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
const loader = `loader-${hash}.js`;
fs.writeFileSync(path.join(staging, loader), code);
html = html.replace(inline, `<script type="module" src="./${loader}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('an inline script is left in index.html');
if (/\sstyle="/.test(html)) throw new Error('an inline style attribute is left in index.html');
// Trunk's preloads go; ours ask for the first view's glue and wasm with the
// stylesheet, a round trip before the loader would (they are what makes the
// page live; ?story= pages fetch another build and lose only that).
// Measured on the throttled phone (scripts/bench-live.mjs, median of 3):
// live 3.07 s -> 2.39 s, first paint 1.34 s -> 1.40 s. Lighthouse's
// simulated LCP reads 1.96 s instead of about 1.3 s, as it counts the
// preloaded wasm against the first paint; fetchpriority="low" kept that
// and gave back the live time (2.96 s). QITAR_PRELOAD=0 builds without.
html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
if (process.env.QITAR_PRELOAD !== '0') {
  html = html.replace(/(<link rel="stylesheet"[^>]*>)/, `$1\n    <link rel="modulepreload" href="./${trunkGlue[1]}" crossorigin="anonymous" />\n    <link rel="preload" href="./${trunkWasm[1]}" as="fetch" type="application/wasm" crossorigin="anonymous" />`);
}
// Sandboxed frames have an opaque origin, so even our own stylesheet is
// cross-origin there; with SRI it must then be fetched in CORS mode.
html = html.replace(/<link rel="stylesheet"(?![^>]*crossorigin)/g, '<link rel="stylesheet" crossorigin="anonymous"');
html = html.replace(/<script src="([^"]+)"(?![^>]*crossorigin)/g, '<script src="$1" crossorigin="anonymous"');
fs.writeFileSync(indexPath, html);

// The static first paint: the same components rendered natively, one page
// per language: index.html in the story's default language, <lang>.html for
// the others. embed/page-mode.js sends a reader who asks for another
// language (?lang=) to its page before anything is drawn. The prerender
// also draws the share pictures into share/ and checks QITAR_PUBLIC_URL
// (a bad one fails the build, saying what is wrong).
const pre = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', '--', staging], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 }));
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const file = (lang) => (lang === pre.default ? 'index.html' : `${lang}.html`);
const pages = pre.pages.map((p) => `${p.lang}=${file(p.lang)}`).join(' ');
const template = html;
// Link previews need absolute addresses: og:url, the canonical link and
// og:image come from QITAR_PUBLIC_URL; without it they are left out (and
// said so below). The picture's address carries its hash, so a platform
// that caches previews fetches a changed picture again.
const publicUrl = pre.public_url;
const pictureUrl = (f) => `${publicUrl}${f}?v=${crypto.createHash('sha256').update(fs.readFileSync(path.join(staging, f))).digest('hex').slice(0, 12)}`;
const previewTags = ({ lang, title, description, url, picture, siteName }) => [
  `<meta name="description" content="${esc(description)}" />`,
  // Link previews (Open Graph, and Twitter's card, which falls back to them).
  '<meta property="og:type" content="article" />',
  ...(siteName ? [`<meta property="og:site_name" content="${esc(siteName)}" />`] : []),
  `<meta property="og:title" content="${esc(title)}" />`,
  `<meta property="og:description" content="${esc(description)}" />`,
  `<meta property="og:locale" content="${lang === 'ar' ? 'ar_AR' : 'en_US'}" />`,
  ...(publicUrl
    ? [
        `<link rel="canonical" href="${esc(publicUrl + url)}" />`,
        `<meta property="og:url" content="${esc(publicUrl + url)}" />`,
        `<meta property="og:image" content="${esc(pictureUrl(picture.file))}" />`,
        '<meta property="og:image:type" content="image/png" />',
        '<meta property="og:image:width" content="1200" />',
        '<meta property="og:image:height" content="630" />',
        `<meta property="og:image:alt" content="${esc(picture.alt)}" />`,
        '<meta name="twitter:card" content="summary_large_image" />',
        `<meta name="twitter:image:alt" content="${esc(picture.alt)}" />`,
      ]
    : ['<meta name="twitter:card" content="summary" />']),
];
for (const p of pre.pages) {
  const url = file(p.lang) === 'index.html' ? '' : file(p.lang);
  const page = template
    .replace(/<html lang="[^"]*" dir="[^"]*">/, `<html lang="${p.lang}" dir="${p.dir}" data-pages="${pages}" data-locale="${p.locale}">`)
    .replace(/<title>[^<]*<\/title>/, [
      `<title>${esc(p.title)}</title>`,
      ...previewTags({ lang: p.lang, title: p.title, description: p.description, url, picture: p.picture, siteName: p.site_name }),
    ].join('\n    '))
    .replace(/<body>\s*<\/body>/, `<body data-elements="${p.elements}">${p.body}</body>`);
  if (!page.includes('class="page"')) throw new Error(`prerendered body missing (${p.lang})`);
  if (/\sstyle="/.test(page)) throw new Error('the prerendered page has an inline style attribute (strict CSP)');
  fs.writeFileSync(path.join(staging, file(p.lang)), page);
}

// A share page per figure and language (s/<id>.html in the default
// language, s/<id>.<lang>.html): what "Copy link" and the share sheet give.
// Its own title, description, picture and canonical address for link
// previews; the card's facts for readers without JavaScript; with it,
// open-card.js sends the reader to the card (data-open) before anything is
// drawn. main.css for the look, share.css for the page's own layout; both,
// and the script, files of their own under the same CSP.
const hashedCopy = async (src, name, ext, transform = (t) => t) => {
  const text = await transform(fs.readFileSync(path.join(root, src), 'utf8'));
  const out = `${name}-${crypto.createHash('sha256').update(text).digest('hex').slice(0, 16)}.${ext}`;
  fs.writeFileSync(path.join(staging, out), text);
  return { out, integrity: `sha384-${crypto.createHash('sha384').update(text).digest('base64')}` };
};
const shareCss = await hashedCopy('style/share.css', 'share-page', 'css');
const openJs = await hashedCopy('embed/open-card.js', 'open-card', 'js', async (t) => {
  const out = await minify(t, { compress: true, mangle: true });
  if (!out.code) throw new Error('terser produced nothing for open-card.js');
  return out.code + '\n';
});
const mainCss = template.match(/<link rel="stylesheet"[^>]*>/)?.[0].replace(/href="\.\//, 'href="../');
if (!mainCss) throw new Error('no stylesheet link in index.html');
fs.mkdirSync(path.join(staging, 's'), { recursive: true });
for (const f of pre.figures) {
  const page = [
    '<!doctype html>',
    `<html lang="${f.lang}" dir="${f.dir}" data-open="${esc(f.open)}">`,
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    '    <meta name="color-scheme" content="light dark" />',
    '    <link rel="icon" href="data:," />',
    `    <script src="../${openJs.out}" integrity="${openJs.integrity}" crossorigin="anonymous"></script>`,
    `    <title>${esc(f.title)}</title>`,
    ...previewTags({ lang: f.lang, title: f.headline, description: f.description, url: f.file, picture: f.picture, siteName: f.site_name }).map((t) => `    ${t}`),
    `    ${mainCss}`,
    `    <link rel="stylesheet" href="../${shareCss.out}" integrity="${shareCss.integrity}" crossorigin="anonymous" />`,
    '  </head>',
    `  <body>${f.body}</body>`,
    '</html>',
    '',
  ].join('\n');
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(page)) throw new Error(`an inline script in ${f.file}`);
  if (/\sstyle="/.test(page)) throw new Error(`an inline style attribute in ${f.file} (strict CSP)`);
  fs.writeFileSync(path.join(staging, f.file), page);
}
const previews = pre.pages.length + pre.figures.length;
if (!publicUrl) {
  console.log(`post-build: QITAR_PUBLIC_URL is not set, so the ${previews} pages (${pre.pages.length} language pages, ${pre.figures.length} share pages) have no og:url, canonical link or og:image, and a "summary" Twitter card: these need absolute addresses. The pictures are in share/. Set it to where dist/ will be published, e.g. QITAR_PUBLIC_URL=https://graphics.example.org/qitar/`);
}

// The story file's JSON Schema, for editors of story files served with the
// graphic (content/story.schema.json, kept in step with the types by a test).
fs.copyFileSync(path.join(root, 'content/story.schema.json'), path.join(staging, 'story.schema.json'));

// The host-side loader goes on every article page: minified (terser), with
// its licence comment kept.
// The graphic's measured heights go in, when they were measured for this
// story and stylesheet; otherwise frames start at the default height.
const heights = heightsTable();
if (!heights.heights) console.warn(`post-build: embed.js without the graphic's heights (${heights.why}); frames start at 720 px and shift the host once the graphic reports. Measure them: QITAR_WRITE_HEIGHTS=1 node --test tests/e2e/embed-heights.test.mjs`);
const embedSrc = fs.readFileSync(path.join(root, 'embed/embed.js'), 'utf8')
  .replace('/*QITAR_HEIGHTS*/null', JSON.stringify(heights.heights ?? null));
const embedMin = await minify(embedSrc, { compress: true, mangle: true, format: { comments: /^!/ } });
if (!embedMin.code) throw new Error('terser produced nothing for embed.js');
fs.writeFileSync(path.join(staging, 'embed.js'), embedMin.code + '\n');
// The demo article is for developers and the tests, not for production.
const demo = process.env.QITAR_DEMO === '1';
if (demo) {
  const ex = path.join(staging, 'examples');
  fs.mkdirSync(ex, { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'examples'))) fs.copyFileSync(path.join(root, 'examples', f), path.join(ex, f));
  fs.copyFileSync(path.join(root, 'node_modules/pym.js/dist/pym.v1.min.js'), path.join(ex, 'pym.v1.min.js'));
}

// Hosting rules in the _headers format (Netlify, Cloudflare Pages); the
// README has the same for nginx. Hashed files never change, so they are
// cached for a year; the pages and embed.js must be revalidated.
const hashed = fs.readdirSync(staging).filter((f) => /-[0-9a-f]{16}(_bg)?\.(js|css|wasm)$/.test(f)).sort();
// ?story= may fetch from the origins the build allows (QITAR_STORY_ORIGINS,
// checked by build.rs and reported by the prerender).
const storyOrigins = pre.story_origins;
const CSP = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src ${["'self'", ...storyOrigins].join(' ')}; object-src 'none'; base-uri 'none'`;
fs.writeFileSync(path.join(staging, '_headers'), [
  '# Generated by scripts/post-build.mjs. Pages may be framed by any site (it is an embed).',
  '/*',
  `  Content-Security-Policy: ${CSP}`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: strict-origin-when-cross-origin',
  // Sandboxed frames (opaque origin) fetch the module, wasm and CSS in CORS mode.
  '  Access-Control-Allow-Origin: *',
  // One Cache-Control per path: hosts join a header that two rules set.
  ...['/', ...fs.readdirSync(staging).filter((f) => /\.html$/.test(f)).map((f) => `/${f}`), '/embed.js', '/s/*', '/share/*']
    .flatMap((f) => [f, '  Cache-Control: public, max-age=0, must-revalidate']),
  ...hashed.flatMap((f) => [`/${f}`, '  Cache-Control: public, max-age=31536000, immutable']),
  '',
].join('\n'));
// Precompressed copies beside every text asset, so any static host
//    (nginx gzip_static/brotli_static, most CDNs) can serve them as they are.
let compressed = 0;
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(html|js|mjs|css|wasm|json|svg)$/.test(e.name)) {
      const raw = fs.readFileSync(p);
      fs.writeFileSync(p + '.gz', zlib.gzipSync(raw, { level: 9 }));
      fs.writeFileSync(p + '.br', zlib.brotliCompressSync(raw, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }));
      compressed++;
    }
  }
};
walk(staging);
console.log(`post-build: loader ${loader}, static first paint, ${previews} share pictures, ${pre.figures.length} share pages${publicUrl ? ` (for ${publicUrl})` : ''}, embed.js, _headers${demo ? ', examples/' : ''}, ${compressed} files precompressed (gzip, brotli)`);
