// Corrections read from a misaligned finding's details, defensively.
import { changedCorrections, corrections } from '../../src/taskpane/fix/corrections';
import { finding, MISALIGNED } from './fixtures';

test('reads details.corrected', () => {
  expect(corrections(MISALIGNED)).toEqual([
    { cell: 'A12', name: '社会保障和就业支出', from: '2080505', to: '208' },
    { cell: 'A13', name: '行政事业单位养老支出', from: '210', to: '20805' },
    { cell: 'A14', name: '机关事业单位基本养老保险缴费支出', from: '21011', to: '2080505' },
  ]);
});

test('null without corrections or with malformed ones', () => {
  const base = { rule: 'misaligned' as const, severity: 'error' as const, sheet: '表5', cell: 'A12' };
  expect(corrections(finding(base))).toBeNull();
  expect(corrections(finding({ ...base, details: { corrected: [] } }))).toBeNull();
  expect(corrections(finding({ ...base, details: { corrected: 'A12' } }))).toBeNull();
  expect(corrections(finding({ ...base, details: { corrected: [{ cell: 'A12', from: 1, to: '2' }] } }))).toBeNull();
  expect(corrections(finding({ ...base, details: { corrected: [{ cell: '表5!A12', from: '1', to: '2' }] } }))).toBeNull();
});

test('a missing name reads as empty; unchanged cells are left out of changedCorrections', () => {
  const f = finding({
    rule: 'misaligned',
    severity: 'error',
    sheet: '表5',
    cell: 'A1',
    details: { corrected: [{ cell: 'A1', from: '201', to: '201' }, { cell: 'A2', from: '20101', to: '201' }] },
  });
  expect(corrections(f)?.[0]).toEqual({ cell: 'A1', name: '', from: '201', to: '201' });
  expect(changedCorrections(f).map((c) => c.cell)).toEqual(['A2']);
});
