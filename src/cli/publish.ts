// `suanpan publish LEDGER.xlsx --out TABLES.xlsx`: the ten formatted disclosure tables from a budget
// ledger. Exit 0 when the tables were written, 2 for unreadable input, a ledger with bad rows (unless
// --skip-bad), or bad usage. Nothing is written unless the whole build succeeds.
import * as path from 'node:path';
import Decimal from 'decimal.js';
import type { Message } from '../core/findings';
import { publish, type LedgerProblem, type PublishOptions, type ThreePublicScope } from '../core/publish';
import { checkWorkbook } from '../core/rules';
import type { SheetLayout } from '../core/workbook/edits';
import { readWorkbookFile, snapshotToWorkbook, applyEdits } from '../xlsx';
import { writeWorkbookFile } from '../xlsx/write';
import type { Lang } from './labels';
import type { Io } from './main';
import { readInput } from './input';

export interface PublishCommandOptions extends PublishOptions {
  readonly lang?: Lang;
  /** Read the written file back and run every check on it (default true). */
  readonly verify?: boolean;
}

export const PUBLISH_USAGE =
  'suanpan publish LEDGER.xlsx --out TABLES.xlsx [--skip-bad] [--year=2022] [--dept=部门名称] [--sheet=明细表] [--three-public=all|basic]\n';

/** The publish options from parsed command-line flags, or a usage error. */
export function publishOptionsFromFlags(flags: ReadonlyMap<string, string | true>): { ok: true; opts: PublishCommandOptions } | { ok: false; error: string } {
  const str = (k: string) => {
    const v = flags.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const opts: { -readonly [K in keyof PublishCommandOptions]: PublishCommandOptions[K] } = {};
  if (flags.has('--skip-bad')) opts.skipBad = true;
  const year = str('--year');
  if (flags.has('--year')) {
    if (!year || !/^(19|20)\d{2}$/.test(year)) return { ok: false, error: '--year must be a year such as 2022' };
    opts.year = Number(year);
  }
  if (flags.has('--dept')) {
    const dept = str('--dept');
    if (!dept) return { ok: false, error: '--dept needs a department name' };
    opts.department = dept;
  }
  if (flags.has('--sheet')) {
    const sheet = str('--sheet');
    if (!sheet) return { ok: false, error: '--sheet needs a sheet name' };
    opts.sheet = sheet;
  }
  if (flags.has('--three-public')) {
    const scope = str('--three-public');
    if (scope !== 'all' && scope !== 'basic') return { ok: false, error: '--three-public must be all or basic' };
    opts.threePublicScope = scope as ThreePublicScope;
  }
  const lang = str('--lang');
  if (lang === 'en' || lang === 'zh-CN') opts.lang = lang;
  return { ok: true, opts };
}

function say(m: Message, zh: boolean): string {
  return zh ? m.zh : m.en;
}

function problemLine(p: LedgerProblem, zh: boolean): string {
  return `  ${say(p.message, zh)}${p.value && !say(p.message, zh).includes(p.value) ? `（${p.value}）` : ''}\n`;
}

function wan(fen: bigint): string {
  return new Decimal(fen.toString()).div(1_000_000).toFixed(2);
}

function yuan(fen: bigint): string {
  return new Decimal(fen.toString()).div(100).toFixed(2);
}

/** Writes sheet layouts as a new workbook (one sheet each, in order). */
export async function writeTablesFile(layouts: readonly SheetLayout[], outPath: string): Promise<void> {
  const wb = snapshotToWorkbook({ source: outPath, sheets: [] });
  wb.creator = 'suanpan publish';
  applyEdits(wb, { cells: [], sheets: [...layouts] });
  await writeWorkbookFile(wb, outPath);
}

export async function publishCommand(ledgerPath: string, outPath: string, io: Io, opts: PublishCommandOptions = {}): Promise<number> {
  const zh = opts.lang !== 'en';
  if (!ledgerPath || !outPath) {
    io.err(`用法 / usage: ${PUBLISH_USAGE}`);
    return 2;
  }
  if (!/\.xlsx$/i.test(outPath)) {
    io.err(zh ? `suanpan: --out 须是 .xlsx 文件：${outPath}\n` : `suanpan: --out must name an .xlsx file: ${outPath}\n`);
    return 2;
  }
  if (path.resolve(outPath) === path.resolve(ledgerPath)) {
    io.err(zh ? `suanpan: --out 须是新文件，不能覆盖明细 ${ledgerPath}\n` : `suanpan: --out must name a new file, not the ledger ${ledgerPath}\n`);
    return 2;
  }

  const snapshot = await readInput(ledgerPath, io);
  if (!snapshot) return 2;

  const r = publish(snapshot, opts);
  if (!r.ok) {
    io.err(`${ledgerPath}: ${say(r.message, zh)}\n`);
    for (const p of r.problems) io.err(problemLine(p, zh));
    return 2;
  }

  try {
    await writeTablesFile(r.layouts, outPath);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    io.err(zh ? `suanpan: 无法写出 ${outPath}（${reason}）\n` : `suanpan: cannot write ${outPath} (${reason})\n`);
    return 2;
  }

  const b = r.build;
  const lines = r.ledger.lines.length;
  io.out(zh ? `已生成 ${r.layouts.length} 张公开表：${outPath}\n` : `${r.layouts.length} tables written to ${outPath}\n`);
  io.out(
    zh
      ? `${r.department}，${r.year} 年；明细 ${lines} 行${r.skipped.length ? `（跳过 ${new Set(r.skipped.map((p) => p.row)).size} 行）` : ''}，合计 ${yuan(b.totalFen)} 元 = ${wan(b.totalFen)} 万元，表中总计 ${new Decimal(b.rounding.total.toString()).div(100).toFixed(2)} 万元\n`
      : `${r.department}, ${r.year}; ${lines} ledger lines${r.skipped.length ? ` (${new Set(r.skipped.map((p) => p.row)).size} rows skipped)` : ''}, total ${yuan(b.totalFen)} 元 = ${wan(b.totalFen)} 万元, printed total ${new Decimal(b.rounding.total.toString()).div(100).toFixed(2)} 万元\n`,
  );
  const loose = b.rounding.outside.filter((o) => !o.beyond).length;
  const beyond = b.rounding.outside.filter((o) => o.beyond).length;
  io.out(
    zh
      ? `舍入：${b.rounding.groups} 个数字在表内、表间完全勾稽${beyond ? `；${beyond} 个与精确值相差超过 0.01 万元` : loose ? `；${loose} 个整数值显示为 ±0.01 万元，其余与精确值相差不到 0.01 万元` : '，每个与精确值相差不到 0.01 万元'}\n`
      : `rounding: ${b.rounding.groups} figures, every sum ties within and across tables${beyond ? `; ${beyond} more than 0.01 万元 off` : loose ? `; ${loose} whole values shown 0.01 万元 off, the rest within 0.01 万元` : ', each within 0.01 万元 of its exact value'}\n`,
  );
  if (r.skipped.length) {
    io.err(zh ? '已跳过的行：\n' : 'rows skipped:\n');
    for (const p of r.skipped) io.err(problemLine(p, zh));
  }
  for (const n of r.notices) io.err(`${say(n, zh)}\n`);

  if (opts.verify !== false) {
    const back = await readWorkbookFile(outPath);
    const { findings } = checkWorkbook(back);
    if (findings.length) {
      io.err(zh ? `自检：生成的表有 ${findings.length} 条检查意见\n` : `self-check: ${findings.length} findings on the written tables\n`);
      for (const f of findings) io.err(`  [${f.severity}] ${f.sheet}!${f.cell} ${say(f.message, zh)}\n`);
    } else io.out(zh ? '自检：全部检查通过\n' : 'self-check: every check passes\n');
  }
  return 0;
}
