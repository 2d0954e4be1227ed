// The witnesses of a check are built once and shared, and built again once a rule has changed a
// coded table's rows (as misaligned does when it corrects a block).
import { normalizeName } from '../../../src/core/classification';
import { recognizeWorkbook } from '../../../src/core/recognize';
import { makeContext } from '../../../src/core/rules/context';
import { buildWitnesses, CODED_KINDS, witnessesOf } from '../../../src/core/rules/witnesses';
import { makeBudget } from './fixtures';

function context() {
  const wb = makeBudget().workbook();
  return makeContext(wb, recognizeWorkbook(wb));
}

test('shared while the rows stay; rebuilt with the new codes after setRows', () => {
  const ctx = context();
  const w = witnessesOf(ctx);
  expect(witnessesOf(ctx)).toBe(w);

  const coded = ctx.tables.filter((t) => CODED_KINDS.has(t.table.kind));
  const t = coded.find((x) => x.rows.some((r) => r.code === '2010301'))!;
  const other = coded.find((x) => x !== t && x.rows.some((r) => r.code === '2010301'));
  expect(w.printed('2010301').some((p) => p.t === t)).toBe(true);

  // A table whose 2010301 row now prints a code no table has.
  t.setRows(t.rows.map((r) => (r.code === '2010301' ? { ...r, code: '2999901' } : r)));
  const after = witnessesOf(ctx);
  expect(after).not.toBe(w);
  expect(after.printed('2999901').map((p) => p.t)).toEqual([t]);
  expect(after.printed('2010301').some((p) => p.t === t)).toBe(false);
  if (other) expect(after.printed('2010301').some((p) => p.t === other)).toBe(true);

  // A table that is not coded changes nothing.
  const plain = ctx.tables.find((x) => !CODED_KINDS.has(x.table.kind))!;
  plain.setRows([...plain.rows]);
  expect(witnessesOf(ctx)).toBe(after);
});

test('knows(code, name) is namesOf(code).has(name); norm is normalizeName', () => {
  const ctx = context();
  const w = buildWitnesses(ctx);
  for (const t of ctx.tables.filter((x) => CODED_KINDS.has(x.table.kind))) {
    const names = t.rows.map((r) => w.norm(r.name));
    for (const r of t.rows) {
      if (!r.code) continue;
      const known = w.namesOf(r.code, t);
      for (const n of [...names, '行政运行', 'nothing']) expect(w.knows(r.code, n, t)).toBe(known.has(n));
    }
    for (const r of t.rows) expect(w.norm(r.name)).toBe(normalizeName(r.name));
  }
  expect(w.entry('2010301')?.name).toBe('行政运行');
  expect(w.entry('2999999')).toBeUndefined();
});

test('at(t, i) is the code of that row; printedOnlyAs holds exactly when every printing has that name', () => {
  const b = makeBudget();
  b.set('general|2010301|name', '行政运营'); // one table prints 2010301 under another name
  const wb = b.workbook();
  const ctx = makeContext(wb, recognizeWorkbook(wb));
  const w = witnessesOf(ctx);
  let mixed = 0;
  for (const t of ctx.tables.filter((x) => CODED_KINDS.has(x.table.kind)))
    t.rows.forEach((r, i) => {
      const c = w.at(t, i);
      expect(c?.code).toBe(r.code || undefined);
      if (!c) return;
      const n = w.norm(r.name);
      const only = c.printed.every((p) => p.norm === n);
      expect(c.printedOnlyAs(n)).toBe(only);
      if (!only) mixed++;
    });
  expect(mixed).toBeGreaterThan(0);
});
