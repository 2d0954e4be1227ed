import { a1, pastedSheet, recognize, tableLines } from '../fixtures';
test('x', () => {
  const rows = tableLines(10).map((l, i) => `${l}\t\t${tableLines(9)[i] ?? ''}`);
  const rec = recognize(pastedSheet('报表', rows));
  console.log(JSON.stringify(rec.unrecognized), rec.tables.map(t=>[t.kind,a1(t.range)]));
});
