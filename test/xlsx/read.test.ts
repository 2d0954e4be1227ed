import { mkdirSync, writeFileSync } from 'node:fs';
import * as ExcelJS from 'exceljs';
import { buildSheet, buildWorkbook, getCell } from '../../src/core/workbook/sheet';
import type { WorkbookSnapshot } from '../../src/core/workbook/types';
import { InputError, readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/read';
import { writeSnapshotFile } from '../../src/xlsx/write';
import { excelBuffer, makeTempDir, saveExcel } from './helpers';

const tmp = makeTempDir('xlsx-read');
afterAll(() => tmp.cleanup());

describe('round trip snapshot → .xlsx → snapshot', () => {
  let back: WorkbookSnapshot;

  beforeAll(async () => {
    const main = buildSheet({
      name: '收入支出决算表',
      rows: [
        ['2022年收入支出决算表', null, null, null],
        ['项目', '金额', '是否', '编码'],
        [{ value: '一、一般公共预算', indent: 0 }, { value: 1234.5, numFmt: '#,##0.00' }, true, '00123'],
        [{ value: '其中：工资福利', indent: 2 }, { value: '#REF!' }, false, '123'],
        ['隐藏行', 7, null, { value: 0.125, numFmt: '0.0%' }],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
      hiddenRows: [4],
      hiddenCols: [2],
    });
    const hidden = buildSheet({ name: 'Hidden', rows: [['x']], visibility: 'hidden', protected: true });
    const veryHidden = buildSheet({ name: 'VeryHidden', rows: [[1]], visibility: 'veryHidden' });
    const path = tmp.file('roundtrip.xlsx');
    await writeSnapshotFile(buildWorkbook('test', [main, hidden, veryHidden]), path);
    back = await readWorkbookFile(path);
  });

  it('keeps sheets, order, visibility and protection', () => {
    expect(back.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ['收入支出决算表', 'visible', false],
      ['Hidden', 'hidden', true],
      ['VeryHidden', 'veryHidden', false],
    ]);
  });

  it('keeps values, number formats and indent', () => {
    const s = back.sheets[0];
    expect([s.rowCount, s.colCount]).toEqual([5, 4]);
    expect(getCell(s, 2, 1)).toEqual({ row: 2, col: 1, value: { kind: 'number', value: 1234.5 }, numFmt: '#,##0.00' });
    expect(getCell(s, 2, 2)?.value).toEqual({ kind: 'boolean', value: true });
    expect(getCell(s, 3, 2)?.value).toEqual({ kind: 'boolean', value: false });
    expect(getCell(s, 3, 0)).toEqual({ row: 3, col: 0, value: { kind: 'text', value: '其中：工资福利' }, indent: 2 });
    expect(getCell(s, 2, 0)?.indent).toBeUndefined();
    expect(getCell(s, 4, 3)?.numFmt).toBe('0.0%');
    expect(getCell(s, 4, 1)?.numFmt).toBeUndefined(); // General is omitted
  });

  it('keeps error values and numbers stored as text', () => {
    const s = back.sheets[0];
    expect(getCell(s, 3, 1)?.value).toEqual({ kind: 'error', value: '#REF!' });
    expect(getCell(s, 2, 3)?.value).toEqual({ kind: 'text', value: '00123' });
    expect(getCell(s, 3, 3)?.value).toEqual({ kind: 'text', value: '123' });
  });

  it('keeps merges with empty slave cells', () => {
    const s = back.sheets[0];
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(getCell(s, 0, 0)?.value).toEqual({ kind: 'text', value: '2022年收入支出决算表' });
    for (let c = 1; c <= 3; c++) expect(getCell(s, 0, c)).toBeUndefined();
  });

  it('keeps hidden rows and columns', () => {
    const s = back.sheets[0];
    expect([...s.hiddenRows]).toEqual([4]);
    expect([...s.hiddenCols]).toEqual([2]);
  });
});

describe('cells exceljs reads in special shapes', () => {
  let back: WorkbookSnapshot;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { richText: [{ text: '合计', font: { bold: true } }, { text: '（万元）' }] };
    ws.getCell('B1').value = { text: '财政部', hyperlink: 'https://www.mof.gov.cn' };
    ws.getCell('C1').value = { formula: 'SUM(1,2)', result: 3 };
    ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('E1').value = { formula: '"a"&"b"', result: 'ab' };
    ws.getCell('F1').value = { formula: 'A1', result: undefined } as unknown as ExcelJS.CellValue;
    ws.getCell('G1').value = new Date(Date.UTC(2022, 11, 31));
    ws.getCell('G1').numFmt = 'yyyy-mm-dd';
    ws.getCell('A2').value = 5;
    ws.getCell('B2').value = { formula: 'A2*2', result: 10 };
    ws.getCell('C2').value = { sharedFormula: 'B2', result: 20 } as ExcelJS.CellValue;
    ws.getCell('A3').value = '   '; // blank text still read, but is not "data"
    ws.getCell('H5').numFmt = '0.00'; // styled but empty: outside the used range
    back = await readWorkbookBuffer(await excelBuffer(wb), 'special.xlsx');
  });

  it('flattens rich text and hyperlinks to text', () => {
    const s = back.sheets[0];
    expect(getCell(s, 0, 0)?.value).toEqual({ kind: 'text', value: '合计（万元）' });
    expect(getCell(s, 0, 1)?.value).toEqual({ kind: 'text', value: '财政部' });
  });

  it('reads formula cells as their cached result', () => {
    const s = back.sheets[0];
    expect(getCell(s, 0, 2)).toMatchObject({ value: { kind: 'number', value: 3 }, formula: true });
    expect(getCell(s, 0, 3)).toMatchObject({ value: { kind: 'error', value: '#DIV/0!' }, formula: true });
    expect(getCell(s, 0, 4)).toMatchObject({ value: { kind: 'text', value: 'ab' }, formula: true });
    expect(getCell(s, 0, 5)).toMatchObject({ value: { kind: 'text', value: '' }, formula: true });
    expect(getCell(s, 1, 2)).toMatchObject({ value: { kind: 'number', value: 20 }, formula: true });
    expect(getCell(s, 0, 0)?.formula).toBeUndefined();
  });

  it('reads dates as serial numbers with their format', () => {
    expect(getCell(back.sheets[0], 0, 6)).toMatchObject({ value: { kind: 'number', value: 44926 }, numFmt: 'yyyy-mm-dd' });
  });

  it('counts the used range from cells with values', () => {
    expect([back.sheets[0].rowCount, back.sheets[0].colCount]).toEqual([3, 7]);
  });
});

describe('bad input', () => {
  async function reasonFor(path: string): Promise<InputError> {
    const err = await readWorkbookFile(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const ie = err as InputError;
    expect(ie.file).toBe(path);
    expect(ie.message).toBe(`${path}: ${ie.reason}`);
    expect(ie.message).not.toContain('\n');
    return ie;
  }

  function oleFile(extra?: Buffer): Buffer {
    const buf = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
    extra?.copy(buf, 1024);
    return buf;
  }

  it('missing file', async () => {
    expect((await reasonFor(tmp.file('nope.xlsx'))).reason).toMatch(/不存在.*not found/);
  });

  it('a folder', async () => {
    const dir = tmp.file('folder.xlsx');
    mkdirSync(dir);
    expect((await reasonFor(dir)).reason).toMatch(/folder/);
  });

  it('empty file', async () => {
    const p = tmp.file('empty.xlsx');
    writeFileSync(p, '');
    expect((await reasonFor(p)).reason).toMatch(/空.*empty/);
  });

  it('legacy .xls', async () => {
    const p = tmp.file('old.xls');
    writeFileSync(p, oleFile(Buffer.from('Workbook', 'utf16le')));
    const e = await reasonFor(p);
    expect(e.reason).toMatch(/旧版 \.xls.*legacy \.xls/);
    expect(e.message).toMatch(/^.*old\.xls: 不是 \.xlsx 文件/);
  });

  it('password-protected .xlsx', async () => {
    const p = tmp.file('secret.xlsx');
    writeFileSync(p, oleFile(Buffer.from('EncryptedPackage', 'utf16le')));
    expect((await reasonFor(p)).reason).toMatch(/密码.*password-protected/);
    const q = tmp.file('secret2.xlsx');
    writeFileSync(q, oleFile(Buffer.from('EncryptionInfo', 'utf16le')));
    expect((await reasonFor(q)).reason).toMatch(/password-protected/);
  });

  it('a text file renamed .xlsx', async () => {
    const p = tmp.file('data.xlsx');
    writeFileSync(p, '项目,金额\n工资,100\n');
    expect((await reasonFor(p)).reason).toMatch(/不是 \.xlsx 文件.*文本\/CSV.*not an \.xlsx file.*text\/CSV/);
  });

  it('a damaged zip', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    const buf = await excelBuffer(wb);
    const p = tmp.file('truncated.xlsx');
    writeFileSync(p, buf.subarray(0, Math.floor(buf.length / 2)));
    const e = await reasonFor(p);
    expect(e.reason).toMatch(/损坏.*damaged/);
    expect(e.reason).not.toMatch(/stuk\.github/);
  });

  it('a zip that holds no workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    // Same-length rename of the entry in the zip headers: the archive stays valid.
    const buf = Buffer.from((await excelBuffer(wb)).toString('latin1').split('xl/workbook.xml').join('xl/workbooq.xml'), 'latin1');
    const p = tmp.file('other.xlsx');
    writeFileSync(p, buf);
    expect((await reasonFor(p)).reason).toMatch(/没有 Excel 工作簿.*no Excel workbook/);
  });

  it('an .xlsb workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    const buf = Buffer.from((await excelBuffer(wb)).toString('latin1').split('xl/workbook.xml').join('xl/workbook.bin'), 'latin1');
    const p = tmp.file('binary.xlsb');
    writeFileSync(p, buf);
    expect((await reasonFor(p)).reason).toMatch(/\.xlsb/);
  });

  it('a workbook with no sheets', async () => {
    const p = tmp.file('nosheets.xlsx');
    await saveExcel(new ExcelJS.Workbook(), p);
    expect((await reasonFor(p)).reason).toMatch(/没有工作表.*no worksheets/);
  });

  it('a workbook whose sheets are all empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A');
    const b = wb.addWorksheet('B');
    b.getCell('C3').value = ' ';
    b.getCell('D4').numFmt = '0.00';
    const p = tmp.file('blank.xlsx');
    await saveExcel(wb, p);
    expect((await reasonFor(p)).reason).toMatch(/没有内容.*contains no data/);
  });

  it('readWorkbookBuffer reports the given source', async () => {
    await expect(readWorkbookBuffer(Buffer.from('hello'), 'pasted.xlsx')).rejects.toThrow(/^pasted\.xlsx: 不是 \.xlsx 文件/);
  });

  it('accepts an ArrayBuffer', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('B2').value = 'x';
    const buf = await excelBuffer(wb);
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    const snap = await readWorkbookBuffer(ab, 'ab.xlsx');
    expect(getCell(snap.sheets[0], 1, 1)?.value).toEqual({ kind: 'text', value: 'x' });
  });
});

describe('a 100,000-row sheet', () => {
  it('reads every row', async () => {
    const path = tmp.file('big.xlsx');
    // The streaming writer builds the file in a few seconds without holding it in memory.
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = writer.addWorksheet('Big');
    for (let r = 0; r < 100_000; r++) {
      const values: (string | number)[] = [];
      for (let c = 0; c < 10; c++) values.push(c % 2 ? r * 10 + c : `r${r}c${c}`);
      ws.addRow(values).commit();
    }
    ws.commit();
    await writer.commit();

    const snap = await readWorkbookFile(path);
    const s = snap.sheets[0];
    expect([s.rowCount, s.colCount]).toEqual([100_000, 10]);
    expect(getCell(s, 0, 0)?.value).toEqual({ kind: 'text', value: 'r0c0' });
    expect(getCell(s, 54_321, 3)?.value).toEqual({ kind: 'number', value: 543_213 });
    expect(getCell(s, 99_999, 9)?.value).toEqual({ kind: 'number', value: 999_999 });
    expect(getCell(s, 99_999, 8)?.value).toEqual({ kind: 'text', value: 'r99999c8' });
  });
});
