// A performance-target form (项目支出绩效目标表) read into structure: header fields, the two funds
// columns, the text blocks and the indicator tree, every item with the cell it was read from.
// Rows and columns are 0-based sheet coordinates, as everywhere in core.
import type Decimal from 'decimal.js';
import type { RecognizedForm } from '../recognize/model';
import type { CellRange } from '../workbook/types';

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** A label and the text it carries (inline after ：/space, or in the next cell to the right). */
export interface TextField {
  readonly text: string;
  /** Where the text sits (the label's own cell when written inline). */
  readonly cell: CellRef;
  readonly labelCell: CellRef;
}

/** 经常性项目（长期开展） / 延续性项目（阶段开展） / 一次性项目（1年结束）. */
export type ProjectKind = 'recurring' | 'continuing' | 'one-off';

export interface FormHeader {
  readonly name: string;
  readonly nameCell?: CellRef;
  /** 主管部门及代码, e.g. `111-忻州市行政审批服务管理局`. */
  readonly department?: TextField;
  /** The code part of 主管部门及代码 (`111`), when written. */
  readonly departmentCode?: string;
  readonly implementer?: TextField;
  /** 项目属性 as written, and what it says. */
  readonly kindText?: TextField;
  readonly kind?: ProjectKind;
  /** 项目期 in years (`3年` → 3). */
  readonly years?: TextField & { readonly value: number };
}

export type FundLine = 'total' | 'central' | 'provincial' | 'local' | 'self' | 'other';
export const SPLIT_LINES: readonly Exclude<FundLine, 'total'>[] = ['central', 'provincial', 'local', 'self', 'other'];

export interface AmountField {
  /** In 元, whatever unit the form is written in. */
  readonly value: Decimal;
  /** As printed, in the form's unit. */
  readonly shown: Decimal;
  /** Decimals as printed. */
  readonly decimals: number;
  /** Half the rounding step, in 元: 0 for 元 forms (whole yuan), ½·10^−max(d,2) 万元 for 万元 forms. */
  readonly tolerance: Decimal;
  readonly text: string;
  readonly cell: CellRef;
  readonly labelCell?: CellRef;
  /** Not written: the sum of the split lines stands for a blank 资金总额. */
  readonly derived?: boolean;
}

export interface FundsColumn {
  /** Lines with an amount; a blank line is absent (blank means zero). */
  readonly lines: Readonly<Partial<Record<FundLine, AmountField>>>;
  /** Where each line's label was found (also for blank lines). */
  readonly labels: Readonly<Partial<Record<FundLine, CellRef>>>;
  /** 资金总额: the written one, else the sum of the split (derived). */
  readonly total?: AmountField;
  /**
   * 财政拨款, where a form writes it: the fiscal money (中央 + 省级 + 市县) as one line, in the
   * newer template that splits the total into 财政拨款 and 其他资金 only.
   */
  readonly fiscal?: AmountField;
  readonly fiscalLabel?: CellRef;
}

export interface FormFunds {
  readonly unit: '元' | '万元';
  readonly unitCell?: CellRef;
  /** 实施期 (the whole project period). */
  readonly period: FundsColumn;
  /** 年度 (this budget year). */
  readonly annual: FundsColumn;
}

export type TextBlockKey = 'overview' | 'basis' | 'necessity' | 'measures' | 'plan' | 'goal';

export type Level1 = 'output' | 'benefit' | 'satisfaction' | 'cost';
export type Level2 =
  | 'quantity'
  | 'quality'
  | 'timeliness'
  | 'cost'
  | 'economic'
  | 'social'
  | 'ecological'
  | 'sustainable'
  | 'service-satisfaction'
  | 'economic-cost'
  | 'social-cost'
  | 'ecological-cost';

export type Operator = '≥' | '≤' | '＞' | '＜' | '=' | '≈';

export type UnitKind = 'money' | 'percent' | 'time' | 'count' | 'measure' | 'other' | 'none';

interface ValueBase {
  /** The value as written (trimmed). */
  readonly text: string;
  /** Template placeholders left in (`XX月XX日`, `XX`, `……`), as written. */
  readonly placeholders: readonly string[];
}

export interface QuantityValue extends ValueBase {
  readonly kind: 'quantity';
  readonly operator?: Operator;
  readonly number: Decimal;
  /** Unit as written, spaces removed, a trailing note in brackets cut off: `元/年`, `%`, `台`. */
  readonly unit: string;
  /** The part before `/` (`元` of `元/年`) and after it (`年`), if any. */
  readonly unitHead: string;
  readonly per?: string;
  readonly unitKind: UnitKind;
  /** For money units: 元 per unit of `number` (万元 → 10000). */
  readonly moneyFactor?: Decimal;
  /** A bracketed note after the unit: `台 (套)` → `套`. */
  readonly unitNote?: string;
}

export interface DatePoint {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
}

export interface DateValue extends ValueBase {
  readonly kind: 'date';
  readonly from: DatePoint;
  readonly to?: DatePoint;
  /** `…前` / `…之前`: a deadline. */
  readonly before?: boolean;
}

export interface QualitativeValue extends ValueBase {
  readonly kind: 'qualitative';
  readonly word: string;
}

/** Nothing but a template placeholder. */
export interface PlaceholderValue extends ValueBase {
  readonly kind: 'placeholder';
}

export interface EmptyValue extends ValueBase {
  readonly kind: 'empty';
}

/** Anything else (free text). */
export interface OtherValue extends ValueBase {
  readonly kind: 'text';
}

export type IndicatorValue = QuantityValue | DateValue | QualitativeValue | PlaceholderValue | EmptyValue | OtherValue;

export interface Indicator {
  /** The 一级 the indicator belongs to: from its 二级 where known, else the 一级 label carried down. */
  readonly level1?: Level1;
  /** The 一级 label carried down to this row, as written (may disagree with level1 in drifted forms). */
  readonly level1Written?: Level1;
  readonly level1Cell?: CellRef;
  readonly level2?: Level2;
  readonly level2Cell?: CellRef;
  /** 三级指标. */
  readonly name: string;
  readonly nameCell: CellRef;
  readonly value: IndicatorValue;
  /** Where the value is; for an empty value, where it should be. */
  readonly valueCell: CellRef;
  readonly row: number;
  /** Extra columns by header role (分值, 指标解释 …) as written. */
  readonly extras: Readonly<Partial<Record<'score' | 'explanation' | 'unit' | 'note', TextField>>>;
}

export interface Level2Group {
  readonly level2: Level2;
  readonly label: string;
  readonly cell?: CellRef;
  readonly indicators: readonly Indicator[];
}

export interface Level1Group {
  readonly level1: Level1;
  readonly label: string;
  readonly cell?: CellRef;
  readonly groups: readonly Level2Group[];
  /** Indicators under the 一级 with no 二级. */
  readonly indicators: readonly Indicator[];
}

export interface IndicatorBlock {
  /** The header row (一级指标 / 二级指标 / 三级指标 / 指标值 …), if there is one. */
  readonly headerRow?: number;
  readonly headerCell?: CellRef;
  /** Column of each header word. */
  readonly columns: Readonly<Partial<Record<'level1' | 'level2' | 'level3' | 'value' | 'score' | 'explanation' | 'unit' | 'note', number>>>;
  readonly indicators: readonly Indicator[];
  readonly tree: readonly Level1Group[];
}

export interface PerformanceForm {
  readonly id: string;
  readonly sheet: string;
  readonly range: CellRange;
  readonly recognized: RecognizedForm;
  readonly header: FormHeader;
  readonly funds: FormFunds;
  readonly texts: Readonly<Partial<Record<TextBlockKey, TextField>>>;
  readonly indicators: IndicatorBlock;
  /**
   * Cells above the indicator block that hold a template placeholder (`【待填】`, `XX` …) and were
   * read as no header field or text block (a funds cell, say), so the check can still point at them.
   */
  readonly placeholderCells?: readonly { readonly text: string; readonly cell: CellRef }[];
}
