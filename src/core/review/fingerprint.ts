// A finding's fingerprint: what it is about (rule, table kind, row code/name, column), never where it
// is, so a row inserted above a table, or a table moved down a sheet, keeps a reviewer's decision.
import type { Finding } from '../findings';
import type { Recognition, TableKind } from '../recognize/model';

export interface FingerprintParts {
  readonly rule: string;
  /** The table kind (`expenditure`, or `expenditure#2` for the second table of that kind), `form:NAME`, or `sheet:NAME`. */
  readonly scope: string;
  /** Row code and name, normalized; `@A1` only when the finding names no row. */
  readonly row: string;
  /** Column label, normalized ('' when the finding has none). */
  readonly column: string;
}

/** Full-width to half-width, no whitespace: '2010101 行政运行' and '2010101行政运行' are one row. */
export function normalizeLabel(s: string | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/\s+/g, '');
}

/** Where a finding belongs, by meaning: the table's kind (and which of that kind), or the form's name. */
export interface FindingScope {
  readonly scope: string;
  readonly tableKind?: TableKind;
  readonly tableTitle?: string;
  readonly formName?: string;
}

export function findingScope(f: Finding, recognition: Recognition): FindingScope {
  if (f.table) {
    const t = recognition.tables.find((x) => x.id === f.table);
    if (t) {
      const sameKind = recognition.tables.filter((x) => x.kind === t.kind);
      const n = sameKind.indexOf(t) + 1;
      return { scope: n > 1 ? `${t.kind}#${n}` : t.kind, tableKind: t.kind, tableTitle: t.title };
    }
  }
  if (f.form) {
    const form = recognition.forms.find((x) => x.id === f.form);
    if (form) return { scope: `form:${normalizeLabel(form.name)}`, formName: form.name };
  }
  return { scope: `sheet:${f.sheet}` };
}

export function fingerprintParts(f: Finding, recognition: Recognition): FingerprintParts {
  const row = normalizeLabel(f.rowLabel);
  return {
    rule: f.rule,
    scope: findingScope(f, recognition).scope,
    row: row || `@${f.cell}`,
    column: normalizeLabel(f.columnLabel),
  };
}

export function fingerprintKey(p: FingerprintParts): string {
  return [p.rule, p.scope, p.row, p.column].join('|');
}

/**
 * One fingerprint per finding, in the same order. When two findings share one (the same row and
 * column checked against two other tables, say), the later ones get '~2', '~3' … in the order the
 * findings come (most severe first, then workbook order), which does not change when rows move.
 */
export function fingerprintFindings(findings: readonly Finding[], recognition: Recognition): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = fingerprintKey(fingerprintParts(f, recognition));
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n > 1 ? `${key}~${n}` : key;
  });
}
