export * from './codes';
export * from './normalize';
export * from './structure';
export { Dictionary, dictionary } from './dictionary';
export type { AliasEntry, DictionaryEntry, NameMatch, NameMatchStatus, SchemeEntry } from './dictionary';
