// The Ansible model built on the shared YAML layer: plays, task lists (tasks, pre_tasks, post_tasks,
// handlers, block/rescue/always), the module of every task (short name or FQCN, free-form args),
// plus small INI parsers for inventories and ansible.cfg with exact offsets. Built once per
// document version through doc.cached; never throws on half-typed input.
import type { InfraDocument } from '../../documents/document';
import {
  entries, getPair, isMap, isScalar, isSeq, scalarString, yamlModel,
  type Node, type Pair, type Scalar, type YAMLMap,
} from '../../yaml/model';
import { keywordScopes, moduleInfo } from './catalog';

export type TaskListName = 'tasks' | 'pre_tasks' | 'post_tasks' | 'handlers' | 'block' | 'rescue' | 'always' | 'file';

export interface ArgToken {
  key: string;
  value: string;
  /** absolute offsets of `key` and of the value */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface Task {
  map: YAMLMap;
  /** the list the task sits in */
  list: TaskListName;
  /** a handler (in a handlers section or a handlers file) */
  handler: boolean;
  isBlock: boolean;
  /** the pair naming the module (`apt:`, `ansible.builtin.copy:`), when there is one */
  modulePair?: Pair<Scalar, unknown>;
  /** the module as written, and its short name when it is an ansible.builtin / legacy name */
  module?: string;
  short?: string;
  /** free-form `key=value` arguments of the module's value */
  freeForm?: ArgToken[];
  /** the play this task belongs to (playbooks), as an index into model.plays */
  play?: number;
  /** the enclosing block task, if any */
  parent?: Task;
  /** absolute offsets of the task mapping */
  start: number;
  end: number;
}

export interface Play {
  map: YAMLMap;
  index: number;
  start: number;
  end: number;
  /** import_playbook entries are plays without tasks */
  isImport: boolean;
}

export interface AnsibleModel {
  /** the file is a playbook (by kind, or a task-classified file whose items are plays) */
  playbook: boolean;
  plays: Play[];
  tasks: Task[];
  /** the root node of the first YAML document */
  root: unknown;
}

const TASK_LISTS: TaskListName[] = ['pre_tasks', 'tasks', 'post_tasks', 'handlers'];
const BLOCK_LISTS: TaskListName[] = ['block', 'rescue', 'always'];

export function ansibleModel(doc: InfraDocument): AnsibleModel {
  return doc.cached('ansible.model', () => build(doc));
}

function build(doc: InfraDocument): AnsibleModel {
  const model: AnsibleModel = { playbook: doc.kind === 'ansible-playbook', plays: [], tasks: [], root: undefined };
  const ydocs = yamlModel(doc).docs;
  if (ydocs.length === 0) return model;
  model.root = ydocs[0].contents;
  // `- name: …` then `hosts:` is a play even when the classifier saw a task list
  if (doc.kind === 'ansible-tasks' && ydocs.some((d) => isSeq(d.contents) && d.contents.items.some((i) => isPlayLike(i)))) model.playbook = true;
  if (model.playbook) {
    for (const d of ydocs) {
      const root = d.contents;
      if (!isSeq(root)) continue;
      for (const item of root.items) {
        if (!isMap(item)) continue;
        const range = (item as Node).range ?? [0, 0, 0];
        const isImport = !!(getPair(item, 'import_playbook') || getPair(item, 'ansible.builtin.import_playbook') || getPair(item, 'include'));
        const play: Play = { map: item as YAMLMap, index: model.plays.length, start: range[0], end: range[1], isImport };
        model.plays.push(play);
        for (const list of TASK_LISTS) {
          const v = getPair(item, list)?.value;
          collect(doc, v, list, list === 'handlers', play.index, undefined, model.tasks);
        }
      }
    }
  } else if (doc.kind === 'ansible-tasks' || doc.kind === 'ansible-handlers') {
    for (const d of ydocs) collect(doc, d.contents, 'file', doc.kind === 'ansible-handlers', undefined, undefined, model.tasks);
  }
  return model;
}

const PLAY_SIGNS = ['hosts', 'import_playbook', 'ansible.builtin.import_playbook'];

function isPlayLike(item: unknown): boolean {
  if (!isMap(item)) return false;
  return PLAY_SIGNS.some((k) => getPair(item, k)) && !getPair(item, 'block');
}

function collect(doc: InfraDocument, seq: unknown, list: TaskListName, handler: boolean, play: number | undefined, parent: Task | undefined, out: Task[]): void {
  if (!isSeq(seq)) return;
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const map = item as YAMLMap;
    const range = (map as Node).range ?? [0, 0, 0];
    const isBlock = !!getPair(map, 'block');
    const task: Task = { map, list, handler, isBlock, play, parent, start: range[0], end: range[1] };
    if (!isBlock) detectModule(doc, task);
    out.push(task);
    if (isBlock) for (const l of BLOCK_LISTS) collect(doc, getPair(map, l)?.value, l, handler, play, task, out);
  }
}

/** Keys that are task keywords (so not a module). */
export function isTaskKeyword(key: string): boolean {
  if (key.startsWith('with_')) return true;
  const s = keywordScopes(key);
  return !!s && (s.includes('task') || s.includes('block') || s.includes('handler'));
}

function detectModule(doc: InfraDocument, task: Task): void {
  const es = entries(task.map);
  let candidate: { key: string; pair: Pair<Scalar, unknown> } | undefined;
  // `action: apt name=x` / `local_action: …`
  for (const e of es) {
    if (isTaskKeyword(e.key)) continue;
    if (!candidate) candidate = e;
    if (moduleInfo(e.key)) { candidate = e; break; }
  }
  if (!candidate) {
    const act = es.find((e) => e.key === 'action' || e.key === 'local_action');
    if (act && isScalar(act.pair.value)) {
      const v = scalarString(act.pair.value) ?? '';
      const m = /^\s*([\w.]+)/.exec(v);
      if (m) {
        task.module = m[1];
        task.short = shortName(m[1]);
      }
    }
    return;
  }
  task.modulePair = candidate.pair;
  task.module = candidate.key;
  task.short = shortName(candidate.key);
  const v = candidate.pair.value;
  if (isScalar(v) && typeof v.value === 'string' && v.range) {
    task.freeForm = parseFreeForm(doc.content, v.range[0], v.range[1]);
  }
}

/** `ansible.builtin.apt` → `apt`; `ansible.legacy.copy` → `copy`; other collections stay as written. */
export function shortName(module: string): string {
  const m = /^ansible\.(?:builtin|legacy)\.(\w+)$/.exec(module);
  return m ? m[1] : module;
}

/**
 * `name=nginx state=present update_cache=yes` inside the value's source text (absolute offsets).
 * Quoted values (`msg="a b"`) are understood; words without `=` (a shell command) are skipped.
 */
export function parseFreeForm(text: string, start: number, end: number): ArgToken[] {
  const out: ArgToken[] = [];
  const src = text.slice(start, end);
  const re = /(^|\s)([A-Za-z_][\w]*)=("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\S*)/g;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(src)) && guard++ < 500) {
    const keyStart = start + m.index + m[1].length;
    const keyEnd = keyStart + m[2].length;
    const valueStart = keyEnd + 1;
    let value = m[3];
    if (/^(["']).*\1$/.test(value) && value.length >= 2) value = value.slice(1, -1);
    out.push({ key: m[2], value, keyStart, keyEnd, valueStart, valueEnd: valueStart + m[3].length });
  }
  return out;
}

/** The module's arguments as key → node-or-token, from a mapping value or free-form text. */
export function moduleArgs(task: Task): Map<string, { value: string | undefined; keyStart: number; keyEnd: number; node?: unknown }> {
  const out = new Map<string, { value: string | undefined; keyStart: number; keyEnd: number; node?: unknown }>();
  const v = task.modulePair?.value;
  if (isMap(v)) {
    for (const e of entries(v)) {
      const r = (e.pair.key as Node)?.range;
      out.set(e.key, { value: scalarString(e.pair.value), keyStart: r?.[0] ?? 0, keyEnd: r?.[1] ?? 0, node: e.pair.value });
    }
  } else if (task.freeForm) {
    for (const t of task.freeForm) out.set(t.key, { value: t.value, keyStart: t.keyStart, keyEnd: t.keyEnd });
  }
  // `args:` beside the module
  const args = getPair(task.map, 'args')?.value;
  if (isMap(args)) {
    for (const e of entries(args)) {
      if (out.has(e.key)) continue;
      const r = (e.pair.key as Node)?.range;
      out.set(e.key, { value: scalarString(e.pair.value), keyStart: r?.[0] ?? 0, keyEnd: r?.[1] ?? 0, node: e.pair.value });
    }
  }
  return out;
}

/** The innermost task whose mapping contains an offset. */
export function taskAt(model: AnsibleModel, offset: number): Task | undefined {
  let best: Task | undefined;
  for (const t of model.tasks) {
    if (offset >= t.start && offset <= t.end && (!best || t.start >= best.start)) best = t;
  }
  return best;
}

export function playAt(model: AnsibleModel, offset: number): Play | undefined {
  return model.plays.find((p) => offset >= p.start && offset <= p.end);
}

/** Names of a handler: its `name` and its `listen` topics. */
export function handlerNames(task: Task): { name: string; start: number; end: number; listen: boolean }[] {
  const out: { name: string; start: number; end: number; listen: boolean }[] = [];
  const n = getPair(task.map, 'name')?.value;
  const s = scalarString(n);
  if (s !== undefined && (n as Node).range) out.push({ name: s, start: (n as Node).range![0], end: (n as Node).range![1], listen: false });
  const l = getPair(task.map, 'listen')?.value;
  for (const item of isSeq(l) ? l.items : [l]) {
    const ls = scalarString(item);
    if (ls !== undefined && (item as Node).range) out.push({ name: ls, start: (item as Node).range![0], end: (item as Node).range![1], listen: true });
  }
  return out;
}

/** The names a task notifies, with their node offsets. */
export function notifyNames(task: Task): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const v = getPair(task.map, 'notify')?.value;
  for (const item of isSeq(v) ? v.items : [v]) {
    const s = scalarString(item);
    if (s !== undefined && (item as Node).range) out.push({ name: s, start: (item as Node).range![0], end: (item as Node).range![1] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// INI: inventories and ansible.cfg

export interface IniEntry {
  /** the first word (host name, or cfg key) */
  key: string;
  keyStart: number;
  keyEnd: number;
  /** cfg: the value after `=`; inventory: unused */
  value: string;
  valueStart: number;
  valueEnd: number;
  /** inventory host variables `k=v` after the host name */
  vars: ArgToken[];
  line: number;
}

export interface IniSection {
  /** `webservers`, `webservers:children`, `defaults` */
  name: string;
  /** the group (inventory) without the `:children`/`:vars` suffix */
  group: string;
  suffix: '' | 'children' | 'vars';
  start: number;
  end: number;
  line: number;
  entries: IniEntry[];
}

export interface IniModel {
  /** entries before any section (inventory: ungrouped hosts) */
  head: IniEntry[];
  sections: IniSection[];
}

export function iniModel(doc: InfraDocument): IniModel {
  return doc.cached('ansible.ini', () => parseIni(doc.content, doc.kind === 'ansible-cfg'));
}

export function parseIni(text: string, cfg: boolean): IniModel {
  const model: IniModel = { head: [], sections: [] };
  let offset = 0;
  let current: IniSection | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    const lineStart = offset;
    offset += lines[i].length + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const lead = raw.length - raw.trimStart().length;
    const sec = /^\[([^\]]*)\]/.exec(trimmed);
    if (sec) {
      const name = sec[1].trim();
      const m = /^(.*?):(children|vars)$/.exec(name);
      current = {
        name, group: m ? m[1] : name, suffix: (m ? m[2] : '') as IniSection['suffix'],
        start: lineStart + lead + 1 + (sec[1].length - sec[1].trimStart().length), end: 0, line: i, entries: [],
      };
      current.end = current.start + name.length;
      model.sections.push(current);
      continue;
    }
    if (cfg && /^\s/.test(raw) && current?.entries.length) continue; // continuation line
    const entry = cfg || current?.suffix === 'vars' ? parseKeyValue(raw, lineStart, i) : parseHostLine(raw, lineStart, i);
    if (!entry) continue;
    (current ? current.entries : model.head).push(entry);
  }
  return model;
}

function parseKeyValue(raw: string, lineStart: number, line: number): IniEntry | undefined {
  const m = /^(\s*)([^=:\s][^=:]*?)\s*([=:])\s*(.*?)\s*$/.exec(raw);
  if (!m) {
    const w = /^(\s*)(\S+)/.exec(raw);
    if (!w) return undefined;
    const ks = lineStart + w[1].length;
    return { key: w[2], keyStart: ks, keyEnd: ks + w[2].length, value: '', valueStart: ks + w[2].length, valueEnd: ks + w[2].length, vars: [], line };
  }
  const keyStart = lineStart + m[1].length;
  const keyEnd = keyStart + m[2].length;
  let value = m[4];
  const comment = /\s[;#]/.exec(value);
  if (comment) value = value.slice(0, comment.index).trimEnd();
  const sep = raw.indexOf(m[3], m[1].length + m[2].length);
  const lead = /^\s*/.exec(raw.slice(sep + 1))?.[0].length ?? 0;
  const valueStart = lineStart + sep + 1 + lead;
  return { key: m[2], keyStart, keyEnd, value, valueStart, valueEnd: valueStart + value.length, vars: [], line };
}

function parseHostLine(raw: string, lineStart: number, line: number): IniEntry | undefined {
  const m = /^(\s*)(\S+)/.exec(raw);
  if (!m) return undefined;
  const keyStart = lineStart + m[1].length;
  const keyEnd = keyStart + m[2].length;
  const rest = raw.slice(m[0].length);
  const hash = /\s#/.exec(rest);
  const restEnd = hash ? hash.index : rest.length;
  const vars = parseFreeForm(raw, m[0].length, m[0].length + restEnd).map((t) => ({
    ...t, keyStart: t.keyStart + lineStart, keyEnd: t.keyEnd + lineStart, valueStart: t.valueStart + lineStart, valueEnd: t.valueEnd + lineStart,
  }));
  return { key: m[2], keyStart, keyEnd, value: '', valueStart: keyEnd, valueEnd: keyEnd, vars, line };
}

// ---------------------------------------------------------------------------------------------
// Jinja2 inside YAML strings

export interface JinjaSpan {
  /** `{{`, `{%` or `{#` */
  open: string;
  start: number;
  /** offset just after the closing delimiter, or -1 when unclosed */
  end: number;
}

/** Jinja2 spans in a piece of text (offsets relative to `base`). */
export function jinjaSpans(text: string, base = 0): JinjaSpan[] {
  const out: JinjaSpan[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const j = text.indexOf('{', i);
    if (j < 0 || j + 1 >= n) break;
    const c = text[j + 1];
    if (c !== '{' && c !== '%' && c !== '#') { i = j + 1; continue; }
    const close = c === '{' ? '}}' : c === '%' ? '%}' : '#}';
    const k = text.indexOf(close, j + 2);
    out.push({ open: `{${c}`, start: base + j, end: k < 0 ? -1 : base + k + 2 });
    if (k < 0) break;
    i = k + 2;
  }
  return out;
}

const JINJA_WORDS = new Set([
  'and', 'or', 'not', 'in', 'is', 'if', 'else', 'elif', 'endif', 'for', 'endfor', 'true', 'false', 'none', 'True', 'False',
  'None', 'defined', 'undefined', 'set', 'endset', 'block', 'endblock', 'macro', 'endmacro', 'raw', 'endraw', 'include',
  'import', 'from', 'with', 'without', 'context', 'loop', 'recursive', 'range', 'lookup', 'query', 'q', 'omit',
]);

/**
 * The variable name under an offset inside a Jinja2 expression (or a bare `when:` expression):
 * the first identifier of a dotted path, skipping filters (`| default`) and attribute names.
 */
export function variableAt(text: string, offset: number): { name: string; start: number; end: number } | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  let s = offset;
  while (s > 0 && /[\w]/.test(text[s - 1])) s--;
  let e = offset;
  while (e < text.length && /[\w]/.test(text[e])) e++;
  if (s === e) return undefined;
  const word = text.slice(s, e);
  if (!/^[A-Za-z_]\w*$/.test(word) || JINJA_WORDS.has(word)) return undefined;
  // attribute of something, a filter or a test name: not a variable
  let p = s - 1;
  while (p >= 0 && text[p] === ' ') p--;
  if (p >= 0 && (text[p] === '.' || text[p] === '|')) return undefined;
  const before = text.slice(Math.max(0, s - 4), s);
  if (/\bis\s+$/.test(text.slice(Math.max(0, s - 8), s)) || /\bnot\s+$/.test(before) && /\bis\s+not\s+$/.test(text.slice(Math.max(0, s - 12), s))) return undefined;
  // a keyword argument name `default(x=…)` or a function call `lookup(`
  let q = e;
  while (q < text.length && text[q] === ' ') q++;
  if (text[q] === '(' || (text[q] === '=' && text[q + 1] !== '=')) return undefined;
  // inside a string literal of the expression (the YAML quotes around the value don't count)
  const open = Math.max(text.lastIndexOf('{{', s), text.lastIndexOf('{%', s));
  const from = open >= 0 ? open + 2 : /^["']/.test(text) ? 1 : 0;
  const segment = text.slice(from, s);
  if ((segment.match(/'/g)?.length ?? 0) % 2 === 1 || (segment.match(/"/g)?.length ?? 0) % 2 === 1) return undefined;
  return { name: word, start: s, end: e };
}

/** Whether an offset is inside a `{{ }}` / `{% %}` span of the text. */
export function inJinja(text: string, offset: number, from: number, to: number): boolean {
  for (const sp of jinjaSpans(text.slice(from, to), from)) {
    if (sp.open === '{#') continue;
    if (offset >= sp.start + 2 && (sp.end < 0 || offset <= sp.end - 2)) return true;
  }
  return false;
}

/** Keys whose value is a bare Jinja2 expression (no braces needed). */
export const BARE_EXPRESSION_KEYS = new Set(['when', 'changed_when', 'failed_when', 'until', 'that', 'var', 'loop_var']);

export { scalarString };
export type { Pair, Scalar, YAMLMap };
