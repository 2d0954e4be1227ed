// The written workbook as a person opens it: sheet order, titles, fonts, borders, number format,
// merges, widths, A4 print setup with the header rows repeated on every page; rows in code order;
// fund tables with data when the ledger has fund money, the standard note when not.
import ExcelJS from 'exceljs';
import { dictionary } from '../../../src/core/classification';
import { layoutsToSnapshot, publish, TABLE_LAYOUTS, STYLE } from '../../../src/core/publish';
import { checkWorkbook } from '../../../src/core/rules';
import { ledgerWorkbook, seedLedger, SEED_DEPARTMENT, SEED_TITLE } from './fixtures';
import { roundTrip, tempDir, type RoundTrip } from './helpers';

const tmp = tempDir('publish-layout');
let seedFile: string;
let fundFile: string;
let fundRt: RoundTrip;

/** A ledger with every fund, so that 表7 and 表8 have rows. */
function fundLedger() {
  return ledgerWorkbook(
    [
      { func: '2120101', econ: '30101', fund: '政府性基金', amount: 120000 },
      { func: '2120104', econ: '30201', fund: '政府性基金', type: '项目支出', amount: 34567.89 },
      { func: '2010301', econ: '30101', amount: 500000 },
      { func: '2010350', econ: '', fund: '单位资金', amount: 8000 },
      { func: '2080505', econ: '30108', fund: '财政专户管理资金', amount: 2500.5 },
      { func: '2010302', econ: '30217', type: '项目支出', amount: 6000 },
      { func: '2010302', econ: '31013', type: '项目支出', amount: 250000 },
    ],
    { title: SEED_TITLE },
  );
}

beforeAll(async () => {
  const seed = publish(seedLedger());
  const fund = publish(fundLedger());
  if (!seed.ok || !fund.ok) throw new Error('publish failed');
  seedFile = (await roundTrip(seed.layouts, tmp.file('seed.xlsx'))).file;
  fundRt = await roundTrip(fund.layouts, tmp.file('fund.xlsx'));
  fundFile = fundRt.file;
});
afterAll(() => tmp.cleanup());

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

test('ten sheets 表1 … 表10, each: label, title with the year, department and unit, A4 print setup', async () => {
  const wb = await load(seedFile);
  expect(wb.worksheets.map((w) => w.name)).toEqual(TABLE_LAYOUTS.map((s) => s.sheet));
  for (const spec of TABLE_LAYOUTS) {
    const ws = wb.getWorksheet(spec.sheet)!;
    const width = spec.columns.length;
    expect(ws.getCell(1, 1).value).toBe(`预算公开表${spec.no}`);
    const title = ws.getCell(2, 1);
    expect(title.value).toBe(spec.title.replace('{year}', '2022'));
    expect(title.font).toEqual(expect.objectContaining({ name: STYLE.titleFont, size: STYLE.titleSize, bold: true }));
    expect(title.alignment?.horizontal).toBe('center');
    expect(ws.getCell(2, width).isMerged).toBe(true);
    expect(ws.getCell(3, 1).value).toBe(`部门：${SEED_DEPARTMENT}`);
    expect(ws.getCell(3, width).value).toBe('单位：万元');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe(spec.orientation);
    expect(ws.pageSetup.printTitlesRow).toBe(`4:${3 + spec.headerRows.length}`);
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    spec.widths.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBe(w));
  }
});

test('header rows: bold, centred, thin borders, merged as the template', async () => {
  const wb = await load(seedFile);
  for (const spec of TABLE_LAYOUTS) {
    const ws = wb.getWorksheet(spec.sheet)!;
    spec.headerRows.forEach((cols, i) => {
      cols.forEach((text, c) => {
        const cell = ws.getCell(4 + i, c + 1);
        expect(cell.border?.top?.style).toBe('thin');
        expect(cell.border?.bottom?.style).toBe('thin');
        if (!text) return;
        expect(cell.value).toBe(text.replace('{year}', '2022'));
        expect(cell.font?.bold).toBe(true);
        expect(cell.alignment?.horizontal).toBe('center');
      });
    });
    for (const m of spec.headerMerges) {
      const master = ws.getCell(4 + m.top, m.left + 1);
      const slave = ws.getCell(4 + m.bottom, m.right + 1);
      expect(slave.isMerged).toBe(true);
      expect(slave.master.address).toBe(master.address);
    }
  }
});

test('data rows: 宋体, thin borders, amounts as numbers in #,##0.00, codes as text', async () => {
  const wb = await load(seedFile);
  const ws = wb.getWorksheet('表3')!;
  const total = ws.getRow(6);
  expect(total.getCell(2).value).toBe('合计');
  expect(total.getCell(3).value).toBe(6442.07);
  expect(total.getCell(3).numFmt).toBe('#,##0.00');
  expect(total.getCell(3).font).toEqual(expect.objectContaining({ name: STYLE.font, size: STYLE.size, bold: true }));
  const item = ws.getRow(9);
  expect(item.getCell(1).value).toBe('2010301');
  expect(item.getCell(1).numFmt).toBe('@');
  expect(item.getCell(2).value).toBe('行政运行');
  expect(item.getCell(2).alignment?.indent).toBe(3);
  expect(item.getCell(4).value).toBe(819.76);
  expect(item.getCell(5).value).toBeNull();
  for (let c = 1; c <= 5; c++) expect(item.getCell(c).border?.left?.style).toBe('thin');
  const t9 = wb.getWorksheet('表9')!;
  expect(t9.getCell(8, 1).value).toBe('①公务用车购置费');
  expect(t9.getCell(8, 1).alignment?.indent).toBe(2);
  expect(t9.getCell(6, 1).alignment?.indent).toBe(1);
});

test('function rows: 类, 款, 项 in code order, names from the dictionary; 表1/表4 list every 类', () => {
  const tables = fundRt.check.recognition.tables;
  const t2 = tables.find((t) => t.kind === 'income')!;
  const codes = t2.rows.filter((r) => r.code).map((r) => r.code!);
  expect(codes).toEqual([...codes].sort());
  expect(codes).toEqual(['201', '20103', '2010301', '2010302', '2010350', '208', '20805', '2080505', '212', '21201', '2120101', '2120104']);
  for (const r of t2.rows) if (r.code) expect(r.name).toBe(dictionary.lookup(r.code)!.name);
  const t1 = tables.find((t) => t.kind === 'summary')!;
  const classes = dictionary.entries('function').filter((e) => e.level === '类').map((e) => e.code).filter((c) => c !== '223');
  expect(t1.rows.filter((r) => r.side === 'expense' && !r.isTotal).map((r) => r.name)).toEqual(classes.sort().map((c) => dictionary.lookup(c)!.name));
  const t4 = tables.find((t) => t.kind === 'fiscal-summary')!;
  expect(t4.rows.filter((r) => r.side === 'expense' && !r.isTotal)).toHaveLength(classes.length + 1);
});

test('fund money: 表7 and 表8 have rows and no note; the other tables agree; every check passes', () => {
  const tables = fundRt.check.recognition.tables;
  expect(fundRt.check.findings).toEqual([]);
  for (const kind of ['fund-income', 'fund-expenditure']) {
    const t = tables.find((x) => x.kind === kind)!;
    expect(t.notes).toEqual([]);
    expect(t.rows.map((r) => r.code ?? r.name)).toEqual(['合计', '212', '21201', '2120101', '2120104']);
  }
  const t9 = tables.find((x) => x.kind === 'three-public')!;
  expect(t9.rows.map((r) => r.name)).toEqual(['因公出国（境）费', '公务接待费', '公务用车购置及运行费', '①公务用车购置费', '②公务用车运行维护费', '合计']);
});

test('the 三公 figures come from the economic codes, project money included by default', () => {
  const r = publish(fundLedger());
  const basicOnly = publish(fundLedger(), { threePublicScope: 'basic' });
  if (!r.ok || !basicOnly.ok) throw new Error('publish failed');
  const three = (x: typeof r) => x.build.tables[8].rows.map((row) => (row.cells[1] && typeof row.cells[1] === 'object' ? row.cells[1].units : null));
  // 30217 公务接待费 0.60 万元 and 31013 公务用车购置 25.00 万元, both project lines
  expect(three(r)).toEqual([0n, 60n, 2500n, 2500n, 0n, 2560n]);
  expect(three(basicOnly)).toEqual([0n, 0n, 0n, 0n, 0n, 0n]);
  expect(r.notices.map((n) => n.zh).join('\n')).toContain('“三公”经费表含项目支出中的“三公”经费（2 行）');
});

test('layoutsToSnapshot: the layouts as a host reads them back, without a file (same recognition, no finding)', async () => {
  const r = publish(seedLedger());
  if (!r.ok) throw new Error('publish failed');
  const inMemory = checkWorkbook(layoutsToSnapshot(r.layouts));
  const fromFile = (await roundTrip(r.layouts, tmp.file('again.xlsx'))).check;
  expect(inMemory.findings).toEqual([]);
  expect(inMemory.recognition.tables.map((t) => [t.kind, t.rows.length])).toEqual(fromFile.recognition.tables.map((t) => [t.kind, t.rows.length]));
});
