// The checks, in the order they must run: amounts first (cut figures), then misalignment and units
// (which correct the hierarchy), then codes, then every sum.
import { sortFindings, type Finding } from '../findings';
import { recognizeWorkbook, type Recognition } from '../recognize';
import type { WorkbookSnapshot } from '../workbook/types';
import { formsRule } from '../forms/rules';
import { amountsRule } from './amounts';
import { balanceRule } from './balance';
import { basicScopeRule } from './basic-scope';
import { codesRule } from './codes';
import { columnTotalRule } from './column-total';
import { makeContext } from './context';
import { crossTableRule } from './cross-table';
import { misalignedRule } from './misaligned';
import { renumberedRule } from './renumbered';
import type { Rule } from './rule';
import { rowTotalRule } from './row-total';
import { subtotalRule } from './subtotal';
import { unitsRule } from './units';

export const RULES: readonly Rule[] = [
  amountsRule,
  misalignedRule,
  renumberedRule,
  unitsRule,
  codesRule,
  subtotalRule,
  rowTotalRule,
  columnTotalRule,
  balanceRule,
  crossTableRule,
  basicScopeRule,
  formsRule,
];

export interface CheckResult {
  readonly recognition: Recognition;
  readonly findings: readonly Finding[];
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.rule}|${f.sheet}|${f.cell}|${f.expected ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function checkWorkbook(workbook: WorkbookSnapshot, recognition = recognizeWorkbook(workbook)): CheckResult {
  const ctx = makeContext(workbook, recognition);
  const findings: Finding[] = [];
  // One push per finding: spreading a rule's findings into push() overflows the stack past ~120k.
  for (const rule of RULES) for (const f of rule.run(ctx)) findings.push(f);
  return { recognition, findings: sortFindings(dedupe(findings), workbook.sheets.map((s) => s.name)) };
}
