// Invented form templates, as snapshots: labels in different places, for the template fill tests.
import { buildSheet } from '../../../src/core/workbook/sheet';
import type { CellRange, SheetSnapshot } from '../../../src/core/workbook/types';

const R = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

/** Values right of their labels, in merged areas; 财政拨款 + 单位自筹 + 其他资金; 分值 column; two indicator rows. */
export function rightTemplate(): SheetSnapshot {
  return buildSheet({
    name: '模板',
    rows: [
      ['2023年度项目支出绩效目标表'],
      ['项目名称'],
      ['主管部门', null, null, '实施单位'],
      ['项目属性', null, null, '项目期'],
      ['项目资金（元）', '实施期资金总额', null, '年度资金总额'],
      [null, '其中：财政拨款', null, '其中：财政拨款'],
      [null, '单位自筹', null, '单位自筹'],
      [null, '其他资金', null, '其他资金'],
      ['项目概况'],
      ['立项依据'],
      ['总体目标'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '分值'],
      [],
      [],
      ['填报说明：本表金额单位为元。'],
    ],
    merges: [R(0, 0, 0, 5), R(1, 1, 1, 5), R(2, 1, 2, 2), R(2, 4, 2, 5), R(3, 1, 3, 2), R(3, 4, 3, 5), R(4, 0, 7, 0), R(4, 4, 4, 5), R(5, 4, 5, 5), R(6, 4, 6, 5), R(7, 4, 7, 5), R(8, 1, 8, 5), R(9, 1, 9, 5), R(10, 1, 10, 5), R(11, 0, 13, 0), R(14, 0, 14, 5)],
  });
}

/** Labels side by side with the values below; 年度 funds only, 财政拨款 + 其他资金; texts below their labels; 三级指标 two cells wide. */
export function belowTemplate(): SheetSnapshot {
  return buildSheet({
    name: '绩效目标模板',
    rows: [
      ['项目支出绩效目标表'],
      ['项目名称', null, '主管部门', '实施单位'],
      [],
      ['项目属性', null, '项目期'],
      [],
      ['年度资金总额', null, '其中：财政拨款', '其他资金'],
      [],
      ['项目概况'],
      [],
      ['年度目标'],
      [],
      ['一级指标', '二级指标', '三级指标', null, '指标值'],
      [],
    ],
    merges: [R(0, 0, 0, 4), R(1, 0, 1, 1), R(2, 0, 2, 1), R(1, 3, 1, 4), R(2, 3, 2, 4), R(3, 0, 3, 1), R(4, 0, 4, 1), R(3, 2, 3, 4), R(4, 2, 4, 4), R(5, 0, 5, 1), R(6, 0, 6, 1), R(5, 3, 5, 4), R(6, 3, 6, 4), R(7, 0, 7, 4), R(8, 0, 8, 4), R(9, 0, 9, 4), R(10, 0, 10, 4), R(11, 2, 11, 3), R(12, 2, 12, 3)],
  });
}

/** Both fund columns stacked in one column, in 万元; the 年度目标 heading with 总体目标 beside it. */
export function stackedTemplate(): SheetSnapshot {
  const lines = ['其中：中央财政资金', '省级财政资金', '市县（区）财政资金', '单位自筹', '其他资金'];
  return buildSheet({
    name: '表样',
    rows: [
      ['项目支出绩效目标表'],
      ['项目名称'],
      ['主管部门及代码', null, '实施单位'],
      ['项目属性', null, '项目期'],
      ['项目资金（万元）', '实施期资金总额'],
      ...lines.map((l) => [null, l]),
      [null, '年度资金总额'],
      ...lines.map((l) => [null, l]),
      ['年度目标', '总体目标'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
      ...Array.from({ length: 12 }, () => []),
    ],
    merges: [R(0, 0, 0, 4), R(1, 1, 1, 4), R(2, 3, 2, 4), R(3, 3, 3, 4), R(4, 0, 15, 0), ...Array.from({ length: 12 }, (_, i) => R(4 + i, 2, 4 + i, 4)), R(16, 2, 16, 4), R(17, 0, 29, 0)],
  });
}

