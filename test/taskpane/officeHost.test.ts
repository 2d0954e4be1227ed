// createExcelHost against a hand-made Excel.run fake: what it loads, how many syncs, what it returns.

import { createExcelHost, type WorkbookOutline } from '../../src/taskpane/officeHost';

interface FakeSheet {
  name: string;
  used: string | null;
}

function installFakeExcel(sheets: FakeSheet[]) {
  const calls = { runs: 0, syncs: 0, loads: [] as string[] };
  const items = sheets.map((s) => ({
    name: s.name,
    getUsedRangeOrNullObject(valuesOnly?: boolean) {
      expect(valuesOnly).toBe(true);
      const range = { isNullObject: s.used === null, address: s.used ?? '', load: (p: string) => (calls.loads.push(`range:${p}`), range) };
      return range;
    },
  }));
  const context = {
    workbook: { worksheets: { items, load: (p: string) => calls.loads.push(`worksheets:${p}`) } },
    sync: async () => {
      calls.syncs++;
    },
  };
  (globalThis as Record<string, unknown>).Excel = {
    run: async <T>(fn: (ctx: typeof context) => Promise<T>) => {
      calls.runs++;
      return fn(context);
    },
  };
  return calls;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

test('reads sheet names and used ranges in one Excel.run and two syncs', async () => {
  const calls = installFakeExcel([
    { name: '收支总表', used: "'收支总表'!A1:H40" },
    { name: '空表', used: null },
  ]);
  const outline = (await createExcelHost().scan()) as WorkbookOutline;
  expect(outline).toEqual({
    sheets: [
      { name: '收支总表', usedRange: "'收支总表'!A1:H40" },
      { name: '空表', usedRange: null },
    ],
  });
  expect(calls.runs).toBe(1);
  expect(calls.syncs).toBe(2);
  expect(calls.loads).toEqual(['worksheets:items/name', 'range:address', 'range:address']);
});

test('an Excel error reaches the caller', async () => {
  (globalThis as Record<string, unknown>).Excel = { run: () => Promise.reject(new Error('GeneralException')) };
  await expect(createExcelHost().scan()).rejects.toThrow('GeneralException');
});
