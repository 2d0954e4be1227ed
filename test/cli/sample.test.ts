// The sample workbook: regenerated from assets/samples/source into a temp dir and read back with exceljs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { makeSample } from '../../src/cli/make-sample';
import { FORMS_SHEET, TABLE_SPECS, readTsv, sampleCell, tableFile, formsFile } from '../../src/cli/sample-source';

const TABLE_SHEETS = ['表1', '表2', '表3', '表4', '表5', '表6', '表7', '表8', '表9', '表10'];

let tmp: string;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-sample-'));
  const out = path.join(tmp, 'sub', 'xinzhou-2022.xlsx');
  await makeSample(out);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The first row (1-based) whose cells include one with this exact value. */
function findRow(ws: ExcelJS.Worksheet, value: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= ws.columnCount; c++) {
      if (row.getCell(c).value === value) return row;
    }
  }
  throw new Error(`${ws.name}: no cell "${value}"`);
}

function allValues(ws: ExcelJS.Worksheet): ExcelJS.CellValue[] {
  const out: ExcelJS.CellValue[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(cell.value)));
  return out;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  return ws.model.merges;
}

test('sheet names: 表1 … 表10 then the forms sheet', () => {
  expect(wb.worksheets.map((ws) => ws.name)).toEqual([...TABLE_SHEETS, FORMS_SHEET]);
});

test('table 5 keeps the shifted codes, as text', () => {
  const row = findRow(sheet('表5'), '社会保障和就业支出');
  expect(row.getCell(1).value).toBe('2080505');
  expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
  // and the shift runs on: 卫生健康支出 carries 2101101, the last 其他支出 carries 20103
  expect(findRow(sheet('表5'), '卫生健康支出').getCell(1).value).toBe('2101101');
  expect(findRow(sheet('表2'), '社会保障和就业支出').getCell(1).value).toBe('208');
});

test('codes are text, amounts are numbers with the published format', () => {
  const row = findRow(sheet('表2'), '事业运行');
  expect(row.getCell(1).value).toBe('2010350');
  expect(row.getCell(3).value).toBe(310.1);
  expect(row.getCell(3).numFmt).toBe('0.00');
});

test('table 6 sits at B2 and its total is the text "1,216.95"', () => {
  const ws = sheet('表6');
  expect(ws.getCell('A1').value).toBeNull();
  expect(ws.getCell('B2').value).toBe('预算公开表 6');
  expect(ws.getCell('B6').value).toBe('合计');
  expect(ws.getCell('C6').value).toBe('1,216.95');
  expect(ws.getCell('C6').type).toBe(ExcelJS.ValueType.String);
  expect(merges(ws)).toContain('B3:D3');
});

test('table 4 keeps the cut digits: 118.4 as a number, "3000." as text', () => {
  const ws = sheet('表4');
  const social = findRow(ws, '社会保障和就业支出');
  expect(social.getCell(4).value).toBe(118.4);
  expect(social.getCell(4).numFmt ?? 'General').not.toBe('0.00');
  expect(social.getCell(5).value).toBe(118.44);
  const other = findRow(ws, '其他支出');
  expect(other.getCell(4).value).toBe('3000.');
  expect(other.getCell(4).type).toBe(ExcelJS.ValueType.String);
  expect(other.getCell(5).value).toBe(3000);
  expect(allValues(ws)).toContain('二、纳入预算管理的政');
});

test('the forms sheet holds 27 forms, each starting with 项目名称', () => {
  const ws = sheet(FORMS_SHEET);
  let starts = 0;
  ws.eachRow((row) => {
    let first: ExcelJS.CellValue = null;
    row.eachCell((cell) => {
      if (first === null && cell.value !== null && cell.value !== '') first = cell.value;
    });
    if (first === '项目名称') starts++;
  });
  expect(starts).toBe(27);
  // grouped figures became numbers formatted #,##0
  const funds = findRow(ws, '实施期资金总额：');
  expect(funds.getCell(4).value).toBe(1770000);
  expect(funds.getCell(4).numFmt).toBe('#,##0');
  expect(ws.getColumn(1).width).toBe(18);
});

test('titles are merged across each table, headers merged as published', () => {
  for (const spec of TABLE_SPECS) {
    const ws = sheet(spec.sheet);
    const r = spec.origin.row + 2;
    const left = spec.origin.col + 1;
    const title = ws.getCell(r, left);
    const range = `${title.address}:${ws.getCell(r, left + spec.width - 1).address}`;
    expect(merges(ws)).toContain(range);
    expect(title.font?.bold).toBe(true);
    expect(title.font?.size).toBe(14);
  }
  expect(merges(sheet('表1'))).toEqual(expect.arrayContaining(['A4:B4', 'C4:D4']));
  expect(merges(sheet('表2'))).toEqual(expect.arrayContaining(['A4:B4', 'C4:G4']));
  expect(merges(sheet('表4'))).toEqual(expect.arrayContaining(['A4:B4', 'C4:F4', 'D5:F5']));
  expect(sheet('表2').getCell('A5').font?.bold).toBe(true);
  expect(sheet('表2').getCell('B7').border?.top?.style).toBe('thin');
});

test('every transcribed cell is in the workbook, unchanged', () => {
  const shown = (cell: ExcelJS.Cell): string => {
    const v = cell.value;
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      if (cell.numFmt === '0.00') return v.toFixed(2);
      if (cell.numFmt === '#,##0') return v.toLocaleString('en-US');
      return String(v);
    }
    return String(v);
  };
  const check = (ws: ExcelJS.Worksheet, lines: string[][], r0: number, c0: number): void => {
    lines.forEach((cells, i) => {
      cells.forEach((raw, j) => {
        const cell = ws.getCell(r0 + i, c0 + j);
        if (cell.isMerged && cell.master !== cell) return; // merged away (checked empty by make-sample)
        const expected = raw.startsWith("'") ? raw.slice(1) : raw;
        expect([ws.name, i + 1, j + 1, shown(cell)]).toEqual([ws.name, i + 1, j + 1, expected]);
      });
    });
  };
  for (const spec of TABLE_SPECS) {
    check(sheet(spec.sheet), readTsv(tableFile(spec)), spec.origin.row + 1, spec.origin.col + 1);
  }
  check(sheet(FORMS_SHEET), readTsv(formsFile()), 1, 1);
});

test('cell conversion rule', () => {
  expect(sampleCell('310.10')).toEqual({ kind: 'number', value: 310.1, numFmt: '0.00' });
  expect(sampleCell('118.4')).toEqual({ kind: 'number', value: 118.4 });
  expect(sampleCell('1,770,000')).toEqual({ kind: 'number', value: 1770000, numFmt: '#,##0' });
  expect(sampleCell("'1,216.95")).toEqual({ kind: 'text', value: '1,216.95' });
  expect(sampleCell('2080505', true)).toEqual({ kind: 'text', value: '2080505', numFmt: '@' });
  expect(sampleCell('2080505')).toEqual({ kind: 'number', value: 2080505 });
  expect(sampleCell('3年')).toEqual({ kind: 'text', value: '3年' });
  expect(sampleCell('')).toEqual({ kind: 'empty' });
});
