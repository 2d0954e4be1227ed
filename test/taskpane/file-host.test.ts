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
