// The header texts of a budget ledger and of a project list, for telling the user what a sheet
// needs before the pane can build from it. core finds the columns by patterns
// (src/core/publish/ledger-spec.ts, src/core/forms/projects.ts); these are their plain forms.
export const LEDGER_HEADERS_TEXT = {
  required: ['功能科目编码', '支出类型', '资金性质', '金额'],
  optional: ['经济科目编码', '单位', '单位类型', '项目名称'],
} as const;

export const PROJECT_HEADERS_TEXT = {
  required: ['项目名称', '年度资金总额'],
  optional: ['主管部门', '实施单位', '项目属性', '项目期', '中央', '省级', '市县', '单位自筹', '其他'],
} as const;
