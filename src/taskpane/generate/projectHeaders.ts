// The header texts of a project list, for telling the user what `forms fill` needs. core's
// readProjects finds the columns by patterns (src/core/forms/projects.ts); these are their plain forms.
export const PROJECT_HEADERS_TEXT = {
  required: ['项目名称', '年度资金总额'],
  optional: ['主管部门', '实施单位', '项目属性', '项目期', '中央', '省级', '市县', '单位自筹', '其他'],
} as const;
