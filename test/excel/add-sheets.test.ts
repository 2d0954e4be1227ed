// addSheets: the engine's sheet layouts written into the open workbook through Office.js (the fake
// Excel), in a fixed number of syncs, with formats batched by style, and never over a user's sheet.
import { OfficeMockObject } from 'office-addin-mock';
import { checkWorkbook } from '../../src/core/rules';
import type { CellStyle, SheetLayout, SheetLayoutCell } from '../../src/core/workbook/edits';
import { addLayoutSheets, columnWidthPoints } from '../../src/excel/add-sheets';
import { createExcelHost } from '../../src/excel/host';
import { readWorkbook } from '../../src/excel/read';
import { freeSheetName, validSheetName } from '../../src/core/workbook/sheet-names';
import { FakeContext, dumpWorkbook, installExcel } from './fake-excel';
import { ALL, publication, userWorkbook } from './fixtures';
import { layoutDifferences } from './layout-expect';

describe('sheet names', () => {
  test('Excel rules: forbidden characters, 31 characters, apostrophes at the ends, History', () => {
    expect(validSheetName('收支/总表:[2024]?*')).toBe('收支_总表__2024___');
    expect(validSheetName("'引号'")).toBe('引号');
    expect(validSheetName('x'.repeat(40))).toHaveLength(31);
    expect(validSheetName('')).toBe('Sheet');
    expect(validSheetName('history')).toBe('history_');
  });

  test('a taken name (without regard to case) gets the next free number, within 31 characters', () => {
    const taken = new Set(['表1', '表1 (2)', 'summary']);
    expect(freeSheetName('表1', taken)).toBe('表1 (3)');
    expect(freeSheetName('SUMMARY', taken)).toBe('SUMMARY (2)');
    expect(freeSheetName('表2', taken)).toBe('表2');
    expect(freeSheetName('表2', taken)).toBe('表2 (2)'); // picked names count as taken
    const long = '一'.repeat(31);
    taken.add(long);
    const next = freeSheetName(long, taken);
    expect(next).toBe(`${'一'.repeat(27)} (2)`);
    expect(next).toHaveLength(31);
  });
});

describe('publication tables into the open workbook', () => {
  test('ten sheets, 表1 (2) beside the user’s 表1, everything as the layouts say, in 2 syncs', async () => {
    const layouts = publication();
    const wb = userWorkbook();
    const before = dumpWorkbook(wb).sheets;
    const ctx = new FakeContext(wb);
    const r = await addLayoutSheets(ctx.asExcel, layouts, { capabilities: ALL });

    expect(ctx.syncs).toBe(2);
    expect(r.syncs).toBe(2);
    expect(r.names).toEqual(['表1 (2)', '表2', '表3', '表4', '表5', '表6', '表7', '表8', '表9', '表10']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['预算明细', '表1', 'Sheet3', ...r.names]);
    // The sheets that were there are exactly as they were.
    expect(dumpWorkbook(wb).sheets.slice(0, 3)).toEqual(before);
    expect(r.skipped).toEqual([]);

    layouts.forEach((layout, i) => expect(layoutDifferences(wb.sheet(r.names[i]), layout)).toEqual([]));
    // Spot checks against the layout itself, so the comparison above cannot be vacuous.
    const t3 = wb.sheet('表3');
    expect(t3.merges.length).toBeGreaterThan(2);
    expect(t3.page).toMatchObject({ paperSize: 'A4', printTitleRows: '$4:$5', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(t3.colWidths.get(0)).toBe(columnWidthPoints(layouts[2].colWidths![0]));
    const figures = layouts[2].cells.filter((c) => c.value?.kind === 'number');
    expect(figures.length).toBeGreaterThan(5);
    for (const f of figures) expect(t3.get(f.row, f.col)).toMatchObject({ value: f.value!.value, numFmt: '#,##0.00', type: 'Double' });

    // Formats went out as RangeAreas, one call per style and address union, never per cell.
    const styledCells = layouts.reduce((n, l) => n + l.cells.filter((c) => c.style).length, 0);
    expect(ctx.ops.filter((o) => o.startsWith('RangeAreas.format')).length).toBeGreaterThan(0);
    expect(ctx.ops.some((o) => /^Range\.format\.(font|fill|borders)/.test(o))).toBe(false);
    expect(r.formatCalls).toBeLessThan(styledCells / 3);
  });

  test('the tables written into Excel read back clean: recognized, and checked without an error or a warning', async () => {
    const layouts = publication();
    const wb = userWorkbook();
    await addLayoutSheets(new FakeContext(wb).asExcel, layouts, { capabilities: ALL });
    const snap = await readWorkbook(new FakeContext(wb).asExcel);
    const tables = { ...snap, sheets: snap.sheets.filter((s) => /^表\d+/.test(s.name) && s.name !== '表1') };
    const { recognition, findings } = checkWorkbook(tables);
    expect(recognition.tables.length).toBeGreaterThanOrEqual(8);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

/** A table-like layout with `rows` × 10 cells: title, merged two-row header, body, widths, heights, print. */
function syntheticLayout(rows: number, name = '明细'): SheetLayout {
  const cols = 10;
  const cells: SheetLayoutCell[] = [];
  const header: CellStyle = { bold: true, border: true, horizontal: 'center', fontName: '宋体', fontSize: 10 };
  const body: CellStyle = { border: true, numFmt: '#,##0.00', horizontal: 'right', indent: 1, fontName: '宋体', fontSize: 10 };
  const code: CellStyle = { border: true, numFmt: '@', horizontal: 'left', fontName: '宋体', fontSize: 10 };
  cells.push({ row: 0, col: 0, value: { kind: 'text', value: `${name}表` }, style: { bold: true, fontSize: 16, horizontal: 'center' } });
  for (let c = 0; c < cols; c++) {
    cells.push({ row: 1, col: c, value: c === 0 ? { kind: 'text', value: '科目编码' } : { kind: 'text', value: `列${c}` }, style: header });
    cells.push({ row: 2, col: c, value: null, style: header });
  }
  for (let r = 0; r < rows; r++) {
    cells.push({ row: 3 + r, col: 0, value: { kind: 'text', value: String(2010301 + r) }, style: code });
    for (let c = 1; c < cols; c++) cells.push({ row: 3 + r, col: c, value: { kind: 'number', value: r * 10 + c + 0.25 }, style: r % 5 === 0 ? { ...body, bold: true } : body });
  }
  const rowHeights: Record<number, number> = { 0: 36, 1: 22, 2: 22 };
  for (let r = 0; r < rows; r++) rowHeights[3 + r] = 18;
  return {
    name,
    cells,
    merges: [{ top: 0, left: 0, bottom: 0, right: cols - 1 }, { top: 1, left: 0, bottom: 2, right: 0 }],
    colWidths: Object.fromEntries(Array.from({ length: cols }, (_, c) => [c, c === 0 ? 12 : 14])),
    rowHeights,
    print: { paper: 'A4', orientation: 'landscape', repeatRows: { first: 1, last: 2 }, areas: [{ top: 0, left: 0, bottom: rows + 2, right: cols - 1 }], fitToWidth: true },
  };
}

describe('cost', () => {
  test('the sync count and the number of calls do not grow with the cells: 100 and 20,000 cells', async () => {
    const run = async (rows: number) => {
      const wb = userWorkbook();
      const ctx = new FakeContext(wb);
      const layout = syntheticLayout(rows);
      const r = await addLayoutSheets(ctx.asExcel, [layout], { capabilities: ALL });
      expect(layoutDifferences(wb.sheet('明细'), layout)).toEqual([]);
      return { syncs: ctx.syncs, calls: r.formatCalls, ops: ctx.ops.length, cells: layout.cells.length };
    };
    const small = await run(10);
    const big = await run(2000);
    expect(small.cells).toBeGreaterThanOrEqual(100);
    expect(big.cells).toBeGreaterThanOrEqual(20_000);
    expect(small.syncs).toBe(2);
    expect(big.syncs).toBe(2);
    // Bold every fifth row: the same styles, only more rectangles of them (one per bold row).
    expect(big.calls).toBeLessThan(small.calls * 4);
    expect(big.ops).toBeLessThan(big.cells / 20);
  });

  test('past ~4 MB the write is split by bytes, each request under the 5 MB limit', async () => {
    const wb = userWorkbook();
    const ctx = new FakeContext(wb);
    const rows = 12_000;
    const cells: SheetLayoutCell[] = [];
    for (let r = 0; r < rows; r++) for (let c = 0; c < 10; c++) cells.push({ row: r, col: c, value: { kind: 'text', value: `第${r}行第${c}列的一段说明文字` } });
    const r = await addLayoutSheets(ctx.asExcel, [{ name: '长表', cells, merges: [] }], { capabilities: ALL });
    expect(ctx.syncLog.every((s) => !s.failed && s.requestBytes <= 5 * 1024 * 1024)).toBe(true);
    expect(r.syncs).toBeGreaterThanOrEqual(3);
    expect(r.syncs).toBeLessThanOrEqual(1 + Math.ceil(ctx.syncLog.reduce((n, s) => n + s.requestBytes, 0) / (3 * 1024 * 1024)));
    expect(wb.cell('长表', 'J12000')?.value).toBe('第11999行第9列的一段说明文字');
  });

  test('address unions stay under the getRanges limit the host enforces', async () => {
    const wb = userWorkbook();
    const ctx = new FakeContext(wb, { maxAddressChars: 40 });
    const layout = syntheticLayout(60);
    await addLayoutSheets(ctx.asExcel, [layout], { capabilities: ALL, maxAddressChars: 40 });
    expect(layoutDifferences(wb.sheet('明细'), layout)).toEqual([]);
  });
});

test('manual page breaks (a forms sheet breaks after each form) go above the next row', async () => {
  const wb = userWorkbook();
  const ctx = new FakeContext(wb);
  const base = syntheticLayout(60);
  const layout: SheetLayout = { ...base, print: { ...base.print!, breaksAfter: [22, 42] } };
  await addLayoutSheets(ctx.asExcel, [layout], { capabilities: ALL });
  expect(wb.sheet('明细').page.rowBreaks).toEqual([24, 44]);
  expect(layoutDifferences(wb.sheet('明细'), layout)).toEqual([]);
  expect(ctx.syncs).toBe(2);
});

describe('values, links and older Excel', () => {
  test('texts that look like numbers stay text; codes in Text cells stay codes; errors and booleans', async () => {
    const wb = userWorkbook();
    const layout: SheetLayout = {
      name: '杂项',
      merges: [],
      cells: [
        { row: 0, col: 0, value: { kind: 'text', value: '007' } },
        { row: 0, col: 1, value: { kind: 'text', value: '2010301' }, style: { numFmt: '@' } },
        { row: 0, col: 2, value: { kind: 'text', value: '=SUM(A1)' } },
        { row: 0, col: 3, value: { kind: 'boolean', value: true } },
        { row: 0, col: 4, value: { kind: 'error', value: '#N/A' } },
        { row: 1, col: 0, value: { kind: 'number', value: 1234.5 }, style: { numFmt: '0.00' } },
      ],
    };
    await addLayoutSheets(new FakeContext(wb).asExcel, [layout], { capabilities: ALL });
    expect(layoutDifferences(wb.sheet('杂项'), layout)).toEqual([]);
    expect(wb.cell('杂项', 'A1')).toMatchObject({ value: '007', type: 'String' });
    expect(wb.cell('杂项', 'C1')).toMatchObject({ value: '=SUM(A1)', type: 'String' });
    expect(wb.cell('杂项', 'C1')?.formula).toBeUndefined();
    expect(wb.cell('杂项', 'E1')).toMatchObject({ type: 'Error' });
    expect(wb.cell('杂项', 'A2')).toMatchObject({ value: 1234.5, text: '1234.50' });
  });

  test('links: HYPERLINK formulas, a long one as range.hyperlink, and links to a renamed sheet follow it', async () => {
    const wb = userWorkbook();
    const long = `https://example.org/${'x'.repeat(300)}`;
    const summary: SheetLayout = {
      name: '表1',
      merges: [],
      cells: [
        { row: 0, col: 0, value: { kind: 'text', value: '去明细' }, link: "#'明细'!A1", style: { bold: true } },
        { row: 1, col: 0, value: { kind: 'text', value: '说明' }, link: long, style: { numFmt: '@' } },
      ],
    };
    const detail: SheetLayout = { name: '明细', merges: [], cells: [{ row: 0, col: 0, value: { kind: 'text', value: '返回' }, link: "#'表1'!A1" }] };
    const r = await addLayoutSheets(new FakeContext(wb).asExcel, [summary, detail], { capabilities: ALL });
    expect(r.names).toEqual(['表1 (2)', '明细']);
    expect(layoutDifferences(wb.sheet('表1 (2)'), summary)).toEqual([]);
    expect(wb.cell('表1 (2)', 'A1')).toMatchObject({ value: '去明细', formula: `=HYPERLINK("#'明细'!A1","去明细")`, font: '#0563C1', look: { bold: true, underline: 'Single' } });
    expect(wb.cell('表1 (2)', 'A2')?.hyperlink).toEqual({ address: long, textToDisplay: '说明' });
    // The back link points at the sheet as it was named here, not at the user's 表1.
    expect(wb.cell('明细', 'A1')?.formula).toBe(`=HYPERLINK("#'表1 (2)'!A1","返回")`);
  });

  test('ExcelApi 1.8: one Range per rectangle instead of RangeAreas, and no print setup (reported)', async () => {
    const wb = userWorkbook();
    const ctx = new FakeContext(wb);
    const layout = syntheticLayout(30);
    const r = await addLayoutSheets(ctx.asExcel, [layout], { capabilities: { ...ALL, rangeAreas: false, pageLayout: false } });
    expect(ctx.syncs).toBe(2);
    expect(ctx.ops.some((o) => o.startsWith('RangeAreas') || o.startsWith('PageLayout'))).toBe(false);
    expect(r.skipped).toEqual([{ sheet: '明细', what: 'print' }]);
    expect(layoutDifferences(wb.sheet('明细'), layout, { print: false, indent: false })).toEqual([]);
    expect(wb.sheet('明细').page).toEqual({});
    // indentLevel is ExcelApi 1.9 too: not set at all below it.
    expect(ctx.ops.some((o) => o.includes('indentLevel'))).toBe(false);
  });
});

describe('through the host', () => {
  const g = globalThis as Record<string, unknown>;
  let uninstall: (() => void) | undefined;
  afterEach(() => {
    uninstall?.();
    uninstall = undefined;
    delete g.Office;
  });
  function office(max: number) {
    g.Office = new OfficeMockObject({
      context: { requirements: { isSetSupported: (set: string, v?: string) => set === 'ExcelApi' && Number(v?.split('.')[1]) <= max } },
    });
  }

  test('addSheets is one undo group on ExcelApi 1.20 and returns the names', async () => {
    const wb = userWorkbook();
    const excel = installExcel(wb);
    uninstall = excel.uninstall;
    office(20);
    const added = await createExcelHost().addSheets(publication().slice(0, 2));
    expect(added).toEqual({ names: ['表1 (2)', '表2'] });
    expect(excel.runs).toHaveLength(1);
    expect(excel.runs[0].options).toEqual({ mergeUndoGroup: true });
    expect(excel.runs[0].context.syncs).toBe(2);
  });

  test('a hidden layout runs outside the undo group (setting visibility has no undo); so does a refused group', async () => {
    const wb = userWorkbook();
    const excel = installExcel(wb, { noUndo: /^(Worksheet\.visibility=|WorksheetCollection\.add\(\))$/ });
    uninstall = excel.uninstall;
    office(20);
    const host = createExcelHost();
    const hidden: SheetLayout = { name: '隐藏', merges: [], cells: [{ row: 0, col: 0, value: { kind: 'text', value: 'x' } }], hidden: 'veryHidden' };
    expect((await host.addSheets([hidden])).names).toEqual(['隐藏']);
    expect(excel.runs[0].options).toBeUndefined();
    expect(wb.sheet('隐藏').visibility).toBe('VeryHidden');

    // Here the fake's undo group refuses adding sheets too: the host runs the batch again without it.
    const detailed = await host.addSheetsDetailed([syntheticLayout(5, '再来')]);
    expect(detailed.names).toEqual(['再来']);
    expect(excel.runs.slice(1).map((r) => r.options)).toEqual([{ mergeUndoGroup: true }, undefined]);
    expect(excel.runs[1].context.syncLog.map((s) => s.failed)).toEqual([undefined, 'UndoNotSupported']);
    expect(wb.sheets.filter((s) => s.name.startsWith('再来'))).toHaveLength(1);
  });
});
