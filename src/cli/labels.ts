import type { TableKind } from '../core/recognize';
import { specFor } from '../core/recognize/specs/tables';

export type Lang = 'zh-CN' | 'en';

export function kindLabel(kind: TableKind, lang: Lang): string {
  const s = specFor(kind);
  return lang === 'zh-CN' ? s.zh : s.en;
}
