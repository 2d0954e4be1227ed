// The indicator library `forms fill` proposes from, by project type. Seeded from the 27 forms of the
// 忻州 2022 sample with their defects corrected: costs bounded with ≤, no ≥100%, no XX placeholders.
// Value templates: {cost} = ≤年度资金总额元/年, {year} = the budget year, {todo} = a figure only the
// user can decide (written as the to-do marker, reported by `check` until replaced).
export type ProjectType = '运维' | '系统建设' | '物业' | '保安' | '劳务派遣' | '设备购置' | '评审' | '其他';

export interface LibraryIndicator {
  /** 一级指标 label: 产出指标 / 效益指标 / 满意度指标. */
  readonly level1: string;
  /** 二级指标 label: 数量指标 / 质量指标 / … */
  readonly level2: string;
  /** 三级指标. */
  readonly name: string;
  readonly value: string;
}

const O = '产出指标';
const B = '效益指标';
const S = '满意度指标';
const row = (level1: string, level2: string, name: string, value: string): LibraryIndicator => ({ level1, level2, name, value });

const COST = row(O, '成本指标', '项目实施成本', '{cost}');
const PERIOD = (name: string) => row(O, '时效指标', name, '{year}年1月-{year}年12月');

export const LIBRARY: Readonly<Record<ProjectType, readonly LibraryIndicator[]>> = {
  运维: [
    row(O, '数量指标', '系统运维数量', '{todo}个'),
    row(O, '质量指标', '系统故障修复处理时间', '≤1小时'),
    row(O, '质量指标', '系统运行维护响应时间', '≤30分钟'),
    PERIOD('运维服务时间'),
    COST,
    row(B, '社会效益指标', '公共服务或工作效率提升度', '提升'),
    row(B, '可持续影响指标', '系统持续使用时间', '持续使用'),
    row(S, '服务对象满意度指标', '使用人员满意度', '≥95%'),
  ],
  系统建设: [
    row(O, '数量指标', '新建系统（模块）数量', '{todo}套'),
    row(O, '质量指标', '系统验收合格率', '≥95%'),
    PERIOD('系统建设及投入使用时间'),
    COST,
    row(B, '社会效益指标', '公共服务效率提高率', '≥10%'),
    row(B, '可持续影响指标', '系统持续使用时间', '持续使用'),
    row(S, '服务对象满意度指标', '服务对象满意度', '≥95%'),
  ],
  物业: [
    row(O, '数量指标', '物业管理面积', '{todo}平方米'),
    row(O, '数量指标', '保洁维修人员数量', '{todo}人'),
    row(O, '质量指标', '公共场所整洁率', '≥95%'),
    row(O, '质量指标', '修缮验收合格率', '≥95%'),
    PERIOD('物业管理服务时间'),
    COST,
    row(B, '社会效益指标', '公共服务能力提升度', '提升'),
    row(B, '社会效益指标', '安全事故发生次数', '0次'),
    row(B, '可持续影响指标', '物业服务持续时间', '持续使用'),
    row(S, '服务对象满意度指标', '办事群众满意度', '≥95%'),
  ],
  保安: [
    row(O, '数量指标', '安保人员数量', '{todo}人'),
    row(O, '质量指标', '安保工作完成率', '≥95%'),
    row(O, '时效指标', '安保工作及时性', '及时'),
    COST,
    row(B, '社会效益指标', '提升工作质量与效率', '明显'),
    row(B, '可持续影响指标', '安保服务持续时间', '持续使用'),
    row(S, '服务对象满意度指标', '办事群众满意度', '≥95%'),
  ],
  劳务派遣: [
    row(O, '数量指标', '劳务派遣人员数量', '{todo}人'),
    row(O, '质量指标', '劳务派遣人员工作完成率', '≥95%'),
    row(O, '时效指标', '劳务派遣人员工作完成及时性', '及时'),
    COST,
    row(B, '社会效益指标', '提升工作质量与效率', '明显'),
    row(B, '可持续影响指标', '劳务派遣持续使用时间', '持续使用'),
    row(S, '服务对象满意度指标', '服务对象满意度', '≥95%'),
  ],
  设备购置: [
    row(O, '数量指标', '购置设备数量', '{todo}台'),
    row(O, '质量指标', '设备验收合格率', '≥95%'),
    PERIOD('资产投入使用时间'),
    COST,
    row(B, '社会效益指标', '资产利用水平', '正常'),
    row(B, '可持续影响指标', '资产使用年限', '≥8年'),
    row(S, '服务对象满意度指标', '使用人员满意度', '≥95%'),
  ],
  评审: [
    row(O, '数量指标', '项目评审次数', '{todo}次'),
    row(O, '质量指标', '项目成果形成率', '≥95%'),
    row(O, '时效指标', '项目评审及时性', '及时'),
    COST,
    row(B, '社会效益指标', '项目评审合规率', '≥95%'),
    row(B, '可持续影响指标', '评审工作持续开展', '持续使用'),
    row(S, '服务对象满意度指标', '使用部门满意度', '≥95%'),
  ],
  其他: [
    row(O, '数量指标', '完成工作数量', '{todo}项'),
    row(O, '质量指标', '工作完成合格率', '≥95%'),
    PERIOD('项目实施时间'),
    COST,
    row(B, '社会效益指标', '公共服务能力提升度', '提升'),
    row(B, '可持续影响指标', '项目持续发挥作用', '持续使用'),
    row(S, '服务对象满意度指标', '服务对象满意度', '≥95%'),
  ],
};

/** Project-name keywords for each type, tried in this order. */
export const TYPE_KEYWORDS: readonly [ProjectType, RegExp][] = [
  ['劳务派遣', /劳务派遣|派遣/],
  ['保安', /保安|安保/],
  ['物业', /物业|保洁|水电暖/],
  ['评审', /评审|评估|测评|检测|认证|专家/],
  ['设备购置', /购置|采购|设备|测温门/],
  ['系统建设', /建设|升级|改造|开发|新建/],
  ['运维', /运维|维护|维保|运行|平台|系统|网络|热线|技术服务/],
];
