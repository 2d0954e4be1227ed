// `npm run bench`: how parse, recognition and the checks scale with workbook size (issue #3).
//
//   node dist/cli/bench.js [--sizes 1000,10000,100000] [--repeat N] [--keep] [--dir DIR] [--profile DIR]
//
// For each size N it writes (with exceljs's streaming writer) a workbook of ten sheets, each holding
// one expenditure-like table of N/10 body rows (the 合计 row, then 类/款/项 rows with synthetic
// 7-digit function codes), every figure consistent: 合计 = 基本支出 + 项目支出 on every row, every
// parent = Σ children, the 合计 row = Σ 类; 表2 (一般公共预算支出表) repeats 表1's figures so the
// cross-table comparison by code holds too. Each size is then measured in a fresh child process
// (so peak memory is that size's alone): readWorkbookFile, recognizeWorkbook, checkWorkbook, and
// the child's peak RSS (process.resourceUsage().maxRSS).
//
// --repeat N measures each workbook N times (each in a fresh child) and reports the run with the
// median total time: the machine is shared, and one run can land on a busy moment.
// --keep leaves the generated .xlsx files; --dir DIR writes them there instead of a temp folder;
// --profile DIR runs each measuring child under `node --cpu-prof` with its .cpuprofile in DIR.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { dictionary } from '../core/classification';
import { recognizeWorkbook } from '../core/recognize';
import { checkWorkbook } from '../core/rules';
import { readWorkbookFile } from '../xlsx';
import { mulberry32 } from './seeded-random';

export const BENCH_SHEETS = 10;
export const DEFAULT_SIZES = [1000, 10000, 100000];
/** The smallest table: 合计, one 类, one 款, one 项. */
const MIN_TABLE_ROWS = 4;
/** 项 per 款 before the plan widens. */
const ITEMS_PER_SECTION = 9;

const TITLES = [
  '部门支出总表',
  '一般公共预算支出表',
  '政府性基金预算支出表',
  '国有资本经营预算支出表',
  '下属单位一支出总表',
  '下属单位二支出总表',
  '下属单位三支出总表',
  '下属单位四支出总表',
  '下属单位五支出总表',
  '下属单位六支出总表',
];
/** Sheets whose figures repeat another's (表2 一般公共预算支出表 = 表1, compared by code). */
const SAME_FIGURES_AS: Record<number, number> = { 1: 0 };

export interface PlanRow {
  readonly code: string;
  readonly name: string;
  readonly level: 1 | 2 | 3;
  /** Amounts in hundredths of 万元 (integers, so sums are exact). */
  basic: number;
  project: number;
}

/** 3-digit function 类 codes the dictionary does not know, so synthetic names never contradict it. */
function freeClassCodes(): string[] {
  const out: string[] = [];
  for (let c = 201; c <= 299; c++) if (!dictionary.lookup(String(c), 'function')) out.push(String(c));
  return out;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The coded rows of one table, `codeRows` of them, in 类/款/项 order, with consistent figures.
 * Every 类 has at least one 款 and every 款 at least one 项.
 */
export function planTable(codeRows: number, seed: number): PlanRow[] {
  if (codeRows < MIN_TABLE_ROWS - 1) throw new Error(`a table needs at least ${MIN_TABLE_ROWS - 1} coded rows`);
  const classes = freeClassCodes();
  const rand = mulberry32(seed);
  // Widen 款 per 类, then 项 per 款, until the rows fit (leaving room for two extra 项 at the end).
  let items = ITEMS_PER_SECTION;
  let sections = Math.min(99, Math.max(1, Math.ceil(codeRows / (classes.length * (items + 1)))));
  while (classes.length * (1 + sections * (items + 1)) < codeRows) {
    if (items >= 97) throw new Error(`${codeRows} rows do not fit one table of synthetic codes`);
    items++;
  }
  const rows: PlanRow[] = [];
  let left = codeRows;
  let cls: PlanRow | undefined;
  let sec: PlanRow | undefined;
  let secItems = 0;
  const item = () => {
    secItems++;
    const code = `${sec!.code}${two(secItems)}`;
    const r = rand();
    const amount = () => 100 + Math.floor(rand() * 500_000);
    const basic = r < 1 / 3 || r >= 2 / 3 ? amount() : 0;
    const project = r >= 1 / 3 ? amount() : 0;
    const row: PlanRow = { code, name: `业务项${code}`, level: 3, basic, project };
    rows.push(row);
    for (const p of [sec!, cls!]) {
      p.basic += basic;
      p.project += project;
    }
    left--;
  };
  for (const c of classes) {
    if (left <= 0) break;
    if (left < 3) {
      while (left > 0) item(); // too few for a new 类: more 项 in the last 款
      break;
    }
    cls = { code: c, name: `支出类${c}`, level: 1, basic: 0, project: 0 };
    rows.push(cls);
    left--;
    for (let s = 1; s <= sections && left > 0; s++) {
      if (left < 2) {
        item();
        break;
      }
      sec = { code: `${c}${two(s)}`, name: `事务款${c}${two(s)}`, level: 2, basic: 0, project: 0 };
      rows.push(sec);
      left--;
      secItems = 0;
      for (let i = 0; i < items && left > 0; i++) item();
    }
  }
  if (left > 0) throw new Error(`${codeRows} rows do not fit one table of synthetic codes`);
  return rows;
}

/** Body rows (合计 + coded rows) of each of the ten tables for `totalRows` in all. */
export function rowsPerTable(totalRows: number): number[] {
  const base = Math.floor(totalRows / BENCH_SHEETS);
  if (base < MIN_TABLE_ROWS) throw new Error(`size ${totalRows}: need at least ${MIN_TABLE_ROWS * BENCH_SHEETS} rows`);
  return Array.from({ length: BENCH_SHEETS }, (_, i) => base + (i < totalRows % BENCH_SHEETS ? 1 : 0));
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const AMOUNT_FMT = '#,##0.00';
const cellAmount = (cents: number): number | null => (cents === 0 ? null : cents / 100);

function writeTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, no: number, bodyRows: number, plan: PlanRow[]): void {
  const ws = wb.addWorksheet(`表${no}`);
  ws.columns = [{ width: 12 }, { width: 36 }, { width: 14 }, { width: 14 }, { width: 14 }];
  // Rows are committed (streamed out) only once the merges over the preamble and header are set.
  let commit = false;
  const add = (values: (string | number | null)[], style?: (cell: ExcelJS.Cell, col: number) => void) => {
    const row = ws.addRow(values);
    if (style) for (let c = 1; c <= 5; c++) style(row.getCell(c), c);
    if (commit) row.commit();
  };
  add([`预算公开表 ${no}`]);
  add([`2022年${TITLES[no - 1]}`], (cell, c) => {
    if (c === 1) {
      cell.font = { bold: true, size: 14 };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
    }
  });
  add(['单位：万元']);
  const header = (cell: ExcelJS.Cell) => {
    cell.border = THIN;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  add(['科目编码', '科目名称', '2022年预算数', null, null], header);
  add([null, null, '合计', '基本支出', '项目支出'], header);
  ws.mergeCells(2, 1, 2, 5);
  ws.mergeCells(4, 1, 5, 1);
  ws.mergeCells(4, 2, 5, 2);
  ws.mergeCells(4, 3, 4, 5);
  commit = true;
  const data = (cell: ExcelJS.Cell, c: number) => {
    cell.border = THIN;
    cell.numFmt = c === 1 ? '@' : c >= 3 ? AMOUNT_FMT : 'General';
  };
  let basic = 0;
  let project = 0;
  for (const r of plan)
    if (r.level === 1) {
      basic += r.basic;
      project += r.project;
    }
  add([null, '合计', cellAmount(basic + project), cellAmount(basic), cellAmount(project)], data);
  if (plan.length !== bodyRows - 1) throw new Error('plan size mismatch');
  for (const r of plan) add([r.code, r.name, cellAmount(r.basic + r.project), cellAmount(r.basic), cellAmount(r.project)], data);
  ws.commit();
}

/** Writes the bench workbook for `totalRows` body rows spread over ten sheets. */
export async function generateBenchWorkbook(file: string, totalRows: number): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = 'suanpan bench';
  const sizes = rowsPerTable(totalRows);
  const plans: PlanRow[][] = [];
  sizes.forEach((n, i) => {
    const same = SAME_FIGURES_AS[i];
    plans.push(same !== undefined && sizes[same] === n ? plans[same] : planTable(n - 1, 1000 + i));
  });
  sizes.forEach((n, i) => writeTable(wb, i + 1, n, plans[i]));
  await wb.commit();
}

export interface Measurement {
  readonly file: string;
  readonly bytes: number;
  readonly parseMs: number;
  readonly recognizeMs: number;
  readonly checkMs: number;
  /** CPU time (user + system) of each phase, ms: steadier than wall time on a busy machine. */
  readonly cpuMs: { readonly parse: number; readonly recognize: number; readonly check: number };
  readonly tables: number;
  readonly tableRows: number;
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
  /** Rule ids of the error findings, with counts (should be empty). */
  readonly errorRules: Record<string, number>;
  /** Every finding's rule id with its count (the synthetic codes give one unknown-code info a row). */
  readonly byRule: Record<string, number>;
  /** RSS after each phase and the process's peak, in MiB. */
  readonly rssMiB: { readonly parse: number; readonly recognize: number; readonly check: number; readonly peak: number };
}

const MiB = 1024 * 1024;

/** Parse, recognize and check one file in this process. */
export async function measureFile(file: string): Promise<Measurement> {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c0 = cpu();
  const t0 = performance.now();
  const snapshot = await readWorkbookFile(file);
  const t1 = performance.now();
  const c1 = cpu();
  const rssParse = process.memoryUsage().rss;
  const recognition = recognizeWorkbook(snapshot);
  const t2 = performance.now();
  const c2 = cpu();
  const rssRecognize = process.memoryUsage().rss;
  const { findings } = checkWorkbook(snapshot, recognition);
  const t3 = performance.now();
  const c3 = cpu();
  const rssCheck = process.memoryUsage().rss;
  const count = { error: 0, warning: 0, info: 0 };
  const errorRules: Record<string, number> = {};
  const byRule: Record<string, number> = {};
  for (const f of findings) {
    count[f.severity]++;
    byRule[`${f.rule} (${f.severity})`] = (byRule[`${f.rule} (${f.severity})`] ?? 0) + 1;
    if (f.severity === 'error') errorRules[f.rule] = (errorRules[f.rule] ?? 0) + 1;
  }
  // maxRSS is in KiB on Linux and macOS.
  const peak = Math.max(process.resourceUsage().maxRSS * 1024, rssParse, rssRecognize, rssCheck);
  return {
    file,
    bytes: fs.statSync(file).size,
    parseMs: t1 - t0,
    recognizeMs: t2 - t1,
    checkMs: t3 - t2,
    cpuMs: { parse: c1 - c0, recognize: c2 - c1, check: c3 - c2 },
    tables: recognition.tables.length,
    tableRows: recognition.tables.reduce((n, t) => n + t.rows.length, 0),
    findings: count,
    errorRules,
    byRule,
    rssMiB: { parse: rssParse / MiB, recognize: rssRecognize / MiB, check: rssCheck / MiB, peak: peak / MiB },
  };
}

const RESULT_MARK = '@@bench-result ';

function measureInChild(file: string, profileDir?: string, run = 0): Measurement {
  const name = `${path.basename(file, '.xlsx')}${run ? `-${run + 1}` : ''}.cpuprofile`;
  const args = [
    ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', name] : []),
    __filename,
    '--measure',
    file,
  ];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * MiB });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (r.status !== 0 || !line) throw new Error(`measuring ${file} failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  return JSON.parse(line.slice(RESULT_MARK.length)) as Measurement;
}

/** The run with the median total time (the lower middle one for an even count). */
export function medianRun(runs: readonly Measurement[]): Measurement {
  const total = (m: Measurement) => m.parseMs + m.recognizeMs + m.checkMs;
  return [...runs].sort((a, b) => total(a) - total(b))[Math.floor((runs.length - 1) / 2)];
}

interface Options {
  sizes: number[];
  repeat: number;
  keep: boolean;
  dir?: string;
  profile?: string;
}

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = { sizes: DEFAULT_SIZES, repeat: 1, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const name = a.split('=')[0];
    if (name === '--sizes') {
      o.sizes = value()
        .split(',')
        .filter((s) => s.trim() !== '')
        .map((s) => {
          const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(s);
          if (!m) throw new Error(`--sizes: "${s}" is not a row count`);
          const n = Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1));
          rowsPerTable(n); // validates
          return n;
        });
      if (!o.sizes.length) throw new Error('--sizes: no sizes');
    } else if (name === '--repeat') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--repeat: "${v}" is not a count`);
      o.repeat = Number(v);
    } else if (name === '--keep') o.keep = true;
    else if (name === '--dir') o.dir = value();
    else if (name === '--profile') o.profile = path.resolve(value());
    else throw new Error(`unknown option ${a} (use --sizes 1000,10000 [--repeat N] [--keep] [--dir DIR] [--profile DIR])`);
  }
  return o;
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const fmtX = (x: number) => `${x.toFixed(2)}×`;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function report(results: readonly { size: number; genMs: number; m: Measurement }[]): string {
  const total = (m: Measurement) => m.parseMs + m.recognizeMs + m.checkMs;
  const out: string[] = [];
  out.push(
    table(
      ['rows', 'file', 'gen', 'parse', 'recognize', 'check', 'total', 'check/parse', '(rec+check)/parse', 'same, CPU time', 'peak RSS', 'tables', 'err/warn/info'],
      results.map(({ size, genMs, m }) => [
        size.toLocaleString('en-US'),
        `${(m.bytes / MiB).toFixed(1)} MiB`,
        fmtMs(genMs),
        fmtMs(m.parseMs),
        fmtMs(m.recognizeMs),
        fmtMs(m.checkMs),
        fmtMs(total(m)),
        (m.checkMs / m.parseMs).toFixed(3),
        ((m.recognizeMs + m.checkMs) / m.parseMs).toFixed(3),
        ((m.cpuMs.recognize + m.cpuMs.check) / m.cpuMs.parse).toFixed(3),
        `${m.rssMiB.peak.toFixed(0)} MiB`,
        String(m.tables),
        `${m.findings.error}/${m.findings.warning}/${m.findings.info}`,
      ]),
    ),
  );
  for (const { size, m } of results) {
    if (m.tables !== BENCH_SHEETS) out.push(`! ${size} rows: recognized ${m.tables} tables, expected ${BENCH_SHEETS}`);
    if (m.findings.error) out.push(`! ${size} rows: ${m.findings.error} error findings: ${JSON.stringify(m.errorRules)}`);
  }
  for (const { size, m } of results) {
    const rules = Object.entries(m.byRule).map(([k, n]) => `${k} ${n}`);
    out.push(`findings at ${size.toLocaleString('en-US')} rows: ${rules.length ? rules.join(', ') : 'none'}`);
  }
  // Scaling between consecutive sizes.
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1];
    const b = results[i];
    const k = b.size / a.size;
    out.push(
      `scaling ${a.size.toLocaleString('en-US')} → ${b.size.toLocaleString('en-US')} rows (${k.toFixed(0)}× rows): ` +
        `parse ${fmtX(b.m.parseMs / a.m.parseMs)}, recognize ${fmtX(b.m.recognizeMs / a.m.recognizeMs)}, ` +
        `check ${fmtX(b.m.checkMs / a.m.checkMs)}, total ${fmtX(total(b.m) / total(a.m))}`,
    );
  }
  // Issue #3 targets, as information.
  const at = (n: number) => results.find((r) => r.size === n)?.m;
  const big = at(100_000);
  const mid = at(10_000);
  const ratio = big ? big.checkMs / big.parseMs : undefined;
  const cpuRatio = big ? big.cpuMs.check / big.cpuMs.parse : undefined;
  const both = big ? (big.recognizeMs + big.checkMs) / big.parseMs : undefined;
  const growth = big && mid ? total(big) / total(mid) : undefined;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  out.push(
    'issue #3 targets (information, not a failure): ' +
      (ratio === undefined
        ? 'check ≤ 0.5 × parse on 100k rows: n/a (100000 not run)'
        : `check ≤ 0.5 × parse on 100k rows: ${ratio.toFixed(3)} × parse (CPU time ${cpuRatio!.toFixed(3)}×) — ${verdict(ratio <= 0.5)}` +
          ` (recognize + check: ${both!.toFixed(3)} × parse)`) +
      '; ' +
      (growth === undefined ? '10× rows ≤ 12× time (10k → 100k): n/a (10000 and 100000 not both run)' : `10× rows ≤ 12× time (10k → 100k total): ${fmtX(growth)} — ${verdict(growth <= 12)}`),
  );
  return out.join('\n');
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--measure') {
    const m = await measureFile(argv[1]);
    process.stdout.write(RESULT_MARK + JSON.stringify(m) + '\n');
    return 0;
  }
  const o = parseArgs(argv);
  const dir = o.dir ? path.resolve(o.dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  if (o.profile) fs.mkdirSync(o.profile, { recursive: true });
  const results: { size: number; genMs: number; m: Measurement }[] = [];
  try {
    for (const size of o.sizes) {
      const file = path.join(dir, `bench-${size}.xlsx`);
      process.stderr.write(`${size} rows: generating ${file} … `);
      const g0 = performance.now();
      await generateBenchWorkbook(file, size);
      const genMs = performance.now() - g0;
      process.stderr.write(`${fmtMs(genMs)}; measuring … `);
      const runs: Measurement[] = [];
      for (let run = 0; run < o.repeat; run++) runs.push(measureInChild(file, o.profile, run));
      const m = medianRun(runs);
      process.stderr.write(`${fmtMs(m.parseMs + m.recognizeMs + m.checkMs)}\n`);
      results.push({ size, genMs, m });
      if (!o.keep && !o.dir) fs.rmSync(file, { force: true });
    }
  } finally {
    if (!o.keep && !o.dir) fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`suanpan bench — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${BENCH_SHEETS} sheets per workbook, ${o.repeat > 1 ? `median of ${o.repeat} runs, ` : ''}load average ${os.loadavg()[0].toFixed(1)}\n`);
  process.stdout.write(report(results) + '\n');
  if (o.keep || o.dir) process.stdout.write(`workbooks kept in ${dir}\n`);
  if (o.profile) process.stdout.write(`CPU profiles in ${o.profile}\n`);
  return results.some((r) => r.m.tables !== BENCH_SHEETS || r.m.findings.error > 0) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
