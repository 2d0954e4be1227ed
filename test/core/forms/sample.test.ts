// The 27 forms of the sample workbook (sheet 绩效目标表, transcribed from the seed): read, and their
// published mistakes reported.
import * as path from 'node:path';
import { readWorkbookFile } from '../../../src/xlsx';
import type { Finding } from '../../../src/core/findings';
import type { PerformanceForm } from '../../../src/core/forms/model';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/workbook/types';
import { pastedSheet, projectNames, sourceLines } from '../recognize/fixtures';
import { run, workbookOf } from './helpers';

const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'assets', 'samples', 'xinzhou-2022.xlsx');

let wb: WorkbookSnapshot;
let forms: PerformanceForm[];
let findings: Finding[];

beforeAll(async () => {
  wb = await readWorkbookFile(SAMPLE);
  ({ forms, findings } = run(wb));
});

const norm = (s: string) => s.replace(/\s+/g, '');

// 项目期, 实施期资金总额, 年度资金总额 (元), number of 三级指标, as published.
const PUBLISHED: readonly [number, number, number, number][] = [
  [3, 1770000, 590000, 13],
  [3, 1116000, 372000, 9],
  [3, 7031400, 2343800, 9],
  [3, 4950000, 1650000, 12],
  [3, 1080000, 360000, 14],
  [3, 2400000, 800000, 7],
  [2, 600000, 300000, 9],
  [1, 450000, 450000, 13],
  [3, 5400000, 1800000, 9],
  [1, 374000, 374000, 7],
  [1, 200000, 200000, 13],
  [3, 360000, 120000, 10],
  [3, 5640000, 1880000, 10],
  [3, 600000, 200000, 14],
  [3, 90000000, 30000000, 14],
  [3, 2881200, 1000000, 16],
  [3, 2064000, 688000, 11],
  [3, 3540000, 1180000, 11],
  [1, 29500, 29500, 14],
  [1, 1500000, 1500000, 12],
  [3, 900000, 300000, 8],
  [3, 3330000, 1110000, 10],
  [3, 5862000, 1954000, 21],
  [1, 300000, 300000, 9],
  [1, 150000, 150000, 7],
  [3, 355500, 118500, 11],
  [3, 1650000, 550000, 9],
];

describe('the 27 sample forms parse', () => {
  test('names, 项目期, kinds', () => {
    expect(forms).toHaveLength(27);
    expect(forms.map((f) => norm(f.header.name))).toEqual(projectNames().map(norm));
    expect(forms.map((f) => f.header.years?.value)).toEqual(PUBLISHED.map((p) => p[0]));
    const oneOff = forms.flatMap((f, i) => (f.header.kind === 'one-off' ? [i + 1] : []));
    expect(oneOff).toEqual([8, 10, 11, 19, 20, 24, 25]);
    expect(forms[6].header.kind).toBe('continuing');
    expect(forms.every((f) => f.header.departmentCode === '111' && f.header.implementer?.text === '忻州市行政审批服务管理局')).toBe(true);
  });

  test('funds: both columns, totals equal to their split', () => {
    expect(forms.map((f) => f.funds.period.total?.value.toNumber())).toEqual(PUBLISHED.map((p) => p[1]));
    expect(forms.map((f) => f.funds.annual.total?.value.toNumber())).toEqual(PUBLISHED.map((p) => p[2]));
    expect(forms.map((f) => f.funds.annual.lines.local?.value.toNumber())).toEqual(PUBLISHED.map((p) => p[2]));
    // form 14's annual total is blank; its 200,000 sits in `财政资金 200,000` below a cut `金 市县(区)`
    expect(forms[13].funds.annual.total?.derived).toBe(true);
    expect(forms.filter((f) => f.funds.annual.total?.derived)).toHaveLength(1);
  });

  test('their 年度资金总额 add up to 50,319,800 元 = 5031.98 万元, table 3’s 项目支出', () => {
    const sum = forms.reduce((s, f) => s + f.funds.annual.total!.value.toNumber(), 0);
    expect(sum).toBe(50319800);
    expect(findings.filter((f) => f.rule === 'form-total')).toEqual([]);
  });

  test('indicator counts, and every indicator under a 一级', () => {
    expect(forms.map((f) => f.indicators.indicators.length)).toEqual(PUBLISHED.map((p) => p[3]));
    for (const f of forms) {
      expect(f.indicators.indicators.every((i) => i.level1 && i.level2)).toBe(true);
      expect(f.indicators.tree.map((g) => g.level1)).toEqual(['output', 'benefit', 'satisfaction']);
      expect(Object.keys(f.texts).sort()).toEqual(['basis', 'goal', 'measures', 'necessity', 'overview', 'plan']);
    }
  });

  test('the same forms pasted from the transcription read the same (percentages as numbers)', () => {
    const pasted = run(workbookOf(pastedSheet('绩效目标表', sourceLines('forms.tsv'))));
    expect(pasted.forms.map((f) => f.funds.annual.total?.value.toNumber())).toEqual(PUBLISHED.map((p) => p[2]));
    expect(pasted.forms.map((f) => f.indicators.indicators.length)).toEqual(PUBLISHED.map((p) => p[3]));
    const key = (f: Finding) => `${f.rule}@${f.cell}`;
    expect(pasted.findings.map(key).sort()).toEqual(findings.map(key).sort());
  });
});

describe('the seed’s form mistakes are reported', () => {
  const at = (cell: string, rule: string) => findings.filter((f) => f.cell === cell && f.rule === rule);
  const one = (cell: string, rule: string): Finding => {
    const fs = at(cell, rule);
    expect(fs).toHaveLength(1);
    return fs[0];
  };

  test('cost indicator 10× the year’s funds (form 19) and 0.1× (form 4)', () => {
    expect(one('E588', 'form-cost')).toMatchObject({ form: 'f19', severity: 'error', expected: '≤29500元', actual: '≤295000元' });
    expect(one('D117', 'form-cost')).toMatchObject({ form: 'f4', severity: 'error', expected: '≤1650000元/年' });
    expect(one('D117', 'form-cost').message.zh).toContain('0.1 倍');
  });

  test('the multi-year total used as the cost (forms 13, 15, 22, and 12, 14, 23 too)', () => {
    expect(one('D388', 'form-cost')).toMatchObject({ form: 'f13', expected: '≤1880000元' });
    expect(one('D455', 'form-cost')).toMatchObject({ form: 'f15', related: ['绩效目标表!D456', '绩效目标表!D457', '绩效目标表!E434', '绩效目标表!C434'] });
    expect(one('D455', 'form-cost').message.zh).toContain('合计 90,000,000 元，是实施期资金总额');
    expect(one('D678', 'form-cost')).toMatchObject({ form: 'f22', expected: '≤1110000元' });
    for (const [cell, form] of [['D358', 'f12'], ['D420', 'f14'], ['E711', 'f23']]) expect(one(cell, 'form-cost').form).toBe(form);
  });

  test('the unit slip ≤300000万/年 (form 7)', () => {
    const f = one('D206', 'form-cost');
    expect(f).toMatchObject({ form: 'f7', severity: 'error', expected: '≤300000元/年', actual: '≤300000万/年' });
    expect(f.message.en).toContain('unit slip');
  });

  test('cost bounds written ≥ (forms 11, 14)', () => {
    for (const cell of ['F325', 'D421', 'D422', 'D423']) expect(one(cell, 'form-cost').message.zh).toContain('应使用 ≤');
  });

  test('the empty value of form 10’s 购置专用设备数量', () => {
    expect(one('E293', 'form-missing')).toMatchObject({ form: 'f10', severity: 'error', rowLabel: '购置专用设备数量' });
  });

  test('XX月XX日 placeholders, in all 13 cells', () => {
    expect(findings.filter((f) => f.rule === 'form-placeholder').map((f) => f.cell)).toEqual(
      ['C22', 'D54', 'E147', 'D236', 'E295', 'E357', 'D387', 'D454', 'E523', 'D554', 'D618', 'E710', 'E775'],
    );
  });

  test('满意度 ≥100%', () => {
    const sat = findings.filter((f) => f.rule === 'form-indicator' && f.details?.satisfaction === true);
    expect(sat.map((f) => f.cell)).toEqual(expect.arrayContaining(['D61', 'E119', 'D122', 'E301', 'D364', 'D394', 'E498', 'E499', 'D561', 'D655', 'E811']));
    expect(one('D61', 'form-indicator').message.en).toContain('unattainable');
  });

  test('form 16: 实施期 2,881,200 ≠ 1,000,000 × 3', () => {
    expect(one('C468', 'form-funds')).toMatchObject({ form: 'f16', severity: 'warning', expected: '3000000', actual: '2881200' });
  });

  test('response time ≥15 秒 (form 3)', () => {
    expect(one('E81', 'form-indicator')).toMatchObject({ form: 'f3', severity: 'warning', expected: '≤15秒' });
  });

  test('every finding names its form, in zh and en', () => {
    for (const f of findings) {
      const form = forms.find((x) => x.id === f.form)!;
      expect(f.message.zh).toContain(`《${form.header.name}》`);
      expect(f.message.en).toContain(`"${form.header.name}"`);
      expect(f.sheet).toBe('绩效目标表');
    }
  });

  test('the whole list', () => {
    expect(findings.map((f) => `${f.form} ${f.rule}@${f.cell}:${f.severity}`)).toEqual([
    'f1 form-placeholder@C22:warning',
    'f1 form-indicator@C31:warning',
    'f2 form-placeholder@D54:warning',
    'f2 form-indicator@C60:warning',
    'f2 form-indicator@D61:warning',
    'f3 form-indicator@E81:warning',
    'f4 form-cost@D117:error',
    'f4 form-indicator@E119:warning',
    'f4 form-indicator@D122:warning',
    'f5 form-cost@E149:warning',
    'f5 form-missing@F142:error',
    'f5 form-indicator@E144:warning',
    'f5 form-indicator@E145:warning',
    'f5 form-placeholder@E147:warning',
    'f5 form-indicator@E149:warning',
    'f5 form-indicator@E151:warning',
    'f5 form-indicator@E154:warning',
    'f5 form-indicator@E155:warning',
    'f5 form-indicator@D156:warning',
    'f6 form-indicator@E182:warning',
    'f7 form-cost@D206:error',
    'f8 form-cost@D238:warning',
    'f8 form-placeholder@D236:warning',
    'f9 form-indicator@D273:warning',
    'f10 form-missing@E293:error',
    'f10 form-indicator@E294:warning',
    'f10 form-placeholder@E295:warning',
    'f10 form-indicator@E300:warning',
    'f10 form-indicator@E301:warning',
    'f11 form-cost@F325:error',
    'f12 form-cost@D358:error',
    'f12 form-placeholder@E357:warning',
    'f12 form-indicator@C363:warning',
    'f12 form-indicator@D364:warning',
    'f13 form-cost@D388:error',
    'f13 form-placeholder@D387:warning',
    'f13 form-indicator@D393:warning',
    'f13 form-indicator@D394:warning',
    'f14 form-funds@E399:warning',
    'f14 form-cost@D421:error',
    'f14 form-cost@D422:error',
    'f14 form-cost@D423:error',
    'f14 form-cost@D420:error',
    'f14 form-indicator@C416:warning',
    'f14 form-indicator@D417:warning',
    'f15 form-cost@D455:error',
    'f15 form-placeholder@D454:warning',
    'f15 form-indicator@D462:warning',
    'f16 form-funds@C468:warning',
    'f16 form-indicator@E491:warning',
    'f16 form-indicator@E498:warning',
    'f16 form-indicator@E499:warning',
    'f17 form-placeholder@E523:warning',
    'f17 form-indicator@D529:warning',
    'f18 form-placeholder@D554:warning',
    'f18 form-indicator@D561:warning',
    'f19 form-cost@E588:error',
    'f20 form-cost@D620:warning',
    'f20 form-placeholder@D618:warning',
    'f20 form-indicator@D626:warning',
    'f21 form-indicator@E654:warning',
    'f21 form-indicator@D655:warning',
    'f22 form-cost@D678:error',
    'f23 form-cost@E711:error',
    'f23 form-placeholder@E710:warning',
    'f24 form-indicator@E745:warning',
    'f25 form-indicator@E774:warning',
    'f25 form-placeholder@E775:warning',
    'f26 form-indicator@E811:warning',
    'f27 form-indicator@E836:warning',
    'f27 form-indicator@E837:warning',
    ]);
  });
});

describe('form-total on the sample', () => {
  test('table 3’s 项目支出 total changed: the forms no longer add up to it', () => {
    const t3 = wb.sheets.find((s) => s.name === '表3')!;
    const rows = t3.rows.map((r) => r && [...r]);
    const at = rows.findIndex((r) => r?.some((c) => c?.value.kind === 'number' && c.value.value === 5031.98));
    const col = rows[at]!.findIndex((c) => c?.value.kind === 'number' && c.value.value === 5031.98);
    rows[at]![col] = { ...rows[at]![col]!, value: { kind: 'number', value: 5031.9 } };
    const changed: SheetSnapshot = { ...t3, rows };
    const { findings: fs } = run({ ...wb, sheets: wb.sheets.map((s) => (s === t3 ? changed : s)) });
    const total = fs.filter((f) => f.rule === 'form-total');
    expect(total).toHaveLength(1);
    expect(total[0]).toMatchObject({ severity: 'error', sheet: '表3', expected: '50319000', actual: '50319800' });
    expect(total[0].related).toHaveLength(27);
  });
});
