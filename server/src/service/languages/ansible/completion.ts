// Ansible completion by context, found from indentation so that half-typed lines work: play, task,
// block and roles-entry keywords; module names (short and FQCN) and their options; option values
// (`state:` per module); handler names in `notify`; ansible.cfg keys; inventory `ansible_*` variables.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { localise, ref, t } from '../../knowledge/index';
import type { Locale } from '../../types';
import type { RequestContext } from '../support';
import {
  cfgEntry, cfgKeys, inventoryVarNames, inventoryVar, keywordEntry, keywordsFor, moduleInfo, moduleNames, type ModuleEntry, type Scope,
} from './catalog';
import { ansibleModel, handlerNames, iniModel } from './model';
import { findVariable, handlersOfFile, roleMain, roleOf } from './project';
import { KNOWN_STRATEGIES } from '../../rules/ansible/AN004-unknown-strategy';

const TASK_LISTS = new Set(['tasks', 'pre_tasks', 'post_tasks', 'handlers', 'block', 'rescue', 'always']);
const BOOLEAN_KEYS = new Set(['become', 'gather_facts', 'any_errors_fatal', 'force_handlers', 'ignore_errors', 'ignore_unreachable', 'run_once', 'check_mode', 'diff', 'no_log', 'delegate_facts', 'changed_when', 'failed_when']);

interface LineInfo { indent: number; dash: boolean; keyCol: number; key?: string; hasValue: boolean }

function lineInfo(text: string): LineInfo | undefined {
  if (/^\s*(#.*)?$/.test(text)) return undefined;
  const m = /^(\s*)(-\s+)?(?:([^\s#:][^:#]*?)\s*:(?:\s+(.*))?)?\s*$/.exec(text);
  const indent = /^\s*/.exec(text)![0].length;
  if (!m) {
    const dash = /^\s*-\s/.test(text);
    return { indent, dash, keyCol: indent + (dash ? /^\s*-\s+/.exec(text)![0].length - indent : 0), hasValue: true };
  }
  const dash = !!m[2];
  return { indent, dash, keyCol: indent + (dash ? m[2].length : 0), key: m[3], hasValue: !!(m[4] && m[4].trim()) };
}

/** The chain of parent keys above a key column, nearest first, found by indentation. */
function parents(doc: InfraDocument, line: number, col: number): { key?: string; line: number; dash: boolean }[] {
  const out: { key?: string; line: number; dash: boolean }[] = [];
  let limit = col;
  for (let l = line - 1; l >= 0 && out.length < 6 && limit > 0; l--) {
    const info = lineInfo(doc.lineText(l));
    if (!info) continue;
    if (info.dash) {
      if (info.keyCol < limit) {
        if (info.key && !info.hasValue) out.push({ key: info.key, line: l, dash: true });
        limit = info.indent;
      } else if (info.keyCol === limit) {
        limit = info.indent; // the first line of our own list item
      }
      continue;
    }
    if (info.keyCol < limit) {
      if (!info.hasValue) out.push({ key: info.key, line: l, dash: false });
      limit = info.keyCol;
    }
  }
  return out;
}

export function complete(doc: InfraDocument, pos: Position, ctx: RequestContext): CompletionItem[] {
  const locale = ctx.settings.locale;
  if (doc.kind === 'ansible-cfg') return cfgCompletion(doc, pos, locale);
  if (doc.kind === 'ansible-inventory') return inventoryCompletion(doc, pos, locale);
  if (doc.kind === 'ansible-vars') return [];
  const before = doc.lineText(pos.line).slice(0, pos.character);

  // a variable inside `{{ … }}` or a bare `when:` expression
  const open = Math.max(before.lastIndexOf('{{'), before.lastIndexOf('{%'));
  const inExpr = open >= 0 && before.lastIndexOf('}}') < open && before.lastIndexOf('%}') < open;
  if ((inExpr || /^\s*(-\s+)?(when|changed_when|failed_when|until|that):\s+(?!["']?\{\{)/.test(before) || /^\s*-\s+[^:]*$/.test(before) && /\b(when|that):\s*$/.test(doc.lineText(Math.max(0, pos.line - 1))))
    && /(^|[\s({[,|=+~-])[A-Za-z_]\w*$|[{(\s]$/.test(before)) {
    return variableItems(doc, ctx);
  }

  // a value: `key: par`
  const value = /^(\s*)(-\s+)?([\w.\-]+):\s+(\S*)$/.exec(before);
  if (value) {
    const keyCol = value[1].length + (value[2]?.length ?? 0);
    const key = value[3];
    const chain = parents(doc, pos.line, keyCol + (value[2] ? 0 : 0));
    return valueCompletion(doc, key, chain, ctx);
  }
  // a list item under `notify:`
  const item = /^(\s*)-\s+(\S*)$/.exec(before);
  if (item) {
    const chain = parents(doc, pos.line, item[1].length + 1);
    if (chain[0]?.key === 'notify') return handlerItems(doc, ctx);
  }
  // a key
  const key = /^(\s*)(-\s+)?([\w.\-]*)$/.exec(before);
  if (!key) return [];
  const col = key[1].length + (key[2]?.length ?? 0);
  const chain = parents(doc, pos.line, col);
  const parent = chain[0];
  if (!parent) {
    if (ansibleModel(doc).playbook) return keywordItems('play', locale);
    return taskItems(doc, locale);
  }
  if (parent.key && TASK_LISTS.has(parent.key)) {
    return [...keywordItems('task', locale), ...keywordItems('block', locale, ['block', 'rescue', 'always']), ...moduleItems(locale), ...(parent.key === 'handlers' || doc.kind === 'ansible-handlers' ? keywordItems('handler', locale) : [])];
  }
  if (parent.key === 'roles') return keywordItems('role', locale);
  if (parent.key && parent.dash === false && chain[1]?.key && TASK_LISTS.has(chain[1].key)) {
    const m = moduleInfo(parent.key);
    if (m) return optionItems(m, locale);
  }
  if (parent.key) {
    const m = moduleInfo(parent.key);
    if (m) return optionItems(m, locale);
  }
  // top-level task file items whose parent is the item itself
  if (parent.dash && !chain[1] && !ansibleModel(doc).playbook) return taskItems(doc, locale);
  if (parent.dash && !chain[1] && ansibleModel(doc).playbook) return keywordItems('play', locale);
  return [];
}

function taskItems(doc: InfraDocument, locale: Locale): CompletionItem[] {
  const items = [...keywordItems('task', locale), ...keywordItems('block', locale, ['block', 'rescue', 'always']), ...moduleItems(locale)];
  if (doc.kind === 'ansible-handlers') items.push(...keywordItems('handler', locale));
  return items;
}

function variableItems(doc: InfraDocument, ctx: RequestContext): CompletionItem[] {
  const seen = new Map<string, CompletionItem>();
  for (const d of findVariable(doc, undefined, ctx.workspace?.fs)) {
    if (seen.has(d.name)) continue;
    seen.set(d.name, { label: d.name, kind: CompletionItemKind.Variable, detail: t(`ansible.def.${d.source}`, ctx.settings.locale), sortText: `0${d.name}` });
  }
  const magic = ref('ansible.variable.magic');
  for (const [k, v] of Object.entries(magic?.values ?? {})) {
    if (!seen.has(k)) seen.set(k, { label: k, kind: CompletionItemKind.Constant, detail: localise(v, ctx.settings.locale), sortText: `1${k}` });
  }
  return [...seen.values()];
}

function keywordItems(scope: Scope, locale: Locale, only?: string[]): CompletionItem[] {
  const names = only ?? keywordsFor(scope);
  return names.map((k) => {
    const e = keywordEntry(k);
    return {
      label: k,
      kind: CompletionItemKind.Keyword,
      detail: e ? localise(e.title, locale) : undefined,
      documentation: e ? { kind: 'markdown', value: localise(e.body, locale) } : undefined,
      insertText: `${k}: `,
      sortText: `1${k}`,
    } as CompletionItem;
  });
}

function moduleItems(locale: Locale): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const short of moduleNames()) {
    const m = moduleInfo(short)!;
    const doc = { kind: 'markdown' as const, value: localise(m.body, locale) };
    out.push({ label: short, kind: CompletionItemKind.Module, detail: localise(m.title, locale), documentation: doc, insertText: `${short}:`, sortText: `2${short}` });
    if (m.fqcn) out.push({ label: m.fqcn, kind: CompletionItemKind.Module, detail: localise(m.title, locale), documentation: doc, insertText: `${m.fqcn}:`, sortText: `3${short}` });
  }
  return out;
}

function optionItems(m: ModuleEntry, locale: Locale): CompletionItem[] {
  return Object.entries(m.options ?? {}).map(([k, o]) => ({
    label: k,
    kind: CompletionItemKind.Property,
    detail: o.required ? '*' : undefined,
    documentation: { kind: 'markdown', value: locale === 'ru' ? o.ru : o.en },
    insertText: `${k}: `,
    sortText: `${o.required ? 0 : 1}${k}`,
  }));
}

function valueCompletion(doc: InfraDocument, key: string, chain: { key?: string; dash: boolean }[], ctx: RequestContext): CompletionItem[] {
  const locale = ctx.settings.locale;
  if (key === 'notify') return handlerItems(doc, ctx);
  if (key === 'strategy') return values(KNOWN_STRATEGIES, keywordEntry('strategy')?.values, locale);
  const parent = chain[0]?.key;
  const m = parent ? moduleInfo(parent) : undefined;
  if (m) {
    const o = m.options?.[key];
    if (o?.values) return values(o.values, key === 'state' ? ref('ansible.values.state')?.values : undefined, locale);
    if (o?.type === 'bool') return values(['true', 'false'], undefined, locale);
    return [];
  }
  const e = keywordEntry(key);
  if (e?.values) return values(Object.keys(e.values), e.values, locale);
  if (BOOLEAN_KEYS.has(key)) return values(['true', 'false'], undefined, locale);
  return [];
}

function values(list: string[], docs: Record<string, { en: string; ru: string }> | undefined, locale: Locale): CompletionItem[] {
  return list.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, documentation: docs?.[v] ? localise(docs[v], locale) : undefined }));
}

/** Handler names (and listen topics) of this file, its role, and the other roles beside it. */
export function handlerItems(doc: InfraDocument, ctx: RequestContext): CompletionItem[] {
  const names = new Set<string>();
  for (const t of ansibleModel(doc).tasks) if (t.handler) for (const h of handlerNames(t)) names.add(h.name);
  const fs = ctx.workspace?.fs;
  const role = roleOf(doc.path);
  if (fs && role) {
    const defs: { name: string }[] = [];
    const main = roleMain(role.root, 'handlers', fs);
    if (main) handlersOfFile(main, fs, defs as never);
    for (const d of defs) names.add(d.name);
  }
  return [...names].map((n) => ({ label: n, kind: CompletionItemKind.Event, insertText: /[:#{}[\],&*!|>'"%@`]/.test(n) ? JSON.stringify(n) : n }));
}

// ---------------------------------------------------------------------------------------------

function cfgCompletion(doc: InfraDocument, pos: Position, locale: Locale): CompletionItem[] {
  const before = doc.lineText(pos.line).slice(0, pos.character);
  if (/^\s*\[[\w_]*$/.test(before)) {
    return ['defaults', 'privilege_escalation', 'ssh_connection', 'inventory', 'persistent_connection', 'colors', 'galaxy'].map((s) => {
      const e = cfgEntry(`section.${s}`);
      return { label: s, kind: CompletionItemKind.Module, detail: e ? localise(e.title, locale) : undefined };
    });
  }
  const value = /^\s*([\w_]+)\s*=\s*(\S*)$/.exec(before);
  if (value) {
    if (value[1] === 'strategy') return values(KNOWN_STRATEGIES, keywordEntry('strategy')?.values, locale);
    const e = cfgEntry(value[1]);
    if (e?.values) return values(Object.keys(e.values), e.values, locale);
    return [];
  }
  if (!/^\s*[\w_]*$/.test(before)) return [];
  // the section the cursor is in
  const ini = iniModel(doc);
  const offset = doc.offsetAt(pos);
  let section = '';
  for (const s of ini.sections) if (s.start <= offset) section = s.name;
  return cfgKeys()
    .filter((k) => !section || (cfgEntry(k) as { section?: string })?.section === section)
    .map((k) => {
      const e = cfgEntry(k)!;
      return { label: k, kind: CompletionItemKind.Property, detail: localise(e.title, locale), documentation: { kind: 'markdown', value: localise(e.body, locale) }, insertText: `${k} = `, insertTextFormat: InsertTextFormat.PlainText } as CompletionItem;
    });
}

function inventoryCompletion(doc: InfraDocument, pos: Position, locale: Locale): CompletionItem[] {
  const before = doc.lineText(pos.line).slice(0, pos.character);
  const vars = (suffix: string) => inventoryVarNames().map((k) => {
    const e = inventoryVar(k)!;
    return { label: k, kind: CompletionItemKind.Variable, detail: localise(e.title, locale), documentation: { kind: 'markdown', value: localise(e.body, locale) }, insertText: `${k}${suffix}` } as CompletionItem;
  });
  if (doc.classification.variant === 'ini') {
    // after a host name, or at the start of a :vars line
    if (/^\S+\s+(\S+=\S*\s+)*[\w]*$/.test(before)) return vars('=');
    const ini = iniModel(doc);
    const offset = doc.offsetAt(pos);
    let current: (typeof ini.sections)[number] | undefined;
    for (const s of ini.sections) if (s.start <= offset) current = s;
    if (current?.suffix === 'vars' && /^[\w]*$/.test(before)) return vars('=');
    if (current?.suffix === 'children' && /^[\w-]*$/.test(before)) {
      return [...new Set(ini.sections.filter((s) => s.suffix !== 'vars' && s !== current).map((s) => s.group))].map((g) => ({ label: g, kind: CompletionItemKind.Module }));
    }
    return [];
  }
  // an inventory plugin's configuration: its keys are the plugin's options, not groups and hosts
  if (doc.classification.variant === 'plugin') return [];
  if (/^\s+[\w]*$/.test(before)) {
    return [...['hosts', 'children', 'vars'].map((k) => ({ label: k, kind: CompletionItemKind.Keyword, insertText: `${k}:` })), ...vars(': ')];
  }
  return [];
}
