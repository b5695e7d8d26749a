// Runtime access to the knowledge base compiled by scripts/build-knowledge.mjs.
import compiled from '../../../generated/knowledge.json';
import type { Locale } from '../types';

export type Localised = { en: string; ru: string };

export interface BaseEntry {
  id: string;
  type: 'fact' | 'rule' | 'ref' | 'topic';
  source: string;
  notes?: string[];
}

export interface FactEntry extends BaseEntry {
  type: 'fact';
  topic: string;
  title: Localised;
  body: Localised;
  /** what holds today, where the notes are dated or imprecise */
  today?: Localised;
}

export interface TopicEntry extends BaseEntry {
  type: 'topic';
  order?: number;
  title: Localised;
  body?: Localised;
}

export interface RuleExample {
  code: string;
  /** file name the example is classified as (defaults per family) */
  file?: string;
  /** other files of the example's workspace (a .dockerignore, a Dockerfile for build.target…) */
  files?: Record<string, string>;
}

export interface RuleEntry extends BaseEntry {
  type: 'rule';
  name: string;
  family?: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** false: off unless the user enables it (or hardening is on, for hardening rules) */
  enabled?: boolean;
  hardening?: boolean;
  seeAlso?: { tool: string; id: string; url?: string }[];
  title: Localised;
  message: Localised;
  why: Localised;
  /** one fix title, or named fix titles */
  fix?: Localised | Record<string, Localised>;
  args?: string[];
  examples: { invalid: (string | RuleExample)[]; valid?: (string | RuleExample)[] };
}

export interface RefEntry extends BaseEntry {
  type: 'ref';
  title: Localised;
  body: Localised;
  today?: Localised;
  /** documented enumeration values */
  values?: Record<string, Localised>;
  /** free-form extra data for the family that owns the entry (type, default, since…) */
  [extra: string]: unknown;
}

export type Entry = FactEntry | RuleEntry | RefEntry | TopicEntry;

const data = compiled as unknown as { entries: Record<string, Entry>; strings: Record<string, Localised> };

export function entry(id: string): Entry | undefined {
  return data.entries[id];
}

export function fact(id: string): FactEntry | undefined {
  const e = data.entries[id];
  return e?.type === 'fact' ? e : undefined;
}

export function rule(id: string): RuleEntry | undefined {
  const e = data.entries[id];
  return e?.type === 'rule' ? e : undefined;
}

export function ref(id: string): RefEntry | undefined {
  const e = data.entries[id];
  return e?.type === 'ref' ? e : undefined;
}

export function allEntries(): Entry[] {
  return Object.values(data.entries);
}

export function allFacts(): FactEntry[] {
  return allEntries().filter((e): e is FactEntry => e.type === 'fact');
}

export function allRuleEntries(): RuleEntry[] {
  return allEntries().filter((e): e is RuleEntry => e.type === 'rule');
}

export function allTopics(): TopicEntry[] {
  return allEntries()
    .filter((e): e is TopicEntry => e.type === 'topic')
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

/** Fill `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function format(template: string, args?: Record<string, string | number>): string {
  if (!args) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}

export function localise(text: Localised | undefined, locale: Locale, args?: Record<string, string | number>): string {
  if (!text) return '';
  return format(text[locale] ?? text.en, args);
}

/** A short UI string from the l10n bundle (server/knowledge/ui.yaml). */
export function t(key: string, locale: Locale, args?: Record<string, string | number>): string {
  const s = data.strings[key];
  if (!s) return key;
  return localise(s, locale, args);
}

/** The file kind's label: the variant's own (`kind.ansible-vars.role-meta`) when the bundle has one. */
export function kindLabel(kind: string, variant: string | undefined, locale: Locale): string {
  return variant && data.strings[`kind.${kind}.${variant}`] ? t(`kind.${kind}.${variant}`, locale) : t(`kind.${kind}`, locale);
}

export function stringKeys(): string[] {
  return Object.keys(data.strings);
}

/** The fix title of a rule: the single one, or the named one. */
export function fixTitle(r: RuleEntry, locale: Locale, name = 'default', args?: Record<string, string | number>): string {
  const f = r.fix;
  if (!f) return t('fix.generic', locale, { rule: r.id });
  if ('en' in f && typeof f.en === 'string') return localise(f as Localised, locale, args);
  const named = (f as Record<string, Localised>)[name];
  return named ? localise(named, locale, args) : t('fix.generic', locale, { rule: r.id });
}
