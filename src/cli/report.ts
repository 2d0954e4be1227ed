// The JSON document of `inspect --json` / `check --json` (shape fixed by docs/cli-contract.md).
import { colToLetters, rangeAddress } from '../core/workbook/address';
import type { Recognition, RecognizedTable } from '../core/recognize';

export interface JsonColumn {
  col: string;
  role: string;
  period: string;
  header: string;
  side?: string;
}

export interface JsonTable {
  id: string;
  kind: string;
  title: string;
  sheet: string;
  range: string;
  unit: string;
  columns: JsonColumn[];
  year?: number;
  rows: number;
}

export function tableJson(t: RecognizedTable): JsonTable {
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    sheet: t.sheet,
    range: rangeAddress(t.range),
    unit: t.unit,
    columns: t.columns.map((c) => ({
      col: colToLetters(c.col),
      role: c.role,
      period: c.period,
      header: c.header,
      ...(c.side ? { side: c.side } : {}),
    })),
    ...(t.year !== undefined ? { year: t.year } : {}),
    rows: t.rows.length,
  };
}

export function recognitionJson(workbook: string, rec: Recognition) {
  return {
    workbook,
    tables: rec.tables.map(tableJson),
    forms: rec.forms.map((f) => ({ id: f.id, sheet: f.sheet, range: rangeAddress(f.range), name: f.name })),
    unrecognized: rec.unrecognized.map((u) => ({ sheet: u.sheet, range: rangeAddress(u.range), reason: u.reason, text: u.firstText })),
    findings: [] as unknown[],
  };
}
