// scripts/serve.js: the redirect to the sample, static files, the sample route, and no way out of
// the served folders.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { startServer } = require('../../scripts/serve') as {
  startServer(o: { port?: number; buildDir?: string; samplesDir?: string }): Promise<{ url: string; port: number; close(): Promise<void> }>;
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
