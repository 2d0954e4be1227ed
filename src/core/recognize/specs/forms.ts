// The vocabulary of performance-target forms (项目支出绩效目标表): how a form names its project,
// which labels confirm a form follows, what heads one.

/** The project-name label alone in its cell (the name in a cell to its right). */
export const FORM_NAME_LABEL = '^项目名称[:：]?$';

/** The project-name label and the name in one cell: 项目名称：智能防疫测温门. */
export const FORM_NAME_INLINE = '^项目名称[:：](.+)$';

/** Labels of the lines right below the name line; one of them must appear within five lines. */
export const FORM_CONFIRM_LABELS = [
  '^主管部门',
  '^实施单位',
  '^项目属性',
  '^项目资金',
  '^项目期',
  '^预算单位',
  '^预算部门',
  '^项目(实施)?单位',
  '^项目负责人',
  '^项目类(型|别)',
  '^(年度|实施期)?资金总额',
];

/** A form's title line: 项目支出绩效目标表, 2022年项目支出绩效目标申报表（部门） … */
export const FORM_TITLE = '绩效目标(申报|批复)?表([(（].{0,12}[)）])?$';

/** A heading that ends a form: 一、… / 1、… standing alone on its line. */
export const FORM_PROSE_HEADING = '^([一二三四五六七八九十]+|\\d+)[、.．]';
