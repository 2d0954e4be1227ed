// The `suanpan` command: argument parsing and dispatch. Exit codes per docs/cli-contract.md.
import { promises as fs } from 'node:fs';
import { checkDir, checkFile } from './check';
import { formsFillCommand } from './forms';
import { PUBLISH_USAGE, publishCommand, publishOptionsFromFlags } from './publish';
import { reviewFlagProblem, writeBatchReport, writeReviewCopy } from './review';
import { recognizeWorkbook } from '../core/recognize';
import { rangeAddress } from '../core/workbook/address';
import { recognitionJson } from './report';
import { kindLabel, type Lang } from './labels';
import { readInput } from './input';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

const USAGE = `用法 / usage:
  suanpan inspect FILE.xlsx [--json]
  suanpan check FILE.xlsx|DIR [--json] [--lang zh-CN|en] [--annotate OUT.xlsx]
  suanpan check FILE.xlsx --review-out OUT.xlsx [--reviewer NAME]   (copy with 审核意见表)
  suanpan check DIR --report OUT.xlsx [--reviewer NAME]             (batch summary + one sheet per workbook)
  suanpan forms fill PROJECTS.xlsx --out FORMS.xlsx [--previous LAST.xlsx] [--template T.xlsx] [--sheet-per-form] [--year 2023]
  ${PUBLISH_USAGE}`;

interface Parsed {
  command: string;
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: string[]): Parsed {
  const [command = '', ...rest] = argv;
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const valued = new Set(['--year', '--dept', '--sheet', '--three-public', '--annotate', '--lang', '--out', '--template', '--previous', '--review-out', '--report', '--reviewer']);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(0, eq), a.slice(eq + 1));
      else if (valued.has(a) && i + 1 < rest.length) flags.set(a, rest[++i]);
      else flags.set(a, true);
    } else positional.push(a);
  }
  return { command, positional, flags };
}

export async function inspect(file: string, json: boolean, lang: Lang, io: Io): Promise<number> {
  const snapshot = await readInput(file, io);
  if (!snapshot) return 2;
  const rec = recognizeWorkbook(snapshot);
  if (json) {
    io.out(JSON.stringify(recognitionJson(file, rec), null, 2) + '\n');
    return 0;
  }
  const zh = lang === 'zh-CN';
  io.out(`${file}\n`);
  io.out(zh ? `识别到 ${rec.tables.length} 张表、${rec.forms.length} 张绩效目标表\n` : `${rec.tables.length} tables, ${rec.forms.length} performance forms recognized\n`);
  for (const t of rec.tables) {
    io.out(`  ${t.id.padEnd(4)} ${kindLabel(t.kind, lang).padEnd(zh ? 14 : 40)} ${t.sheet}!${rangeAddress(t.range)}  ${zh ? '单位' : 'unit'} ${t.unit}  ${t.title}\n`);
  }
  for (const f of rec.forms) io.out(`  ${f.id.padEnd(4)} ${zh ? '绩效目标表' : 'form'}  ${f.sheet}!${rangeAddress(f.range)}  ${f.name}\n`);
  for (const u of rec.unrecognized)
    io.out(`  ${zh ? '未识别' : 'unrecognized'} ${u.sheet}!${rangeAddress(u.range)}  ${u.reason}  ${u.firstText.slice(0, 40)}\n`);
  return 0;
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const args = parseArgs(argv);
  const langFlag = args.flags.get('--lang');
  const lang: Lang = langFlag === 'en' ? 'en' : 'zh-CN';
  if (langFlag !== undefined && langFlag !== 'en' && langFlag !== 'zh-CN') {
    io.err(`suanpan: --lang must be zh-CN or en\n${USAGE}`);
    return 2;
  }
  const json = args.flags.has('--json');
  try {
    switch (args.command) {
      case 'inspect':
        if (args.positional.length !== 1) break;
        return await inspect(args.positional[0], json, lang, io);
      case 'check': {
        if (args.positional.length !== 1) break;
        const target = args.positional[0];
        const stat = await fs.stat(target).catch(() => undefined);
        const reviewOut = args.flags.get('--review-out');
        const report = args.flags.get('--report');
        const reviewer = args.flags.get('--reviewer');
        const review = { lang, io, ...(typeof reviewer === 'string' ? { reviewer } : {}) };
        const problem = reviewFlagProblem(stat?.isDirectory() ?? false, reviewOut, report, reviewer);
        if (problem) {
          io.err(`suanpan: ${problem}\n${USAGE}`);
          return 2;
        }
        if (stat?.isDirectory()) {
          const code = await checkDir(target, json, lang, io);
          return typeof report === 'string' ? Math.max(code, await writeBatchReport(target, report, review)) : code;
        }
        const annotate = args.flags.get('--annotate');
        const code = await checkFile(target, json, lang, io, typeof annotate === 'string' ? annotate : undefined);
        return typeof reviewOut === 'string' && code !== 2 ? Math.max(code, await writeReviewCopy(target, reviewOut, review)) : code;
      }
      case 'forms': {
        if (args.positional[0] !== 'fill' || args.positional.length !== 2) break;
        const out = args.flags.get('--out');
        const template = args.flags.get('--template');
        const previous = args.flags.get('--previous');
        const yearFlag = args.flags.get('--year');
        if (typeof out !== 'string') {
          io.err(`suanpan: forms fill needs --out FORMS.xlsx\n${USAGE}`);
          return 2;
        }
        return await formsFillCommand(args.positional[1], io, {
          out,
          lang,
          ...(typeof template === 'string' ? { template } : {}),
          ...(typeof previous === 'string' ? { previous } : {}),
          ...(typeof yearFlag === 'string' && /^\d{4}$/.test(yearFlag) ? { year: Number(yearFlag) } : {}),
          ...(args.flags.get('--sheet-per-form') === true ? { sheetPerForm: true } : {}),
        });
      }
      case 'publish': {
        if (args.positional.length !== 1) break;
        const p = publishOptionsFromFlags(args.flags);
        if (!p.ok) {
          io.err(`suanpan: ${p.error}\n${USAGE}`);
          return 2;
        }
        const out = args.flags.get('--out');
        return await publishCommand(args.positional[0], typeof out === 'string' ? out : '', io, { ...p.opts, lang });
      }
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
    }
  } catch (e) {
    io.err(`suanpan: ${(e as Error).message}\n`);
    return 2;
  }
  io.err(USAGE);
  return 2;
}
