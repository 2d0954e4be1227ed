// The sample workbook's source: the transcription of the seed publication under
// assets/samples/source/ (see its README), the layout of each table, and the rule that turns one
// transcribed cell into a workbook cell. Pure: reads files, no exceljs.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A header merge, relative to the first header row and the table's first column (0-based, inclusive). */
export interface HeaderMerge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface TableSpec {
  /** Table number 1..10; the source is tables/tNN.tsv. */
  readonly no: number;
  readonly sheet: string;
  /** Where the table's first line (the label 预算公开表 N) goes, 0-based. */
  readonly origin: { readonly row: number; readonly col: number };
  /** Number of columns of the table (the title is merged across them). */
  readonly width: number;
  /** Lines before the headers: label, title, unit. */
  readonly preambleRows: 3;
  readonly headerRows: number;
  readonly headerMerges: readonly HeaderMerge[];
  /** Columns (0-based, relative) holding classification codes, kept as text. */
  readonly codeCols: readonly number[];
  /** Column widths (characters), one per column. */
  readonly widths: readonly number[];
}

const NAME = 34;
const AMOUNT = 14;
const CODE = 12;

const m = (top: number, left: number, bottom: number, right: number): HeaderMerge => ({ top, left, bottom, right });

export const TABLE_SPECS: readonly TableSpec[] = [
  {
    no: 1, sheet: '表1', origin: { row: 0, col: 0 }, width: 4, preambleRows: 3, headerRows: 2,
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 3)], // 收入 over A:B, 支出 over C:D
    codeCols: [], widths: [NAME, AMOUNT, NAME, AMOUNT],
  },
  {
    no: 2, sheet: '表2', origin: { row: 0, col: 0 }, width: 7, preambleRows: 3, headerRows: 2,
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 6)], // 项目 over 科目编码/科目名称, 2022 年预算数 over the amounts
    codeCols: [0], widths: [CODE, NAME, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT],
  },
  {
    no: 3, sheet: '表3', origin: { row: 0, col: 0 }, width: 5, preambleRows: 3, headerRows: 2,
    // 科目编码 and 项目 科目名称 span both header rows; 2022 年预算数 over 合计/基本支出/项目支出
    headerMerges: [m(0, 0, 1, 0), m(0, 1, 1, 1), m(0, 2, 0, 4)],
    codeCols: [0], widths: [CODE, NAME, AMOUNT, AMOUNT, AMOUNT],
  },
  {
    no: 4, sheet: '表4', origin: { row: 0, col: 0 }, width: 6, preambleRows: 3, headerRows: 3,
    // 收入 over A:B, 支出 over C:F; 项目/金额 (收入) and 项目 (支出) span rows 2-3; 金额 (支出) over 小计/一般公共预算/政府性基金
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 5), m(1, 0, 2, 0), m(1, 1, 2, 1), m(1, 2, 2, 2), m(1, 3, 1, 5)],
    codeCols: [], widths: [NAME, AMOUNT, NAME, AMOUNT, AMOUNT, AMOUNT],
  },
  {
    no: 5, sheet: '表5', origin: { row: 0, col: 0 }, width: 5, preambleRows: 3, headerRows: 2,
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 4)],
    codeCols: [0], widths: [CODE, NAME, AMOUNT, AMOUNT, AMOUNT],
  },
  {
    // Not at A1 on purpose: a realistic variation the recognizer must handle.
    no: 6, sheet: '表6', origin: { row: 1, col: 1 }, width: 3, preambleRows: 3, headerRows: 1,
    headerMerges: [],
    codeCols: [], widths: [NAME, AMOUNT, AMOUNT],
  },
  {
    no: 7, sheet: '表7', origin: { row: 0, col: 0 }, width: 3, preambleRows: 3, headerRows: 2,
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 1, 2)], // 项目 over A:B; 政府性基金收入预算 spans both rows
    codeCols: [0], widths: [CODE, NAME, AMOUNT + 6],
  },
  {
    no: 8, sheet: '表8', origin: { row: 0, col: 0 }, width: 5, preambleRows: 3, headerRows: 2,
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 4)],
    codeCols: [0], widths: [CODE, NAME, AMOUNT, AMOUNT, AMOUNT],
  },
  {
    no: 9, sheet: '表9', origin: { row: 0, col: 0 }, width: 2, preambleRows: 3, headerRows: 1,
    headerMerges: [], codeCols: [], widths: [NAME, AMOUNT + 4],
  },
  {
    no: 10, sheet: '表10', origin: { row: 0, col: 0 }, width: 2, preambleRows: 3, headerRows: 1,
    headerMerges: [], codeCols: [], widths: [NAME, AMOUNT + 4],
  },
];

export const FORMS_SHEET = '绩效目标表';
export const FORMS_COL_WIDTH = 18;

/** One cell of the sample workbook, before styling. */
export type SampleCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number; readonly numFmt?: string }
  | { readonly kind: 'text'; readonly value: string; readonly numFmt?: string };

const TWO_DECIMALS = /^-?\d+\.\d{2}$/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const CODE_PATTERN = /^(\d{3}|\d{5}|\d{7})$/;

/**
 * What the accountant typed into one cell:
 * - `'…` → text without the apostrophe (Excel's leading apostrophe);
 * - a 3/5/7-digit code in a code column → text, column formatted as text (`@`);
 * - a number with exactly two decimals (`310.10`) → number, format `0.00`;
 * - another plain number (`6`, `118.4`, `3000`) → number, General;
 * - a grouped number (`1,770,000`) → number, format `#,##0` (`#,##0.00…` with decimals);
 * - anything else → text, as written.
 */
export function sampleCell(raw: string, inCodeColumn = false): SampleCell {
  if (raw === '') return { kind: 'empty' };
  if (raw.startsWith("'")) return { kind: 'text', value: raw.slice(1) };
  if (inCodeColumn && CODE_PATTERN.test(raw)) return { kind: 'text', value: raw, numFmt: '@' };
  if (TWO_DECIMALS.test(raw)) return { kind: 'number', value: Number(raw), numFmt: '0.00' };
  if (PLAIN_NUMBER.test(raw)) return { kind: 'number', value: Number(raw) };
  if (GROUPED.test(raw)) {
    const decimals = raw.includes('.') ? raw.split('.')[1].length : 0;
    return { kind: 'number', value: Number(raw.replace(/,/g, '')), numFmt: decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0' };
  }
  return { kind: 'text', value: raw };
}

/** The lines of a transcription file, each split on tabs (trailing newline ignored). */
export function readTsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line === '' ? [] : line.split('\t')));
}

/** The repository root: the nearest folder above `from` holding assets/samples/source, else the cwd. */
export function findRepoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'assets', 'samples', 'source', 'tables'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export function sourceDir(root: string = findRepoRoot()): string {
  return path.join(root, 'assets', 'samples', 'source');
}

export function tableFile(spec: TableSpec, dir: string = sourceDir()): string {
  return path.join(dir, 'tables', `t${String(spec.no).padStart(2, '0')}.tsv`);
}

export function formsFile(dir: string = sourceDir()): string {
  return path.join(dir, 'forms.tsv');
}
