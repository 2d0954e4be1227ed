// Indicator values (指标值): `≥12次`, `≤590000 元/年`, `100%`, `及时`, `2022年1月-2022年12月`,
// `XX月XX日`, blank — read into {operator, number, unit} / qualitative word / date range / placeholder.
import Decimal from 'decimal.js';
import { cellText } from '../workbook/sheet';
import type { Cell } from '../workbook/types';
import type { DatePoint, IndicatorValue, Operator, QuantityValue } from './model';
import { MONEY_UNITS, OPERATORS, PLACEHOLDERS, QUALITATIVE_WORDS, SUFFIX_OPERATORS, unitKindOf } from './vocabulary';

const FULL_WIDTH_DIGITS = /[０-９．，％]/g;

function halfWidthNumbers(s: string): string {
  return s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Cuts template placeholders out of a value; returns them and what is left. */
export function findPlaceholders(text: string, patterns: readonly RegExp[] = PLACEHOLDERS): { found: string[]; rest: string } {
  const found: { at: number; text: string }[] = [];
  let rest = text;
  for (const re of patterns) {
    rest = rest.replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'), (m: string, ...args: unknown[]) => {
      const at = args.find((a) => typeof a === 'number') as number;
      found.push({ at, text: m.trim() });
      return ' '.repeat(m.length);
    });
  }
  found.sort((a, b) => a.at - b.at);
  return { found: found.map((f) => f.text), rest };
}

const SEPARATORS = /^[\s\-—–~～至到、,，;；]+|[\s\-—–~～至到、,，;；]+$/g;

function splitOperatorPrefix(s: string): { op?: Operator; rest: string } {
  for (const [w, op] of OPERATORS) if (s.startsWith(w)) return { op, rest: s.slice(w.length).trim() };
  return { rest: s };
}

function splitOperatorSuffix(s: string): { op?: Operator; rest: string } {
  for (const [w, op] of SUFFIX_OPERATORS) if (s.endsWith(w)) return { op, rest: s.slice(0, -w.length).trim() };
  return { rest: s };
}

const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/;

function readUnit(raw: string): Pick<QuantityValue, 'unit' | 'unitHead' | 'per' | 'unitKind' | 'moneyFactor' | 'unitNote'> {
  let u = raw.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/／/g, '/');
  let note: string | undefined;
  const bracket = /^(.*?)\(([^()]*)\)$/.exec(u);
  if (bracket) {
    if (bracket[1] === '') u = bracket[2];
    else {
      u = bracket[1];
      note = bracket[2];
    }
  }
  const slash = u.indexOf('/');
  const head = slash < 0 ? u : u.slice(0, slash);
  const per = slash < 0 ? undefined : u.slice(slash + 1) || undefined;
  const unitKind = unitKindOf(head);
  const money = MONEY_UNITS.find(([w]) => w === head);
  return {
    unit: u,
    unitHead: head,
    ...(per !== undefined ? { per } : {}),
    unitKind,
    ...(money ? { moneyFactor: new Decimal(money[1]) } : {}),
    ...(note !== undefined ? { unitNote: note } : {}),
  };
}

function parseQuantity(s: string, text: string, placeholders: string[]): QuantityValue | undefined {
  const pre = splitOperatorPrefix(s);
  const m = NUMBER.exec(pre.rest);
  if (!m) return undefined;
  let tail = pre.rest.slice(m[0].length).trim();
  const suf = splitOperatorSuffix(tail);
  tail = suf.rest;
  // `24(时/天)` and `45 人` are quantities; `12345 热线` is not: the tail must read as a unit.
  const unit = readUnit(tail);
  if (unit.unitKind === 'other' && /[\u4e00-\u9fff]{4,}/.test(unit.unitHead)) return undefined;
  const op = pre.op ?? suf.op;
  return {
    kind: 'quantity',
    text,
    placeholders,
    ...(op ? { operator: op } : {}),
    number: new Decimal(m[1].replace(/,/g, '')),
    ...unit,
  };
}

type DateMatch = (m: RegExpExecArray) => DatePoint;
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
const point = (year?: number, month?: number, day?: number): DatePoint => ({
  ...(year !== undefined ? { year } : {}),
  ...(month !== undefined ? { month } : {}),
  ...(day !== undefined ? { day } : {}),
});
const DATE_PARTS: readonly [RegExp, DateMatch][] = [
  [/(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?/y, (m) => point(Number(m[1]), num(m[2]), num(m[3]))],
  [/(\d{4})[./-](\d{1,2})(?:[./-](\d{1,2}))?(?!\d)/y, (m) => point(Number(m[1]), num(m[2]), num(m[3]))],
  [/(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/y, (m) => point(undefined, Number(m[1]), num(m[2]))],
  [/(\d{1,2})\s*[日号]/y, (m) => point(undefined, undefined, Number(m[1]))],
];

function parseDate(s: string, text: string, placeholders: string[]): IndicatorValue | undefined {
  if (!/\d{4}\s*年|\d{4}[./-]\d{1,2}|\d{1,2}\s*月/.test(s)) return undefined;
  const points: DatePoint[] = [];
  let leftover = '';
  let i = 0;
  scan: while (i < s.length) {
    for (const [re, map] of DATE_PARTS) {
      re.lastIndex = i;
      const m = re.exec(s);
      if (m) {
        points.push(map(m));
        i += m[0].length;
        continue scan;
      }
    }
    leftover += s[i];
    i++;
  }
  if (!points.length || points.length > 2) return undefined;
  const before = /之前|以前|前/.test(leftover);
  const rest = leftover.replace(/之前|以前|前|之后|以后|起|止|底|末|度|全年|[\s\-—–~～至到、,，]+/g, '');
  if (rest !== '') return undefined;
  const [from, to] = points;
  // `2022年1月1日-12月31日`: the second point takes the first one's year (and month).
  const full = to
    ? point(to.year ?? from.year, to.month ?? (to.year === undefined ? from.month : undefined), to.day)
    : undefined;
  return { kind: 'date', text, placeholders, from, ...(full ? { to: full } : {}), ...(before ? { before: true } : {}) };
}

const QUALITATIVE = new Set(QUALITATIVE_WORDS);

/** Reads one written indicator value. */
export function parseIndicatorValue(written: string): IndicatorValue {
  const text = written.trim();
  if (text === '') return { kind: 'empty', text, placeholders: [] };
  const { found, rest } = findPlaceholders(text);
  const s = halfWidthNumbers(rest).replace(SEPARATORS, '').replace(/\s+/g, ' ').trim();
  if (s === '') return found.length ? { kind: 'placeholder', text, placeholders: found } : { kind: 'empty', text, placeholders: [] };
  const date = parseDate(s, text, found);
  if (date) return date;
  const q = parseQuantity(s, text, found);
  if (q) return q;
  const compact = s.replace(/\s+/g, '');
  if (!/\d/.test(compact)) {
    if (QUALITATIVE.has(compact)) return { kind: 'qualitative', text, placeholders: found, word: compact };
    const word = QUALITATIVE_WORDS.filter((w) => w.length >= 2 && compact.includes(w)).sort((a, b) => b.length - a.length)[0];
    if (word && compact.length <= 8) return { kind: 'qualitative', text, placeholders: found, word };
  }
  return { kind: 'text', text, placeholders: found };
}

function isPercentFormat(numFmt: string | undefined): boolean {
  return Boolean(numFmt && numFmt.split(';')[0].replace(/"[^"]*"/g, '').includes('%'));
}

/** The value of a cell: a number cell is a bare quantity (a `0%` format makes it a percentage). */
export function valueOfCell(cell: Cell | undefined): IndicatorValue {
  if (!cell) return { kind: 'empty', text: '', placeholders: [] };
  if (cell.value.kind === 'number') {
    const n = new Decimal(String(cell.value.value));
    if (isPercentFormat(cell.numFmt)) {
      const pct = n.times(100);
      return { kind: 'quantity', text: cell.text ?? `${pct.toString()}%`, placeholders: [], number: pct, unit: '%', unitHead: '%', unitKind: 'percent' };
    }
    return { kind: 'quantity', text: cellText(cell).trim(), placeholders: [], number: n, unit: '', unitHead: '', unitKind: 'none' };
  }
  return parseIndicatorValue(cellText(cell));
}

/** The value written back as text: `≤590000元/年`. */
export function formatQuantity(op: Operator | undefined, n: Decimal, unit: string): string {
  return `${op ?? ''}${n.toFixed()}${unit}`;
}
