// createExcelHost end to end on the sample workbook: the workbook as Excel would hold it (built
// from the .xlsx the CLI checks), scanned through Office.js, painted, cleared, fixed and shown.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeSample } from '../../src/cli/make-sample';
import type { Finding } from '../../src/core/findings';
import { checkWorkbook } from '../../src/core/rules';
import { getCell } from '../../src/core/workbook/sheet';
import type { WorkbookSnapshot } from '../../src/core/workbook/types';
import { createExcelHost } from '../../src/excel/host';
import type { ScanProgress } from '../../src/taskpane/host';
import { readWorkbookFile } from '../../src/xlsx';
import { FakeWorkbook, dumpWorkbook, makeCell, type FakeCell } from './fake-excel';
import { useOfficeEnv } from './office-env';

let xlsxSnapshot: WorkbookSnapshot;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-excel-host-'));
  const file = path.join(dir, 'sample.xlsx');
  await makeSample(file);
  xlsxSnapshot = await readWorkbookFile(file);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The workbook as Excel holds it: the same cells, formats, merges, hidden rows and sheets. */
function excelFromSnapshot(snap: WorkbookSnapshot): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const s of snap.sheets) {
    const fs_ = wb.addSheet(s.name);
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const made = makeCell({ value: cell.value.value, numFmt: cell.numFmt, indent: cell.indent, ...(cell.value.kind === 'error' ? { type: 'Error' as const } : {}) }) as FakeCell;
        fs_.cells.set(r, (fs_.cells.get(r) ?? new Map()).set(c, made));
      }),
    );
    fs_.merges = [...s.merges];
    fs_.hiddenRows = new Set(s.hiddenRows);
    fs_.hiddenCols = new Set(s.hiddenCols);
    fs_.visibility = s.visibility === 'hidden' ? 'Hidden' : s.visibility === 'veryHidden' ? 'VeryHidden' : 'Visible';
    fs_.protected = s.protected;
  }
  wb.activeSheet = snap.sheets[0]?.name ?? null;
  return wb;
}

const env = useOfficeEnv();

const key = (f: Finding) => `${f.rule}|${f.severity}|${f.sheet}|${f.cell}`;

test('scan reads the same workbook the xlsx adapter reads and finds the same things', async () => {
  const model = excelFromSnapshot(xlsxSnapshot);
  const excel = env.install(model);
  const progress: ScanProgress[] = [];
  const result = await createExcelHost().scan((p) => progress.push(p));

  expect(excel.runs).toHaveLength(1);
  expect(excel.runs[0].context.syncs).toBe(3); // a sample-sized workbook: 3 syncs
  expect(result.sheets).toEqual(xlsxSnapshot.sheets.map((s) => s.name));
  const expected = checkWorkbook(xlsxSnapshot).findings;
  expect(result.findings.map(key)).toEqual(expected.map(key));
  expect(result.findings.some((f) => f.rule === 'misaligned')).toBe(true);
  expect(result.recognition.tables.length).toBe(checkWorkbook(xlsxSnapshot).recognition.tables.length);
  expect(progress[0]).toEqual({ step: 'read', done: 0, total: xlsxSnapshot.sheets.length });
  expect(progress.map((p) => p.step)).toEqual(expect.arrayContaining(['read', 'recognize', 'check']));
  expect(progress[progress.length - 1]).toEqual({ step: 'check', done: 1, total: 1 });
}, 60_000);

test('paint and clear run each as one undo group on ExcelApi 1.20, and leave the workbook as it was', async () => {
  const model = excelFromSnapshot(xlsxSnapshot);
  const excel = env.install(model);
  const host = createExcelHost({ lang: () => 'en' });
  const { findings } = await host.scan();
  const before = dumpWorkbook(model);

  await host.paint(findings);
  const paintRun = excel.runs[1];
  expect(paintRun.options).toEqual({ mergeUndoGroup: true });
  expect(paintRun.context.syncs).toBe(2);
  const flagged = findings.filter((f) => f.severity !== 'info');
  const first = flagged[0];
  const sheet = model.sheet(first.sheet);
  expect(sheet.notes.get(first.cell)).toMatch(/^算盘 Suanpan\n\[(Error|Warning)\] /);
  expect(model.cell(first.sheet, first.cell)?.fill?.color).toMatch(/^#(FFC7CE|FFEB9C)$/);

  await host.clear();
  expect(excel.runs[2].options).toEqual({ mergeUndoGroup: true });
  expect(excel.runs[2].context.syncs).toBe(3);
  expect(dumpWorkbook(model)).toEqual(before);
}, 60_000);

test('without ExcelApi 1.20 the runs are plain Excel.run (no undo group asked for)', async () => {
  const model = excelFromSnapshot(xlsxSnapshot);
  const excel = env.install(model, 18);
  const host = createExcelHost();
  const detailed = await host.paintDetailed([
    { rule: 'subtotal', severity: 'error', sheet: '表3', cell: 'C6', range: 'C6', message: { zh: '不符', en: 'differs' }, related: [] },
  ]);
  expect(detailed).toMatchObject({ cells: 1, channel: 'note', syncs: 2 });
  expect(excel.runs[0].options).toBeUndefined();
  expect((await host.clearDetailed()).cells).toBe(1);
});

test('the misaligned fix: applied, checked again, undone — and select shows a cell in 1 sync', async () => {
  const model = excelFromSnapshot(xlsxSnapshot);
  const excel = env.install(model);
  const host = createExcelHost();
  const { findings } = await host.scan();
  const mis = findings.find((f) => f.rule === 'misaligned')!;
  const corrected = (mis.details!.corrected as { cell: string; from: string; to: string | null }[]).filter((c) => c.to);
  const ws = model.sheet(mis.sheet);
  const cellsBefore = corrected.map((c) => ws.get(...rc(c.cell)));

  const applied = await host.applyFix(mis);
  expect(applied.cells).toBe(corrected.length);
  expect(excel.runs[excel.runs.length - 1].options).toEqual({ mergeUndoGroup: true });
  for (const c of corrected) expect(String(model.cell(mis.sheet, c.cell)?.value)).toBe(c.to);

  // Checked again, the block is no longer misaligned.
  const again = await host.scan();
  expect(again.findings.filter((f) => f.rule === 'misaligned' && f.sheet === mis.sheet && f.range === mis.range)).toEqual([]);

  await host.undoFix(applied.id);
  expect(corrected.map((c) => ws.get(...rc(c.cell)))).toEqual(cellsBefore);

  // Nothing on Excel's list of APIs that clear the user's undo stack was called, in any run.
  const ops = excel.runs.flatMap((r) => r.context.ops);
  expect(ops.filter((o) => /^Worksheet\.(delete|copy|name=|position=|visibility=|standardWidth=)|Protection\.|Workbook\.(save|close|insertWorksheets)|addFromBase64|Style\.|NamedItem|DataConnection/.test(o))).toEqual([]);
  expect(ops).toEqual(expect.arrayContaining(['Range.values=', 'SettingCollection.add()']));

  await host.select(mis.sheet, mis.cell);
  const selectRun = excel.runs[excel.runs.length - 1];
  expect(selectRun.context.syncs).toBe(1);
  expect(model.activeSheet).toBe(mis.sheet);
  expect(model.selection).toEqual({ sheet: mis.sheet, address: mis.cell });
}, 60_000);

test('the snapshot read through Office.js matches the xlsx one cell for cell', async () => {
  const model = excelFromSnapshot(xlsxSnapshot);
  env.install(model, null);
  const { readWorkbook } = await import('../../src/excel/read');
  const snap = await (globalThis as unknown as { Excel: typeof Excel }).Excel.run((ctx) => readWorkbook(ctx));
  for (const [i, s] of xlsxSnapshot.sheets.entries()) {
    const t = snap.sheets[i];
    expect([t.name, t.rowCount, t.colCount, t.merges, [...t.hiddenRows], t.visibility]).toEqual([s.name, s.rowCount, s.colCount, s.merges, [...s.hiddenRows], s.visibility]);
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || (cell.value.kind === 'text' && cell.value.value === '')) return;
        const got = getCell(t, r, c);
        expect({ at: [r, c], value: got?.value, numFmt: got?.numFmt, indent: got?.indent }).toEqual({ at: [r, c], value: cell.value, numFmt: cell.numFmt, indent: cell.indent });
      }),
    );
  }
}, 60_000);

function rc(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}
