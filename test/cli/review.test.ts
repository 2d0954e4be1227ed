// `suanpan check FILE --review-out OUT.xlsx` and `suanpan check DIR --report OUT.xlsx`, through main().
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { checkWorkbook } from '../../src/core/rules';
import { decide, loadReviewStore, mergeScan, recordScan, REVIEW_SHEET_NAME, REVIEW_STORE_SHEET, reviewEdits, withoutReviewSheets } from '../../src/core/review';
import { readWorkbookFile, writeSnapshotFile, writeWorkbookWithEdits } from '../../src/xlsx';
import { expenditureWorkbook, type Breaks } from '../core/review/helpers';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Column `col` (1-based) of a sheet from `from` down, as displayed values (link results, numbers). */
function column(ws: ExcelJS.Worksheet, col: number, from: number, to: number): unknown[] {
  const out: unknown[] = [];
  for (let r = from; r <= to; r++) {
    const c = ws.getCell(r, col);
    out.push(c.formula ? c.result : c.value);
  }
  return out;
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-cli-review-'))));
afterAll(() => {
  if (process.env.SUANPAN_KEEP) fs.cpSync(dir, process.env.SUANPAN_KEEP, { recursive: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('check FILE --review-out', () => {
  let bad: string;
  beforeAll(async () => {
    bad = path.join(dir, 'bad.xlsx');
    await writeSnapshotFile(expenditureWorkbook('bad', { subtotal: 1600 }), bad);
  });

  test('writes a copy with the 审核意见表 and the hidden store; the usual output and exit code stay', async () => {
    const out = path.join(dir, 'bad-review.xlsx');
    const plain = await run(['check', bad]);
    const r = await run(['check', bad, '--review-out', out, '--reviewer', '张三']);
    expect(r.code).toBe(1);
    expect(r.out).toBe(plain.out);
    expect(r.err).toContain(`已写出审核意见表：${out}`);
    const wb = await open(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['支出总表', 'visible'],
      [REVIEW_SHEET_NAME, 'visible'],
      [REVIEW_STORE_SHEET, 'veryHidden'],
    ]);
    const ws = wb.getWorksheet(REVIEW_SHEET_NAME)!;
    expect(String(ws.getCell('A2').value)).toMatch(/工作簿：bad\.xlsx.*识别到 1 张表.*审核人：张三/);
    expect(column(ws, 9, 5, 7)).toEqual(['待处理', '待处理', '待处理']);
    // The scan is recorded: the next one can tell what is new.
    const store = loadReviewStore(await readWorkbookFile(out)).store;
    expect(store.lastScan?.fingerprints).toHaveLength(3);
    expect(store.lastScan?.by).toBe('张三');
    // And checking the copy reports exactly what checking the original did.
    expect((await run(['check', out, '--json'])).out.replace(/bad-review/g, 'bad')).toBe((await run(['check', bad, '--json'])).out);
  });

  test('decisions made in the copy survive a row inserted above and show in the next review sheet', async () => {
    const first = path.join(dir, 'round1.xlsx');
    expect((await run(['check', bad, '--review-out', first])).code).toBe(1);
    // A reviewer (the pane, say) dismisses the 20103 subtotal and saves.
    const snap = await readWorkbookFile(first);
    const loaded = loadReviewStore(snap);
    const result = checkWorkbook(withoutReviewSheets(snap));
    const scan = mergeScan(loaded.store, result);
    const target = scan.items.find((i) => i.snapshot.rule === 'subtotal' && i.snapshot.rowLabel?.startsWith('20103'))!;
    const store = recordScan(decide(loaded.store, target, 'dismissed', { reviewer: '李四', reason: '跨年度项目，口径已核实', at: '2024-05-01T06:30:00Z' }), scan);
    const decided = path.join(dir, 'decided.xlsx');
    await writeWorkbookWithEdits({ path: first }, reviewEdits(store), decided);
    // The department inserts a row above the table and sends the file back.
    const wb = await open(decided);
    wb.getWorksheet('支出总表')!.spliceRows(1, 0, ['（修订稿）']);
    await wb.xlsx.writeFile(decided);

    const second = path.join(dir, 'round2.xlsx');
    expect((await run(['check', decided, '--review-out', second, '--lang', 'en'])).code).toBe(1);
    const ws = (await open(second)).getWorksheet(REVIEW_SHEET_NAME)!;
    const rows = [5, 6, 7].map((r) => column(ws, 1, r, r).concat(column(ws, 3, r, r), column(ws, 9, r, r), column(ws, 10, r, r), column(ws, 11, r, r), column(ws, 13, r, r)));
    expect(rows).toContainEqual([3, '20103 政府办公厅（室）及相关机构事务', 'dismissed', '跨年度项目，口径已核实', '李四', '支出总表!C7']);
    expect(rows.filter((r) => r[2] === 'open')).toHaveLength(2);
  });

  test('bad usage exits 2', async () => {
    expect((await run(['check', bad, '--review-out', bad])).code).toBe(2);
    expect((await run(['check', bad, '--report', path.join(dir, 'r.xlsx')])).code).toBe(2);
    expect((await run(['check', dir, '--review-out', path.join(dir, 'r.xlsx')])).code).toBe(2);
    const r = await run(['check', bad, '--review-out', path.join(dir, 'x.xlsx'), '--reviewer']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--reviewer needs a name');
    expect((await run(['check', bad, '--review-out'])).err).toContain('--review-out needs a file name');
    expect(fs.existsSync(path.join(dir, 'r.xlsx'))).toBe(false);
  });
});

describe('check DIR --report', () => {
  const N = 20;
  const variant = (i: number): Breaks => [{}, { subtotal: 1600 }, { totalBasic: 1700 }, { subtotal: 1650, totalBasic: 1750 }][i % 4];
  const name = (i: number) => `${i < 10 ? '一处' : '二处'}/部门${String(i + 1).padStart(2, '0')}.xlsx`;
  let batch: string;
  let report: string;
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    batch = path.join(dir, 'batch');
    for (let i = 0; i < N; i++) {
      const file = path.join(batch, name(i));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await writeSnapshotFile(expenditureWorkbook(name(i), variant(i)), file);
    }
    fs.writeFileSync(path.join(batch, '损坏的文件.xlsx'), 'not a workbook');
    fs.mkdirSync(path.join(dir, 'reports'));
    report = path.join(dir, 'reports', '审核汇总.xlsx');
    result = await run(['check', batch, '--report', report, '--reviewer', '张三']);
  });

  test('a summary sheet with one row per workbook and the right counts, then one sheet per workbook', async () => {
    expect(result.code).toBe(2); // one file unreadable: the worst of all
    expect(result.err).toContain(`已写出 ${N + 1} 个工作簿的审核汇总：${report}`);
    const wb = await open(report);
    expect(wb.worksheets).toHaveLength(N + 1);
    const summary = wb.worksheets[0];
    expect(summary.name).toBe('汇总');
    const files = [...Array.from({ length: N }, (_, i) => name(i)), '损坏的文件.xlsx'].sort();
    expect(column(summary, 2, 5, 5 + N)).toEqual(files);
    let errors = 0;
    for (let k = 0; k < files.length; k++) {
      const row = summary.getRow(5 + k);
      const cells = column(summary, 3, 5 + k, 5 + k).concat(...[4, 5, 6, 7, 8, 9].map((c) => column(summary, c, 5 + k, 5 + k)));
      if (files[k] === '损坏的文件.xlsx') {
        expect(String(row.getCell(9).value)).toMatch(/^无法读取/);
        continue;
      }
      const snap = await readWorkbookFile(path.join(batch, files[k]));
      const found = checkWorkbook(snap).findings;
      const n = (s: string) => found.filter((f) => f.severity === s).length;
      errors += n('error');
      expect(cells).toEqual([1, 0, n('error'), n('warning'), n('info'), found.length, expect.any(String)]);
      const i = Number(/部门(\d+)/.exec(files[k])![1]) - 1;
      if (i % 4 === 0) expect(cells.slice(2, 6)).toEqual([0, 0, 0, 0]);
      else expect(n('error')).toBeGreaterThan(0);
      expect(cells[6]).toBe(found.length ? `${found[0].sheet}!${found[0].cell}  ${found[0].message.zh}` : '未发现问题');
      // Its own sheet, linked from the summary, linking back into the department's file.
      const link = row.getCell(10);
      const sheetName = link.result as string;
      expect(link.formula).toBe(`HYPERLINK("#'${sheetName}'!A1","${sheetName}")`);
      const detail = wb.getWorksheet(sheetName)!;
      expect(String(detail.getCell('A2').value)).toContain(`工作簿：${files[k]}`);
      expect(column(detail, 2, 5, 4 + found.length).length).toBe(found.length);
      if (found.length) expect(detail.getCell('M5').formula).toBe(`HYPERLINK("../batch/${files[k]}#'支出总表'!${found[0].cell}","支出总表!${found[0].cell}")`);
    }
    expect(column(summary, 2, 6 + N, 6 + N)).toEqual(['合计']);
    expect(column(summary, 5, 6 + N, 6 + N)).toEqual([errors]);
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '4:4' });
  });

  const soffice = spawnSync('sh', ['-c', 'command -v soffice && command -v pdftotext && command -v pdftoppm']).status === 0;
  (soffice ? test : test.skip)(
    'LibreOffice prints the report: the workbook names are in the PDF',
    () => {
      const pdfDir = path.join(dir, 'pdf');
      execFileSync('soffice', ['--headless', '--norestore', '-env:UserInstallation=file:///tmp/lo-rev', '--convert-to', 'pdf', '--outdir', pdfDir, report], { stdio: 'ignore', timeout: 180_000 });
      const pdf = path.join(pdfDir, '审核汇总.pdf');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
      for (let i = 0; i < N; i++) expect(text).toContain(`部门${String(i + 1).padStart(2, '0')}`);
      expect(text).toContain('部门预算审核汇总');
      expect(text).toContain('审核意见表');
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, path.join(pdfDir, 'page')]);
      expect(fs.readdirSync(pdfDir).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
    },
    240_000,
  );
});
