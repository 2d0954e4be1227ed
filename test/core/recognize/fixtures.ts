// Workbooks for the recognition tests, built in memory: from the committed transcriptions of the
// sample (assets/samples/source), or from rows written out in the test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recognizeWorkbook, type Recognition, type RecognizedTable, type TableKind } from '../../../src/core/recognize';
import { colToLetters, rangeAddress } from '../../../src/core/workbook/address';
import { pastedCell } from '../../../src/core/workbook/paste';
import { buildSheet, buildWorkbook, type CellInput, type SheetInit } from '../../../src/core/workbook/sheet';
import type { CellRange, SheetSnapshot } from '../../../src/core/workbook/types';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SOURCE_DIR = path.join(REPO_ROOT, 'assets', 'samples', 'source');
export const SEED_FILE = path.join(REPO_ROOT, '..', 'shared', 'seed', '000_d8c48317b61f5f39.txt');

/** The ten kinds of the Shanxi set, in table order (t01 … t10). */
export const SAMPLE_KINDS: readonly TableKind[] = [
  'summary',
  'income',
  'expenditure',
  'fiscal-summary',
  'general-expenditure',
  'basic-economic',
  'fund-income',
  'fund-expenditure',
  'three-public',
  'operating-costs',
];

function readText(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
}

/** Lines of a transcription (tNN.tsv, forms.tsv), trailing newline dropped. */
export function sourceLines(file: string): string[] {
  const lines = readText(path.join(SOURCE_DIR, file)).split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function tableLines(no: number): string[] {
  return sourceLines(path.join('tables', `t${String(no).padStart(2, '0')}.tsv`));
}

/** One pasted cell; a leading apostrophe keeps the rest as text, as in Excel. */
export function pasteCell(raw: string): CellInput {
  if (raw.startsWith("'")) return raw.slice(1);
  return pastedCell(raw);
}

/** Tab-separated lines → rows of cell inputs, the way Excel's paste makes them. */
export function pasteRows(lines: readonly string[]): CellInput[][] {
  return lines.map((line) => (line === '' ? [] : line.split('\t').map(pasteCell)));
}

export function pastedSheet(name: string, lines: readonly string[], origin?: { row: number; col: number }): SheetSnapshot {
  return buildSheet({ name, rows: pasteRows(lines), ...(origin ? { origin } : {}) });
}

export function sheet(name: string, rows: CellInput[][], extra: Omit<SheetInit, 'name' | 'rows'> = {}): SheetSnapshot {
  return buildSheet({ name, rows, ...extra });
}

export function recognize(...sheets: SheetSnapshot[]): Recognition {
  return recognizeWorkbook(buildWorkbook('test', sheets));
}

/** A1 address of a range. */
export function a1(r: CellRange): string {
  return rangeAddress(r);
}

/** Column letter → role, for a compact expectation. */
export function roles(t: RecognizedTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of t.columns) out[colToLetters(c.col)] = c.role;
  return out;
}

/** Column letter → period. */
export function periods(t: RecognizedTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of t.columns) out[colToLetters(c.col)] = c.period;
  return out;
}

/** A 0-based merge from A1 notation: m('A5:B5'). */
export function m(a1range: string): CellRange {
  const [a, b = a] = a1range.split(':');
  const p = (s: string) => {
    const mm = /^([A-Z]+)(\d+)$/.exec(s)!;
    let col = 0;
    for (const ch of mm[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(mm[2]) - 1, col: col - 1 };
  };
  const x = p(a);
  const y = p(b);
  return { top: x.row, left: x.col, bottom: y.row, right: y.col };
}

/** Rows of a table as `code name level parent-code` lines, for readable expectations. */
export function outline(t: RecognizedTable): string[] {
  return t.rows.map((r) => {
    const parent = r.parent !== undefined ? t.rows[r.parent] : undefined;
    const parentKey = parent ? parent.code ?? parent.name : '-';
    return `${r.code ?? ''}|${r.name}|${r.level ?? ''}|${parentKey}${r.isTotal ? '|total' : ''}`;
  });
}

/** The sheet rows (1-based, as a person counts) a table's data rows sit on. */
export function sheetRows(t: RecognizedTable): number[] {
  return [...new Set(t.rows.map((r) => r.row + 1))];
}

// ---------------------------------------------------------------------------------------------
// The "whole PDF pasted into one sheet" text, rebuilt from the committed transcriptions with
// the PDF's furniture put back: a table of contents, prose, section headings, the paragraph
// breaks between label/title/unit/header, page-break blank lines inside tables and forms.

const TITLES = [
  '2022 年预算收支总表',
  '2022 年预算收入总表',
  '2022 年预算支出总表',
  '2022 年财政拨款收支总表',
  '2022 年一般公共预算支出预算表',
  '2022 年一般公共预算安排基本支出分经济科目表',
  '2022 年政府性基金预算收入预算表',
  '2022 年政府性基金预算支出表',
  '2022 年“三公”经费预算财政拨款情况统计表',
  '2022 年机关运行经费预算财政拨款情况统计表',
];
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const DEPT = '忻州市行政审批服务管理局';

/** Where the PDF broke a page inside each table: a blank line before this data line (1-based in tNN.tsv). */
const PAGE_BREAKS: Record<number, number[]> = { 1: [27], 2: [18], 3: [18], 4: [19], 5: [10], 6: [10, 40] };

function tocLines(): string[] {
  const out = [`${DEPT} 2022 年度部门预算`, '', '目录', '', '第一部分 概况\t3', '一、本部门职责\t3', '二、机构设置情况\t5', '第二部分 2022 年度部门预算报表\t6'];
  TITLES.forEach((t, i) => out.push(`${ORDINALS[i]}、${DEPT} ${t}${i >= 7 ? '.....' : ''}\t${7 + i}`));
  out.push('第三部分 2022 年度部门预算情况说明.....\t15', '一、2022 年度部门预算数据变动情况及原因.....\t15', '五、绩效管理情况.....\t17', '第四部分 名词解释.....\t54', '');
  return out;
}

function proseLines(): string[] {
  return [
    '第一部分 概况',
    '',
    '一、本部门职责',
    '',
    `${DEPT}是市人民政府工作部门，为正处级，加挂忻州市政务信息管理局牌子。主要职责是：`,
    '',
    '（一）贯彻执行中央、省关于行政审批、政务改革、政务服务、政务信息管理的方针政策、法律法规。',
    '',
    '二、机构设置情况',
    '',
    `${DEPT}内设 20 科室，下属 4 个事业单位，编制 120 名，实有 96 人，其中 2022 年退休 3 人。`,
    '',
    '第二部分 2022 年度部门预算报表',
    '',
    `${DEPT} 2022 年部门预算包括 5 个基层预算单位的预算。其中：行政单位 1 户，全额拨款的事业单位 4 户。`,
    '',
    // the list of tables again, without page numbers, two titles cut over two lines as in the PDF
    ...TITLES.slice(0, 6).flatMap((t, i) => [`${ORDINALS[i]}、${DEPT} ${t}`, '']),
    `七、${DEPT} 2022 年政府性基金预算收`,
    '',
    '入预算表',
    '',
    `八、${DEPT} 2022 年政府性基金预算支出`,
    '预算表',
    '',
    `九、${DEPT} 2022 年“三公”经费预算财`,
    '政拨款情况统计表',
    '',
    `十、${DEPT} 2022 年机关运行经费预算财`,
    '政拨款情况统计表',
    '',
  ];
}

function tableBlock(no: number): string[] {
  const lines = tableLines(no);
  const out = [lines[0], '', lines[1], '', lines[2], ''];
  const breaks = PAGE_BREAKS[no] ?? [];
  for (let i = 3; i < lines.length; i++) {
    if (breaks.includes(i + 1)) out.push('');
    // tables 7 and 8: the PDF leaves a blank line between the header and the note
    if ((no === 7 || no === 8) && /^注/.test(lines[i])) out.push('');
    out.push(lines[i]);
  }
  out.push('');
  return out;
}

function explanationLines(): string[] {
  return [
    '第三部分 2022 年度部门预算情况说明',
    '',
    '一、2022 年度部门预算数据变动情况及原因',
    '',
    '2022 年本部门预算收入 6442.05 万元，其中一般公共预算资金为 6442.05 万元，2022 年本部门预算支出 6442.05 万元。',
    '',
    '1、按支出性质和经济分类：',
    '',
    '(1) 基本支出',
    '',
    '2022年基本支出预算数为1410.07万元，其中工资福利支出1067.33万元，对个人和家庭的补助7.45万元，资本性支出113.38万元。',
    '',
    // a prose line the PDF split into cells
    '2021年基本支出预算数为\t1218.09\t万元，2022年与2021年相比增加\t191.98\t万元',
    '',
    '二、“三公”经费增减变动原因说明',
    '',
    '2022 年一般公共预算安排的“三公”经费预算 6 万元，与上年一致。',
    '',
    '五、绩效管理情况',
    '',
    '1、绩效管理情况',
    '',
    '2022 年忻州市行政审批服务管理局部门实行绩效目标管理的项目 27 个，涉及一般公共预算当年拨款 5031.98 万元。',
    '',
    '2、绩效目标情况',
    '',
  ];
}

/** forms.tsv with a page-break blank line put back in the middle of every third form. */
function formLines(): string[] {
  const lines = sourceLines('forms.tsv');
  const out: string[] = [];
  let formIndex = 0;
  let inForm = 0;
  for (const line of lines) {
    if (line === '') {
      formIndex++;
      inForm = 0;
      out.push(line);
      continue;
    }
    inForm++;
    if (formIndex % 3 === 0 && inForm === 20) out.push('');
    out.push(line);
  }
  out.push('');
  return out;
}

function closingLines(): string[] {
  return [
    '六、国有资产占有使用情况',
    '',
    '1、车辆情况',
    '',
    `${DEPT}部门共有 2 辆公务用车，由市政府公务用车平台划拨使用。`,
    '',
    `${DEPT}机关其他固定资产原值 1360.41 万元。忻州市政务服务中心其他固定资产原值 259.51 万元。`,
    '',
    '第四部分名词解释',
    '',
    '（一）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。',
    '',
    '（二）项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。',
    '',
    '（三）“三公”经费：指省直部门用一般公共预算安排的因公出国（境）费、公务用车购置及运行费和公务接待费。',
    '',
  ];
}

/** The whole published document as its PDF text would be pasted. */
export function pdfText(): string {
  const lines = [
    '',
    '',
    ...tocLines(),
    ...proseLines(),
    ...Array.from({ length: 10 }, (_, i) => tableBlock(i + 1)).flat(),
    ...explanationLines(),
    ...formLines(),
    ...closingLines(),
  ];
  return lines.join('\n') + '\n';
}

export function seedText(): string | undefined {
  return fs.existsSync(SEED_FILE) ? readText(SEED_FILE) : undefined;
}

/** The 27 project names, from the sample README's list. */
export function projectNames(): string[] {
  const readme = readText(path.join(SOURCE_DIR, 'README.md'));
  const part = readme.split('## The 27 projects')[1] ?? '';
  return part
    .split('\n')
    .map((l) => /^\d+\.\s+(.+)$/.exec(l.trim())?.[1])
    .filter((x): x is string => !!x);
}
