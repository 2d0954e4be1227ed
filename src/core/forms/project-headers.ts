// The header texts a project list is found by (src/core/forms/projects.ts), in plain words, for
// telling a user what a sheet lacks. A module of its own so the pane can show them without loading
// the forms engine.
export const PROJECT_HEADER_TEXT = {
  required: ['项目名称', '年度资金总额'],
  optional: ['主管部门', '实施单位', '项目属性', '项目期', '中央', '省级', '市县', '单位自筹', '其他'],
} as const;
