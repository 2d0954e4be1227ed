// Performance-target forms (项目支出绩效目标表): the model, the parser and the checks.
export * from './model';
export { parseForm, parseForms, level1Label, level2Label, level2Parent } from './parse';
export { parseIndicatorValue, valueOfCell, findPlaceholders, formatQuantity } from './values';
export { formsRule, checkForm, checkFormsTotal, isCostIndicator, isBlankTemplate } from './rules';
export { readTemplate, templatePlan, templateProblems, planSnapshot, copyRow, stackOffsets, REQUIRED_LABELS } from './template';
export type { FormTemplate, TemplatePlan, TemplateResult, TemplateOptions, PlannedCell } from './template';
export { formSheetNames } from './sheet-names';
