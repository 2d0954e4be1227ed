// Decisions and their merge with a new scan (pure: no files).
import { checkWorkbook } from '../../../src/core/rules';
import {
  commentCell,
  commentFinding,
  decide,
  emptyStore,
  fingerprintFindings,
  mergeScan,
  normalizeLabel,
  recordScan,
  ReviewError,
  undecide,
  type ReviewItem,
} from '../../../src/core/review';
import { expenditureWorkbook } from './helpers';

const AT = '2024-05-01T06:30:00.000Z';
const scanOf = (b: Parameters<typeof expenditureWorkbook>[1]) => checkWorkbook(expenditureWorkbook('t', b));
const item = (items: readonly ReviewItem[], rule: string, row: string) => {
  const it = items.find((x) => x.snapshot.rule === rule && x.snapshot.rowLabel?.startsWith(row));
  if (!it) throw new Error(`no ${rule} on ${row}`);
  return it;
};

describe('fingerprints', () => {
  test('name what a finding is about, not where: rows inserted above change nothing', () => {
    const a = scanOf({ subtotal: 1600 });
    const b = scanOf({ subtotal: 1600, above: 3 });
    expect(a.findings.map((f) => f.cell)).not.toEqual(b.findings.map((f) => f.cell));
    expect(fingerprintFindings(a.findings, a.recognition)).toEqual(fingerprintFindings(b.findings, b.recognition));
    expect(fingerprintFindings(a.findings, a.recognition)).toContain('subtotal|expenditure|20103政府办公厅(室)及相关机构事务|合计');
  });

  test('are unique within a scan, and normalize spacing and full-width forms', () => {
    const r = scanOf({ subtotal: 1600 });
    const twice = [...r.findings, r.findings[0]];
    const fps = fingerprintFindings(twice, r.recognition);
    expect(new Set(fps).size).toBe(fps.length);
    expect(fps[fps.length - 1]).toBe(`${fps[0]}~2`);
    expect(normalizeLabel(' 2010301　行政运行（一） ')).toBe('2010301行政运行(一)');
  });

  test('tell apart two tables of one kind', () => {
    const r = scanOf({ subtotal: 1600 });
    const second = { ...r.recognition.tables[0], id: 'tx' };
    const rec = { ...r.recognition, tables: [...r.recognition.tables, second] };
    const f = { ...r.findings[0], table: 'tx' };
    expect(fingerprintFindings([f], rec)[0]).toMatch(/^subtotal\|expenditure#2\|/);
  });
});

describe('deciding', () => {
  test('needs a reviewer; dismissing needs a reason', () => {
    const scan = mergeScan(emptyStore(), scanOf({ subtotal: 1600 }));
    const it = scan.items[0];
    expect(() => decide(emptyStore(), it, 'confirmed', { reviewer: ' ' })).toThrow(ReviewError);
    expect(() => decide(emptyStore(), it, 'dismissed', { reviewer: '张三' })).toThrow(/理由|reason/);
    expect(() => decide(emptyStore(), it, 'dismissed', { reviewer: '张三', reason: '  ' })).toThrow(ReviewError);
    const s = decide(emptyStore(), it, 'dismissed', { reviewer: '张三', reason: '上年结转，已核实', at: AT });
    expect(s.decisions[it.fingerprint]).toMatchObject({ decision: 'dismissed', reason: '上年结转，已核实', reviewer: '张三', at: AT, expected: it.snapshot.expected, actual: it.snapshot.actual });
  });

  test('a later decision replaces the earlier one, which goes into the history; undecide takes it back', () => {
    const scan = mergeScan(emptyStore(), scanOf({ subtotal: 1600 }));
    const it = scan.items[0];
    let s = decide(emptyStore(), it, 'confirmed', { reviewer: '张三', at: AT });
    s = decide(s, it, 'fixed', { reviewer: '李四', at: '2024-05-02T01:00:00Z' });
    expect(s.decisions[it.fingerprint].decision).toBe('fixed');
    expect(s.decisions[it.fingerprint].history).toEqual([{ decision: 'confirmed', reviewer: '张三', at: AT }]);
    s = undecide(s, it.fingerprint);
    expect(s.decisions[it.fingerprint]).toBeUndefined();
    expect(mergeScan(s, scanOf({ subtotal: 1600 })).items[0].status).toBe('open');
  });

  test('comments on findings and on cells; empty text removes them', () => {
    const scan = mergeScan(emptyStore(), scanOf({ subtotal: 1600 }));
    let s = commentFinding(emptyStore(), scan.items[1].fingerprint, '请单位说明', '张三', AT);
    s = commentCell(s, '支出总表', '$b$7', '名称与编码表一致', '李四', AT);
    const again = mergeScan(s, scanOf({ subtotal: 1600 }));
    expect(again.items[1].comment).toEqual({ text: '请单位说明', reviewer: '张三', at: AT });
    expect(again.cellComments).toEqual([{ sheet: '支出总表', cell: 'B7', text: '名称与编码表一致', reviewer: '李四', at: AT }]);
    s = commentCell(commentFinding(s, scan.items[1].fingerprint, '', '张三'), '支出总表', 'B7', ' ', '李四');
    expect(s.findingComments).toEqual({});
    expect(s.cellComments).toEqual({});
  });
});

describe('merging a rescan', () => {
  const first = scanOf({ subtotal: 1600 });
  const base = mergeScan(emptyStore(), first);
  const sub = item(base.items, 'subtotal', '20103');
  const row = item(base.items, 'row-total', '20103');
  const top = item(base.items, 'subtotal', '201 ');

  test('before any recorded scan nothing is new; after one, only what it lacked', () => {
    expect(base.items.map((i) => i.status)).toEqual(['open', 'open', 'open']);
    const recorded = recordScan(emptyStore(), mergeScan(emptyStore(), scanOf({})), { at: AT });
    const next = mergeScan(recorded, first);
    expect(next.items.every((i) => i.status === 'new' && i.isNew)).toBe(true);
    const same = mergeScan(recordScan(recorded, next, { at: AT }), first);
    expect(same.items.every((i) => i.status === 'open' && !i.isNew)).toBe(true);
  });

  test('decisions hold while the figures hold; a dismissed finding with new figures is open again, marked changed', () => {
    let s = decide(emptyStore(), sub, 'dismissed', { reviewer: '张三', reason: '口径不同', at: AT });
    s = decide(s, row, 'confirmed', { reviewer: '张三', at: AT });
    s = decide(s, top, 'fixed', { reviewer: '张三', at: AT });
    s = recordScan(s, base, { at: AT });

    const kept = mergeScan(s, scanOf({ subtotal: 1600, above: 2 }));
    expect(kept.items.map((i) => [i.snapshot.rule, i.status, i.changed])).toEqual([
      ['subtotal', 'fixed', false],
      ['row-total', 'confirmed', false],
      ['subtotal', 'dismissed', false],
    ]);

    const moved = mergeScan(s, scanOf({ subtotal: 1700 }));
    expect(item(moved.items, 'subtotal', '20103')).toMatchObject({ status: 'open', changed: true });
    expect(item(moved.items, 'subtotal', '20103').record?.actual).toBe('1600');
    expect(item(moved.items, 'subtotal', '20103').snapshot.actual).toBe('1700');
    expect(item(moved.items, 'row-total', '20103')).toMatchObject({ status: 'confirmed', changed: true });
    expect(item(moved.items, 'subtotal', '201 ')).toMatchObject({ status: 'open', changed: true });
    expect(moved.counts).toMatchObject({ open: 2, confirmed: 1, changed: 3 });

    // Put right: every decided finding is now resolved, shown with what it said.
    const fixed = mergeScan(s, scanOf({}));
    expect(fixed.items.map((i) => [i.status, i.finding, i.snapshot.rule])).toEqual([
      ['resolved', undefined, 'subtotal'],
      ['resolved', undefined, 'row-total'],
      ['resolved', undefined, 'subtotal'],
    ]);
    expect(fixed.counts.resolved).toBe(3);
  });

  test('grouping commas and spaces do not count as a change of figures', () => {
    const s = decide(emptyStore(), { ...sub, snapshot: { ...sub.snapshot, actual: '1,600 ' } }, 'dismissed', { reviewer: '张三', reason: 'x', at: AT });
    expect(item(mergeScan(s, first).items, 'subtotal', '20103').status).toBe('dismissed');
  });

  test('recordScan moves a decided finding to where it is now but keeps the figures it was decided on', () => {
    let s = decide(emptyStore(), sub, 'dismissed', { reviewer: '张三', reason: 'x', at: AT });
    const moved = mergeScan(s, scanOf({ subtotal: 1700, above: 1 }));
    s = recordScan(s, moved, { at: AT, by: '王五' });
    expect(s.decisions[sub.fingerprint].finding.cell).toBe('C7');
    expect(s.decisions[sub.fingerprint].actual).toBe('1600');
    expect(s.lastScan).toEqual({ at: AT, by: '王五', fingerprints: moved.fingerprints });
  });
});
