// Random ledgers for the property tests: dictionary codes, fen amounts, seeded so a failure replays.
import { dictionary } from '../../../src/core/classification';
import { mulberry32 } from '../../../src/cli/seeded-random';
import type { LineInput } from './fixtures';

export { mulberry32 };

/** 项 codes whose 款 and 类 are in the dictionary (the only ones a ledger may use). */
export const FUNC_CODES = dictionary
  .entries('function')
  .filter((e) => e.level === '项' && dictionary.lookup(e.code.slice(0, 5), 'function') && dictionary.lookup(e.code.slice(0, 3), 'function'))
  .map((e) => e.code)
  .sort();

export const ECON_CODES = dictionary
  .entries('economic-dept')
  .filter((e) => e.level === '款' && dictionary.lookup(e.code.slice(0, 3), 'economic-dept'))
  .map((e) => e.code)
  .sort();

export type AmountMode = 'mixed' | 'tiny' | 'halves' | 'large' | 'whole';

export interface GenOptions {
  lines: number;
  seed: number;
  mode: AmountMode;
  /** How many distinct codes to draw from (few codes: many lines per atom). */
  funcSpread: number;
  econSpread: number;
  units: number;
}

const UNIT_TYPES = ['行政单位', '事业单位', '参照公务员法管理事业单位'];
const FUNDS = ['一般公共预算', '一般公共预算', '一般公共预算', '政府性基金', '财政专户管理资金', '单位资金'];

function fenAmount(rnd: () => number, mode: AmountMode): bigint {
  const int = (max: number) => Math.floor(rnd() * max);
  switch (mode) {
    case 'tiny':
      return BigInt(1 + int(20_000)); // up to 200 元
    case 'halves':
      return BigInt((1 + int(40)) * 5_000); // multiples of 50 元: exact halves of 0.01 万元
    case 'large':
      return BigInt(int(1_000_000)) * 100_000n + BigInt(int(100_000)); // up to 10^9 元
    case 'whole':
      return BigInt(1 + int(500)) * 10_000n; // whole 100 元: no rounding at all
    case 'mixed': {
      const r = rnd();
      return fenAmount(rnd, r < 0.25 ? 'tiny' : r < 0.45 ? 'halves' : r < 0.6 ? 'large' : r < 0.7 ? 'whole' : 'tiny');
    }
  }
}

/** 元 with fen as Excel would store them: a number from its decimal text. */
export function fenToNumber(fen: bigint): number {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  return Number(`${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`);
}

export interface GenLine extends LineInput {
  fen: bigint;
  funcCode: string;
  econCode: string;
  fundName: string;
  typeName: string;
  unitName: string;
  unitTypeName: string;
}

export function randomLedgerLines(o: GenOptions): GenLine[] {
  const rnd = mulberry32(o.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const funcs = Array.from({ length: Math.max(1, o.funcSpread) }, () => pick(FUNC_CODES));
  const econs = Array.from({ length: Math.max(1, o.econSpread) }, () => pick(ECON_CODES));
  const units = Array.from({ length: Math.max(1, o.units) }, (_, i) => ({ name: `测试单位${i + 1}`, type: pick(UNIT_TYPES) }));
  const out: GenLine[] = [];
  for (let i = 0; i < o.lines; i++) {
    const unit = pick(units);
    const fen = fenAmount(rnd, o.mode);
    const line = {
      funcCode: pick(funcs),
      econCode: pick(econs),
      fundName: pick(FUNDS),
      typeName: rnd() < 0.5 ? '基本支出' : '项目支出',
      unitName: unit.name,
      unitTypeName: unit.type,
      fen,
    };
    out.push({
      ...line,
      unit: line.unitName,
      unitType: line.unitTypeName,
      func: line.funcCode,
      econ: line.econCode,
      type: line.typeName,
      fund: line.fundName,
      amount: fenToNumber(fen),
    });
  }
  return out;
}
