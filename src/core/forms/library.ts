// Picks the indicator set for a project: by its 项目类型 when the list has one, else by keywords in
// the project name; fills the value templates.
import { LIBRARY, TYPE_KEYWORDS, type LibraryIndicator, type ProjectType } from './library-data';

export type { LibraryIndicator, ProjectType };
export { LIBRARY, TYPE_KEYWORDS };

/** The to-do marker written where only the user can decide the figure. */
export const TODO = '【待填】';
/**
 * What a to-do value starts with: the marker, then `XX` where the figure goes (`【待填】XX个`). Both
 * are template placeholders to the forms rule, so `check` reports every to-do as form-placeholder.
 */
export const TODO_VALUE = `${TODO}XX`;

export const PROJECT_TYPES = Object.keys(LIBRARY) as ProjectType[];

export function projectType(name: string, typeText?: string): ProjectType {
  const t = typeText?.replace(/\s+/g, '');
  if (t) {
    const exact = PROJECT_TYPES.find((k) => k === t);
    if (exact) return exact;
    const byText = TYPE_KEYWORDS.find(([, re]) => re.test(t));
    if (byText) return byText[0];
  }
  return TYPE_KEYWORDS.find(([, re]) => re.test(name))?.[0] ?? '其他';
}

export interface TemplateVars {
  /** 年度资金总额 in 元, as printed. */
  readonly annual: string;
  readonly year: number;
}

export function fillValue(template: string, v: TemplateVars): string {
  return template
    .replace(/\{cost\}/g, `≤${v.annual}元/年`)
    .replace(/\{year\}/g, String(v.year))
    .replace(/\{todo\}/g, TODO_VALUE);
}

export function libraryIndicators(type: ProjectType, v: TemplateVars): LibraryIndicator[] {
  return LIBRARY[type].map((i) => ({ ...i, value: fillValue(i.value, v) }));
}
