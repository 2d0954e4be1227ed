// 机关运行经费 and similar tables list a department and then its units. When the first row's name
// comes back below it (the department's own 本级 unit is named like the department), the first row
// is the department's subtotal of the units below, not one more unit: 合计 = it, and it = Σ units.
import { normalizeName } from '../classification';
import type { TableRow } from '../recognize';
import type { CheckContext } from './context';
import type { Rule } from './rule';

const UNIT_KINDS = new Set(['operating-costs']);

export const unitsRule: Rule = {
  id: 'units',
  run(ctx: CheckContext) {
    for (const t of ctx.tables) {
      if (!UNIT_KINDS.has(t.table.kind)) continue;
      const data = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.isTotal && r.name && r.parent === undefined);
      if (data.length < 2) continue;
      const head = normalizeName(data[0].r.name);
      const units = data.slice(1);
      const repeats = units.some(({ r }) => {
        const n = normalizeName(r.name);
        return n === head || n === `${head}本级` || n === `${head}(本级)`;
      });
      if (!repeats) continue;
      const under = new Set(units.map((u) => u.i));
      const rows: TableRow[] = t.rows.map((r, i) =>
        i === data[0].i ? { ...r, level: 1 } : under.has(i) ? { ...r, level: 2, parent: data[0].i } : r,
      );
      t.setRows(rows);
    }
    return [];
  },
};
