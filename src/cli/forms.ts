// `suanpan forms fill PROJECTS.xlsx --out FORMS.xlsx [--template T.xlsx] [--previous LAST.xlsx]`:
// one performance-target form per project, in the standard layout, on sheet 绩效目标表.
//
// Exit 0: written, and the written file raises no finding. Exit 1: written, but findings are left —
// this includes the 【待填】/XX to-dos the library leaves where only the user can decide a figure
// (form-placeholder), so a freshly filled list normally exits 1 until those are filled in.
// Exit 2: unreadable input, no project list, bad rows in it (each listed; nothing written), bad usage.
import * as path from 'node:path';
import type { Message } from '../core/findings';
import { fillForms } from '../core/forms/fill';
import { formsLayout } from '../core/forms/layout';
import { parseForms } from '../core/forms/parse';
import { readProjects } from '../core/forms/projects';
import type { PerformanceForm } from '../core/forms/model';
import { recognizeWorkbook } from '../core/recognize';
import { checkWorkbook } from '../core/rules';
import type { SheetLayout } from '../core/workbook/edits';
import type { CellRange } from '../core/workbook/types';
import { InputError, readWorkbookFile, snapshotToWorkbook, applyEdits } from '../xlsx';
import { writeWorkbookFile } from '../xlsx/write';

export const FORMS_USAGE = 'suanpan forms fill PROJECTS.xlsx --out FORMS.xlsx [--template T.xlsx] [--previous LAST.xlsx]\n';

export interface FormsFillOptions {
  out: string;
  template?: string;
  previous?: string;
  lang: 'zh-CN' | 'en';
  /** The budget year (default: this year). */
  year?: number;
}

/**
 * Writes the forms sheet as a new workbook, with a manual page break after each form (SheetLayout
 * has no page breaks, so they are added on the exceljs sheet here).
 */
export async function writeFormsFile(layout: SheetLayout, ranges: readonly CellRange[], outPath: string): Promise<void> {
  const wb = snapshotToWorkbook({ source: outPath, sheets: [] });
  wb.creator = 'suanpan forms fill';
  applyEdits(wb, { cells: [], sheets: [layout] });
  const ws = wb.getWorksheet(layout.name);
  if (ws) for (const r of ranges.slice(0, -1)) ws.getRow(r.bottom + 1).addPageBreak();
  await writeWorkbookFile(wb, outPath);
}

export async function formsFillCommand(
  projectsPath: string,
  io: { out: (s: string) => void; err: (s: string) => void },
  opts: FormsFillOptions,
): Promise<number> {
  const zh = opts.lang !== 'en';
  const say = (m: Message) => (zh ? m.zh : m.en);
  if (!projectsPath || !opts.out) {
    io.err(`用法 / usage: ${FORMS_USAGE}`);
    return 2;
  }
  if (!/\.xlsx$/i.test(opts.out)) {
    io.err(zh ? `suanpan: --out 须是 .xlsx 文件：${opts.out}\n` : `suanpan: --out must name an .xlsx file: ${opts.out}\n`);
    return 2;
  }
  for (const other of [projectsPath, opts.previous, opts.template]) {
    if (other && path.resolve(other) === path.resolve(opts.out)) {
      io.err(zh ? `suanpan: --out 须是新文件，不能覆盖 ${other}\n` : `suanpan: --out must name a new file, not ${other}\n`);
      return 2;
    }
  }

  let previous: PerformanceForm[] | undefined;
  let list;
  try {
    const snapshot = await readWorkbookFile(projectsPath);
    list = readProjects(snapshot);
    if (opts.previous) {
      const prev = await readWorkbookFile(opts.previous);
      previous = parseForms(prev, recognizeWorkbook(prev));
    }
    if (opts.template) await readWorkbookFile(opts.template);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message + '\n');
      return 2;
    }
    throw e;
  }
  if (!list) {
    io.err(zh ? `${projectsPath}：找不到项目清单（须有“项目名称”和“年度资金总额”表头）\n` : `${projectsPath}: no project list (needs 项目名称 and 年度资金总额 headers)\n`);
    return 2;
  }
  if (list.problems.length) {
    io.err(zh ? `${projectsPath}：项目清单有 ${list.problems.length} 行不能使用\n` : `${projectsPath}: ${list.problems.length} rows of the project list cannot be used\n`);
    for (const p of list.problems) io.err(`  ${say(p.message)}\n`);
    return 2;
  }
  if (!list.projects.length) {
    io.err(zh ? `${projectsPath}：项目清单是空的\n` : `${projectsPath}: the project list is empty\n`);
    return 2;
  }
  if (opts.template)
    io.err(zh ? `suanpan: 暂不支持 --template，按标准格式生成\n` : `suanpan: --template is not supported yet; the standard layout is used\n`);

  const forms = fillForms(list.projects, { ...(opts.year ? { year: opts.year } : {}), ...(previous ? { previous } : {}) });
  const { layout, ranges } = formsLayout(forms);
  try {
    await writeFormsFile(layout, ranges, opts.out);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    io.err(zh ? `suanpan: 无法写出 ${opts.out}（${reason}）\n` : `suanpan: cannot write ${opts.out} (${reason})\n`);
    return 2;
  }
  const carried = forms.filter((f) => f.source === 'previous').length;
  const todos = forms.reduce((n, f) => n + f.todos, 0);
  io.out(
    zh
      ? `已生成 ${forms.length} 张绩效目标表：${opts.out}（${carried} 张沿用上年指标，${forms.length - carried} 张取自指标库；${todos} 个指标值待填）\n`
      : `${forms.length} forms written to ${opts.out} (${carried} with last year's indicators, ${forms.length - carried} from the library; ${todos} values to fill in)\n`,
  );

  const back = await readWorkbookFile(opts.out);
  const { findings } = checkWorkbook(back);
  if (!findings.length) {
    io.out(zh ? '自检：全部检查通过\n' : 'self-check: every check passes\n');
    return 0;
  }
  io.err(zh ? `自检：还有 ${findings.length} 条检查意见\n` : `self-check: ${findings.length} findings left\n`);
  for (const f of findings) io.err(`  [${f.severity}] ${f.sheet}!${f.cell} ${say(f.message)}\n`);
  return 1;
}
