// The committed sample workbook, read from its .xlsx: what `suanpan inspect` reports must stay so.
import * as path from 'node:path';
import { recognizeWorkbook, type Recognition } from '../../../src/core/recognize';
import { readWorkbookFile } from '../../../src/xlsx';
import { a1, REPO_ROOT, roles, SAMPLE_KINDS } from './fixtures';

let rec: Recognition;

beforeAll(async () => {
  rec = recognizeWorkbook(await readWorkbookFile(path.join(REPO_ROOT, 'assets', 'samples', 'xinzhou-2022.xlsx')));
});

test('ten tables t1..t10 of the ten kinds, 27 forms, nothing unrecognized', () => {
  expect(rec.tables.map((t) => [t.id, t.kind, t.sheet])).toEqual(SAMPLE_KINDS.map((k, i) => [`t${i + 1}`, k, `表${i + 1}`]));
  expect(rec.tables.map((t) => a1(t.range))).toEqual([
    'A1:D35',
    'A1:G27',
    'A1:E27',
    'A1:F37',
    'A1:E27',
    'B2:D42',
    'A1:C6',
    'A1:E6',
    'A1:B10',
    'A1:B7',
  ]);
  expect(rec.forms).toHaveLength(27);
  expect(rec.forms.every((f) => f.sheet === '绩效目标表')).toBe(true);
  expect(rec.unrecognized).toEqual([]);
});

test('column roles as the contract names them', () => {
  expect(roles(rec.tables[0])).toEqual({ A: 'income-item', B: 'income-amount', C: 'expense-item', D: 'expense-amount' });
  expect(roles(rec.tables[3])).toEqual({ A: 'income-item', B: 'income-amount', C: 'expense-item', D: 'expense-amount', E: 'general-budget', F: 'fund' });
  expect(roles(rec.tables[2])).toEqual({ A: 'code', B: 'name', C: 'total', D: 'basic', E: 'project' });
  expect(roles(rec.tables[5])).toEqual({ B: 'name', C: 'amount', D: 'note' });
});

test("table 1's total row is inside its range", () => {
  const t1 = rec.tables[0];
  const totalRow = t1.rows.find((r) => r.isTotal)!.row;
  expect(totalRow).toBe(t1.range.bottom);
});
