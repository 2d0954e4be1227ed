// The bench generator at a tiny size: ten consistent tables, recognized as such, no error findings.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BENCH_SHEETS, generateBenchWorkbook, measureFile, parseArgs, planTable, rowsPerTable } from '../../src/cli/bench';
import { checkWorkbook } from '../../src/core/rules';
import { readWorkbookFile } from '../../src/xlsx';

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-bench-test-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('rows are spread over ten tables; every parent is the sum of its children', () => {
  expect(rowsPerTable(205)).toEqual([21, 21, 21, 21, 21, 20, 20, 20, 20, 20]);
  const plan = planTable(59, 7);
  expect(plan).toHaveLength(59);
  expect(new Set(plan.map((r) => r.code)).size).toBe(plan.length);
  for (const r of plan) {
    expect(r.code).toHaveLength(2 * r.level + 1);
    if (r.level === 3) continue;
    const kids = plan.filter((k) => k.level === r.level + 1 && k.code.startsWith(r.code));
    expect(kids.length).toBeGreaterThan(0);
    expect(kids.reduce((s, k) => s + k.basic, 0)).toBe(r.basic);
    expect(kids.reduce((s, k) => s + k.project, 0)).toBe(r.project);
  }
});

test('--sizes overrides the sizes', () => {
  expect(parseArgs(['--sizes', '1000,10k']).sizes).toEqual([1000, 10000]);
  expect(() => parseArgs(['--sizes', '10'])).toThrow();
});

test('a tiny bench workbook: ten tables recognized, zero error findings', async () => {
  const file = path.join(tmp, 'bench-200.xlsx');
  await generateBenchWorkbook(file, 200);
  const snapshot = await readWorkbookFile(file);
  const { recognition, findings } = checkWorkbook(snapshot);
  expect(recognition.tables).toHaveLength(BENCH_SHEETS);
  expect(recognition.tables.map((t) => t.rows.length)).toEqual(Array(BENCH_SHEETS).fill(20));
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);

  const m = await measureFile(file);
  expect(m.tables).toBe(BENCH_SHEETS);
  expect(m.findings.error).toBe(0);
  expect(m.parseMs).toBeGreaterThan(0);
});
