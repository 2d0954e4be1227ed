// Performance forms in copies of the user's own template sheet (the pane's 填写绩效目标表 with a
// template), one new sheet per form, in a fixed number of syncs:
//
//   sync 1   the names of the sheets there are (a taken name gets a free variant); the template's
//            visibility, its number formats over the form's extent, and the height of the row the
//            inserted indicator rows are modelled on
//   sync 2   per form: worksheet.copy('End') (ExcelApi 1.7: values, formats, merges, widths,
//            heights, print setup — everything the template has), renamed; the template's merges
//            undone; the plan's rows inserted below their model row (Excel formats inserted rows like
//            the row above) and given its height; the plan's values as one 2-D block (null leaves a
//            cell as the template has it), number formats where the template's cell has none; the
//            plan's merges; A4 portrait on one page with the form as print area (ExcelApi 1.9)
//
// Sync 2 is split only by bytes (~4 MB a request): the count never grows with the number of forms
// until then. Setting visibility (a copy of a hidden template is hidden) is refused in an undo group;
// `needsUngrouped` says when that happens.
import type { TemplatePlan } from '../core/forms/template';
import type { CellRange } from '../core/workbook/types';
import { areaAddress } from './a1';
import { excelText } from './fix';
import { REQUEST_BYTES_PER_OP, utf8Length } from './limits';
import { sheetBatch, type BatchJob, type SheetBatchOptions, type SheetBatchResult } from './sheet-batch';
import { freeSheetName } from '../core/workbook/sheet-names';

export type FillTemplateOptions = SheetBatchOptions;

export interface FillTemplateResult extends SheetBatchResult {
  /** The copies had to be made visible (the template is hidden): not possible in an undo group. */
  readonly madeVisible: boolean;
}

export class TemplateSheetMissing extends Error {
  constructor(sheet: string) {
    super(`找不到模板工作表「${sheet}」/ no template sheet "${sheet}"`);
    this.name = 'TemplateSheetMissing';
  }
}

type CellInput = string | number | boolean | null;

/** Rows of the template a plan copies (the plan's own rows less the inserted ones). */
function templateRows(plan: TemplatePlan): number {
  return plan.rowCount - (plan.insert?.count ?? 0);
}

export async function fillTemplateSheets(
  context: Excel.RequestContext,
  templateSheet: string,
  plans: readonly TemplatePlan[],
  wanted: readonly string[],
  opts: FillTemplateOptions = {},
): Promise<FillTemplateResult> {
  if (plans.length !== wanted.length) throw new Error('one name per form');
  const batch = sheetBatch(context, opts);
  const caps = batch.caps;

  const collection = context.workbook.worksheets;
  collection.load('items/name');
  const template = collection.getItemOrNullObject(templateSheet);
  template.load('name,visibility');
  const rows = Math.max(0, ...plans.map(templateRows));
  const cols = Math.max(0, ...plans.map((p) => p.colCount));
  const formats = rows && cols ? template.getRangeByIndexes(0, 0, rows, cols).load('numberFormat') : null;
  const styleFrom = plans.find((p) => p.insert)?.insert?.styleFrom;
  const model = styleFrom !== undefined ? template.getRangeByIndexes(styleFrom, 0, 1, 1).format.load('rowHeight') : null;
  await batch.sync();
  if (template.isNullObject) throw new TemplateSheetMissing(templateSheet);
  const taken = new Set(collection.items.map((w) => w.name.toLowerCase()));
  const names = wanted.map((n) => freeSheetName(n, taken));
  if (!plans.length) return { names, syncs: batch.syncs(), skipped: [], madeVisible: false };

  const numFmt = (formats?.numberFormat ?? []) as string[][];
  const modelHeight = model?.rowHeight ?? null;
  const hidden = template.visibility !== 'Visible';
  const sheets: Excel.Worksheet[] = [];
  const jobs: BatchJob[] = [];
  plans.forEach((plan, i) => {
    const ws = () => sheets[i];
    jobs.push({
      size: 4 * REQUEST_BYTES_PER_OP + utf8Length(names[i]),
      run: () => {
        const copy = template.copy('End');
        copy.name = names[i];
        if (hidden) copy.visibility = 'Visible';
        sheets[i] = copy;
        // The plan's merges replace the template's (its indicator rows are merged anew).
        copy.getRangeByIndexes(0, 0, Math.max(1, templateRows(plan)), Math.max(1, plan.colCount)).unmerge();
      },
    });
    const ins = plan.insert;
    if (ins && ins.count > 0) {
      // Whole rows above copy row after + 1: formatted like row `after`, the plan's model row.
      const address = `${ins.after + 2}:${ins.after + 1 + ins.count}`;
      jobs.push({
        size: 2 * REQUEST_BYTES_PER_OP,
        run: () => {
          const added = ws().getRange(address);
          added.insert('Down');
          if (modelHeight) ws().getRange(address).format.rowHeight = modelHeight;
        },
      });
    }
    const block = valueBlock(plan, (r, c) => numFmt[r]?.[c] ?? 'General');
    if (block) {
      const { area, values, formats: fmts } = block;
      jobs.push({
        size: 2 * REQUEST_BYTES_PER_OP + utf8Length(JSON.stringify(values)) + (fmts ? utf8Length(JSON.stringify(fmts)) : 0),
        run: () => {
          const range = ws().getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1);
          // Formats first: a code typed into a Text cell stays text.
          if (fmts) range.numberFormat = fmts as string[][];
          range.values = values as (string | number | boolean)[][];
        },
      });
    }
    const merges = plan.merges.filter((m) => m.bottom > m.top || m.right > m.left).map(areaAddress);
    if (merges.length)
      jobs.push({
        size: merges.reduce((n, a) => n + a.length + REQUEST_BYTES_PER_OP, 0),
        run: () => merges.forEach((a) => ws().getRange(a).merge(false)),
      });
    if (caps.pageLayout !== false) {
      const area = areaAddress({ top: 0, left: 0, bottom: Math.max(0, plan.rowCount - 1), right: Math.max(0, plan.colCount - 1) });
      jobs.push({
        size: 5 * REQUEST_BYTES_PER_OP,
        run: () => {
          const pl = ws().pageLayout;
          pl.paperSize = 'A4';
          pl.orientation = 'Portrait';
          pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
          pl.setPrintArea(area);
        },
      });
    }
  });
  await batch.run(jobs);
  return { names, syncs: batch.syncs(), skipped: caps.pageLayout === false ? names.map((sheet) => ({ sheet, what: 'print' as const })) : [], madeVisible: hidden };
}

/**
 * The plan's cells as one 2-D block over their bounding box: null where the plan says nothing (the
 * template's cell stays), '' where it clears. Number formats only where a plan asks for one and the
 * template's cell (or, on an inserted row, its model row's) has none.
 */
function valueBlock(plan: TemplatePlan, templateFormat: (row: number, col: number) => string): { area: CellRange; values: CellInput[][]; formats: (string | null)[][] | null } | null {
  if (!plan.cells.length) return null;
  const area: CellRange = {
    top: Math.min(...plan.cells.map((w) => w.row)),
    left: Math.min(...plan.cells.map((w) => w.col)),
    bottom: Math.max(...plan.cells.map((w) => w.row)),
    right: Math.max(...plan.cells.map((w) => w.col)),
  };
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  const values: CellInput[][] = Array.from({ length: height }, () => Array<CellInput>(width).fill(null));
  const formats: (string | null)[][] = Array.from({ length: height }, () => Array<string | null>(width).fill(null));
  let anyFormat = false;
  const sourceRow = (r: number): number => {
    const ins = plan.insert;
    if (!ins || r <= ins.after) return r;
    if (r <= ins.after + ins.count) return ins.styleFrom;
    return r - ins.count;
  };
  for (const w of plan.cells) {
    let fmt = templateFormat(sourceRow(w.row), w.col);
    if (w.numFmt && (!fmt || fmt === 'General')) {
      formats[w.row - area.top][w.col - area.left] = w.numFmt;
      fmt = w.numFmt;
      anyFormat = true;
    }
    const v = w.value;
    values[w.row - area.top][w.col - area.left] =
      v === null ? '' : v.kind === 'number' ? (Number.isFinite(v.value) ? v.value : '') : v.kind === 'text' ? excelText(v.value, fmt) : v.kind === 'boolean' ? v.value : v.value;
  }
  return { area, values, formats: anyFormat ? formats : null };
}

