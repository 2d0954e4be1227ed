// File mode against the real sample: open, scan with progress, preview, fix and undo, and the
// annotated copy re-read with exceljs. The browser build of exceljs is swapped for the Node one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { createFileHost, sampleUrlFrom } from '../../src/taskpane/file/fileHost';
import { cellWindow } from '../../src/taskpane/file/preview';
import { fileProblem } from '../../src/taskpane/file/sniff';
import { corrections } from '../../src/taskpane/fix/corrections';
import type { ScanProgress } from '../../src/taskpane/host';
import { buildSheet } from '../../src/core/workbook/sheet';

jest.mock('exceljs/dist/exceljs.min.js', () => jest.requireActual('exceljs'));

const SAMPLE = join(__dirname, '../../assets/samples/xinzhou-2022.xlsx');
const sampleBytes = (): ArrayBuffer => {
  const buf = readFileSync(SAMPLE);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
};

async function reread(blob: Blob): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await blob.arrayBuffer()) as unknown as ArrayBuffer);
  return wb;
}

describe('the sample in file mode', () => {
  const host = createFileHost();
  const progress: ScanProgress[] = [];
  let result: Awaited<ReturnType<typeof host.scan>>;

  beforeAll(async () => {
    await host.open(new Blob([sampleBytes()]), 'xinzhou-2022.xlsx');
    result = await host.scan((p) => progress.push(p));
  });

  test('scan reads every sheet, then recognises and checks', () => {
    expect(host.fileName()).toBe('xinzhou-2022.xlsx');
    const reads = progress.filter((p) => p.step === 'read' && p.sheet);
    expect(reads.map((p) => p.sheet)).toEqual(result.sheets);
    expect(reads.at(-1)).toMatchObject({ done: result.sheets.length, total: result.sheets.length });
    expect(progress.at(-1)?.step).toBe('check');
    expect(result.recognition.tables.length).toBeGreaterThanOrEqual(10);
    expect(result.findings.some((f) => f.rule === 'misaligned' && f.sheet === '表5')).toBe(true);
    expect(result.findings.some((f) => f.rule === 'subtotal' && f.sheet === '表3' && f.severity === 'error')).toBe(true);
  });

  test('preview shows the cells around a finding', () => {
    const f = result.findings.find((x) => x.sheet === '表3' && x.cell === 'D6')!;
    const w = host.preview(f.sheet, f.cell)!;
    expect(w.sheet).toBe('表3');
    expect(w.target).toEqual({ row: 5, col: 3 });
    expect(w.cols[0]).toBe(0);
    expect(w.cells[w.target.row - w.top][w.cols.indexOf(w.target.col)]).toBe('1410.07');
    expect(host.preview('no such sheet', 'A1')).toBeNull();
    expect(host.preview('表3', 'not a cell')).toBeNull();
  });

  test('the annotated copy carries fills and notes on the findings’ cells, info left alone', async () => {
    const { blob, name } = await host.annotatedCopy(result.findings, 'zh-CN');
    expect(name).toBe('xinzhou-2022-标注.xlsx');
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = await reread(blob);
    const d6 = wb.getWorksheet('表3')!.getCell('D6');
    expect((d6.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(d6.note && typeof d6.note === 'object' ? d6.note.texts?.map((t) => t.text).join('') : d6.note)).toContain('算盘 Suanpan');
    const info = result.findings.find((f) => f.severity === 'info' && !result.findings.some((g) => g !== f && g.sheet === f.sheet && g.cell === f.cell))!;
    const infoCell = wb.getWorksheet(info.sheet)!.getCell(info.cell);
    expect(infoCell.note).toBeUndefined();
    const en = await reread((await host.annotatedCopy(result.findings, 'en')).blob);
    const note = en.getWorksheet('表3')!.getCell('D6').note;
    expect(JSON.stringify(note)).toContain('[Error]');
  });

  test('a fix is written into later scans and copies, and undone without a trace', async () => {
    const mis = result.findings.find((f) => f.rule === 'misaligned')!;
    const list = corrections(mis)!;
    const fix = await host.applyFix(mis);
    expect(fix.cells).toBe(list.filter((c) => c.from !== c.to).length);
    const copy = await reread((await host.annotatedCopy([], 'zh-CN')).blob);
    for (const c of list) expect(String(copy.getWorksheet(mis.sheet)!.getCell(c.cell).value)).toBe(c.to);
    const rescanned = await host.scan();
    expect(rescanned.findings.some((f) => f.rule === 'misaligned' && f.sheet === mis.sheet)).toBe(false);

    await host.undoFix(fix.id);
    const back = await reread((await host.annotatedCopy([], 'zh-CN')).blob);
    for (const c of list) expect(String(back.getWorksheet(mis.sheet)!.getCell(c.cell).value)).toBe(c.from);
    await expect(host.undoFix(fix.id)).rejects.toThrow('no fix');
  });
});

describe('file host edges', () => {
  test('scan before a file is opened fails plainly', async () => {
    await expect(createFileHost().scan()).rejects.toThrow('no file is open');
  });

  test('files that are not .xlsx are refused with a reason', async () => {
    const host = createFileHost();
    await expect(host.open(new Blob([]), 'empty.xlsx')).rejects.toThrow('文件是空的');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(host.open(new Blob([ole]), 'old.xls')).rejects.toThrow('旧版 .xls');
    await expect(host.open(new Blob(['%PDF-1.7']), 'a.pdf')).rejects.toThrow('PDF');
    expect(host.fileName()).toBeNull();
  });

  test('a damaged zip is reported as damaged', async () => {
    const host = createFileHost();
    await host.open(new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])]), 'bad.xlsx');
    await expect(host.scan()).rejects.toThrow('文件已损坏');
  });

  test('openUrl fetches and names the file after the URL', async () => {
    const fetchFake = jest.fn(async () => new Response(sampleBytes(), { status: 200 }));
    const host = createFileHost({ fetch: fetchFake as unknown as typeof fetch });
    await host.openUrl('http://127.0.0.1:3000/samples/%E9%A2%84%E7%AE%97.xlsx');
    expect(host.fileName()).toBe('预算.xlsx');
    const missing = createFileHost({ fetch: (async () => new Response('no', { status: 404, statusText: 'Not Found' })) as unknown as typeof fetch });
    await expect(missing.openUrl('http://127.0.0.1:3000/samples/x.xlsx')).rejects.toThrow('404 Not Found');
  });

  test('sampleUrlFrom takes same-origin URLs only', () => {
    const origin = 'http://127.0.0.1:3000';
    expect(sampleUrlFrom('?sample=/samples/a.xlsx', origin)).toBe('http://127.0.0.1:3000/samples/a.xlsx');
    expect(sampleUrlFrom('?sample=http://127.0.0.1:3000/b.xlsx', origin)).toBe('http://127.0.0.1:3000/b.xlsx');
    expect(sampleUrlFrom('?sample=https://example.com/a.xlsx', origin)).toBeNull();
    expect(sampleUrlFrom('', origin)).toBeNull();
  });

  test('fileProblem accepts zips only', () => {
    expect(fileProblem(new Uint8Array([0x50, 0x4b, 0x03, 0x04]).buffer)).toBeUndefined();
    expect(fileProblem(new TextEncoder().encode('<html>').buffer as ArrayBuffer)).toContain('HTML');
    expect(fileProblem(new TextEncoder().encode('a,b,c').buffer as ArrayBuffer)).toContain('不是 .xlsx 文件');
  });
});

describe('cellWindow', () => {
  const sheet = buildSheet({
    name: 'S',
    rows: Array.from({ length: 20 }, (_, r) => Array.from({ length: 8 }, (_, c) => (c === 0 ? `r${r + 1}` : r * 10 + c))),
  });

  test('near the left edge: the first columns, the row centred', () => {
    const w = cellWindow(sheet, 'D10', 7, 4);
    expect([w.top, w.cols]).toEqual([6, [0, 1, 2, 3]]);
    expect(w.cells).toHaveLength(7);
    expect(w.cells[3]).toEqual(['r10', '91', '92', '93']);
  });

  test('further right: column A, then one column of context and the cell', () => {
    const w = cellWindow(sheet, 'F10', 7, 4);
    expect(w.cols).toEqual([0, 4, 5, 6]);
    expect(w.cells[3]).toEqual(['r10', '94', '95', '96']);
  });

  test('clamps at the sheet edges', () => {
    expect(cellWindow(sheet, 'A1', 7, 4)).toMatchObject({ top: 0, cols: [0, 1, 2, 3], target: { row: 0, col: 0 } });
    const end = cellWindow(sheet, 'H20', 7, 4);
    expect([end.top, end.cols]).toEqual([13, [0, 5, 6, 7]]);
    expect(end.cells[6]).toEqual(['r20', '195', '196', '197']);
  });

  test('a tiny sheet gives a tiny window', () => {
    const w = cellWindow(buildSheet({ name: 'T', rows: [['a']] }), 'A1');
    expect(w.cells).toEqual([['a']]);
  });
});

describe('review decisions in file mode', () => {
  test('a dismissal is kept across rescans and in the downloaded copy, with 审核意见表', async () => {
    const host = createFileHost();
    await host.open(new Blob([sampleBytes()]), 'xinzhou-2022.xlsx');
    const first = await host.scan();
    expect(first.review).toBeDefined();
    expect(first.review!.items.slice(0, first.findings.length).map((i) => i.finding)).toEqual(first.findings);
    const target = first.review!.items[0];
    await expect(host.decide(target.fingerprint, { decision: 'dismissed', reviewer: '张三' })).rejects.toThrow();
    const after = await host.decide(target.fingerprint, { decision: 'dismissed', reason: '口径不同', reviewer: '张三' });
    expect(after.items.find((i) => i.fingerprint === target.fingerprint)?.status).toBe('dismissed');
    expect(after.counts.dismissed).toBe(1);

    const again = await host.scan();
    expect(again.review!.items.find((i) => i.fingerprint === target.fingerprint)?.status).toBe('dismissed');

    const { blob, name } = await host.annotatedCopy(again.findings, 'zh-CN');
    const copy = await reread(blob);
    expect(copy.getWorksheet('审核意见表')).toBeDefined();
    expect(copy.getWorksheet('_suanpan_review')?.state).toBe('veryHidden');

    const reopened = createFileHost();
    await reopened.open(blob, name);
    const rescanned = await reopened.scan();
    expect(rescanned.sheets).not.toContain('审核意见表');
    expect(rescanned.findings.length).toBe(again.findings.length);
    const item = rescanned.review!.items.find((i) => i.fingerprint === target.fingerprint);
    expect(item?.status).toBe('dismissed');
    expect(item?.record?.reason).toBe('口径不同');

    // Taken back, the finding is open again.
    const undone = await reopened.decide(target.fingerprint, { decision: null, reviewer: '张三' });
    expect(undone.items.find((i) => i.fingerprint === target.fingerprint)?.status).not.toBe('dismissed');
  });
});

describe('adding sheets in file mode', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { publish } = require('../../src/core/publish') as typeof import('../../src/core/publish');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const w = require('./workbooks') as typeof import('./workbooks');

  const bytesOf = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  const textOf = (v: ExcelJS.CellValue): string =>
    v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : v && typeof v === 'object' && 'result' in v ? String(v.result) : String(v ?? '');

  test('the tables are added under free names, read by later scans and carried by the download', async () => {
    const host = createFileHost();
    await host.open(bytesOf(await w.buildXlsx()), '青禾县.xlsx');
    expect(await host.userName()).toBeNull();
    const first = await host.scan();
    expect(first.snapshot?.sheets.map((s) => s.name)).toEqual([w.LEDGER_SHEET, w.PROJECT_SHEET]);
    const built = publish(first.snapshot!, {});
    if (!built.ok) throw new Error(`the invented ledger should publish: ${built.message.en}`);

    const added = await host.addSheets(built.layouts);
    expect(added.names).toEqual(built.layouts.map((l) => l.name));
    // A layout named like a user's sheet (in any case) gets a free name; so does a second 表1.
    const again = await host.addSheets([
      { ...built.layouts[0], name: w.LEDGER_SHEET },
      built.layouts[0],
      { ...built.layouts[0], name: '表1' },
    ]);
    expect(again.names).toEqual([`${w.LEDGER_SHEET} (2)`, '表1 (2)', '表1 (3)']);
    await expect(host.addSheets([])).resolves.toEqual({ names: [] });
    // The preview knows the new sheets at once.
    expect(host.preview('表1', 'A1')?.cells.flat().join('')).toContain('收支总表');

    const { blob } = await host.annotatedCopy(first.findings, 'zh-CN');
    const copy = await reread(blob);
    // (The review sheets follow: every download carries them.)
    expect(copy.worksheets.map((s) => s.name)).toEqual([w.LEDGER_SHEET, w.PROJECT_SHEET, ...added.names, ...again.names, '审核意见表', '_suanpan_review']);
    // The user's sheet is as it was.
    expect(copy.getWorksheet(w.LEDGER_SHEET)!.getCell('C4').value).toBe(w.LEDGER_LINES[0][0]);
    // Values, merges and number formats as the layout says.
    for (const layout of built.layouts) {
      const ws = copy.getWorksheet(layout.name)!;
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      expect(merges.length).toBe(layout.merges.length);
      for (const c of layout.cells.filter((x) => x.value && x.value.kind !== 'error').slice(0, 60)) {
        const cell = ws.getCell(c.row + 1, c.col + 1);
        if (cell.isMerged && cell.master !== cell) continue;
        expect([layout.name, c.row, c.col, c.value!.kind === 'number' ? cell.value : textOf(cell.value)]).toEqual([layout.name, c.row, c.col, c.value!.value]);
      }
    }

    // Scanned again, the new tables are recognized on their sheets and pass every check.
    const rescanned = await host.scan();
    const tableSheets = new Set(rescanned.recognition.tables.map((t) => t.sheet));
    for (const name of added.names) expect(tableSheets.has(name)).toBe(true);
    expect(rescanned.findings.filter((f) => added.names.includes(f.sheet))).toEqual([]);

    // Another file starts clean.
    await host.open(bytesOf(await w.buildXlsx()), 'other.xlsx');
    const fresh = await reread((await host.annotatedCopy([], 'zh-CN')).blob);
    expect(fresh.worksheets.map((s) => s.name)).toEqual([w.LEDGER_SHEET, w.PROJECT_SHEET]);
  });

  test('sheets can be added before any scan', async () => {
    const host = createFileHost();
    await host.open(bytesOf(await w.buildXlsx()), 'a.xlsx');
    const names = await host.addSheets([{ name: '项目清单', cells: [{ row: 0, col: 0, value: { kind: 'text', value: 'x' } }], merges: [] }]);
    expect(names.names).toEqual(['项目清单 (2)']);
    const copy = await reread((await host.annotatedCopy([], 'zh-CN')).blob);
    expect(copy.getWorksheet('项目清单 (2)')!.getCell('A1').value).toBe('x');
  });
});

describe('the review sheet made on demand', () => {
  test('made twice, it is named 审核意见表 (2) the second time; scans leave both out', async () => {
    const host = createFileHost();
    await host.open(new Blob([sampleBytes()]), 'xinzhou-2022.xlsx');
    const first = await host.scan();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { reviewSheetLayout } = require('../../src/core/review') as typeof import('../../src/core/review');
    const layout = reviewSheetLayout(first.review!, { recognition: first.recognition });
    expect((await host.addSheets([layout])).names).toEqual(['审核意见表']);
    expect((await host.addSheets([layout])).names).toEqual(['审核意见表 (2)']);
    const again = await host.scan();
    expect(again.sheets).toEqual(first.sheets);
    expect(again.findings.length).toBe(first.findings.length);
  });
});

describe('comments in file mode', () => {
  test('a comment on a finding is kept across rescans, written into 审核意见表 and can be removed', async () => {
    const host = createFileHost();
    await host.open(new Blob([sampleBytes()]), 'xinzhou-2022.xlsx');
    const first = await host.scan();
    const target = first.review!.items[2];
    await expect(host.comment('no such finding', { text: 'x', reviewer: '张三' })).rejects.toThrow('no finding');
    await expect(host.comment(target.fingerprint, { text: '请核实', reviewer: ' ' })).rejects.toThrow();
    const after = await host.comment(target.fingerprint, { text: '请核实测算依据', reviewer: '张三' });
    expect(after.items.find((i) => i.fingerprint === target.fingerprint)?.comment).toMatchObject({ text: '请核实测算依据', reviewer: '张三' });
    const again = await host.scan();
    expect(again.review!.items.find((i) => i.fingerprint === target.fingerprint)?.comment?.text).toBe('请核实测算依据');

    const copy = await reread((await host.annotatedCopy(again.findings, 'zh-CN')).blob);
    const sheet = copy.getWorksheet('审核意见表')!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((s) => s.includes('请核实测算依据'))).toBe(true);

    const removed = await host.comment(target.fingerprint, { text: '', reviewer: '' });
    expect(removed.items.find((i) => i.fingerprint === target.fingerprint)?.comment).toBeUndefined();
  });
});

describe('comments on cells in file mode', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const w = require('./workbooks') as typeof import('./workbooks');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadReviewStore } = require('../../src/core/review') as typeof import('../../src/core/review');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readWorkbookBuffer } = require('../../src/xlsx/read') as typeof import('../../src/xlsx/read');
  const bytesOf = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

  test('kept across rescans and in the download (store and 审核意见表); replaced, removed; unknown sheets refused', async () => {
    const host = createFileHost();
    await host.open(bytesOf(await w.buildXlsx({ withLedger: false })), '青禾县.xlsx');
    await expect(host.commentCell(w.PROJECT_SHEET, 'B2', { text: 'x', reviewer: '张三' })).rejects.toThrow(/scan/);
    await host.scan();
    await expect(host.commentCell('没有这张表', 'B2', { text: 'x', reviewer: '张三' })).rejects.toThrow(/no sheet/);
    await expect(host.commentCell(w.PROJECT_SHEET, 'B', { text: 'x', reviewer: '张三' })).rejects.toThrow(/cell address/);
    await expect(host.commentCell(w.PROJECT_SHEET, 'B2', { text: 'x', reviewer: ' ' })).rejects.toThrow(/审核人|reviewer/);

    const one = await host.commentCell(w.PROJECT_SHEET, 'f3', { text: '金额与立项批复不一致', reviewer: '张三' });
    expect(one.cellComments).toEqual([{ sheet: w.PROJECT_SHEET, cell: 'F3', text: '金额与立项批复不一致', reviewer: '张三', at: expect.any(String) }]);
    await host.commentCell(w.PROJECT_SHEET, 'A4', { text: '项目名称请用全称', reviewer: '张三' });
    await host.commentCell(w.PROJECT_SHEET, 'F3', { text: '金额请按批复', reviewer: '李四' });
    const again = await host.scan();
    expect(again.review!.cellComments.map((c) => [c.cell, c.text, c.reviewer])).toEqual([
      ['F3', '金额请按批复', '李四'],
      ['A4', '项目名称请用全称', '张三'],
    ]);

    const { blob } = await host.annotatedCopy(again.findings, 'zh-CN');
    const bytes = Buffer.from(await blob.arrayBuffer());
    const back = await readWorkbookBuffer(bytes, 'copy.xlsx');
    expect(Object.values(loadReviewStore(back).store.cellComments).map((c) => `${c.sheet}!${c.cell} ${c.text}`)).toEqual([
      `${w.PROJECT_SHEET}!F3 金额请按批复`,
      `${w.PROJECT_SHEET}!A4 项目名称请用全称`,
    ]);
    const texts: string[] = [];
    (await reread(blob)).getWorksheet('审核意见表')!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(['金额请按批复', '项目名称请用全称']));

    // Reopened, the copy's comments are there; one is removed.
    await host.open(bytesOf(bytes), 'copy.xlsx');
    expect((await host.scan()).review!.cellComments).toHaveLength(2);
    const removed = await host.commentCell(w.PROJECT_SHEET, 'F3', { text: '  ', reviewer: '' });
    expect(removed.cellComments.map((c) => c.cell)).toEqual(['A4']);
  });
});

describe('forms in the user’s template (file mode)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const w = require('./workbooks') as typeof import('./workbooks');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = require('../../src/taskpane/generate/workbookBuild') as typeof import('../../src/taskpane/generate/workbookBuild');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const forms = require('../../src/core/forms') as typeof import('../../src/core/forms');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fillForms } = require('../../src/core/forms/fill') as typeof import('../../src/core/forms/fill');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { recognizeWorkbook } = require('../../src/core/recognize') as typeof import('../../src/core/recognize');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readWorkbookBuffer } = require('../../src/xlsx/read') as typeof import('../../src/xlsx/read');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { rightTemplate } = require('../core/forms/templates') as typeof import('../core/forms/templates');
  const bytesOf = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  const styleOf = (c: ExcelJS.Cell) => JSON.stringify({ font: c.font ?? {}, border: c.border ?? {}, fill: c.fill ?? {}, alignment: c.alignment ?? {} });

  test('one copy of the template per project, formatting kept, in later scans and in the download; parses back with only the to-dos', async () => {
    const host = createFileHost();
    await host.open(bytesOf(await w.buildTemplateXlsx(rightTemplate())), '青禾县模板.xlsx');
    const scan = await host.scan();
    const sources = build.findSources(scan.snapshot!, scan.recognition);
    expect(sources.template).toBe('模板');
    const extent = await host.sheetExtent('模板');
    expect(extent).toEqual({ rowCount: 15, colCount: 6 });
    await expect(host.sheetExtent('没有')).resolves.toBeNull();
    const built = build.buildTemplateForms(scan.snapshot!, scan.recognition, w.YEAR, '模板', extent);
    if (!built.ok) throw new Error('the template should be usable');

    const added = await host.fillTemplate('模板', built.plans, built.names);
    expect(added.names).toEqual(w.PROJECTS.map((p) => p[0]));
    // Again: the names are taken now, so the copies get free ones.
    const again = await host.fillTemplate('模板', built.plans.slice(0, 1), built.names.slice(0, 1));
    expect(again.names).toEqual([`${w.PROJECTS[0][0]} (2)`]);
    await expect(host.fillTemplate('没有这张表', built.plans, built.names)).rejects.toThrow(/no template sheet/);
    // The preview knows the copies at once.
    expect(host.preview(added.names[0], 'B2')?.cells.flat()).toContain(w.PROJECTS[0][0]);

    // (No findings painted: the empty template is itself checked as a form, and would be marked.)
    const { blob } = await host.annotatedCopy([], 'zh-CN');
    const copy = await reread(blob);
    expect(copy.worksheets.map((s) => s.name)).toEqual([w.PROJECT_SHEET, '模板', ...added.names, ...again.names, '审核意见表', '_suanpan_review']);
    const src = copy.getWorksheet('模板')!;
    built.plans.forEach((p, i) => {
      const ws = copy.getWorksheet(added.names[i])!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1, printArea: `A1:F${p.rowCount}` });
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      expect([...merges].sort()).toEqual(p.merges.filter((m) => m.bottom > m.top || m.right > m.left).map((m) => `${String.fromCharCode(65 + m.left)}${m.top + 1}:${String.fromCharCode(65 + m.right)}${m.bottom + 1}`).sort());
      for (let c = 1; c <= 6; c++) expect(ws.getColumn(c).width).toBe(src.getColumn(c).width);
      // Rows above the indicator block look (and are as tall) as the template's.
      const block = p.insert ? p.insert.after : p.rowCount;
      for (let r = 1; r <= block; r++) {
        expect([r, ws.getRow(r).height]).toEqual([r, src.getRow(r).height]);
        for (let c = 1; c <= 6; c++) expect([r, c, styleOf(ws.getCell(r, c))]).toEqual([r, c, styleOf(src.getCell(r, c))]);
      }
      // Inserted rows look like their model row.
      if (p.insert) for (let c = 1; c <= 6; c++) expect(styleOf(ws.getCell(p.insert.after + 2, c))).toBe(styleOf(src.getCell(p.insert.styleFrom + 1, c)));
    });

    // Read back by the engine: the projects' forms, nothing found but the to-dos.
    const back = await readWorkbookBuffer(Buffer.from(await blob.arrayBuffer()), 'copy.xlsx');
    const parsed = forms.parseForms(back, recognizeWorkbook(back)).filter((f) => added.names.includes(f.sheet));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readProjects } = require('../../src/core/forms/projects') as typeof import('../../src/core/forms/projects');
    const filled = fillForms(readProjects(back)!.projects, { year: w.YEAR });
    expect(parsed.map((f) => [f.header.name, f.funds.annual.total?.value.toNumber(), f.indicators.indicators.map((x) => x.name)])).toEqual(
      filled.map((f) => [f.name, f.annual.total.toNumber(), f.indicators.map((x) => x.name)]),
    );
    const findings = parsed.flatMap((f) => forms.checkForm(f));
    expect(findings.filter((f) => f.rule !== 'form-placeholder')).toEqual([]);
    expect(findings.length).toBe(filled.reduce((n, f) => n + f.todos, 0));

    // A later scan reads the copies: the to-dos are findings on them.
    const rescanned = await host.scan();
    const onCopies = rescanned.findings.filter((f) => added.names.includes(f.sheet));
    expect(new Set(onCopies.map((f) => f.rule))).toEqual(new Set(['form-placeholder']));
  });

  test('the extent counts a template’s empty bordered rows, which the scan cannot see', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildSheet } = require('../../src/core/workbook/sheet') as typeof import('../../src/core/workbook/sheet');
    const base = rightTemplate();
    const bare = buildSheet({ name: '表样', rows: base.rows.slice(0, 12).map((r) => (r ?? []).map((c) => (c ? c.value.value : null))), merges: base.merges.filter((m) => m.bottom < 11) });
    const host = createFileHost();
    await host.open(bytesOf(await w.buildTemplateXlsx(bare, { emptyRows: 6 })), 'bare.xlsx');
    const scan = await host.scan();
    expect(scan.snapshot!.sheets.find((s) => s.name === '表样')!.rowCount).toBe(12);
    const extent = await host.sheetExtent('表样');
    expect(extent).toEqual({ rowCount: 18, colCount: 6 });
    const built = build.buildTemplateForms(scan.snapshot!, scan.recognition, w.YEAR, '表样', extent);
    const without = build.buildTemplateForms(scan.snapshot!, scan.recognition, w.YEAR, '表样', null);
    if (!built.ok || !without.ok) throw new Error('usable');
    // With the extent the six empty rows take indicators before any row is inserted.
    expect((without.plans[0].insert?.count ?? 0) - (built.plans[0].insert?.count ?? 0)).toBe(6);
  });
});
