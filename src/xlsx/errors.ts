// The one error the xlsx adapter throws for files it cannot use; callers show `message` as is.

export class InputError extends Error {
  constructor(
    public readonly file: string,
    public readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
  }
}

/** Reasons, Chinese first then English, one line each. */
export const reasons = {
  missing: '文件不存在 / file not found',
  unreadable: (detail: string) => `无法读取文件（${detail}） / cannot read the file (${detail})`,
  directory: '这是一个文件夹，不是文件 / this is a folder, not a file',
  emptyFile: '文件是空的（0 字节） / the file is empty (0 bytes)',
  legacyXls: '不是 .xlsx 文件（旧版 .xls 格式，请在 Excel 中另存为 .xlsx） / not an .xlsx file (legacy .xls; save it as .xlsx in Excel)',
  encrypted:
    '文件有密码保护（已加密），请在 Excel 中取消密码后另存再试 / the file is password-protected (encrypted); remove the password in Excel, save, and try again',
  notZip: (hint?: { zh: string; en: string }) =>
    hint ? `不是 .xlsx 文件（${hint.zh}） / not an .xlsx file (${hint.en})` : '不是 .xlsx 文件 / not an .xlsx file',
  xlsb: '不是 .xlsx 文件（.xlsb 二进制工作簿，请在 Excel 中另存为 .xlsx） / not an .xlsx file (binary .xlsb; save it as .xlsx in Excel)',
  ods: '不是 .xlsx 文件（OpenDocument .ods 表格，请另存为 .xlsx） / not an .xlsx file (OpenDocument .ods; save it as .xlsx)',
  notWorkbook: '压缩包里没有 Excel 工作簿（可能是其他 Office 文档） / the archive holds no Excel workbook (another kind of Office file?)',
  damaged: (detail: string) => `文件已损坏或无法解析（${detail}） / the file is damaged or cannot be parsed (${detail})`,
  noSheets: '工作簿里没有工作表 / the workbook has no worksheets',
  noData: '工作簿没有内容（所有工作表都是空的） / the workbook contains no data (every sheet is empty)',
} as const;
