// A form template kept in the workbook (no project of its own, no amounts, no indicator values) is
// not a form to check; a form of a named project left unfilled still is.
import { isBlankTemplate } from '../../../src/core/forms/rules';
import { belowTemplate, rightTemplate, stackedTemplate } from './templates';
import { check, formRows, run, sheetOf, workbookOf } from './helpers';

test.each([
  ['values right of labels', rightTemplate],
  ['values below labels', belowTemplate],
  ['stacked fund columns', stackedTemplate],
])('a blank template (%s) gives no finding', (_, template) => {
  const { forms, findings } = run(workbookOf(template()));
  expect(forms.length).toBe(1);
  expect(forms.every(isBlankTemplate)).toBe(true);
  expect(findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
});

test('a named project with nothing filled in is still reported', () => {
  const rows = formRows({ name: '农村公路养护项目', indicators: [] }).map((r) => r.map((c) => (typeof c === 'number' ? null : c)));
  const { forms, findings } = run(workbookOf(sheetOf('表', rows)));
  expect(forms.length).toBe(1);
  expect(isBlankTemplate(forms[0])).toBe(false);
  expect(findings.some((f) => f.rule === 'form-missing')).toBe(true);
});

test('a template with an XX name but real amounts is a form, and its placeholder is reported', () => {
  const findings = check(formRows({ name: 'XX项目' }));
  expect(findings.some((f) => f.rule === 'form-placeholder')).toBe(true);
});
