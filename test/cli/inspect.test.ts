// `suanpan inspect` on the sample and on bad input, run in-process through main().
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'samples', 'xinzhou-2022.xlsx');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const FORM_NAMES = fs
  .readFileSync(path.join(__dirname, '..', '..', 'assets', 'samples', 'source', 'forms.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.split('\t').some((c) => c.trim() === '项目名称'))
  .map((l) => l.split('\t').map((c) => c.trim()).filter(Boolean)[1]);

describe('inspect on the sample workbook', () => {
  let doc: any;
  beforeAll(async () => {
    const r = await run(['inspect', SAMPLE, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    doc = JSON.parse(r.out);
  });

  test('lists the ten tables with kind, sheet, range and unit', () => {
    const got = doc.tables.map((t: any) => [t.id, t.kind, t.sheet, t.range, t.unit]);
    expect(got).toEqual([
      ['t1', 'summary', '表1', 'A1:D35', '万元'],
      ['t2', 'income', '表2', 'A1:G27', '万元'],
      ['t3', 'expenditure', '表3', 'A1:E27', '万元'],
      ['t4', 'fiscal-summary', '表4', 'A1:F37', '万元'],
      ['t5', 'general-expenditure', '表5', 'A1:E27', '万元'],
      ['t6', 'basic-economic', '表6', 'B2:D42', '万元'],
      ['t7', 'fund-income', '表7', 'A1:C6', '万元'],
      ['t8', 'fund-expenditure', '表8', 'A1:E6', '万元'],
      ['t9', 'three-public', '表9', 'A1:B10', '万元'],
      ['t10', 'operating-costs', '表10', 'A1:B7', '万元'],
    ]);
  });

  test('names every column role', () => {
    const roles = Object.fromEntries(doc.tables.map((t: any) => [t.id, t.columns.map((c: any) => `${c.col}:${c.role}`).join(' ')]));
    expect(roles).toEqual({
      t1: 'A:income-item B:income-amount C:expense-item D:expense-amount',
      t2: 'A:code B:name C:total D:general-budget E:fund F:special-account G:unit-funds',
      t3: 'A:code B:name C:total D:basic E:project',
      t4: 'A:income-item B:income-amount C:expense-item D:expense-amount E:general-budget F:fund',
      t5: 'A:code B:name C:total D:basic E:project',
      t6: 'B:name C:amount D:note',
      t7: 'A:code B:name C:amount',
      t8: 'A:code B:name C:total D:basic E:project',
      t9: 'A:name B:amount',
      t10: 'A:name B:amount',
    });
  });

  test('lists all 27 forms by name, in order, on the forms sheet', () => {
    expect(FORM_NAMES).toHaveLength(27);
    expect(doc.forms).toHaveLength(27);
    expect(doc.forms.map((f: any) => f.name)).toEqual(FORM_NAMES);
    expect(new Set(doc.forms.map((f: any) => f.sheet))).toEqual(new Set(['绩效目标表']));
    expect(doc.forms[0]).toMatchObject({ id: 'f1', range: 'A1:F32', name: '“互联网+政务服务”平台技术服务费' });
  });

  test('human output names the tables in Chinese', async () => {
    const r = await run(['inspect', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('识别到 10 张表、27 张绩效目标表');
    expect(r.out).toContain('财政拨款收支总表');
  });
});

describe('bad input exits 2 with one line naming the file, and writes nothing', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-bad-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function expectRejected(file: string, reason: RegExp) {
    const before = fs.readdirSync(dir).sort();
    const r = await run(['inspect', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path.basename(file));
    expect(lines[0]).toMatch(reason);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  }

  test('not an xlsx (a text file)', async () => {
    const f = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(f, '项目\t金额\n一般公共预算\t100\n');
    await expectRejected(f, /xlsx/i);
  });

  test('a legacy .xls', async () => {
    const f = path.join(dir, 'old.xls');
    const buf = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
    fs.writeFileSync(f, buf);
    await expectRejected(f, /xls/i);
  });

  test('a password-protected workbook', async () => {
    const f = path.join(dir, 'locked.xlsx');
    const buf = Buffer.alloc(8192);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
    Buffer.from('EncryptedPackage', 'utf16le').copy(buf, 2048);
    Buffer.from('EncryptionInfo', 'utf16le').copy(buf, 2200);
    fs.writeFileSync(f, buf);
    await expectRejected(f, /密码|password|encrypt/i);
  });

  test('a workbook with no sheets', async () => {
    const f = path.join(dir, 'nosheets.xlsx');
    await new ExcelJS.Workbook().xlsx.writeFile(f);
    await expectRejected(f, /sheet|工作表/i);
  });

  test('a workbook with only empty sheets', async () => {
    const f = path.join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    wb.addWorksheet('Sheet2');
    await wb.xlsx.writeFile(f);
    await expectRejected(f, /empty|没有|no data/i);
  });

  test('a missing file', async () => {
    await expectRejected(path.join(dir, 'nowhere.xlsx'), /./);
  });

  test('bad usage exits 2', async () => {
    expect((await run(['inspect'])).code).toBe(2);
    expect((await run(['frobnicate', 'x.xlsx'])).code).toBe(2);
    expect((await run(['check', SAMPLE, '--lang', 'fr'])).code).toBe(2);
  });
});
