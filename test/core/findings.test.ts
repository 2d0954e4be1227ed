import { sortFindings, type Finding } from '../../src/core/findings';

const f = (severity: Finding['severity'], sheet: string, cell: string, rule: Finding['rule'] = 'subtotal'): Finding => ({
  rule,
  severity,
  sheet,
  cell,
  range: cell,
  message: { zh: '', en: '' },
  related: [],
});

test('most severe first, then sheet order, row, column (AA after Z), then rule', () => {
  const input = [
    f('info', '表1', 'A1', 'rounding'),
    f('warning', '表2', 'B3'),
    f('error', '表2', 'A9'),
    f('error', '表1', 'AA5'),
    f('error', '表1', 'Z5'),
    f('error', '表1', 'C10'),
    f('error', '表1', 'C2', 'row-total'),
    f('error', '表1', 'C2', 'column-total'),
  ];
  const sorted = sortFindings(input, ['表1', '表2']).map((x) => `${x.severity} ${x.sheet}!${x.cell} ${x.rule}`);
  expect(sorted).toEqual([
    'error 表1!C2 column-total',
    'error 表1!C2 row-total',
    'error 表1!Z5 subtotal',
    'error 表1!AA5 subtotal',
    'error 表1!C10 subtotal',
    'error 表2!A9 subtotal',
    'warning 表2!B3 subtotal',
    'info 表1!A1 rounding',
  ]);
  expect(input[0].rule).toBe('rounding'); // the input is left as it was
});
