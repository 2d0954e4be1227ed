// `suanpan forms fill PROJECTS.xlsx --out FORMS.xlsx [--template T.xlsx] [--previous LAST.xlsx] [--sheet-per-form]`:
// one performance-target form per project, in the standard layout or in a copy of the user's template
// sheet, stacked on sheet 绩效目标表 with a page break after each, or one sheet per form.
//
// Exit 0: written, and the written file raises no finding. Exit 1: written, but findings are left —
// this includes the 【待填】/XX to-dos the library leaves where only the user can decide a figure
// (form-placeholder), so a freshly filled list normally exits 1 until those are filled in.
// Exit 2: unreadable input, no project list, bad rows in it (each listed; nothing written), a template
// without the labels a form needs (they are named), a form with money on a line the template lacks,
// bad usage.
import * as path from 'node:path';
import type { Message } from '../core/findings';
import { fillForms } from '../core/forms/fill';
import { formsLayout } from '../core/forms/layout';
import { parseForms } from '../core/forms/parse';
import { readProjects } from '../core/forms/projects';
import type { PerformanceForm } from '../core/forms/model';
import { recognizeWorkbook } from '../core/recognize';
import { checkWorkbook } from '../core/rules';
import { formSheetNames } from '../core/forms/sheet-names';
import { readTemplate, stackOffsets, templatePlan, templateProblems, templateSheetOf, type FormTemplate } from '../core/forms/template';
import { FORMS_SHEET } from '../core/forms/layout';
import type { SheetLayout } from '../core/workbook/edits';
import type { WorkbookSnapshot } from '../core/workbook/types';
import { InputError, readWorkbookFile, snapshotToWorkbook, applyEdits } from '../xlsx';
import { loadTemplateFile, type TemplateFile } from '../xlsx/template-copy';
import { copyTemplateForm, newTemplateSheet, printOnA4 } from '../xlsx/template-form';
import { writeWorkbookFile } from '../xlsx/write';
import type { FilledForm } from '../core/forms/fill';

export const FORMS_USAGE = 'suanpan forms fill PROJECTS.xlsx --out FORMS.xlsx [--template T.xlsx] [--previous LAST.xlsx] [--sheet-per-form] [--year 2023]\n';

export interface FormsFillOptions {
  out: string;
  template?: string;
  previous?: string;
  lang: 'zh-CN' | 'en';
  /** The budget year (default: this year). */
  year?: number;
  /** One sheet per form, named after its project, instead of all forms stacked on 绩效目标表. */
  sheetPerForm?: boolean;
}

/** Writes the forms sheet (its layout carries a page break after each form) as a new workbook. */
export async function writeFormsFile(layout: SheetLayout, outPath: string): Promise<void> {
  const wb = snapshotToWorkbook({ source: outPath, sheets: [] });
  wb.creator = 'suanpan forms fill';
  applyEdits(wb, { cells: [], sheets: [layout] });
  await writeWorkbookFile(wb, outPath);
}

/** One sheet per form in the standard layout, each with its own print area. */
export async function writeFormSheetsFile(forms: readonly FilledForm[], names: readonly string[], outPath: string): Promise<void> {
  const wb = snapshotToWorkbook({ source: outPath, sheets: [] });
  wb.creator = 'suanpan forms fill';
  applyEdits(wb, { cells: [], sheets: forms.map((f, i) => formsLayout([f], names[i]).layout) });
  for (const ws of wb.worksheets) ws.pageSetup.fitToHeight = 1;
  await writeWorkbookFile(wb, outPath);
}

/** Copies of the template sheet, one per form: stacked on 绩效目标表, or one sheet each (`names`). */
export async function writeTemplateFormsFile(
  file: TemplateFile,
  snapshot: WorkbookSnapshot,
  template: FormTemplate,
  forms: readonly FilledForm[],
  names: readonly string[] | undefined,
  outPath: string,
): Promise<void> {
  const src = file.workbook.worksheets.find((w) => w.name === template.sheet);
  if (!src) throw new Error(`no sheet ${template.sheet}`);
  const sheet = templateSheetOf(snapshot, template);
  const plans = forms.map((f) => templatePlan(template, f, sheet));
  const wb = snapshotToWorkbook({ source: outPath, sheets: [] });
  wb.creator = 'suanpan forms fill';
  const newSheet = (name: string) => newTemplateSheet(wb, src, name, template.colCount);
  if (names) {
    plans.forEach((p, i) => {
      const ws = newSheet(names[i]);
      printOnA4(ws, [copyTemplateForm(src, ws, p, 0)], true);
    });
  } else {
    const ws = newSheet(FORMS_SHEET);
    const offsets = stackOffsets(plans);
    const ranges = plans.map((p, i) => copyTemplateForm(src, ws, p, offsets[i]));
    for (const r of ranges.slice(0, -1)) ws.getRow(r.bottom + 1).addPageBreak();
    printOnA4(ws, ranges, false);
  }
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
  let template: { file: TemplateFile; snapshot: WorkbookSnapshot; template: FormTemplate } | undefined;
  let list;
  try {
    const snapshot = await readWorkbookFile(projectsPath);
    list = readProjects(snapshot);
    if (opts.previous) {
      const prev = await readWorkbookFile(opts.previous);
      previous = parseForms(prev, recognizeWorkbook(prev));
    }
    if (opts.template) {
      const snapshot = await readWorkbookFile(opts.template);
      const file = await loadTemplateFile(opts.template);
      const read = readTemplate(snapshot, { extents: file.extents });
      if (!read.ok) {
        const where = read.sheet ? (zh ? `（工作表 ${read.sheet}）` : ` (sheet ${read.sheet})`) : '';
        io.err(
          zh
            ? `${opts.template}${where}：不是可用的绩效目标表模板，找不到或读不回这些标签的填写位置：${read.missing.join('、')}\n`
            : `${opts.template}${where}: not a usable form template; no value cell found (or read back) for these labels: ${read.missing.join(', ')}\n`,
        );
        return 2;
      }
      template = { file, snapshot, template: read.template };
    }
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
  const forms = fillForms(list.projects, { ...(opts.year ? { year: opts.year } : {}), ...(previous ? { previous } : {}) });
  if (template) {
    const problems = forms.flatMap((f) => templateProblems(template!.template, f));
    if (problems.length) {
      io.err(zh ? `${opts.template}：模板缺少 ${problems.length} 处资金栏目，未生成\n` : `${opts.template}: the template lacks ${problems.length} funds cells; nothing written\n`);
      for (const p of problems) io.err(`  ${say(p)}\n`);
      return 2;
    }
  }
  const names = opts.sheetPerForm ? formSheetNames(forms.map((f) => f.name)) : undefined;
  try {
    if (template) await writeTemplateFormsFile(template.file, template.snapshot, template.template, forms, names, opts.out);
    else if (names) await writeFormSheetsFile(forms, names, opts.out);
    else {
      const { layout, ranges } = formsLayout(forms);
      await writeFormsFile(layout, opts.out);
    }
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    io.err(zh ? `suanpan: 无法写出 ${opts.out}（${reason}）\n` : `suanpan: cannot write ${opts.out} (${reason})\n`);
    return 2;
  }
  if (template && !Object.keys(template.template.funds.period).length)
    io.out(zh ? `模板没有实施期资金栏，只填写了年度资金\n` : `the template has no project-period funds column; only the annual funds are filled in\n`);
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
