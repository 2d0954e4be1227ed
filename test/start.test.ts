// scripts/start.js (`npm start`): which path it takes for a platform and the Excel found, what it
// prints, and the order in which it carries a plan out. Nothing here launches Excel, builds the
// pane or installs a certificate: plan() is pure and execute() is driven with fake effects.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Origin {
  protocol: string;
  hostname: string;
  port: number;
}
interface Plan {
  action: 'help' | 'stop' | 'demo' | 'desktop' | 'web' | 'file';
  exitCode?: number;
  lines: string[];
  demo: boolean;
  build: boolean;
  serve: null | { protocol: 'http' | 'https'; port: number; certificates: 'office-dev' | null };
  sideload: boolean;
  sample: boolean;
}
interface Deps {
  log(line: string): void;
  error(line: string): void;
  demo(): Promise<number>;
  build(): Promise<number>;
  certificates(): Promise<{ cert: string; key: string }>;
  serve(o: { port: number; https?: { cert: string; key: string } }): Promise<{ port: number; close(): Promise<void> }>;
  sideload(): Promise<void>;
  unload(): Promise<void>;
  writePid(): void;
  removePid(): void;
}
interface Executed {
  exitCode: number | null;
  url?: string;
  stop?: () => Promise<void>;
}

const ROOT = join(__dirname, '..');
const start = require('../scripts/start') as {
  plan(input: { platform: string; excel: string | null; argv?: string[]; env?: Record<string, string | undefined>; origin: Origin }): Plan;
  manifestOrigin(xml: string): Origin;
  findExcel(o: {
    platform: string;
    env?: Record<string, string | undefined>;
    home?: string;
    exists?: (p: string) => boolean;
    regQuery?: (key: string) => string | null;
  }): string | null;
  parseRegDefault(output: string | null): string | null;
  execute(p: Plan, deps: Deps, o: { origin: Origin }): Promise<Executed>;
  SAMPLE_PATH: string;
};

const MANIFEST_XML = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const origin = start.manifestOrigin(MANIFEST_XML);
const WIN_EXCEL = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE';
const MAC_EXCEL = '/Applications/Microsoft Excel.app';
const CJK = /[\u4e00-\u9fff]/;

const planFor = (platform: string, excel: string | null, argv: string[] = [], env: Record<string, string | undefined> = {}) =>
  start.plan({ platform, excel, argv, env, origin });

/** One printed line that says it in Chinese, then in English. */
function expectBilingual(line: string) {
  const [zh, en] = line.split(' / ');
  expect(zh).toMatch(CJK);
  expect(en).toMatch(/[a-z]{3}/i);
  expect(en).not.toMatch(CJK);
}

describe('manifestOrigin', () => {
  test('reads the origin the manifest loads the pane from', () => {
    const pane = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(MANIFEST_XML)![1];
    const url = new URL(pane);
    expect(origin).toEqual({ protocol: url.protocol.replace(':', ''), hostname: url.hostname, port: Number(url.port) });
  });

  test('refuses a manifest whose URLs point at two servers, or that has no SourceLocation', () => {
    const elsewhere = MANIFEST_XML.replace(/(<bt:Url id="Suanpan\.Commands\.Url" DefaultValue=")https:\/\/[^/]+/, '$1https://localhost:4000');
    expect(elsewhere).not.toBe(MANIFEST_XML);
    expect(() => start.manifestOrigin(elsewhere)).toThrow(/localhost:4000/);
    expect(() => start.manifestOrigin('<OfficeApp/>')).toThrow(/SourceLocation/);
  });

  test('the port defaults by scheme', () => {
    const xml = '<SourceLocation DefaultValue="https://addin.example.org/taskpane.html"/>';
    expect(start.manifestOrigin(xml)).toEqual({ protocol: 'https', hostname: 'addin.example.org', port: 443 });
  });
});

describe('plan: Excel desktop', () => {
  test.each([
    ['win32', WIN_EXCEL],
    ['darwin', MAC_EXCEL],
  ])('%s with Excel found: build, serve https with the dev certificates on the manifest port, sideload', (platform, excel) => {
    const p = planFor(platform, excel);
    expect(p).toMatchObject({ action: 'desktop', demo: false, build: true, sideload: true, sample: false });
    expect(p.serve).toEqual({ protocol: 'https', port: origin.port, certificates: 'office-dev' });
    expect(p.lines).toHaveLength(1);
    expectBilingual(p.lines[0]);
    expect(p.lines[0]).toContain(excel);
    expect(p.lines[0]).toMatch(/Sideloading Suanpan into Excel desktop/);
  });

  test('the server it starts for Excel is the one the manifest names (https, same port)', () => {
    const p = planFor('win32', WIN_EXCEL);
    expect(origin.protocol).toBe('https');
    expect(p.serve?.protocol).toBe(origin.protocol);
    expect(p.serve?.port).toBe(origin.port);
    expect(origin.hostname).toBe('localhost'); // the dev certificate is for localhost and 127.0.0.1
  });

  test('the port follows the manifest', () => {
    const p = start.plan({ platform: 'darwin', excel: MAC_EXCEL, origin: { protocol: 'https', hostname: 'localhost', port: 4443 } });
    expect(p.serve?.port).toBe(4443);
  });
});

describe('plan: no Excel', () => {
  test.each([
    ['linux', null, 'Linux'],
    ['linux', '/opt/whatever/EXCEL.EXE', 'Linux'], // an Excel "found" off Windows/macOS cannot be sideloaded into
    ['win32', null, 'Windows, Excel not found'],
    ['darwin', null, 'macOS, Excel not found'],
    ['freebsd', null, 'freebsd'],
  ])('%s (excel %s): one line, the CLI check, then the pane in file mode over http', (platform, excel, named) => {
    const p = planFor(platform, excel);
    expect(p).toMatchObject({ action: 'file', demo: true, build: true, sideload: false, sample: true });
    expect(p.serve).toEqual({ protocol: 'http', port: origin.port, certificates: null });
    expect(p.lines).toHaveLength(1);
    expectBilingual(p.lines[0]);
    expect(p.lines[0]).toContain(`No Excel desktop here (${named})`);
    expect(p.lines[0]).toContain('没有 Excel 桌面版');
  });
});

describe('plan: switches', () => {
  test.each([
    [['--no-serve'], {}, '--no-serve'],
    [[], { SUANPAN_NO_SERVE: '1' }, 'SUANPAN_NO_SERVE'],
    [[], { CI: 'true' }, 'CI'],
    [[], { CI: '1', SUANPAN_NO_SERVE: '0' }, 'CI'],
  ])('%j %j: the CLI check only, nothing built, served or sideloaded', (argv, env, why) => {
    for (const [platform, excel] of [
      ['linux', null],
      ['win32', WIN_EXCEL],
    ] as const) {
      const p = planFor(platform, excel, argv, env);
      expect(p).toMatchObject({ action: 'demo', demo: true, build: false, serve: null, sideload: false });
      expect(p.lines).toHaveLength(1);
      expectBilingual(p.lines[0]);
      expect(p.lines[0]).toContain(`(${why})`);
      expect(p.lines[0]).toMatch(excel ? /Excel found .* not sideloading/ : /No Excel desktop here/);
    }
  });

  test('CI, SUANPAN_NO_SERVE set to an empty, 0 or false value do not count', () => {
    for (const env of [{ CI: '' }, { CI: 'false' }, { CI: '0' }, { SUANPAN_NO_SERVE: 'false' }]) {
      expect(planFor('linux', null, [], env).action).toBe('file');
    }
  });

  test('--web: https with the dev certificates, Excel desktop not opened, the upload steps printed later', () => {
    for (const [platform, excel] of [
      ['linux', null],
      ['win32', WIN_EXCEL],
    ] as const) {
      const p = planFor(platform, excel, ['--web']);
      expect(p).toMatchObject({ action: 'web', demo: false, build: true, sideload: false });
      expect(p.serve).toEqual({ protocol: 'https', port: origin.port, certificates: 'office-dev' });
      expectBilingual(p.lines[0]);
      expect(p.lines[0]).toContain(`https://localhost:${origin.port}/`);
    }
  });

  test('stop, help, and bad arguments', () => {
    expect(planFor('win32', WIN_EXCEL, ['stop']).action).toBe('stop');
    expect(planFor('linux', null, ['--help'])).toMatchObject({ action: 'help', exitCode: 0 });
    const bad = planFor('linux', null, ['--serve-forever']);
    expect(bad).toMatchObject({ action: 'help', exitCode: 2, demo: false, serve: null });
    expect(bad.lines[0]).toContain('--serve-forever');
    expect(planFor('linux', null, ['--web', '--no-serve'])).toMatchObject({ action: 'help', exitCode: 2 });
    expect(planFor('linux', null, ['stop', '--web'])).toMatchObject({ action: 'help', exitCode: 2 });
  });
});

describe('findExcel', () => {
  const appPaths = (hive: string) => `${hive}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe`;

  test('Windows: the App Paths registry entry, whatever the display language calls "(Default)"', () => {
    const asked: string[] = [];
    const found = start.findExcel({
      platform: 'win32',
      env: {},
      exists: (p) => p === WIN_EXCEL,
      regQuery: (key) => {
        asked.push(key);
        return key === appPaths('HKLM') ? `\r\n${key}\r\n    (默认)    REG_SZ    ${WIN_EXCEL}\r\n\r\n` : null;
      },
    });
    expect(found).toBe(WIN_EXCEL);
    expect(asked).toEqual([appPaths('HKCU'), appPaths('HKLM')]);
  });

  test('Windows: a registry entry whose file is gone is ignored; Program Files is searched next', () => {
    const x86 = 'C:\\Program Files (x86)\\Microsoft Office\\Office16\\EXCEL.EXE';
    const found = start.findExcel({
      platform: 'win32',
      env: { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' },
      exists: (p) => p === x86,
      regQuery: () => `    (Default)    REG_SZ    "D:\\Old\\EXCEL.EXE"\r\n`,
    });
    expect(found).toBe(x86);
    expect(start.findExcel({ platform: 'win32', env: { ProgramFiles: 'C:\\Program Files' }, exists: () => false, regQuery: () => null })).toBeNull();
  });

  test('macOS: Microsoft Excel.app in /Applications or ~/Applications', () => {
    expect(start.findExcel({ platform: 'darwin', home: '/Users/li', exists: (p) => p === MAC_EXCEL })).toBe(MAC_EXCEL);
    const mine = '/Users/li/Applications/Microsoft Excel.app';
    expect(start.findExcel({ platform: 'darwin', home: '/Users/li', exists: (p) => p === mine })).toBe(mine);
    expect(start.findExcel({ platform: 'darwin', home: '/Users/li', exists: () => false })).toBeNull();
  });

  test('elsewhere there is no Excel desktop, whatever exists on disk', () => {
    expect(start.findExcel({ platform: 'linux', exists: () => true, regQuery: () => `REG_SZ ${WIN_EXCEL}` })).toBeNull();
  });

  test('parseRegDefault', () => {
    expect(start.parseRegDefault('    (Default)    REG_EXPAND_SZ    C:\\X\\EXCEL.EXE  \r\n')).toBe('C:\\X\\EXCEL.EXE');
    expect(start.parseRegDefault('ERROR: The system was unable to find the specified registry key')).toBeNull();
    expect(start.parseRegDefault(null)).toBeNull();
  });
});

describe('execute (fake effects)', () => {
  const CERTS = { cert: 'CERT', key: 'KEY' };

  function fakes(over: Partial<Deps> = {}) {
    const calls: string[] = [];
    const out: string[] = [];
    const err: string[] = [];
    const deps: Deps = {
      log: (l) => void out.push(l),
      error: (l) => void err.push(l),
      demo: async () => (calls.push('demo'), 1), // findings in the sample: the check exits 1
      build: async () => (calls.push('build'), 0),
      certificates: async () => (calls.push('certificates'), CERTS),
      serve: async (o) => {
        calls.push(`serve ${o.port} ${o.https ? 'https' : 'http'}`);
        return { port: o.port, close: async () => void calls.push('close') };
      },
      sideload: async () => void calls.push('sideload'),
      unload: async () => void calls.push('unload'),
      writePid: () => void calls.push('writePid'),
      removePid: () => void calls.push('removePid'),
      ...over,
    };
    return { deps, calls, out, err };
  }

  test('no Excel: the line, the CLI check, the build, http, then the URL with the sample; stop closes', async () => {
    const { deps, calls, out, err } = fakes();
    const p = planFor('linux', null);
    const r = await start.execute(p, deps, { origin });
    expect(r.exitCode).toBeNull();
    expect(calls).toEqual(['demo', 'build', `serve ${origin.port} http`, 'writePid']);
    expect(out[0]).toBe(p.lines[0]);
    const url = `http://localhost:${origin.port}/`;
    expect(r.url).toBe(url);
    expect(out.some((l) => l.includes(`${url}${start.SAMPLE_PATH.slice(1)}`))).toBe(true);
    expect(out[out.length - 1]).toMatch(/Ctrl\+C/);
    for (const l of out) expectBilingual(l);
    expect(err).toEqual([]);
    await r.stop!();
    expect(calls.slice(4)).toEqual(['close', 'removePid']); // nothing to unload
  });

  test('Excel desktop: build, certificates, https, then sideload; stop unloads before closing', async () => {
    const { deps, calls, out } = fakes();
    let given: unknown;
    deps.serve = async (o) => {
      given = o.https;
      calls.push(`serve ${o.port} ${o.https ? 'https' : 'http'}`);
      return { port: o.port, close: async () => void calls.push('close') };
    };
    const r = await start.execute(planFor('win32', WIN_EXCEL), deps, { origin });
    expect(calls).toEqual(['build', 'certificates', `serve ${origin.port} https`, 'writePid', 'sideload']);
    expect(given).toBe(CERTS);
    expect(r.url).toBe(`https://localhost:${origin.port}/`);
    expect(out.join('\n')).not.toContain('sample=');
    await Promise.all([r.stop!(), r.stop!()]); // Ctrl+C twice unloads once
    expect(calls.slice(5)).toEqual(['unload', 'close', 'removePid']);
  });

  test('--web: https, no sideload, the Excel-on-the-web upload steps', async () => {
    const { deps, calls, out } = fakes();
    await start.execute(planFor('darwin', MAC_EXCEL, ['--web']), deps, { origin });
    expect(calls).toEqual(['build', 'certificates', `serve ${origin.port} https`, 'writePid']);
    expect(out.join('\n')).toMatch(/插入 → 加载项 → 上传我的加载项.*Insert → Add-ins → Upload My Add-in/);
  });

  test('--no-serve / CI: only the CLI check, exit 0 although the sample has findings', async () => {
    const { deps, calls } = fakes();
    expect(await start.execute(planFor('linux', null, [], { CI: 'true' }), deps, { origin })).toEqual({ exitCode: 0 });
    expect(calls).toEqual(['demo']);
  });

  test('an unreadable sample (exit 2) stops before the build', async () => {
    const { deps, calls, err } = fakes({ demo: async () => 2 });
    expect((await start.execute(planFor('linux', null), deps, { origin })).exitCode).toBe(2);
    expect(calls).toEqual([]);
    expectBilingual(err[0]);
  });

  test('a failed build serves nothing', async () => {
    const { deps, calls } = fakes({ build: async () => 1 });
    expect((await start.execute(planFor('win32', WIN_EXCEL), deps, { origin })).exitCode).toBe(1);
    expect(calls).toEqual([]);
  });

  test('certificates that cannot be set up: a clear message, nothing served', async () => {
    const { deps, calls, err } = fakes({
      certificates: async () => {
        throw new Error('user declined');
      },
    });
    expect((await start.execute(planFor('win32', WIN_EXCEL), deps, { origin })).exitCode).toBe(1);
    expect(calls).toEqual(['build']);
    expect(err[0]).toMatch(/user declined/);
    expect(err[0]).toMatch(/office-addin-dev-certs install/);
  });

  test('the port in use: says so and suggests npm run stop', async () => {
    const { deps, err } = fakes({
      serve: async () => {
        throw Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
      },
    });
    expect((await start.execute(planFor('linux', null), deps, { origin })).exitCode).toBe(1);
    expectBilingual(err[0]);
    expect(err[0]).toContain(String(origin.port));
    expect(err[0]).toContain('npm run stop');
  });

  test('a failed sideload unloads what was registered and closes the server', async () => {
    const { deps, calls, err } = fakes({
      sideload: async () => {
        calls.push('sideload');
        throw new Error('no Excel after all');
      },
    });
    expect((await start.execute(planFor('darwin', MAC_EXCEL), deps, { origin })).exitCode).toBe(1);
    expect(calls.slice(-4)).toEqual(['sideload', 'unload', 'close', 'removePid']);
    expect(err[0]).toMatch(/no Excel after all/);
  });

  test('help and bad arguments print to stderr only for errors', async () => {
    const bad = fakes();
    expect((await start.execute(planFor('linux', null, ['-x']), bad.deps, { origin })).exitCode).toBe(2);
    expect(bad.out).toEqual([]);
    expect(bad.err[0]).toContain('-x');
    expect(bad.calls).toEqual([]);
  });
});

describe('node scripts/start.js --no-serve (real, no Excel involved)', () => {
  test('prints the one line, then the CLI findings on the sample, and exits 0', () => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
      throw new Error('dist/cli is missing: run `npm run build:cli` (npm test does) before this test');
    }
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.js'), '--no-serve'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: '', SUANPAN_NO_SERVE: '' },
      timeout: 60000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('(--no-serve)');
    expectBilingual(lines[0]);
    expect(lines[1]).toMatch(/xinzhou-2022\.xlsx$/);
    expect(r.stdout).toMatch(/识别到 \d+ 张表/);
  });
});
