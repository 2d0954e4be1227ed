// Pane strings as data: one record per locale, same keys in each (the type enforces it).
// Placeholders are written {name} and filled by `format`. Rule and table names come from core
// (RULE_LABELS, the table specs), finding messages from the findings themselves.

export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export const DEFAULT_LOCALE: Locale = 'zh-CN';

export interface Messages {
  /** Product name shown in the header; the same in both languages. */
  title: string;
  subtitle: string;
  languageGroup: string;
  /** Each locale's own name, shown on its switch button. */
  localeName: string;

  scan: string;
  scanning: string;
  progressRead: string;
  progressRecognize: string;
  progressCheck: string;
  scanFailed: string;

  paint: string;
  painting: string;
  painted: string;
  clear: string;
  clearing: string;
  cleared: string;
  actionFailed: string;

  open: string;
  opening: string;
  openFailed: string;
  openHint: string;
  openedFile: string;
  download: string;
  downloading: string;
  downloaded: string;
  downloadFailed: string;

  summaryTables: string;
  summaryNoTables: string;
  bySheet: string;
  sheetForms: string;
  sheetFormsOne: string;
  severityError: string;
  severityWarning: string;
  severityInfo: string;

  filtersLabel: string;
  ruleFilter: string;
  allRules: string;
  findingsHeading: string;
  shownOf: string;
  noFindings: string;
  noMatches: string;
  expected: string;
  actual: string;
  blank: string;
  otherGroup: string;
  formGroup: string;
  selectFailed: string;

  fixPreview: string;
  fixCell: string;
  fixFrom: string;
  fixTo: string;
  fixName: string;
  applyFix: string;
  applyingFix: string;
  fixApplied: string;
  undoFix: string;
  undoingFix: string;
  fixUndone: string;
  fixFailed: string;

  previewLabel: string;

  reviewHeading: string;
  reviewer: string;
  reviewerHint: string;
  reviewerNeeded: string;
  decisionFilter: string;
  allDecisions: string;
  statusNew: string;
  statusOpen: string;
  statusConfirmed: string;
  statusDismissed: string;
  statusFixed: string;
  statusResolved: string;
  confirm: string;
  dismiss: string;
  markFixed: string;
  undoDecision: string;
  dismissReason: string;
  dismissSubmit: string;
  cancel: string;
  decideFailed: string;
  decidedBy: string;
  comment: string;
  commentPlaceholder: string;
  saveComment: string;
  removeComment: string;
  commentBy: string;
  resolvedList: string;
  resolvedBy: string;
  reviewerFromOffice: string;
  commentSelectedCell: string;
  readingSelection: string;
  noSelectedCell: string;
  cellCommentFor: string;
  cellCommentPlaceholder: string;
  cellCommentsList: string;
  cellCommentMeta: string;
  removeCellComment: string;
  gridCommentHint: string;
  gridCellComment: string;

  buildHeading: string;
  buildYear: string;
  publish: string;
  publishing: string;
  fillForms: string;
  fillingForms: string;
  makeReviewSheet: string;
  makingReviewSheet: string;
  ledgerSource: string;
  projectSource: string;
  projectSourcePrevious: string;
  noLedger: string;
  ledgerIncomplete: string;
  noProjects: string;
  optionalHeaders: string;
  sheetsAdded: string;
  rescanHint: string;
  published: string;
  skippedRows: string;
  badLedger: string;
  skipAndPublish: string;
  rowNumber: string;
  needsDepartment: string;
  department: string;
  buildAgain: string;
  formsAdded: string;
  formsCarried: string;
  todosHeading: string;
  todosNone: string;
  formsOtherFindings: string;
  badProjects: string;
  buildFailed: string;
  formLayout: string;
  standardLayout: string;
  templateOption: string;
  exampleOption: string;
  formsFromTemplate: string;
  templateAnnualOnly: string;
  badTemplate: string;
  templateLacksFunds: string;
}

export const messages: Readonly<Record<Locale, Messages>> = {
  'zh-CN': {
    title: '算盘 Suanpan',
    subtitle: '部门预算公开表检查',
    languageGroup: '语言',
    localeName: '中文',

    scan: '扫描工作簿',
    scanning: '正在扫描…',
    progressRead: '正在读取工作表 {done}/{total}：{sheet}',
    progressRecognize: '正在识别表格…',
    progressCheck: '正在检查…',
    scanFailed: '扫描失败：{error}',

    paint: '标注',
    painting: '正在标注…',
    painted: '已在工作簿中标注错误和警告。',
    clear: '清除标注',
    clearing: '正在清除…',
    cleared: '已清除标注。',
    actionFailed: '操作失败：{error}',

    open: '打开 .xlsx',
    opening: '正在打开…',
    openFailed: '无法打开：{error}',
    openHint: '打开一个 .xlsx 工作簿，在浏览器中检查。文件不会上传。',
    openedFile: '文件：{name}',
    download: '下载带标注的副本',
    downloading: '正在生成副本…',
    downloaded: '已下载 {name}',
    downloadFailed: '下载失败：{error}',

    summaryTables: '识别到 {tables} 张表、{forms} 张绩效目标表',
    summaryNoTables: '没有识别到预算表',
    bySheet: '各工作表（{count}）',
    sheetForms: '{count} 张绩效目标表',
    sheetFormsOne: '1 张绩效目标表',
    severityError: '错误',
    severityWarning: '警告',
    severityInfo: '提示',

    filtersLabel: '筛选',
    ruleFilter: '规则',
    allRules: '全部规则',
    findingsHeading: '检查结果',
    shownOf: '显示 {shown} / {total} 条',
    noFindings: '没有发现问题。',
    noMatches: '没有符合筛选条件的结果。',
    expected: '应为',
    actual: '实为',
    blank: '（空白）',
    otherGroup: '其他',
    formGroup: '绩效目标表：{name}',
    selectFailed: '无法定位到单元格：{error}',

    fixPreview: '更正预览',
    fixCell: '单元格',
    fixFrom: '现编码',
    fixTo: '更正为',
    fixName: '名称',
    applyFix: '应用更正',
    applyingFix: '正在更正…',
    fixApplied: '已更正 {count} 个单元格。重新扫描以更新结果。',
    undoFix: '撤销',
    undoingFix: '正在撤销…',
    fixUndone: '已撤销更正。',
    fixFailed: '更正失败：{error}',

    previewLabel: '{sheet} 工作表 {cell} 附近',

    reviewHeading: '审核',
    reviewer: '审核人',
    reviewerHint: '姓名（记在本机）',
    reviewerNeeded: '请先填写审核人。',
    decisionFilter: '按审核状态筛选',
    allDecisions: '全部状态',
    statusNew: '新发现',
    statusOpen: '待处理',
    statusConfirmed: '已确认',
    statusDismissed: '已忽略',
    statusFixed: '已修正',
    statusResolved: '已解决',
    confirm: '确认',
    dismiss: '忽略',
    markFixed: '已修正',
    undoDecision: '撤销审核',
    dismissReason: '忽略理由',
    dismissSubmit: '提交',
    cancel: '取消',
    decideFailed: '审核未记录：{error}',
    decidedBy: '{reviewer}：{reason}',
    comment: '意见',
    commentPlaceholder: '写下对这条结果的意见',
    saveComment: '保存',
    removeComment: '删除意见',
    commentBy: '意见（{reviewer}）：{text}',
    resolvedList: '已解决（{count}）',
    resolvedBy: '{status}（{reviewer}）',
    reviewerFromOffice: '取自 Office 账户',
    commentSelectedCell: '批注所选单元格',
    readingSelection: '正在读取所选单元格…',
    noSelectedCell: '没有选中的单元格',
    cellCommentFor: '单元格 {where} 的意见',
    cellCommentPlaceholder: '写下对这个单元格的意见',
    cellCommentsList: '单元格意见（{count}）',
    cellCommentMeta: '{reviewer} · {time}',
    removeCellComment: '删除 {where} 的意见',
    gridCommentHint: '点击单元格可写意见',
    gridCellComment: '{cell}：点击写意见',

    buildHeading: '生成工作表',
    buildYear: '预算年度',
    publish: '生成公开表',
    publishing: '正在生成公开表…',
    fillForms: '填写绩效目标表',
    fillingForms: '正在填写绩效目标表…',
    makeReviewSheet: '生成审核意见表',
    makingReviewSheet: '正在生成审核意见表…',
    ledgerSource: '预算明细「{sheet}」{lines} 行',
    projectSource: '项目清单「{sheet}」{count} 个项目',
    projectSourcePrevious: '项目清单「{sheet}」{count} 个项目，{previous} 个已有绩效目标表（沿用其指标）',
    noLedger: '生成公开表需要预算明细表，表头含 {required}。',
    ledgerIncomplete: '生成公开表：{reason}。',
    noProjects: '填写绩效目标表需要项目清单，表头含 {required}。',
    optionalHeaders: '可另有：{optional}',
    sheetsAdded: '已添加工作表：{names}。',
    rescanHint: '重新扫描即可检查新工作表。',
    published: '{department}，{year} 年；明细 {lines} 行，总计 {total} 万元。',
    skippedRows: '已跳过 {rows} 行：',
    badLedger: '预算明细有 {rows} 行不能使用，没有生成任何表。请修改这些行后重新扫描，或跳过它们：',
    skipAndPublish: '跳过这 {rows} 行并生成',
    rowNumber: '第 {row} 行',
    needsDepartment: '{reason}',
    department: '部门名称',
    buildAgain: '生成',
    formsAdded: '已生成 {forms} 张绩效目标表，在工作表 {names}。',
    formsCarried: '{carried} 张沿用上年指标，其余取自指标库。',
    todosHeading: '待您填写（{count}）',
    todosNone: '没有待您填写的值。',
    formsOtherFindings: '生成的绩效目标表还有 {count} 条其他检查意见，重新扫描可查看。',
    badProjects: '项目清单「{sheet}」有 {rows} 行不能使用，没有填写任何表。请修改后重新扫描：',
    buildFailed: '生成失败：{error}',
    formLayout: '表样',
    standardLayout: '标准格式',
    templateOption: '模板「{sheet}」',
    exampleOption: '按「{sheet}」的格式',
    formsFromTemplate: '按模板「{sheet}」填写，每张表一个工作表。',
    templateAnnualOnly: '模板没有实施期资金栏，只填写了年度资金。',
    badTemplate: '模板「{sheet}」不能使用：找不到或读不回这些标签的填写位置：{labels}。',
    templateLacksFunds: '模板「{sheet}」缺少 {count} 处资金栏目，没有填写任何表：',
  },
  en: {
    title: '算盘 Suanpan',
    subtitle: 'Department budget table checker',
    languageGroup: 'Language',
    localeName: 'English',

    scan: 'Scan workbook',
    scanning: 'Scanning…',
    progressRead: 'Reading sheet {done} of {total}: {sheet}',
    progressRecognize: 'Recognising tables…',
    progressCheck: 'Running checks…',
    scanFailed: 'Scan failed: {error}',

    paint: 'Mark up',
    painting: 'Marking up…',
    painted: 'Errors and warnings are marked in the workbook.',
    clear: 'Clear marks',
    clearing: 'Clearing…',
    cleared: 'Marks cleared.',
    actionFailed: 'Failed: {error}',

    open: 'Open .xlsx',
    opening: 'Opening…',
    openFailed: 'Cannot open the file: {error}',
    openHint: 'Open an .xlsx workbook to check it in the browser. Nothing is uploaded.',
    openedFile: 'File: {name}',
    download: 'Download annotated copy',
    downloading: 'Writing the copy…',
    downloaded: 'Downloaded {name}',
    downloadFailed: 'Download failed: {error}',

    summaryTables: '{tables} tables and {forms} performance forms recognised',
    summaryNoTables: 'No budget tables recognised',
    bySheet: 'By sheet ({count})',
    sheetForms: '{count} performance forms',
    sheetFormsOne: '1 performance form',
    severityError: 'Errors',
    severityWarning: 'Warnings',
    severityInfo: 'Notes',

    filtersLabel: 'Filters',
    ruleFilter: 'Rule',
    allRules: 'All rules',
    findingsHeading: 'Findings',
    shownOf: 'Showing {shown} of {total}',
    noFindings: 'No problems found.',
    noMatches: 'No findings match the filters.',
    expected: 'Expected',
    actual: 'Found',
    blank: '(blank)',
    otherGroup: 'Other',
    formGroup: 'Form: {name}',
    selectFailed: 'Cannot go to the cell: {error}',

    fixPreview: 'Corrected codes',
    fixCell: 'Cell',
    fixFrom: 'Now',
    fixTo: 'Corrected',
    fixName: 'Name',
    applyFix: 'Apply correction',
    applyingFix: 'Correcting…',
    fixApplied: 'Corrected {count} cells. Scan again to refresh the findings.',
    undoFix: 'Undo',
    undoingFix: 'Undoing…',
    fixUndone: 'Correction undone.',
    fixFailed: 'Correction failed: {error}',

    previewLabel: 'Sheet {sheet} around {cell}',

    reviewHeading: 'Review',
    reviewer: 'Reviewer',
    reviewerHint: 'Your name (remembered here)',
    reviewerNeeded: 'Enter the reviewer’s name first.',
    decisionFilter: 'Filter by review status',
    allDecisions: 'All statuses',
    statusNew: 'New',
    statusOpen: 'Open',
    statusConfirmed: 'Confirmed',
    statusDismissed: 'Dismissed',
    statusFixed: 'Fixed',
    statusResolved: 'Resolved',
    confirm: 'Confirm',
    dismiss: 'Dismiss',
    markFixed: 'Fixed',
    undoDecision: 'Undo decision',
    dismissReason: 'Reason for dismissing',
    dismissSubmit: 'Submit',
    cancel: 'Cancel',
    decideFailed: 'Decision not recorded: {error}',
    decidedBy: '{reviewer}: {reason}',
    comment: 'Comment',
    commentPlaceholder: 'Your comment on this finding',
    saveComment: 'Save',
    removeComment: 'Remove comment',
    commentBy: 'Comment ({reviewer}): {text}',
    resolvedList: 'Resolved ({count})',
    resolvedBy: '{status} ({reviewer})',
    reviewerFromOffice: 'From your Office account',
    commentSelectedCell: 'Comment on the selected cell',
    readingSelection: 'Reading the selected cell…',
    noSelectedCell: 'No cell is selected',
    cellCommentFor: 'Comment on cell {where}',
    cellCommentPlaceholder: 'Your comment on this cell',
    cellCommentsList: 'Cell comments ({count})',
    cellCommentMeta: '{reviewer} · {time}',
    removeCellComment: 'Remove the comment on {where}',
    gridCommentHint: 'Click a cell to comment on it',
    gridCellComment: '{cell}: click to comment',

    buildHeading: 'Build sheets',
    buildYear: 'Budget year',
    publish: 'Build publication tables',
    publishing: 'Building the tables…',
    fillForms: 'Fill performance forms',
    fillingForms: 'Filling the forms…',
    makeReviewSheet: 'Build review sheet',
    makingReviewSheet: 'Building the review sheet…',
    ledgerSource: 'Ledger “{sheet}”, {lines} lines',
    projectSource: 'Project list “{sheet}”, {count} projects',
    projectSourcePrevious: 'Project list “{sheet}”, {count} projects, {previous} with a form in this workbook (its indicators are carried over)',
    noLedger: 'Publication tables need a budget ledger with the headers {required}.',
    ledgerIncomplete: 'Publication tables: {reason}.',
    noProjects: 'Performance forms need a project list with the headers {required}.',
    optionalHeaders: 'Optional: {optional}',
    sheetsAdded: 'Sheets added: {names}.',
    rescanHint: 'Scan again to check the new sheets.',
    published: '{department}, {year}; {lines} ledger lines, total {total} 万元.',
    skippedRows: '{rows} rows skipped:',
    badLedger: '{rows} ledger rows cannot be used, so no table was built. Fix them and scan again, or skip them:',
    skipAndPublish: 'Skip these {rows} rows and build',
    rowNumber: 'Row {row}',
    needsDepartment: '{reason}',
    department: 'Department',
    buildAgain: 'Build',
    formsAdded: '{forms} performance forms built, on sheet {names}.',
    formsCarried: '{carried} carry last year’s indicators; the others come from the indicator library.',
    todosHeading: 'For you to fill in ({count})',
    todosNone: 'Nothing left for you to fill in.',
    formsOtherFindings: 'The filled forms have {count} other findings; scan again to see them.',
    badProjects: '{rows} rows of the project list “{sheet}” cannot be used, so no form was filled. Fix them and scan again:',
    buildFailed: 'Build failed: {error}',
    formLayout: 'Form layout',
    standardLayout: 'Standard layout',
    templateOption: 'Template “{sheet}”',
    exampleOption: 'Layout of “{sheet}”',
    formsFromTemplate: 'Filled into the template “{sheet}”, one sheet per form.',
    templateAnnualOnly: 'The template has no project-period funds column; only the annual funds are filled in.',
    badTemplate: 'The template “{sheet}” cannot be used: no value cell found (or read back) for {labels}.',
    templateLacksFunds: 'The template “{sheet}” lacks {count} funds cells, so no form was filled:',
  },
};

/** Office's display language → pane locale: English for any `en…` tag, otherwise Chinese. */
export function pickLocale(displayLanguage?: string | null): Locale {
  return typeof displayLanguage === 'string' && /^en(-|_|$)/i.test(displayLanguage.trim()) ? 'en' : DEFAULT_LOCALE;
}

/** Fills {name} placeholders; unknown names are left as they are. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** The language key core's messages use. */
export function messageKey(locale: Locale): 'zh' | 'en' {
  return locale === 'en' ? 'en' : 'zh';
}

/** An ISO time as the reviewer's clock shows it: 2024-05-01 16:00 (as the 审核意见表 prints it). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
