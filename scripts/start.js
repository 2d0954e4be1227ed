#!/usr/bin/env node
// npm start: run Suanpan in Excel where Excel desktop exists, and in a browser everywhere else.
//
//   Excel desktop found (Windows, macOS): build the pane, serve it over https on the manifest's
//     origin (https://localhost:3000) with the Office dev certificates (office-addin-dev-certs
//     trusts its localhost CA on first use), then sideload manifest.xml with office-addin-debugging:
//     Excel opens with the add-in. Ctrl+C, or `npm run stop` from another terminal, unloads it.
//   No Excel (Linux, CI, a machine without Office): say so in one line, run the CLI check on the
//     sample (what `npm run demo` does), then build and serve the pane in file mode with the sample
//     preloaded on http://localhost:3000 for a browser.
//
//   npm start -- --web        serve over https for Excel on the web; Excel desktop is not opened
//   npm start -- --no-serve   only the CLI check (also SUANPAN_NO_SERVE=1, and always under CI=…)
//   npm run stop              unload the add-in and stop a running `npm start`
//
// What to do is decided by plan() from the platform, the Excel found and the switches: a pure
// function, tested in test/start.test.ts without Excel. execute() carries a plan out.

'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SAMPLE = path.join(ROOT, 'assets', 'samples', 'xinzhou-2022.xlsx');
const SAMPLE_PATH = '/taskpane.html?sample=/samples/xinzhou-2022.xlsx';
/** Where a running `npm start` leaves its process id for `npm run stop`. */
const PID_FILE = path.join(os.tmpdir(), 'suanpan-start.json');

const USAGE = [
  'usage: node scripts/start.js [--web | --no-serve]     (npm start -- --web)',
  '       node scripts/start.js stop                     (npm run stop)',
].join('\n');

// ---------------------------------------------------------------------------------------------
// Decisions (pure)

/**
 * The origin manifest.xml loads the pane from (its SourceLocation), e.g.
 * { protocol: 'https', hostname: 'localhost', port: 3000 }. Every other URL in the manifest must
 * share it: one server serves them all.
 */
function manifestOrigin(xml) {
  const source = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(xml);
  if (!source) throw new Error('manifest.xml: no <SourceLocation DefaultValue="…"> found');
  const url = new URL(source[1]);
  const origin = url.origin;
  for (const m of xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)) {
    if (new URL(m[1]).origin !== origin) throw new Error(`manifest.xml: ${m[1]} is not on ${origin}, where the pane is served`);
  }
  const protocol = url.protocol.replace(/:$/, '');
  const port = url.port ? Number(url.port) : protocol === 'https' ? 443 : 80;
  return { protocol, hostname: url.hostname, port };
}

/** Command-line words → { command, web, noServe, errors }. */
function parseArgs(argv) {
  const out = { command: 'start', web: false, noServe: false, errors: [] };
  for (const a of argv) {
    if (a === 'stop') out.command = 'stop';
    else if (a === '--web') out.web = true;
    else if (a === '--no-serve') out.noServe = true;
    else if (a === '--help' || a === '-h') out.command = 'help';
    else out.errors.push(`unknown argument: ${a}`);
  }
  if (out.web && out.noServe) out.errors.push('--web and --no-serve exclude each other');
  if (out.command === 'stop' && (out.web || out.noServe)) out.errors.push('stop takes no switches');
  return out;
}

/** An environment variable that is set to something other than empty, 0 or false. */
function envFlag(value) {
  return value !== undefined && !/^(|0|false|no)$/i.test(String(value).trim());
}

const PLATFORM_NAMES = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };
const platformName = (p) => PLATFORM_NAMES[p] || p;

/** Both languages on one line, as every line start.js prints. */
const both = (zh, en) => `${zh} / ${en}`;

/**
 * What `npm start` does here.
 * @param {{ platform: string, excel: string | null, argv?: string[], env?: Record<string, string | undefined>,
 *           origin: { protocol: string, hostname: string, port: number } }} input
 *   `excel` is the Excel found by findExcel() (null when none).
 * @returns {{ action: 'help' | 'stop' | 'demo' | 'desktop' | 'web' | 'file', exitCode?: number, lines: string[],
 *             demo: boolean, build: boolean, serve: null | { protocol: 'http' | 'https', port: number, certificates: 'office-dev' | null },
 *             sideload: boolean, sample: boolean }}
 */
function plan({ platform, excel, argv = [], env = {}, origin }) {
  const none = { demo: false, build: false, serve: null, sideload: false, sample: false };
  const args = parseArgs(argv);
  if (args.errors.length) return { action: 'help', exitCode: 2, lines: [...args.errors, USAGE], ...none };
  if (args.command === 'help') return { action: 'help', exitCode: 0, lines: [USAGE], ...none };
  if (args.command === 'stop') return { action: 'stop', lines: [], ...none };

  const desktopPlatform = platform === 'win32' || platform === 'darwin';
  const hasExcel = desktopPlatform && Boolean(excel);
  const where = hasExcel ? excel : `${platformName(platform)}`;

  const why = args.noServe ? '--no-serve' : envFlag(env.SUANPAN_NO_SERVE) ? 'SUANPAN_NO_SERVE' : envFlag(env.CI) ? 'CI' : null;
  if (why) {
    const line = hasExcel
      ? both(`找到 Excel（${where}），但不启动服务（${why}），因此不加载到 Excel：只运行命令行检查。`, `Excel found (${where}), but not serving (${why}), so not sideloading: running the CLI check only.`)
      : both(`未找到 Excel 桌面版（${where}）：只运行命令行检查（${why}）。`, `No Excel desktop here (${where}): running the CLI check only (${why}).`);
    return { action: 'demo', lines: [line], ...none, demo: true };
  }

  const https = { protocol: 'https', port: origin.port, certificates: 'office-dev' };
  if (args.web) {
    const url = `https://${origin.hostname}:${origin.port}/`;
    return {
      action: 'web',
      lines: [both(`为 Excel 网页版提供任务窗格：${url}（不打开 Excel 桌面版）。`, `Serving the pane for Excel on the web at ${url} (Excel desktop is not opened).`)],
      ...none,
      build: true,
      serve: https,
    };
  }
  if (hasExcel) {
    return {
      action: 'desktop',
      lines: [both(`在 Excel 桌面版中加载算盘（${where}）。`, `Sideloading Suanpan into Excel desktop (${where}).`)],
      ...none,
      build: true,
      serve: https,
      sideload: true,
    };
  }
  const what = desktopPlatform ? `${where}，未找到 Excel` : where;
  const whatEn = desktopPlatform ? `${where}, Excel not found` : where;
  return {
    action: 'file',
    lines: [
      both(`没有 Excel 桌面版（${what}）：先运行命令行检查，再在浏览器中提供任务窗格（文件模式）。`, `No Excel desktop here (${whatEn}): running the CLI check, then serving the pane in file mode for a browser.`),
    ],
    demo: true,
    build: true,
    // Plain http: a browser needs no certificate for localhost, and Excel never loads this server.
    serve: { protocol: 'http', port: origin.port, certificates: null },
    sideload: false,
    sample: true,
  };
}

/** What is printed once the server listens. */
function servingLines(p, url) {
  const lines = [];
  if (p.action === 'file') {
    lines.push(both(`任务窗格（文件模式，已载入示例）：${url}${SAMPLE_PATH.slice(1)}`, `the pane in file mode with the sample: ${url}${SAMPLE_PATH.slice(1)}`));
    lines.push(both(`空白窗格（选择自己的 .xlsx）：${url}taskpane.html`, `empty pane (pick your own .xlsx): ${url}taskpane.html`));
  } else if (p.action === 'web') {
    lines.push(both(`任务窗格：${url}taskpane.html`, `the pane: ${url}taskpane.html`));
    lines.push(
      both(
        '在 Excel 网页版中：插入 → 加载项 → 上传我的加载项，选择 manifest.xml。',
        'In Excel on the web: Insert → Add-ins → Upload My Add-in, and pick manifest.xml.',
      ),
    );
  } else {
    lines.push(both(`任务窗格由 ${url} 提供。`, `the pane is served from ${url}`));
  }
  lines.push(both('按 Ctrl+C 停止。', 'Ctrl+C to stop.'));
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Finding Excel (office-addin-debugging opens a workbook by file association; it cannot tell us)

/** The Windows App Paths value of `reg query … /ve`: "(Default)    REG_SZ    C:\…\EXCEL.EXE". */
function parseRegDefault(output) {
  const m = /REG_(?:EXPAND_)?SZ\s+(.+?)\s*$/m.exec(output || '');
  return m ? m[1].replace(/^"(.*)"$/, '$1') : null;
}

/**
 * The path of Excel desktop, or null.
 * @param {{ platform?: string, env?: Record<string, string | undefined>, home?: string,
 *           exists?: (p: string) => boolean, regQuery?: (key: string) => string | null }} [o]
 */
function findExcel(o = {}) {
  const platform = o.platform || process.platform;
  const env = o.env || process.env;
  const exists = o.exists || fs.existsSync;
  if (platform === 'win32') {
    const regQuery =
      o.regQuery ||
      ((key) => {
        const r = childProcess.spawnSync('reg', ['query', key, '/ve'], { encoding: 'utf8', windowsHide: true, timeout: 10000 });
        return r.status === 0 ? r.stdout : null;
      });
    for (const hive of ['HKCU', 'HKLM']) {
      const p = parseRegDefault(regQuery(`${hive}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe`));
      if (p && exists(p)) return p;
    }
    for (const base of [env.ProgramFiles, env['ProgramFiles(x86)']].filter(Boolean)) {
      for (const rel of ['Microsoft Office\\root\\Office16\\EXCEL.EXE', 'Microsoft Office\\Office16\\EXCEL.EXE']) {
        const p = path.win32.join(base, rel);
        if (exists(p)) return p;
      }
    }
    return null;
  }
  if (platform === 'darwin') {
    const home = o.home || os.homedir();
    for (const p of ['/Applications/Microsoft Excel.app', path.posix.join(home, 'Applications/Microsoft Excel.app')]) {
      if (exists(p)) return p;
    }
    return null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Carrying a plan out

/** Runs a Node script with this Node, output to the terminal; resolves with its exit code. */
function runNode(args, { cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn(process.execPath, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code === null ? (signal ? 128 : 1) : code));
  });
}

/**
 * office-addin-debugging, loaded only where it is used. It reads manifests with office-addin-manifest,
 * which loads the ESM-only uuid 14 through require(): that needs Node 20.19 or later.
 */
function loadDebugging() {
  try {
    return require('office-addin-debugging');
  } catch (e) {
    if (e.code === 'ERR_REQUIRE_ESM') {
      throw new Error(`office-addin-debugging needs Node 20.19 or later (this is ${process.version})`);
    }
    throw e;
  }
}

/** The real effects; tests replace them. */
function realDeps() {
  return {
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    /** `suanpan check` on the sample: 0 clean, 1 findings (both fine), 2 unreadable. */
    demo: () => runNode([path.join(ROOT, 'bin', 'suanpan.js'), 'check', SAMPLE]),
    build: () => runNode([require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--stats', 'errors-warnings']),
    certificates: async () => {
      const devCerts = require('office-addin-dev-certs');
      return devCerts.getHttpsServerOptions();
    },
    serve: (options) => listenLoopback(options),
    // What `office-addin-debugging start manifest.xml desktop --app excel` does, minus a dev server
    // of its own: it registers the manifest (Windows registry, macOS wef folder) and opens Excel.
    sideload: () => loadDebugging().startDebugging(MANIFEST, { appType: 'desktop', app: 'excel' }),
    unload: () => loadDebugging().stopDebugging(MANIFEST),
    writePid: () => fs.writeFileSync(PID_FILE, JSON.stringify({ pid: process.pid, root: ROOT })),
    removePid: () => {
      try {
        const saved = JSON.parse(fs.readFileSync(PID_FILE, 'utf8'));
        if (saved.pid === process.pid) fs.unlinkSync(PID_FILE);
      } catch {
        /* gone already */
      }
    },
    onSignal: (handler) => {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(s, () => handler(s));
    },
  };
}

/**
 * Serves build/ on 127.0.0.1 and, where the machine has it, on ::1 too: "localhost" in the
 * manifest may resolve to either.
 */
async function listenLoopback({ port, https }) {
  const { startServer } = require('./serve');
  const v4 = await startServer({ port, host: '127.0.0.1', https });
  let v6 = null;
  try {
    v6 = await startServer({ port: v4.port, host: '::1', https });
  } catch (e) {
    if (e.code === 'EADDRINUSE') {
      await v4.close();
      throw e;
    }
    // no IPv6 loopback here: 127.0.0.1 alone
  }
  return {
    port: v4.port,
    close: async () => {
      await Promise.all([v4.close(), v6 && v6.close()]);
    },
  };
}

/**
 * Carries out a plan. Resolves with { exitCode } once done, or, when it serves, with
 * { exitCode: null, stop } while the server runs (stop() unloads the add-in and closes it).
 */
async function execute(p, deps, { origin }) {
  for (const line of p.lines) (p.exitCode ? deps.error : deps.log)(line);
  if (p.action === 'help') return { exitCode: p.exitCode };

  if (p.demo) {
    const code = await deps.demo();
    if (code > 1) {
      deps.error(both(`命令行检查失败（退出码 ${code}）。`, `the CLI check failed (exit code ${code}).`));
      return { exitCode: code };
    }
  }
  if (!p.serve) return { exitCode: 0 };

  if (p.build) {
    deps.log(both('构建任务窗格（webpack）……', 'building the pane (webpack)…'));
    const code = await deps.build();
    if (code !== 0) {
      deps.error(both(`任务窗格构建失败（退出码 ${code}）。`, `building the pane failed (exit code ${code}).`));
      return { exitCode: 1 };
    }
  }

  let https;
  if (p.serve.certificates === 'office-dev') {
    try {
      https = await deps.certificates();
    } catch (e) {
      deps.error(
        both(
          `无法准备 localhost 开发证书：${e.message}`,
          `could not set up the localhost dev certificates (npx office-addin-dev-certs install): ${e.message}`,
        ),
      );
      return { exitCode: 1 };
    }
  }

  let server;
  try {
    server = await deps.serve({ port: p.serve.port, https });
  } catch (e) {
    deps.error(
      e.code === 'EADDRINUSE'
        ? both(`端口 ${p.serve.port} 已被占用（另一个 npm start 还在运行？可先 npm run stop）。`, `port ${p.serve.port} is in use (another npm start still running? try npm run stop).`)
        : e.message,
    );
    return { exitCode: 1 };
  }
  const url = `${p.serve.protocol}://${origin.hostname}:${server.port}/`;
  deps.writePid();

  let stopping = null;
  const stop = () => {
    stopping =
      stopping ||
      (async () => {
        if (p.sideload) {
          deps.log(both('从 Excel 卸载算盘……', 'unloading Suanpan from Excel…'));
          try {
            await deps.unload();
          } catch (e) {
            deps.error(both(`卸载失败：${e.message}`, `unloading failed: ${e.message}`));
          }
        }
        await server.close();
        deps.removePid();
      })();
    return stopping;
  };

  if (p.sideload) {
    try {
      await deps.sideload();
    } catch (e) {
      deps.error(both(`加载到 Excel 失败：${e.message}`, `sideloading into Excel failed: ${e.message}`));
      await stop();
      return { exitCode: 1 };
    }
  }
  for (const line of servingLines(p, url)) deps.log(line);
  return { exitCode: null, url, stop };
}

// ---------------------------------------------------------------------------------------------
// npm run stop

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function stopRunning({ platform = process.platform } = {}) {
  let stopped = false;
  try {
    const { pid } = JSON.parse(fs.readFileSync(PID_FILE, 'utf8'));
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) {
      // On POSIX the running start unloads the add-in and closes its server on SIGTERM; wait for it.
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 150 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      console.log(both(`已停止 npm start（进程 ${pid}）。`, `stopped npm start (process ${pid}).`));
      stopped = true;
    }
    fs.rmSync(PID_FILE, { force: true });
  } catch {
    /* no pid file: no start running */
  }
  if (platform === 'win32' || platform === 'darwin') {
    // Windows ends the process without running its handlers, and an earlier start may have left
    // the add-in registered: unregister it here in any case (a second unregister is harmless).
    await loadDebugging().stopDebugging(MANIFEST);
  } else if (!stopped) {
    console.log(both('没有正在运行的 npm start。', 'no npm start is running.'));
  }
}

// ---------------------------------------------------------------------------------------------

async function main(argv = process.argv.slice(2)) {
  const origin = manifestOrigin(fs.readFileSync(MANIFEST, 'utf8'));
  const args = parseArgs(argv);
  const excel = args.command === 'start' && !args.errors.length ? findExcel() : null;
  const p = plan({ platform: process.platform, excel, argv, env: process.env, origin });
  if (p.action === 'stop') {
    await stopRunning();
    return 0;
  }
  const deps = realDeps();
  const result = await execute(p, deps, { origin });
  if (result.exitCode !== null) return result.exitCode;
  deps.onSignal(async () => {
    await result.stop();
    process.exit(0);
  });
  return null;
}

module.exports = { plan, parseArgs, manifestOrigin, findExcel, parseRegDefault, servingLines, execute, envFlag, SAMPLE_PATH, MANIFEST };

if (require.main === module) {
  main().then(
    (code) => {
      if (code !== null) process.exitCode = code;
    },
    (e) => {
      console.error(e && e.stack ? e.stack : String(e));
      process.exitCode = 1;
    },
  );
}
