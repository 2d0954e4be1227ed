// Hand-made findings, recognition and fake hosts for the pane's unit tests.
import type { Finding } from '../../src/core/findings';
import type { RecognizedTable, Recognition } from '../../src/core/recognize/model';
import type { AppliedFix, CellWindow, ExcelPaneHost, FilePaneHost, ScanResult } from '../../src/taskpane/host';

export function table(id: string, sheet: string, kind: RecognizedTable['kind']): RecognizedTable {
  return {
    id,
    kind,
    title: `${sheet} title`,
    sheet,
    range: { top: 0, left: 0, bottom: 30, right: 6 },
    unit: '万元',
    unitFrom: 'unit-line',
    headerRows: { first: 2, last: 3 },
    columns: [],
    rows: [],
    twoSided: false,
    notes: [],
  };
}

export function finding(p: Partial<Finding> & Pick<Finding, 'rule' | 'severity' | 'sheet' | 'cell'>): Finding {
  return {
    range: p.cell,
    message: { zh: `${p.sheet} ${p.cell} 消息`, en: `${p.sheet} ${p.cell} message` },
    related: [],
    ...p,
  };
}

export const RECOGNITION: Recognition = {
  tables: [table('t3', '表3', 'expenditure'), table('t5', '表5', 'general-expenditure'), table('t6', '表6', 'basic-economic')],
  forms: [{ id: 'f1', sheet: '绩效目标表', range: { top: 0, left: 0, bottom: 20, right: 5 }, name: '平台技术服务费' }],
  unrecognized: [],
};

export const MISALIGNED: Finding = finding({
  rule: 'misaligned',
  severity: 'error',
  sheet: '表5',
  cell: 'A12',
  range: 'A12:A14',
  table: 't5',
  message: {
    zh: '表5《一般公共预算支出表》 科目编码与名称错位（自「2080505 社会保障和就业支出」起共 3 行）：每个编码应下移 2 行。',
    en: '表5 (General public budget expenditure) codes and names are misaligned from row 12: each code belongs 2 rows lower.',
  },
  expected: '208 20805 2080505',
  actual: '2080505 210 21011',
  details: {
    offset: 2,
    corrected: [
      { cell: 'A12', name: '社会保障和就业支出', from: '2080505', to: '208' },
      { cell: 'A13', name: '行政事业单位养老支出', from: '210', to: '20805' },
      { cell: 'A14', name: '机关事业单位基本养老保险缴费支出', from: '21011', to: '2080505' },
    ],
  },
});

export const FINDINGS: Finding[] = [
  finding({
    rule: 'column-total',
    severity: 'error',
    sheet: '表3',
    cell: 'D6',
    table: 't3',
    message: { zh: '表3《支出总表》 合计 · 基本支出：1410.07 ≠ 各项之和 4410.09', en: '表3 (Expenditure summary) 合计 · 基本支出: 1410.07 ≠ sum 4410.09' },
    expected: '4410.09',
    actual: '1410.07',
  }),
  finding({ rule: 'subtotal', severity: 'error', sheet: '表3', cell: 'D7', table: 't3', expected: '1129.86', actual: '空白' }),
  MISALIGNED,
  finding({ rule: 'truncated', severity: 'warning', sheet: '表6', cell: 'C6', table: 't6' }),
  finding({ rule: 'form-cost', severity: 'warning', sheet: '绩效目标表', cell: 'B5', form: 'f1' }),
  finding({ rule: 'rounding', severity: 'info', sheet: '表3', cell: 'C6', table: 't3' }),
  finding({ rule: 'rounding', severity: 'info', sheet: '表5', cell: 'C6', table: 't5' }),
  finding({ rule: 'cross-table', severity: 'error', sheet: '其他', cell: 'A1' }),
];

export const RESULT: ScanResult = {
  sheets: ['表1', '表3', '表5', '表6', '绩效目标表'],
  recognition: RECOGNITION,
  findings: FINDINGS,
};

export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

export function fakeExcelHost(result: ScanResult = RESULT): ExcelPaneHost & { [K in 'scan' | 'select' | 'paint' | 'clear' | 'applyFix' | 'undoFix']: jest.Mock } {
  return {
    mode: 'excel',
    scan: jest.fn(async (onProgress?: (p: { step: 'read'; done: number; total: number; sheet?: string }) => void) => {
      onProgress?.({ step: 'read', done: 1, total: 2, sheet: '表1' });
      return result;
    }),
    select: jest.fn(async () => {}),
    paint: jest.fn(async () => {}),
    clear: jest.fn(async () => {}),
    applyFix: jest.fn(async (): Promise<AppliedFix> => ({ id: 'fix-1', cells: 3 })),
    undoFix: jest.fn(async () => {}),
  };
}

export const WINDOW: CellWindow = {
  sheet: '表3',
  top: 3,
  cols: [0, 3, 4, 5],
  cells: [
    ['合计', '6442.05', '1410.07', '5031.98'],
    ['201', '3149.98', '', ''],
  ],
  target: { row: 3, col: 4 },
};

export function fakeFileHost(result: ScanResult = RESULT): FilePaneHost & { [K in 'scan' | 'select' | 'open' | 'openUrl' | 'preview' | 'annotatedCopy' | 'applyFix' | 'undoFix' | 'decide']: jest.Mock } {
  let name: string | null = null;
  return {
    mode: 'file',
    fileName: () => name,
    open: jest.fn(async (_data: unknown, n: string) => {
      name = n;
    }),
    openUrl: jest.fn(async (url: string) => {
      name = url.split('/').pop() ?? url;
    }),
    scan: jest.fn(async () => result),
    select: jest.fn(async () => {}),
    preview: jest.fn(() => WINDOW),
    annotatedCopy: jest.fn(async () => ({ blob: new Blob(['x']), name: 'book-标注.xlsx' })),
    applyFix: jest.fn(async (): Promise<AppliedFix> => ({ id: 'fix-1', cells: 3 })),
    undoFix: jest.fn(async () => {}),
    decide: jest.fn(async () => {
      throw new Error('no review in this fake');
    }),
  };
}
