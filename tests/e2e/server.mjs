// A small static server for the built `dist/`, with the MIME types and
// headers a real host would send. Tests start it on a free loopback port.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * The headers a host configured by `dir/_headers` (Netlify and Cloudflare
 * Pages' format, which scripts/post-build.mjs writes) sends for a path:
 * `/*` for every path, then the path's own rules. For `serve({ headers })`,
 * so a measurement sees what readers get (caching, the CSP).
 */
export function hostHeaders(dir = path.join(ROOT, 'dist')) {
  const rules = new Map();
  let at = null;
  for (const line of fs.readFileSync(path.join(dir, '_headers'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      at = line.trim();
      if (!rules.has(at)) rules.set(at, {});
      continue;
    }
    const [name, ...value] = line.trim().split(':');
    if (at) rules.get(at)[name.toLowerCase()] = value.join(':').trim();
  }
  return (rel) => ({ ...rules.get('/*'), ...rules.get(rel) });
}

/**
 * What a host serving the release build sends: the build's own `_headers`
 * for the graphic's pages and assets, and, for the demo article under
 * /examples/ (a news site's page, not ours), a news site's own policy: its
 * scripts, Pym.js's inline frame styles, frames from its own origin.
 * For scripts/serve-dist.mjs and the cross-engine suite.
 */
export function deployedHeaders(dir = path.join(ROOT, 'dist')) {
  const app = hostHeaders(dir);
  const host = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
  return (rel) => (rel.startsWith('/examples/') ? { 'content-security-policy': host } : app(rel));
}

/**
 * Serves `dir` (default: dist/). `headers(urlPath)` may add headers, for
 * instance a Content-Security-Policy. `prefix` serves it under a sub-path
 * (`/graphics/qitar/`), as a newsroom's static host often does. `pages(urlPath)`
 * may answer a path with an HTML page of its own (a test's host page), or
 * with `{ body, type, headers }` for anything else; a
 * page the browser gets from this server, unlike one a test intercepts,
 * counts as loopback, so it may frame the graphic on another loopback origin.
 * `port` fixes the port (default: any free one). `hold(urlPath)` may return
 * a promise that the answer waits for (a test holding the app's code back in
 * an engine it cannot intercept requests in).
 */
export function serve({ dir = path.join(ROOT, 'dist'), headers = () => ({}), compressed = true, prefix = '/', pages = () => undefined, port = 0, hold = () => undefined } = {}) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let rel = '/' + decodeURIComponent(url.pathname.slice(prefix.length));
    await hold(rel);
    const own = pages(rel);
    if (own !== undefined) {
      const { body, type = TYPES['.html'], headers: extra = {} } = typeof own === 'string' ? { body: own } : own;
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers(rel), ...extra }).end(body);
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    // Serve the build's precompressed copy when the client takes it.
    const accepts = String(req.headers['accept-encoding'] || '');
    const variants = [
      ...(compressed && /\bbr\b/.test(accepts) ? [['.br', 'br']] : []),
      ...(compressed && /\bgzip\b/.test(accepts) ? [['.gz', 'gzip']] : []),
      ['', null],
    ];
    const tryNext = (i) => {
      const [ext, encoding] = variants[i];
      fs.readFile(file + ext, (err, body) => {
        if (err && i + 1 < variants.length) return tryNext(i + 1);
        if (err) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
          'cache-control': 'no-store',
          vary: 'accept-encoding',
          ...(encoding ? { 'content-encoding': encoding } : {}),
          ...headers(rel),
        });
        res.end(body);
      });
    };
    tryNext(0);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
