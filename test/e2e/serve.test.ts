// scripts/serve.js: the redirect to the sample, static files, the sample route, no way out of
// the served folders, and the same over https.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';

const { startServer } = require('../../scripts/serve') as {
  startServer(o: {
    port?: number;
    buildDir?: string;
    samplesDir?: string;
    https?: { cert: string; key: string };
  }): Promise<{ url: string; port: number; close(): Promise<void> }>;
};

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suanpan-serve-'));
  writeFileSync(join(dir, 'taskpane.html'), '<!doctype html><title>pane</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  server = await startServer({ port: 0, buildDir: dir });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (no URL normalisation, so ../ reaches the server as typed). */
function get(path: string, method = 'GET'): Promise<{ status: number; type?: string; location?: string; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: res.headers['content-type'], location: res.headers.location, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('listens on 127.0.0.1 and / redirects to the pane with the sample', async () => {
  expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  const res = await get('/');
  expect(res.status).toBe(302);
  expect(res.location).toBe('/taskpane.html?sample=/samples/xinzhou-2022.xlsx');
});

test('serves build files with their types', async () => {
  expect(await get('/taskpane.html?sample=x')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
  expect(await get('/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log(1)' });
  expect(await get('/app.js', 'HEAD')).toMatchObject({ status: 200, body: '' });
  expect((await get('/missing.js')).status).toBe(404);
  expect((await get('/app.js', 'POST')).status).toBe(405);
});

test('serves the sample workbook from assets/samples', async () => {
  const res = await get('/samples/xinzhou-2022.xlsx');
  expect(res.status).toBe(200);
  expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.body.startsWith('PK')).toBe(true);
  expect((await get('/samples/README.md')).status).toBe(404);
});

test.each(['/../package.json', '/samples/../../package.json', '/%2e%2e/package.json', '/samples/..%2f..%2fpackage.json.xlsx', '/%00'])(
  'refuses %s',
  async (path) => {
    expect([400, 404]).toContain((await get(path)).status);
  },
);

// The same server over TLS, as `npm start` runs it for Excel (manifest.xml loads the pane from
// https://localhost:3000). The certificates are made here: a throwaway CA and a localhost
// certificate from office-addin-dev-certs (what `npm start` uses, written to a temp folder instead
// of ~/.office-addin-dev-certs and never installed), or a self-signed one from openssl.
describe('https', () => {
  type Tls = { cert: string; key: string; ca: string; from: string };

  async function makeCertificates(into: string): Promise<Tls | string> {
    const [ca, cert, key] = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => join(into, f));
    const problems: string[] = [];
    try {
      const devCerts = require('office-addin-dev-certs') as {
        generateCertificates(ca: string, cert: string, key: string, days: number, domains: string[]): Promise<void>;
      };
      const log = jest.spyOn(console, 'log').mockImplementation(() => {});
      try {
        await devCerts.generateCertificates(ca, cert, key, 1, ['127.0.0.1', 'localhost']);
      } finally {
        log.mockRestore();
      }
      return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8'), ca: readFileSync(ca, 'utf8'), from: 'office-addin-dev-certs' };
    } catch (e) {
      problems.push(`office-addin-dev-certs: ${(e as Error).message}`);
    }
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      { encoding: 'utf8' },
    );
    if (made.status === 0) {
      const pem = readFileSync(cert, 'utf8');
      return { cert: pem, key: readFileSync(key, 'utf8'), ca: pem, from: 'openssl' };
    }
    problems.push(`openssl: ${made.error?.message ?? made.stderr.trim()}`);
    return problems.join('; ');
  }

  let tlsDir: string;
  let tls: Tls | string;
  let secure: Awaited<ReturnType<typeof startServer>> | undefined;

  beforeAll(async () => {
    tlsDir = mkdtempSync(join(tmpdir(), 'suanpan-tls-'));
    tls = await makeCertificates(tlsDir);
    if (typeof tls === 'string') {
      console.warn(`serve.test https: skipped, no certificate could be made (${tls})`);
      return;
    }
    secure = await startServer({ port: 0, buildDir: dir, https: { cert: tls.cert, key: tls.key } });
  });

  afterAll(async () => {
    await secure?.close();
    rmSync(tlsDir, { recursive: true, force: true });
  });

  function getTls(path: string, ca: string | undefined): Promise<{ status: number; location?: string; authorized: boolean; body: string }> {
    return new Promise((done, fail) => {
      const req = httpsRequest({ host: '127.0.0.1', servername: 'localhost', port: secure!.port, path, ca }, (res) => {
        const authorized = (res.socket as TLSSocket).authorized; // the socket is gone by 'end'
        let body = '';
        res.setEncoding('latin1');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => done({ status: res.statusCode ?? 0, location: res.headers.location, authorized, body }));
      });
      req.on('error', fail);
      req.end();
    });
  }

  test('serves the pane and the sample over TLS with a certificate for localhost', async () => {
    if (typeof tls === 'string') return; // reported in beforeAll
    expect(secure!.url).toBe(`https://127.0.0.1:${secure!.port}/`);
    const root = await getTls('/', tls.ca);
    expect(root).toMatchObject({ status: 302, authorized: true, location: '/taskpane.html?sample=/samples/xinzhou-2022.xlsx' });
    expect(await getTls('/app.js', tls.ca)).toMatchObject({ status: 200, body: 'console.log(1)' });
    const sample = await getTls('/samples/xinzhou-2022.xlsx', tls.ca);
    expect(sample.status).toBe(200);
    expect(sample.body.startsWith('PK')).toBe(true);
    expect((await getTls('/../package.json', tls.ca)).status).toBe(404);
  });

  test('a client that does not trust the certificate is refused, and plain http gets no page', async () => {
    if (typeof tls === 'string') return;
    await expect(getTls('/', undefined)).rejects.toMatchObject({ code: expect.stringMatching(/CERT|SIGNATURE|ISSUER/) });
    const plain = await new Promise<string>((done) => {
      const req = request({ host: '127.0.0.1', port: secure!.port, path: '/' }, (res) => done(`status ${res.statusCode}`));
      req.on('error', (e) => done(`error ${(e as NodeJS.ErrnoException).code}`));
      req.end();
    });
    expect(plain).not.toBe('status 302');
    expect(plain).not.toBe('status 200');
  });
});
