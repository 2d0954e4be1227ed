import functionData from './data/function.json';
import economicDeptData from './data/economic-dept.json';
import economicGovData from './data/economic-gov.json';
import { inferScheme, normalizeCode, type LevelName, type Scheme } from './codes';
import { normalizeName } from './normalize';

export { inferScheme, levelName, levelOfCode, normalizeCode, parentCode } from './codes';
export type { LevelName, Scheme } from './codes';

export interface AliasEntry {
  name: string;
  /** Which edition uses this name, e.g. `2024 edition (财预〔2023〕83号)`. */
  edition: string;
  source?: string;
}

export interface DictionaryEntry {
  code: string;
  name: string;
  level: LevelName;
  /** Code one level up; the parent entry itself may be missing from the dictionary. */
  parent: string | null;
  aliases: AliasEntry[];
  source: string;
}

export interface SchemeEntry extends DictionaryEntry {
  scheme: Scheme;
}

export type NameMatchStatus = 'match' | 'alias' | 'truncated' | 'mismatch' | 'unknown';

export interface NameMatch {
  status: NameMatchStatus;
  code: string;
  scheme?: Scheme;
  /** The given name after normalizeName. */
  given: string;
  official?: string;
  /** For 'alias', and for 'truncated' when the longer name is an alias. */
  alias?: AliasEntry;
  /** For 'truncated': the full name (official or alias) the given name is a prefix of. */
  fullName?: string;
  /** Source label of the official name. */
  source?: string;
}

const MIN_TRUNCATED = 2;

export class Dictionary {
  private readonly byScheme = new Map<Scheme, Map<string, SchemeEntry>>();
  /** normalized name (official or alias) → entries, per scheme */
  private readonly byName = new Map<Scheme, Map<string, SchemeEntry[]>>();

  constructor(data: Record<Scheme, readonly DictionaryEntry[]>) {
    for (const scheme of Object.keys(data) as Scheme[]) {
      const codes = new Map<string, SchemeEntry>();
      const names = new Map<string, SchemeEntry[]>();
      for (const raw of data[scheme]) {
        const entry: SchemeEntry = { ...raw, scheme };
        codes.set(entry.code, entry);
        const keys = new Set([entry.name, ...entry.aliases.map((a) => a.name)].map(normalizeName));
        for (const key of keys) {
          const list = names.get(key);
          if (list) list.push(entry);
          else names.set(key, [entry]);
        }
      }
      this.byScheme.set(scheme, codes);
      this.byName.set(scheme, names);
    }
  }

  /** Entry for a code; the scheme is inferred from the first digit when absent. */
  lookup(code: string, scheme?: Scheme): SchemeEntry | undefined {
    const c = normalizeCode(code);
    const s = scheme ?? inferScheme(c);
    return s ? this.byScheme.get(s)?.get(c) : undefined;
  }

  nameMatches(code: string, name: string, scheme?: Scheme): NameMatch {
    const c = normalizeCode(code);
    const given = normalizeName(name);
    const entry = this.lookup(c, scheme);
    if (!entry) return { status: 'unknown', code: c, scheme: scheme ?? inferScheme(c), given };
    const base = { code: c, scheme: entry.scheme, given, official: entry.name, source: entry.source };
    const official = normalizeName(entry.name);
    if (given === official) return { status: 'match', ...base };
    const alias = entry.aliases.find((a) => normalizeName(a.name) === given);
    if (alias) return { status: 'alias', ...base, alias };
    if (given.length >= MIN_TRUNCATED) {
      if (official.startsWith(given)) return { status: 'truncated', ...base, fullName: entry.name };
      const cut = entry.aliases.find((a) => normalizeName(a.name).startsWith(given));
      if (cut) return { status: 'truncated', ...base, alias: cut, fullName: cut.name };
    }
    return { status: 'mismatch', ...base };
  }

  /** Every entry whose official name or an alias equals the name (names repeat across branches). */
  findCodesByName(name: string, scheme?: Scheme): SchemeEntry[] {
    const key = normalizeName(name);
    const schemes = scheme ? [scheme] : [...this.byName.keys()];
    return schemes.flatMap((s) => this.byName.get(s)?.get(key) ?? []);
  }

  entries(scheme: Scheme): SchemeEntry[] {
    return [...(this.byScheme.get(scheme)?.values() ?? [])];
  }

  /** Official names of the 类 of a scheme, in code order. */
  classNames(scheme: Scheme): string[] {
    return this.entries(scheme)
      .filter((e) => e.level === '类')
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((e) => e.name);
  }

  /** 类 names of the dept-economic scheme (工资福利支出, 商品和服务支出, …). Partial: 307/311–313/399 are missing. */
  economicClassNames(): string[] {
    return this.classNames('economic-dept');
  }

  functionClassNames(): string[] {
    return this.classNames('function');
  }
}

// JSON imports are typed with `level: string`; the build script guarantees the narrower type.
export const dictionary = new Dictionary({
  function: functionData as DictionaryEntry[],
  'economic-dept': economicDeptData as DictionaryEntry[],
  'economic-gov': economicGovData as DictionaryEntry[],
});
