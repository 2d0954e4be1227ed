// Pane strings as data: one record per locale, same keys in each (the type enforces it).
// Placeholders are written {name} and filled by `format`.

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
  notInExcel: string;
  scanDone: string;
  scanFailed: string;
}

export const messages: Readonly<Record<Locale, Messages>> = {
  'zh-CN': {
    title: '算盘 Suanpan',
    subtitle: '部门预算公开表检查',
    languageGroup: '语言',
    localeName: '中文',
    scan: '扫描工作簿',
    scanning: '正在扫描…',
    notInExcel: '在 Excel 中打开以扫描',
    scanDone: '已读取工作簿。检查规则尚未接入此窗格。',
    scanFailed: '扫描失败：{error}',
  },
  en: {
    title: '算盘 Suanpan',
    subtitle: 'Department budget table checker',
    languageGroup: 'Language',
    localeName: 'English',
    scan: 'Scan workbook',
    scanning: 'Scanning…',
    notInExcel: 'Open in Excel to scan',
    scanDone: 'Workbook read. Checks are not connected to this pane yet.',
    scanFailed: 'Scan failed: {error}',
  },
};

/** Office's display language → pane locale: English for any `en…` tag, otherwise Chinese. */
export function pickLocale(displayLanguage?: string | null): Locale {
  return typeof displayLanguage === 'string' && /^en(-|_|$)/i.test(displayLanguage.trim()) ? 'en' : DEFAULT_LOCALE;
}

/** Fills {name} placeholders; unknown names are left as they are. */
export function format(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole,
  );
}
