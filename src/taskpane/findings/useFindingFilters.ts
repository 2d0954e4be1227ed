import { useMemo, useState } from 'react';
import type { RuleId, Severity } from '../../core/findings';
import type { ScanResult } from '../host';
import {
  countBySeverity,
  filterFindings,
  groupFindings,
  ruleOptions,
  SEVERITIES,
  withIds,
  type FindingFilter,
  type FindingGroup,
  type PaneFinding,
  type RuleOption,
  type SeverityCounts,
} from './model';

export interface FindingFilters {
  readonly all: readonly PaneFinding[];
  readonly counts: SeverityCounts;
  readonly rules: readonly RuleOption[];
  readonly filter: FindingFilter;
  readonly groups: readonly FindingGroup[];
  readonly shown: number;
  toggleSeverity(s: Severity): void;
  setRule(rule: RuleId | 'all'): void;
}

/** The filter state and what it leaves of one scan's findings, grouped by table. */
export function useFindingFilters(result: ScanResult | null): FindingFilters {
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [rule, setRule] = useState<RuleId | 'all'>('all');
  const all = useMemo(() => (result ? withIds(result.findings) : []), [result]);
  const counts = useMemo(() => countBySeverity(result?.findings ?? []), [result]);
  const rules = useMemo(() => ruleOptions(result?.findings ?? []), [result]);
  // A rule that no longer occurs (after a rescan) stops filtering.
  const activeRule = rule !== 'all' && rules.some((r) => r.rule === rule) ? rule : 'all';
  const filter = useMemo<FindingFilter>(() => ({ severities, rule: activeRule }), [severities, activeRule]);
  const shownItems = useMemo(() => filterFindings(all, filter), [all, filter]);
  const groups = useMemo(() => (result ? groupFindings(shownItems, result.recognition) : []), [shownItems, result]);
  return {
    all,
    counts,
    rules,
    filter,
    groups,
    shown: shownItems.length,
    toggleSeverity: (s) =>
      setSeverities((prev) => {
        const next = new Set(prev);
        if (next.has(s)) next.delete(s);
        else next.add(s);
        return next;
      }),
    setRule,
  };
}
