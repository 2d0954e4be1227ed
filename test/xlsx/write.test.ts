import { readFileSync } from 'node:fs';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SheetLayout, WorkbookEdits } from '../../src/core/workbook/edits';
import { buildSheet, buildWorkbook, getCell } from '../../src/core/workbook/sheet';
import { readWorkbookFile } from '../../src/xlsx/read';
import { snapshotToWorkbook, writeSnapshotFile, writeWorkbookWithEdits } from '../../src/xlsx/write';
import { excelBuffer, loadExcel, makeTempDir, saveExcel, sheet } from './helpers';

const tmp = makeTempDir('xlsx-write');
afterAll(() => tmp.cleanup());

const RED_BOLD: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFF0000' }, name: '宋体', size: 12 };

/** Two sheets; A1 and A2 share one bold red font (one style index in the file), C1 has a note. */
async function makeOriginal(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  ws.getCell('A1').value = '收入';
  ws.getCell('A1').font = { ...RED_BOLD };
  ws.getCell('A2').value = '支出';
  ws.getCell('A2').font = { ...RED_BOLD };
  ws.getCell('B1').value = 100;
  ws.getCell('B2').value = 200;
  ws.getCell('C1').value = 'x';
  ws.getCell('C1').note = '旧批注';
  wb.addWorksheet('表2').getCell('A1').value = 'second';
  wb.addWorksheet('表3').getCell('A1').value = 'third';
  await saveExcel(wb, path);
}

function edits(partial: Partial<WorkbookEdits>): WorkbookEdits {
  return { cells: [], sheets: [], ...partial };
}

describe('cell edits', () => {
  let out: ExcelJS.Worksheet;
  const input = tmp.file('orig.xlsx');
  let inputBytes: Buffer;

  beforeAll(async () => {
    await makeOriginal(input);
    inputBytes = readFileSync(input);
    const outPath = tmp.file('edited.xlsx');
    await writeWorkbookWithEdits(
      { path: input },
      edits({
        cells: [
          { sheet: '表1', row: 0, col: 0, style: { fill: 'FFFF00' } },
          { sheet: '表1', row: 0, col: 1, style: { fontColor: '0000FF', bold: true, italic: true, fontSize: 14, fontName: '黑体' } },
          { sheet: '表1', row: 1, col: 1, value: { kind: 'number', value: 250 }, style: { numFmt: '#,##0.00', border: true } },
          { sheet: '表1', row: 0, col: 2, note: '' },
          { sheet: '表1', row: 3, col: 0, note: '合计不等于明细之和', value: { kind: 'text', value: '新' } },
          { sheet: '表1', row: 3, col: 1, value: { kind: 'error', value: '#N/A' } },
          { sheet: '表2', row: 0, col: 0, value: null },
          { sheet: '表2', row: 1, col: 1, value: { kind: 'boolean', value: true }, style: { horizontal: 'center', vertical: 'middle', wrap: true, indent: 1 } },
        ],
      }),
      outPath,
    );
    out = sheet(await loadExcel(outPath), '表1');
  });

  it('never touches the input file', () => {
    expect(readFileSync(input).equals(inputBytes)).toBe(true);
  });

  it('adds a fill and keeps the existing font', () => {
    const a1 = out.getCell('A1');
    expect(a1.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(a1.font).toMatchObject(RED_BOLD);
  });

  it('does not restyle cells that shared the style', () => {
    const a2 = out.getCell('A2');
    expect(a2.fill).not.toMatchObject({ pattern: 'solid' });
    expect(a2.font).toMatchObject(RED_BOLD);
  });

  it('sets font colour, weight, slant, size and name', () => {
    expect(out.getCell('B1').font).toMatchObject({ color: { argb: 'FF0000FF' }, bold: true, italic: true, size: 14, name: '黑体' });
  });

  it('sets values, number formats and borders', () => {
    const b2 = out.getCell('B2');
    expect(b2.value).toBe(250);
    expect(b2.numFmt).toBe('#,##0.00');
    expect(b2.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(out.getCell('A4').value).toBe('新');
    expect(out.getCell('B4').value).toEqual({ error: '#N/A' });
  });

  it('adds and removes notes', () => {
    expect(out.getCell('A4').note).toBe('合计不等于明细之和');
    expect(out.getCell('C1').note).toBeUndefined();
    expect(out.getCell('C1').value).toBe('x');
  });

  it('clears values and sets alignment on another sheet', async () => {
    const ws = sheet(out.workbook, '表2');
    expect(ws.getCell('A1').value).toBeNull();
    expect(ws.getCell('B2').value).toBe(true);
    expect(ws.getCell('B2').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true, indent: 1 });
  });

  it('rejects an edit to a sheet that does not exist, writing nothing', async () => {
    const outPath = tmp.file('never.xlsx');
    await expect(
      writeWorkbookWithEdits({ path: input }, edits({ cells: [{ sheet: '无此表', row: 0, col: 0, value: null }] }), outPath),
    ).rejects.toThrow(/无此表/);
    expect(() => readFileSync(outPath)).toThrow();
  });
});

describe('sheet layouts', () => {
  const layout: SheetLayout = {
    name: '公开表',
    cells: [
      { row: 0, col: 0, value: { kind: 'text', value: '部门收支总表' }, style: { bold: true, fontSize: 16, horizontal: 'center', border: true } },
      { row: 0, col: 3, value: { kind: 'text', value: 'ignored: merged slave' } },
      { row: 1, col: 0, value: { kind: 'text', value: '单位：万元' } },
      { row: 2, col: 0, value: { kind: 'text', value: '项目' }, style: { fill: 'D9D9D9', border: true } },
      { row: 2, col: 1, value: { kind: 'text', value: '金额' }, style: { fill: 'D9D9D9', border: true } },
      { row: 3, col: 0, value: { kind: 'text', value: '工资' } },
      { row: 3, col: 1, value: { kind: 'number', value: 1234.5 }, style: { numFmt: '#,##0.00' } },
      { row: 4, col: 1, value: null },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
    colWidths: { 0: 30, 1: 14.5 },
    rowHeights: { 0: 28, 7: 20 },
    print: {
      paper: 'A4',
      orientation: 'landscape',
      repeatRows: { first: 0, last: 2 },
      areas: [{ top: 0, left: 0, bottom: 9, right: 3 }],
      fitToWidth: true,
      breaksAfter: [4],
    },
  };

  it('adds a sheet with merges, widths, heights and print setup', async () => {
    const input = tmp.file('layout-in.xlsx');
    const outPath = tmp.file('layout-out.xlsx');
    await makeOriginal(input);
    await writeWorkbookWithEdits({ path: input }, edits({ sheets: [layout, { ...layout, name: '底稿', hidden: 'veryHidden', print: undefined }] }), outPath);

    const wb = await loadExcel(outPath);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['表1', 'visible'],
      ['表2', 'visible'],
      ['表3', 'visible'],
      ['公开表', 'visible'],
      ['底稿', 'veryHidden'],
    ]);
    const ws = sheet(wb, '公开表');
    expect(ws.model.merges).toEqual(['A1:D1']);
    expect(ws.getCell('A1').value).toBe('部门收支总表');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('D1').border).toMatchObject({ top: { style: 'thin' } }); // master style spread over the merge
    expect(ws.getCell('A3').fill).toMatchObject({ fgColor: { argb: 'FFD9D9D9' } });
    expect(ws.getCell('B4').numFmt).toBe('#,##0.00');
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBe(14.5);
    expect(ws.getRow(1).height).toBe(28);
    expect(ws.getRow(8).height).toBe(20);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '1:3',
      printArea: 'A1:D10',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    // exceljs writes page breaks but does not read them back: look in the sheet's XML.
    const zip = await JSZip.loadAsync(readFileSync(outPath));
    const xml = await zip.file('xl/worksheets/sheet4.xml')!.async('string');
    expect(xml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="5" [^>]*man="1"\/><\/rowBreaks>/);

    const snap = await readWorkbookFile(outPath);
    const s = snap.sheets.find((x) => x.name === '公开表')!;
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(getCell(s, 0, 3)).toBeUndefined();
    expect(snap.sheets.find((x) => x.name === '底稿')?.visibility).toBe('veryHidden');
  });

  it('replaces a sheet of the same name in place', async () => {
    const input = tmp.file('replace-in.xlsx');
    const outPath = tmp.file('replace-out.xlsx');
    await makeOriginal(input);
    const replacement: SheetLayout = { name: '表2', cells: [{ row: 0, col: 0, value: { kind: 'text', value: 'new' } }], merges: [] };
    await writeWorkbookWithEdits({ buffer: readFileSync(input) }, edits({ sheets: [replacement] }), outPath);
    const snap = await readWorkbookFile(outPath);
    expect(snap.sheets.map((s) => s.name)).toEqual(['表1', '表2', '表3']);
    expect(getCell(snap.sheets[1], 0, 0)?.value).toEqual({ kind: 'text', value: 'new' });
    expect(getCell(snap.sheets[2], 0, 0)?.value).toEqual({ kind: 'text', value: 'third' });
  });

  it('lets cell edits target a sheet added in the same batch, and may overwrite the input when asked', async () => {
    const path = tmp.file('inplace.xlsx');
    await makeOriginal(path);
    await writeWorkbookWithEdits(
      { path },
      edits({
        sheets: [{ name: '审核', cells: [], merges: [] }],
        cells: [{ sheet: '审核', row: 1, col: 1, value: { kind: 'number', value: 7 }, note: '说明' }],
      }),
      path,
    );
    const ws = sheet(await loadExcel(path), '审核');
    expect(ws.getCell('B2').value).toBe(7);
    expect(ws.getCell('B2').note).toBe('说明');
  });
});

describe('snapshots as files', () => {
  it('snapshotToWorkbook builds an in-memory workbook', async () => {
    const wb = snapshotToWorkbook(
      buildWorkbook('t', [buildSheet({ name: 'S', rows: [[{ value: 1.5, numFmt: '0.0' }, { value: 'a', indent: 3 }]] })]),
    );
    const ws = sheet(wb, 'S');
    expect(ws.getCell('A1').value).toBe(1.5);
    expect(ws.getCell('A1').numFmt).toBe('0.0');
    expect(ws.getCell('B1').alignment).toEqual({ indent: 3 });
    expect((await excelBuffer(wb)).length).toBeGreaterThan(0);
  });

  it('keeps a hidden row that has no cells', async () => {
    const path = tmp.file('hidden-empty-row.xlsx');
    await writeSnapshotFile(buildWorkbook('t', [buildSheet({ name: 'S', rows: [['a'], [], ['c']], hiddenRows: [1] })]), path);
    const snap = await readWorkbookFile(path);
    expect([...snap.sheets[0].hiddenRows]).toEqual([1]);
  });
});
