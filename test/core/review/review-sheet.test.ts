// 审核意见表: every finding with its decision, linked to its cell, laid out for printing; written
// into a copy of the workbook through exceljs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { RULE_LABELS } from '../../../src/core/findings';
import { checkWorkbook } from '../../../src/core/rules';
import {
  commentCell,
  commentFinding,
  decide,
  emptyStore,
  formatReviewTime,
  internalLink,
  mergeScan,
  recordScan,
  REVIEW_SHEET_NAME,
  reviewEdits,
  reviewSheetLayout,
  figureCell,
  shortMessage,
  rowHeightFor,
  type ReviewScan,
} from '../../../src/core/review';
import { applyEdits, readWorkbookFile, writeSnapshotFile, writeWorkbookWithEdits } from '../../../src/xlsx';
import { expenditureWorkbook } from './helpers';

const AT = '2024-05-01T06:30:00.000Z';
const HEADER = 4; // 1-based row of the column headers

function reviewed(): { scan: ReviewScan; result: ReturnType<typeof checkWorkbook> } {
  const result = checkWorkbook(expenditureWorkbook('dept', { subtotal: 1600, totalBasic: 1700 }));
  const first = mergeScan(emptyStore(), result);
  const by = (rule: string, row: string) => first.items.find((i) => i.snapshot.rule === rule && i.snapshot.rowLabel?.startsWith(row))!;
  let s = decide(emptyStore(), by('subtotal', '20103'), 'dismissed', { reviewer: '张三', reason: '项目跨年度，已核实', at: AT });
  s = decide(s, by('row-total', '20103'), 'confirmed', { reviewer: '李四', at: AT });
  s = decide(s, by('column-total', '合计'), 'fixed', { reviewer: '王五', at: AT });
  s = decide(s, { fingerprint: 'code-name|expenditure|2010399其他|', snapshot: { ...by('subtotal', '201 ').snapshot, rule: 'code-name', rowLabel: '2010399 其他', cell: 'B9' } }, 'fixed', { reviewer: '王五', at: AT });
  s = commentFinding(s, by('subtotal', '201 ').fingerprint, '请单位补充说明', '李四', AT);
  s = commentCell(s, '支出总表', 'B7', '名称以财政部科目为准', '李四', AT);
  s = recordScan(s, first, { at: AT });
  return { scan: mergeScan(s, result), result };
}

describe('the layout', () => {
  const { scan, result } = reviewed();
  const layout = reviewSheetLayout(scan, { workbookName: 'dept.xlsx', recognition: result.recognition, reviewer: '张三', scannedAt: AT });
  const at = (r: number, c: number) => layout.cells.find((x) => x.row === r && x.col === c);
  const textAt = (r: number, c: number) => {
    const v = at(r, c)?.value;
    return v ? String(v.value) : '';
  };

  test('one row per finding (and per resolved decision) with table, row, column, figures, severity, decision, reason, reviewer, time and link', () => {
    expect(layout.name).toBe(REVIEW_SHEET_NAME);
    expect(textAt(HEADER - 1, 0)).toBe('序号');
    const headers = Array.from({ length: 13 }, (_, c) => textAt(HEADER - 1, c));
    expect(headers).toEqual(['序号', '表', '行', '列', '问题', '应为', '实为', '级别', '处理', '理由 / 意见', '审核人', '时间', '位置']);
    expect(scan.items).toHaveLength(result.findings.length + 1);
    scan.items.forEach((it, i) => {
      const r = HEADER + i;
      expect(textAt(r, 0)).toBe(String(i + 1));
      expect(textAt(r, 1)).toBe('支出总表');
      expect(textAt(r, 2)).toBe(it.snapshot.rowLabel ?? '');
      expect(textAt(r, 3)).toBe(it.snapshot.columnLabel ?? '');
      expect(textAt(r, 4)).toBe(`[${RULE_LABELS[it.snapshot.rule].zh}] ${shortMessage(it.snapshot, 'zh-CN')}`);
      expect(textAt(r, 5)).toBe(it.snapshot.expected ?? '');
      expect(textAt(r, 6)).toBe(it.snapshot.actual ?? '');
      expect(textAt(r, 7)).toBe({ error: '错误', warning: '警告', info: '提示' }[it.snapshot.severity]);
      expect(textAt(r, 10)).toBe(it.record?.reviewer ?? '');
      expect(textAt(r, 11)).toBe(it.record ? formatReviewTime(AT) : '');
      expect(textAt(r, 12)).toBe(`${it.snapshot.sheet}!${it.snapshot.cell}`);
      expect(at(r, 12)?.link).toBe(it.status === 'resolved' ? undefined : internalLink('支出总表', it.snapshot.cell));
      for (let c = 0; c <= 12; c++) expect(at(r, c)?.style).toMatchObject({ border: true, wrap: true });
    });
    const rows = scan.items.map((it, i) => [it.status, textAt(HEADER + i, 8), textAt(HEADER + i, 9)]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['dismissed', '已忽略', '项目跨年度，已核实'],
        ['confirmed', '已确认', ''],
        ['fixed', '已修正', ''],
        ['open', '待处理', '意见（李四）：请单位补充说明'],
        ['resolved', '已解决', ''],
      ]),
    );
    expect(textAt(2, 0)).toContain('已解决 1');
  });

  test('figures stay as printed, right-aligned when they are numbers', () => {
    expect(figureCell('1,216.95')).toEqual({ value: { kind: 'text', value: '1,216.95' }, numeric: true });
    expect(figureCell('1600')).toEqual({ value: { kind: 'text', value: '1600' }, numeric: true });
    expect(figureCell('≤ 1410.07')).toEqual({ value: { kind: 'text', value: '≤ 1410.07' }, numeric: false });
    expect(figureCell('')).toEqual({ value: null, numeric: false });
    const r = HEADER + scan.items.findIndex((i) => i.snapshot.expected === '1500');
    expect(at(r, 5)?.style?.horizontal).toBe('right');
  });

  test('the problem column says what is wrong without repeating table, row and column', () => {
    const sub = scan.items.find((i) => i.snapshot.rule === 'subtotal' && i.snapshot.rowLabel?.startsWith('20103'))!;
    expect(sub.snapshot.message.zh).toMatch(/^支出总表《支出总表》 20103 政府办公厅（室）及相关机构事务 · 合计：/);
    expect(shortMessage(sub.snapshot, 'zh-CN')).toBe(sub.snapshot.message.zh.split('合计：')[1]);
    expect(shortMessage(sub.snapshot, 'en')).toMatch(/^1600 ≠ /);
    expect(shortMessage({ ...sub.snapshot, rowLabel: 'elsewhere' }, 'zh-CN')).toBe(sub.snapshot.message.zh);
  });

  test('rows are tall enough for their wrapped text', () => {
    for (let r = HEADER; r < HEADER + scan.items.length; r++) expect(layout.rowHeights?.[r]).toBeGreaterThanOrEqual(17);
    expect(rowHeightFor([{ text: '一'.repeat(40), width: 21 }], 10)).toBeGreaterThan(rowHeightFor([{ text: '一'.repeat(8), width: 21 }], 10) * 3);
    expect(rowHeightFor([{ text: 'a\nb\nc', width: 50 }], 10)).toBeGreaterThan(rowHeightFor([{ text: 'abc', width: 50 }], 10) * 2);
  });

  test('comments on cells follow the findings, linked to their cells', () => {
    const row = layout.cells.find((c) => c.value?.kind === 'text' && c.value.value === '名称以财政部科目为准')!;
    expect(at(row.row, 1)).toMatchObject({ value: { kind: 'text', value: '支出总表!B7' }, link: "#'支出总表'!B7" });
    expect(textAt(row.row, 10)).toBe('李四');
  });

  test('printing: A4 landscape, one page wide, the header row repeated', () => {
    expect(layout.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatRows: { first: HEADER - 1, last: HEADER - 1 } });
    const width = Object.values(layout.colWidths ?? {}).reduce((a, b) => a + b, 0);
    expect(width).toBeLessThan(175);
  });

  test('English labels', () => {
    const en = reviewSheetLayout(scan, { lang: 'en', scannedAt: AT });
    expect(en.cells.find((c) => c.row === HEADER - 1 && c.col === 8)?.value).toEqual({ kind: 'text', value: 'Status' });
    expect(en.cells.some((c) => c.value?.kind === 'text' && c.value.value === 'dismissed')).toBe(true);
  });

  test('no findings: a sheet that says so', () => {
    const clean = mergeScan(emptyStore(), checkWorkbook(expenditureWorkbook('ok')));
    const l = reviewSheetLayout(clean, { scannedAt: AT });
    expect(l.cells.some((c) => c.row === HEADER && c.value?.kind === 'text' && c.value.value === '未发现问题。')).toBe(true);
  });
});

describe('written into a copy of the workbook', () => {
  let dir: string;
  let out: string;
  const { scan, result } = reviewed();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-review-sheet-'));
    const src = path.join(dir, 'dept.xlsx');
    await writeSnapshotFile(expenditureWorkbook('dept', { subtotal: 1600, totalBasic: 1700 }), src);
    out = path.join(dir, 'reviewed.xlsx');
    await writeWorkbookWithEdits({ path: src }, reviewEdits(emptyStore(), scan, { workbookName: 'dept.xlsx', recognition: result.recognition, scannedAt: AT }), out);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('links are HYPERLINK formulas to the cell; print setup, borders and wrap are set', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['支出总表', 'visible'],
      [REVIEW_SHEET_NAME, 'visible'],
      ['_suanpan_review', 'veryHidden'],
    ]);
    const ws = wb.getWorksheet(REVIEW_SHEET_NAME)!;
    const first = ws.getRow(HEADER + 1);
    const link = first.getCell(13);
    expect(link.formula).toBe(`HYPERLINK("#'支出总表'!${scan.items[0].snapshot.cell}","支出总表!${scan.items[0].snapshot.cell}")`);
    expect(link.result).toBe(`支出总表!${scan.items[0].snapshot.cell}`);
    expect(link.font).toMatchObject({ underline: true });
    expect(first.getCell(2).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(first.getCell(2).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER}:${HEADER}` });
  });

  test('checking the copy finds what checking the original found: the review sheets are not tables', async () => {
    const copy = checkWorkbook(await readWorkbookFile(out));
    expect(copy.findings).toEqual(result.findings);
    expect(copy.recognition.tables).toHaveLength(1);
    expect(copy.recognition.unrecognized).toEqual([]);
  });

  test('link cells: quotes are doubled inside the formula; links too long for a formula are plain hyperlinks', () => {
    const wb = new ExcelJS.Workbook();
    const long = `x/${'很'.repeat(300)}.xlsx#'A'!A1`;
    applyEdits(wb, {
      cells: [],
      sheets: [
        {
          name: 'L',
          merges: [],
          cells: [
            { row: 0, col: 0, value: { kind: 'text', value: 'say "hi"' }, link: internalLink('it\'s "x"', 'B2') },
            { row: 1, col: 0, value: { kind: 'text', value: 'far' }, link: long },
            { row: 2, col: 0, value: { kind: 'text', value: 'red' }, style: { fontColor: 'FF0000' }, link: '#A!A1' },
          ],
        },
      ],
    });
    const ws = wb.getWorksheet('L')!;
    expect(ws.getCell('A1').formula).toBe(`HYPERLINK("#'it''s ""x""'!B2","say ""hi""")`);
    expect(ws.getCell('A1').result).toBe('say "hi"');
    expect(ws.getCell('A2').value).toEqual({ text: 'far', hyperlink: long });
    expect(ws.getCell('A3').font).toMatchObject({ underline: true, color: { argb: 'FFFF0000' } });
  });
});
