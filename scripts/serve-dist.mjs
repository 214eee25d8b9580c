// Serves a release build (dist/) as a host would: the headers the build
// wrote in dist/_headers (CSP, caching), its precompressed copies, and
// application/wasm. Used by scripts/serve.sh. Prints the addresses only once
// the server has answered its own request for the page.
//   node scripts/serve-dist.mjs [--dir dist] [--port 8080]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve, deployedHeaders } from '../tests/e2e/server.mjs';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: process.env.QITAR_PORT || '8080' },
  },
});
const dir = path.resolve(values.dir);
const port = Number(values.port);
const fail = (msg) => {
  console.error(`serve: ${msg}`);
  process.exit(1);
};
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, not "${values.port}"`);
if (!fs.existsSync(path.join(dir, 'index.html')) || !fs.existsSync(path.join(dir, '_headers'))) {
  fail(`${dir} is not a release build (no index.html or _headers): run trunk build --release --offline first`);
}

const headers = deployedHeaders(dir);

let server;
try {
  server = await new Promise((resolve, reject) => {
    // serve() listens on its own; a taken port surfaces as an 'error' event
    // on the process's server, so probe the port first for a clear message.
    const probe = http.createServer();
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => probe.close(() => serve({ dir, headers, port }).then(resolve, reject)));
  });
} catch (e) {
  fail(e.code === 'EADDRINUSE' ? `port ${port} is taken (another server?): stop it, or set QITAR_PORT` : e.message);
}

// Answering, not just listening: the page itself comes back.
const res = await fetch(server.url);
if (!res.ok) fail(`${server.url} answered ${res.status}`);
const base = server.url;
const has = (f) => fs.existsSync(path.join(dir, f));
console.log('');
console.log(`  qitar (release build of ${path.relative(process.cwd(), dir) || '.'}), serving:`);
console.log(`    ${base}`);
for (const f of fs.readdirSync(dir).filter((f) => /^[a-z]{2}\.html$/.test(f))) console.log(`    ${base}${f}   (the other language)`);
if (has('examples/host.html')) console.log(`    ${base}examples/host.html   (embedded twice in a demo article: embed.js and Pym.js)`);
console.log('  Ctrl-C stops it.');
console.log('');

const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
