#!/usr/bin/env node
// Serves the built pane (build/) and the sample workbook on 127.0.0.1, for trying the pane in a
// plain browser (file mode) and for the end-to-end test. No dependencies: Node's http and https
// modules only.
//
//   node scripts/serve.js            → http://127.0.0.1:3000/  (PORT=8080 to change; PORT=0 picks a free one)
//
// "/" redirects to the pane with the sample preloaded: /taskpane.html?sample=/samples/xinzhou-2022.xlsx
// Also usable from code: require('./scripts/serve').startServer({ port: 0 }) → { server, url, close() }.
// With `https: { cert, key }` it serves TLS instead: Excel loads the pane only from https URLs
// (manifest.xml); scripts/start.js passes the Office dev certificates here.

'use strict';

const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SAMPLE_NAME = 'xinzhou-2022.xlsx';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file a URL path maps to under `dir`, or null when it would leave `dir`. */
function resolveUnder(dir, urlPath) {
  const rel = path.normalize(urlPath).replace(/^([/\\])+/, '');
  const full = path.join(dir, rel);
  return full === dir || full.startsWith(dir + path.sep) ? full : null;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

function sendFile(req, res, file) {
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return send(res, 404, 'not found\n');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'content-length': st.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
}

function handler({ buildDir, samplesDir }) {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(res, 400, 'bad request\n');
    }
    if (pathname.includes('\0')) return send(res, 400, 'bad request\n');
    if (pathname === '/') {
      return send(res, 302, '', { location: `/taskpane.html?sample=/samples/${encodeURIComponent(SAMPLE_NAME)}` });
    }
    if (pathname.startsWith('/samples/')) {
      const file = resolveUnder(samplesDir, pathname.slice('/samples/'.length));
      return file && file.endsWith('.xlsx') ? sendFile(req, res, file) : send(res, 404, 'not found\n');
    }
    const file = resolveUnder(buildDir, pathname);
    return file ? sendFile(req, res, file) : send(res, 404, 'not found\n');
  };
}

/**
 * Starts the server; resolves once it listens. `port` 0 picks a free port. `https` (PEM `cert` and
 * `key`, as https.createServer takes them) switches to TLS; `url` then starts with https://.
 * @param {{ port?: number, host?: string, buildDir?: string, samplesDir?: string,
 *           https?: { cert: string | Buffer, key: string | Buffer, ca?: string | Buffer } }} [options]
 */
function startServer(options = {}) {
  const host = options.host || '127.0.0.1';
  const buildDir = path.resolve(options.buildDir || path.join(ROOT, 'build'));
  const samplesDir = path.resolve(options.samplesDir || path.join(ROOT, 'assets', 'samples'));
  const serve = handler({ buildDir, samplesDir });
  const server = options.https ? https.createServer(options.https, serve) : http.createServer(serve);
  const scheme = options.https ? 'https' : 'http';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port === undefined ? 3000 : options.port, host, () => {
      server.off('error', reject);
      const { port } = server.address();
      const url = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}/`;
      const close = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections?.(); // keep-alive sockets (browsers) would hold close() open
        });
      resolve({ server, url, port, close });
    });
  });
}

module.exports = { startServer, resolveUnder };

if (require.main === module) {
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 3000 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}"`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(ROOT, 'build', 'taskpane.html'))) {
    console.error('build/taskpane.html is missing: build the pane first (npx webpack --mode production).');
    process.exit(1);
  }
  startServer({ port }).then(
    ({ url }) => {
      console.log(`算盘 Suanpan pane (file mode): ${url}`);
      console.log(`  with the sample:  ${url}taskpane.html?sample=/samples/${SAMPLE_NAME}`);
      console.log(`  empty:            ${url}taskpane.html`);
      console.log('Ctrl+C to stop.');
    },
    (err) => {
      console.error(err.code === 'EADDRINUSE' ? `port ${port} is in use; try PORT=${port + 1}` : err.message);
      process.exit(1);
    },
  );
}
