// Names for sheets the pane adds: never a user's sheet. Excel compares sheet names without case and
// allows 31 characters, none of : \ / ? * [ ].

export const MAX_SHEET_NAME = 31;

/** `name` if no sheet has it, else `name (2)`, `name (3)` …, shortened to fit 31 characters. */
export function freeSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = name.replace(/[:\\/?*[\]]/g, '_').slice(0, MAX_SHEET_NAME) || 'Sheet';
  if (!used.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Free names for several sheets at once: each also avoids the ones given before it. */
export function freeSheetNames(names: readonly string[], taken: Iterable<string>): string[] {
  const used = [...taken];
  return names.map((n) => {
    const free = freeSheetName(n, used);
    used.push(free);
    return free;
  });
}
