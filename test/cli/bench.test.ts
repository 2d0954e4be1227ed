// The bench generator at a tiny size: ten consistent tables, recognized as such, no error findings.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BENCH_SHEETS, generateBenchWorkbook, measureFile, medianRun, parseArgs, planTable, report, rowsPerTable, type Measurement } from '../../src/cli/bench';
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

test('--repeat takes a count; the median run is the middle total', () => {
  expect(parseArgs(['--repeat', '3']).repeat).toBe(3);
  expect(parseArgs([]).repeat).toBe(1);
  expect(() => parseArgs(['--repeat', '0'])).toThrow();
  expect(() => parseArgs(['--repeat=x'])).toThrow();
  const run = (parseMs: number, checkMs: number) => ({ parseMs, recognizeMs: 10, checkMs }) as unknown as Measurement;
  const runs = [run(500, 900), run(100, 50), run(300, 100)];
  expect(medianRun(runs)).toBe(runs[2]);
  expect(medianRun([runs[0], runs[1]])).toBe(runs[1]);
});

test('the report gives check/parse and (recognize + check)/parse against the issue #3 target', () => {
  const m = (size: number, parseMs: number, recognizeMs: number, checkMs: number): { size: number; genMs: number; m: Measurement } => ({
    size,
    genMs: 1,
    m: {
      file: 'x.xlsx',
      bytes: 1,
      parseMs,
      recognizeMs,
      checkMs,
      cpuMs: { parse: parseMs, recognize: recognizeMs, check: checkMs },
      tables: BENCH_SHEETS,
      tableRows: size,
      findings: { error: 0, warning: 0, info: 0 },
      errorRules: {},
      byRule: {},
      rssMiB: { parse: 1, recognize: 1, check: 1, peak: 1 },
    },
  });
  const text = report([m(10000, 1000, 100, 200), m(100000, 5000, 1000, 1500)]);
  expect(text).toContain('check ≤ 0.5 × parse on 100k rows: 0.300 × parse (CPU time 0.300×) — met (recognize + check: 0.500 × parse)');
  expect(text).toContain('10× rows ≤ 12× time (10k → 100k total): 5.77× — met');
  expect(report([m(100000, 1000, 100, 600)])).toContain('0.600 × parse (CPU time 0.600×) — NOT met');
});
