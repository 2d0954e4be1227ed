// Reading a budget ledger: one sheet, one line per budgeted amount, columns found by their header
// text. Every row that cannot be used is listed with its cell and reason; nothing is guessed.
import { dictionary } from '../classification';
import type { Message } from '../findings';
import { isAmount, isEmptyAmount, parseAmount } from '../money';
import { isTotalName, norm, yearOf } from '../recognize/text';
import { cellAddress } from '../workbook/address';
import { cellText } from '../workbook/sheet';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../workbook/types';
import {
  ADMIN_UNIT_TYPES,
  FIELD_LABELS,
  FUND_WORDS,
  HEADER_PATTERNS,
  OTHER_UNIT_TYPES,
  REQUIRED_FIELDS,
  TYPE_WORDS,
  UNSUPPORTED_FUNDS,
} from './ledger-spec';
import type {
  Fund,
  Ledger,
  LedgerColumns,
  LedgerFailure,
  LedgerField,
  LedgerLine,
  LedgerProblem,
  ProblemReason,
  SpendType,
} from './model';

const HEADER_SCAN_ROWS = 40;
const FIELDS = Object.keys(HEADER_PATTERNS) as LedgerField[];

interface HeaderMatch {
  row: number;
  columns: Partial<Record<LedgerField, number>>;
  amountUnit: 'yuan' | 'wan';
}

function fieldOf(text: string): LedgerField | undefined {
  const t = norm(text.trim());
  if (!t) return undefined;
  return FIELDS.find((f) => HEADER_PATTERNS[f].some((re) => re.test(t)));
}

function matchHeader(sheet: SheetSnapshot, row: number): HeaderMatch {
  const columns: Partial<Record<LedgerField, number>> = {};
  let amountUnit: 'yuan' | 'wan' = 'yuan';
  const cells = sheet.rows[row] ?? [];
  cells.forEach((cell, col) => {
    if (!cell || cell.value.kind !== 'text') return;
    const f = fieldOf(cell.value.value);
    if (!f || columns[f] !== undefined) return;
    columns[f] = col;
    if (f === 'amount' && /万元/.test(cell.value.value)) amountUnit = 'wan';
  });
  return { row, columns, amountUnit };
}

function findHeader(sheet: SheetSnapshot): { best?: HeaderMatch; complete: boolean } {
  let best: HeaderMatch | undefined;
  let bestCount = 0;
  for (let r = 0; r < Math.min(sheet.rowCount, HEADER_SCAN_ROWS); r++) {
    const m = matchHeader(sheet, r);
    const count = REQUIRED_FIELDS.filter((f) => m.columns[f] !== undefined).length;
    if (count === REQUIRED_FIELDS.length) return { best: m, complete: true };
    if (count > bestCount) [best, bestCount] = [m, count];
  }
  return { best: bestCount >= 2 ? best : undefined, complete: false };
}

const text = (cell: Cell | undefined): string => cellText(cell).trim();

/** Leading digits of a code cell: `2010301`, `2010301 行政运行`, `201 03 01`, a number. */
export function codeIn(raw: string): string | undefined {
  const t = raw.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  const m = /^(\d(?:[\d\s\u3000]*\d)?)(?=$|[^\d])/.exec(t);
  return m ? m[1].replace(/[\s\u3000]/g, '') : undefined;
}

function wordOf<T>(raw: string, table: readonly { patterns: readonly RegExp[] }[], pick: (i: number) => T): T | undefined {
  const t = norm(raw);
  const i = table.findIndex((w) => w.patterns.some((re) => re.test(t)));
  return i < 0 ? undefined : pick(i);
}

export function fundOf(raw: string): Fund | undefined {
  return wordOf(raw, FUND_WORDS, (i) => FUND_WORDS[i].fund);
}

export function typeOf(raw: string): SpendType | undefined {
  return wordOf(raw, TYPE_WORDS, (i) => TYPE_WORDS[i].type);
}

/** true = administrative, false = other, undefined = not said. */
export function adminOf(raw: string): boolean | undefined {
  const t = norm(raw);
  if (!t) return undefined;
  if (ADMIN_UNIT_TYPES.some((re) => re.test(t))) return true;
  if (OTHER_UNIT_TYPES.some((re) => re.test(t))) return false;
  return undefined;
}

type AmountRead = { ok: true; fen: bigint } | { ok: false; reason: ProblemReason; detail: { zh: string; en: string } };

function readAmountCell(cell: Cell | undefined, unit: 'yuan' | 'wan'): AmountRead {
  if (!cell || text(cell) === '') return { ok: false, reason: 'no-amount', detail: { zh: '没有金额', en: 'no amount' } };
  if (cell.value.kind === 'error' || cell.value.kind === 'boolean')
    return { ok: false, reason: 'amount-invalid', detail: { zh: '金额不是数字', en: 'the amount is not a number' } };
  const parsed =
    cell.value.kind === 'number' ? parseAmount({ kind: 'number', value: cell.value.value, numFmt: cell.numFmt }) : parseAmount(cell.value.value);
  if (isEmptyAmount(parsed)) return { ok: false, reason: 'no-amount', detail: { zh: '没有金额', en: 'no amount' } };
  if (!isAmount(parsed)) return { ok: false, reason: 'amount-text', detail: { zh: '金额栏是文字，不是数字', en: 'text where the amount belongs' } };
  if (parsed.truncated)
    return { ok: false, reason: 'amount-cut', detail: { zh: '金额末位像是被截断', en: 'the amount looks cut off' } };
  const scale = unit === 'wan' ? 1_000_000 : 100; // fen per unit of the column
  const fen = parsed.value.times(scale);
  if (!fen.isInteger()) {
    const limit = unit === 'wan' ? 6 : 2;
    return {
      ok: false,
      reason: 'amount-decimals',
      detail: {
        zh: `金额小数超过 ${limit} 位（应精确到分）`,
        en: `more than ${limit} decimals (amounts are to the fen)`,
      },
    };
  }
  return { ok: true, fen: BigInt(fen.toFixed(0)) };
}

function funcCodeProblem(code: string | undefined, raw: string): { reason: ProblemReason; zh: string; en: string } | undefined {
  if (!raw) return { reason: 'no-function-code', zh: '没有功能科目编码', en: 'no function code' };
  if (!code || !/^2\d{6}$/.test(code))
    return {
      reason: 'bad-function-code',
      zh: `功能科目编码「${raw}」不是 7 位项级编码`,
      en: `function code "${raw}" is not a 7-digit 项 code`,
    };
  const entry = dictionary.lookup(code, 'function');
  if (!entry || entry.level !== '项')
    return {
      reason: 'unknown-function-code',
      zh: `功能科目编码 ${code} 不在科目字典中（可能已停用或有误），不能确定其名称`,
      en: `function code ${code} is not in the code dictionary (obsolete or mistyped); its name cannot be known`,
    };
  for (const parent of [code.slice(0, 5), code.slice(0, 3)]) {
    if (!dictionary.lookup(parent, 'function'))
      return {
        reason: 'unknown-parent',
        zh: `功能科目编码 ${code} 的上级 ${parent} 不在科目字典中，不能确定该行名称`,
        en: `the parent ${parent} of function code ${code} is not in the code dictionary; its row cannot be named`,
      };
  }
  return undefined;
}

function econCodeProblem(code: string | undefined, raw: string): { reason: ProblemReason; zh: string; en: string } | undefined {
  if (!code || !/^\d{5}$/.test(code))
    return {
      reason: 'bad-economic-code',
      zh: `经济科目编码「${raw}」不是 5 位款级编码`,
      en: `economic code "${raw}" is not a 5-digit 款 code`,
    };
  if (code.startsWith('5'))
    return {
      reason: 'bad-economic-code',
      zh: `经济科目编码 ${code} 属于政府预算支出经济分类；部门预算公开表用部门预算支出经济分类（3 开头）`,
      en: `economic code ${code} is a government-budget code; department tables use department-budget codes (3xxxx)`,
    };
  const entry = dictionary.lookup(code, 'economic-dept');
  if (!entry || !dictionary.lookup(code.slice(0, 3), 'economic-dept'))
    return {
      reason: 'unknown-economic-code',
      zh: `经济科目编码 ${code} 不在科目字典中（可能已停用或有误），不能确定其名称`,
      en: `economic code ${code} is not in the code dictionary (obsolete or mistyped); its name cannot be known`,
    };
  return undefined;
}

function titleAbove(sheet: SheetSnapshot, headerRow: number): string | undefined {
  for (let r = 0; r < headerRow; r++) {
    const parts = (sheet.rows[r] ?? []).map((c) => text(c)).filter(Boolean);
    const joined = parts.join(' ').trim();
    if (joined && !/^单位[:：]/.test(joined)) return joined;
  }
  return undefined;
}

function yearAbove(sheet: SheetSnapshot, headerRow: number): number | undefined {
  for (let r = 0; r < headerRow; r++) {
    for (const c of sheet.rows[r] ?? []) {
      const y = yearOf(text(c));
      if (y !== undefined) return y;
    }
  }
  return yearOf(sheet.name);
}

export type ReadLedgerResult = { ok: true; ledger: Ledger } | { ok: false; failure: LedgerFailure };

/** Finds the ledger sheet (or `sheetName`) and reads every row below its header. */
export function readLedger(workbook: WorkbookSnapshot, sheetName?: string): ReadLedgerResult {
  const sheets = sheetName ? workbook.sheets.filter((s) => s.name === sheetName) : workbook.sheets;
  if (sheetName && !sheets.length)
    return {
      ok: false,
      failure: { reason: 'no-header', message: { zh: `没有名为「${sheetName}」的工作表`, en: `no sheet named "${sheetName}"` } },
    };
  let partial: { sheet: SheetSnapshot; match: HeaderMatch } | undefined;
  for (const sheet of sheets) {
    const { best, complete } = findHeader(sheet);
    if (best && complete) return { ok: true, ledger: readRows(sheet, best) };
    if (best && !partial) partial = { sheet, match: best };
  }
  if (partial) {
    const missing = REQUIRED_FIELDS.filter((f) => partial!.match.columns[f] === undefined);
    return {
      ok: false,
      failure: {
        reason: 'missing-columns',
        message: {
          zh: `工作表「${partial.sheet.name}」第 ${partial.match.row + 1} 行的表头缺少：${missing.map((f) => FIELD_LABELS[f].zh).join('、')}`,
          en: `the header on sheet "${partial.sheet.name}" row ${partial.match.row + 1} lacks: ${missing.map((f) => FIELD_LABELS[f].en).join(', ')}`,
        },
      },
    };
  }
  return {
    ok: false,
    failure: {
      reason: 'no-header',
      message: {
        zh: '找不到预算明细表的表头（需要：功能科目编码、支出类型、资金性质、金额，另有经济科目编码、单位、项目名称）',
        en: 'no budget-ledger header found (needed: 功能科目编码, 支出类型, 资金性质, 金额; also 经济科目编码, 单位, 项目名称)',
      },
    },
  };
}

function readRows(sheet: SheetSnapshot, header: HeaderMatch): Ledger {
  const cols = header.columns as LedgerColumns;
  const lines: LedgerLine[] = [];
  const problems: LedgerProblem[] = [];
  const notices: Message[] = [];
  const units: string[] = [];
  const unitSeen = new Set<string>();
  let lastUnit = '';
  let lastAdmin: boolean | undefined;
  let unitTypeUnclear = false;
  const title = titleAbove(sheet, header.row);
  const used = (Object.values(cols) as (number | undefined)[]).filter((c): c is number => c !== undefined);

  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    const row = sheet.rows[r];
    const at = (c: number | undefined) => (c === undefined ? undefined : row?.[c]);
    if (!row || used.every((c) => text(row[c]) === '')) continue;
    const funcRaw = text(at(cols.func));
    if (!funcRaw && row.some((c) => c && c.value.kind === 'text' && isTotalName(c.value.value))) {
      notices.push({ zh: `第 ${r + 1} 行是合计行，已跳过`, en: `row ${r + 1} is a total row; skipped` });
      continue;
    }
    const rowProblems: LedgerProblem[] = [];
    const problem = (field: LedgerField, reason: ProblemReason, msg: { zh: string; en: string }) => {
      const c = cols[field as keyof LedgerColumns] ?? cols.func;
      rowProblems.push({
        sheet: sheet.name,
        row: r,
        cell: cellAddress(r, c),
        field,
        reason,
        value: text(row[c]),
        message: { zh: `${sheet.name}!${cellAddress(r, c)}：${msg.zh}`, en: `${sheet.name}!${cellAddress(r, c)}: ${msg.en}` },
      });
    };

    const amount = readAmountCell(at(cols.amount), header.amountUnit);
    if (!amount.ok) problem('amount', amount.reason, amount.detail);

    const funcCode = codeIn(funcRaw);
    const fp = funcCodeProblem(funcCode, funcRaw);
    if (fp) problem('func', fp.reason, fp);

    const typeRaw = text(at(cols.type));
    const type = typeOf(typeRaw);
    if (!typeRaw) problem('type', 'no-type', { zh: '没有支出类型（基本支出/项目支出）', en: 'no expenditure type (基本支出/项目支出)' });
    else if (!type)
      problem('type', 'bad-type', { zh: `支出类型「${typeRaw}」应为基本支出或项目支出`, en: `expenditure type "${typeRaw}" must be 基本支出 or 项目支出` });

    const fundRaw = text(at(cols.fund));
    const fund = fundOf(fundRaw);
    if (!fundRaw) problem('fund', 'no-fund', { zh: '没有资金性质', en: 'no source of funds' });
    else if (!fund) {
      const unsupported = UNSUPPORTED_FUNDS.some((re) => re.test(norm(fundRaw)));
      problem('fund', 'bad-fund', {
        zh: unsupported
          ? `资金性质「${fundRaw}」在这套公开表中没有对应栏目，请在明细中归入一般公共预算、政府性基金、财政专户管理资金或单位资金`
          : `资金性质「${fundRaw}」无法识别（一般公共预算、政府性基金、财政专户管理资金、单位资金）`,
        en: unsupported
          ? `source of funds "${fundRaw}" has no column in these tables; book it as 一般公共预算, 政府性基金, 财政专户管理资金 or 单位资金`
          : `source of funds "${fundRaw}" not recognized (一般公共预算, 政府性基金, 财政专户管理资金, 单位资金)`,
      });
    }

    const econRaw = text(at(cols.econ));
    let econCode: string | undefined;
    if (econRaw) {
      econCode = codeIn(econRaw);
      const ep = econCodeProblem(econCode, econRaw);
      if (ep) problem('econ', ep.reason, ep);
    } else if (fund === 'general') {
      problem('econ', 'no-economic-code', {
        zh: '一般公共预算的明细需要经济科目编码（基本支出分经济科目表、“三公”经费、机关运行经费都据此编制）',
        en: '一般公共预算 lines need an economic code (the economic table, 三公 and operating costs are built from it)',
      });
    }

    const unitRaw = text(at(cols.unit));
    const unit = unitRaw || lastUnit;
    const typeCell = text(at(cols.unitType));
    let admin: boolean;
    if (cols.unitType === undefined) admin = true;
    else if (typeCell) {
      const a = adminOf(typeCell);
      if (a === undefined) unitTypeUnclear = true;
      admin = a ?? false;
    } else if (unit === lastUnit && lastAdmin !== undefined) admin = lastAdmin;
    else {
      admin = false;
      unitTypeUnclear = true;
    }
    lastUnit = unit;
    lastAdmin = admin;

    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    const unitName = unit || '';
    if (!unitSeen.has(unitName)) {
      unitSeen.add(unitName);
      units.push(unitName);
    }
    const project = text(at(cols.project));
    lines.push({
      row: r,
      unit: unitName,
      admin,
      funcCode: funcCode!,
      ...(econCode ? { econCode } : {}),
      type: type!,
      fund: fund!,
      ...(project ? { project } : {}),
      fen: (amount as { fen: bigint }).fen,
    });
  }
  if (cols.unitType === undefined)
    notices.push({
      zh: '明细没有“单位类型”栏：机关运行经费按全部单位均为行政单位计算',
      en: 'the ledger has no 单位类型 column: every unit counts as administrative for 机关运行经费',
    });
  if (unitTypeUnclear)
    notices.push({
      zh: '有的“单位类型”无法识别，这些单位不计入机关运行经费（行政单位、参照公务员法管理事业单位才计入）',
      en: 'some 单位类型 values were not recognized; those units are left out of 机关运行经费',
    });
  const year = yearAbove(sheet, header.row);
  return {
    sheet: sheet.name,
    headerRow: header.row,
    columns: cols,
    amountUnit: header.amountUnit,
    lines,
    problems,
    notices,
    ...(year !== undefined ? { year } : {}),
    ...(title ? { title } : {}),
    units,
    unitTypeKnown: cols.unitType !== undefined,
  };
}

/** The department named by a title line such as `忻州市某局2022年部门预算明细`: the text before the year. */
export function departmentFromTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const m = /(19|20)\d{2}\s*年/.exec(title);
  if (!m || m.index < 2) return undefined;
  return title.slice(0, m.index).replace(/[\s:：,，、]+$/, '').trim() || undefined;
}
