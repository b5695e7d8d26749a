// Document symbols (outline), "Explain this file", the status-bar description and the
// `# noqa` suppressions of ansible-lint.
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { kindLabel, t } from '../../knowledge/index';
import { notesLine } from '../../knowledge/render';
import type { FileDirectives, Suppression } from '../../rules/types';
import { entries, getPair, isSeq, scalarString, yamlModel, type Node } from '../../yaml/model';
import type { RequestContext } from '../support';
import { ansibleModel, iniModel, type Task } from './model';
import { isRoleMeta, playRoleNames } from './project';

function nodeRange(doc: InfraDocument, node: unknown): Range {
  const r = (node as Node | undefined)?.range;
  return r ? doc.rangeOf(r[0], r[1]) : doc.rangeOf(0, 0);
}

function taskLabel(task: Task, locale: 'en' | 'ru'): string {
  const name = scalarString(getPair(task.map, 'name')?.value);
  if (name) return name;
  if (task.isBlock) return 'block';
  return task.module ?? t('ansible.symbol.unnamed', locale);
}

export function symbols(doc: InfraDocument, ctx: RequestContext): DocumentSymbol[] {
  const locale = ctx.settings.locale;
  if (doc.kind === 'ansible-cfg' || (doc.kind === 'ansible-inventory' && doc.classification.variant === 'ini')) {
    const ini = iniModel(doc);
    return ini.sections.map((s) => {
      const end = s.entries.length ? s.entries[s.entries.length - 1].valueEnd : s.end;
      return {
        name: s.name,
        kind: SymbolKind.Namespace,
        range: doc.rangeOf(s.start - 1, Math.max(end, s.end)),
        selectionRange: doc.rangeOf(s.start, s.end),
        children: s.entries.map((e) => ({
          name: e.key,
          kind: doc.kind === 'ansible-cfg' ? SymbolKind.Property : SymbolKind.Object,
          range: doc.rangeOf(e.keyStart, Math.max(e.keyEnd, e.valueEnd, ...e.vars.map((v) => v.valueEnd))),
          selectionRange: doc.rangeOf(e.keyStart, e.keyEnd),
        })),
      };
    });
  }
  if (doc.kind === 'ansible-vars' || doc.kind === 'ansible-inventory') {
    const walk = (node: unknown, depth: number): DocumentSymbol[] =>
      depth > 4 ? [] : entries(node).map((e) => ({
        name: e.key,
        kind: depth === 0 ? SymbolKind.Variable : SymbolKind.Field,
        range: nodeRange(doc, { range: [((e.pair.key as Node).range ?? [0])[0], ((e.pair.value as Node)?.range ?? (e.pair.key as Node).range ?? [0, 0])[1]] }),
        selectionRange: nodeRange(doc, e.pair.key),
        children: walk(e.pair.value, depth + 1),
      }));
    return yamlModel(doc).docs.flatMap((d) => walk(d.contents, 0));
  }
  const model = ansibleModel(doc);
  const taskSymbol = (task: Task): DocumentSymbol => ({
    name: taskLabel(task, locale),
    detail: task.module,
    kind: task.handler ? SymbolKind.Event : task.isBlock ? SymbolKind.Namespace : SymbolKind.Function,
    range: doc.rangeOf(task.start, task.end),
    selectionRange: nodeRange(doc, getPair(task.map, 'name')?.value ?? task.modulePair?.key ?? task.map.items[0]?.key),
    children: model.tasks.filter((c) => c.parent === task).map(taskSymbol),
  });
  if (model.playbook) {
    return model.plays.map((p) => {
      const name = scalarString(getPair(p.map, 'name')?.value) ?? scalarString(getPair(p.map, 'hosts')?.value) ?? scalarString(getPair(p.map, 'import_playbook')?.value) ?? t('ansible.symbol.play', locale);
      return {
        name,
        detail: t('ansible.symbol.play', locale),
        kind: SymbolKind.Module,
        range: doc.rangeOf(p.start, p.end),
        selectionRange: nodeRange(doc, getPair(p.map, 'name')?.value ?? p.map.items[0]?.key),
        children: model.tasks.filter((tk) => tk.play === p.index && !tk.parent).map(taskSymbol),
      };
    });
  }
  return model.tasks.filter((tk) => !tk.parent).map(taskSymbol);
}

export function describe(doc: InfraDocument, ctx: RequestContext): string | undefined {
  const locale = ctx.settings.locale;
  if (doc.kind === 'ansible-cfg') return t('ansible.describe.sections', locale, { count: iniModel(doc).sections.length });
  if (doc.kind === 'ansible-inventory') {
    if (doc.classification.variant === 'ini') {
      const ini = iniModel(doc);
      const groups = new Set(ini.sections.map((s) => s.group));
      const hosts = new Set([...ini.head, ...ini.sections.filter((s) => !s.suffix).flatMap((s) => s.entries)].map((e) => e.key));
      return t('ansible.describe.groups', locale, { count: groups.size, hosts: hosts.size });
    }
    if (doc.classification.variant === 'plugin') {
      const plugin = scalarString(getPair(ansibleModel(doc).root, 'plugin')?.value);
      return plugin ? t('ansible.describe.inventoryPlugin', locale, { plugin }) : undefined;
    }
    return undefined;
  }
  if (doc.kind === 'ansible-vars' && doc.classification.variant === 'role-meta') {
    const deps = getPair(ansibleModel(doc).root, 'dependencies')?.value;
    return t('ansible.describe.roleMeta', locale, { count: isSeq(deps) ? deps.items.length : 0 });
  }
  if (doc.kind === 'ansible-vars' && doc.classification.variant === 'role-argument-specs') {
    const specs = entries(getPair(ansibleModel(doc).root, 'argument_specs')?.value);
    const options = specs.reduce((n, e) => n + entries(getPair(e.pair.value, 'options')?.value).length, 0);
    return t('ansible.describe.argumentSpecs', locale, { count: specs.length, options });
  }
  if (doc.kind === 'ansible-vars') return t('ansible.describe.vars', locale, { count: entries(ansibleModel(doc).root).length });
  const model = ansibleModel(doc);
  const tasks = model.tasks.filter((x) => !x.isBlock).length;
  if (model.playbook) return t('ansible.describe.plays', locale, { count: model.plays.length, tasks });
  if (doc.kind === 'ansible-handlers') return t('ansible.describe.handlers', locale, { count: tasks });
  return t('ansible.describe.tasks', locale, { count: tasks });
}

export function explain(doc: InfraDocument, ctx: RequestContext): string {
  const locale = ctx.settings.locale;
  const parts: string[] = [`**${kindLabel(doc.kind, doc.classification.variant, locale)}** — ${describe(doc, ctx) ?? ''}`];
  const notes = new Set<string>(['ANSIBLE-01']);
  if (doc.kind === 'ansible-playbook' || doc.kind === 'ansible-tasks' || doc.kind === 'ansible-handlers') {
    const model = ansibleModel(doc);
    for (const p of model.plays) {
      const name = scalarString(getPair(p.map, 'name')?.value) ?? '—';
      const hosts = scalarString(getPair(p.map, 'hosts')?.value) ?? '—';
      parts.push(`- ${t('ansible.explain.play', locale, { name, hosts })}`);
      if (getPair(p.map, 'strategy') || getPair(p.map, 'serial')) notes.add('ANSIBLE-09');
      if (getPair(p.map, 'become')) notes.add('ANSIBLE-06');
      if (getPair(p.map, 'gather_facts')) notes.add('ANSIBLE-05');
      const roles = playRoleNames(p, model).map((r) => `\`${r.name}\``);
      if (roles.length) {
        parts.push(`  - ${t('ansible.explain.roles', locale, { list: roles.join(', ') })}`);
        notes.add('ANSIBLE-14');
      }
    }
    const modules = [...new Set(model.tasks.map((x) => x.short).filter(Boolean))].slice(0, 20).map((m) => `\`${m}\``);
    if (modules.length) parts.push(t('ansible.explain.modules', locale, { list: modules.join(', ') }));
    notes.add('ANSIBLE-10');
    if (model.tasks.some((x) => x.handler)) notes.add('ANSIBLE-13');
  }
  if (doc.kind === 'ansible-inventory') notes.add('ANSIBLE-07');
  if (doc.kind === 'ansible-vars') notes.add(isRoleMeta(doc) ? 'ANSIBLE-14' : 'ANSIBLE-11');
  if (doc.kind === 'ansible-cfg') notes.add('ANSIBLE-08');
  parts.push(notesLine([...notes], locale));
  return parts.join('\n\n');
}

/** `# noqa: rule1 rule2` (ansible-lint): applies to the task the comment sits in. */
export function directives(doc: InfraDocument): FileDirectives {
  const suppressions: Suppression[] = [];
  const text = doc.content;
  const hasNoqa = text.includes('noqa');
  const hasSkipTag = text.includes('skip_ansible_lint');
  if (!hasNoqa && !hasSkipTag) return { suppressions };
  const yamlKinds = ['ansible-playbook', 'ansible-tasks', 'ansible-handlers'];
  const model = yamlKinds.includes(doc.kind) ? ansibleModel(doc) : undefined;
  const taskLines = (line: number): [number, number] | undefined => {
    if (!model) return undefined;
    let best: Task | undefined;
    for (const tk of model.tasks) {
      const a = doc.positionAt(tk.start).line;
      const b = doc.positionAt(tk.end).line;
      if (line >= a && line <= b && (!best || tk.start >= best.start)) best = tk;
    }
    return best ? [doc.positionAt(best.start).line, doc.positionAt(best.end).line] : undefined;
  };
  if (hasNoqa) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /#\s*noqa\b:?\s*([^#]*)/.exec(lines[i]);
      if (!m) continue;
      const ids = m[1].split(/[\s,]+/).filter(Boolean);
      const list: string[] | '*' = ids.length ? ids : '*';
      const span = taskLines(i);
      if (span) suppressions.push({ scope: 'lines', line: span[0], endLine: span[1], ids: list, tool: 'ansible-lint' });
      else suppressions.push({ scope: 'line', line: i, ids: list, tool: 'ansible-lint' });
    }
  }
  if (hasSkipTag && model) {
    for (const tk of model.tasks) {
      const tags = getPair(tk.map, 'tags')?.value;
      const list = (tags as { items?: unknown[] })?.items ?? [tags];
      if (list.some((x) => scalarString(x) === 'skip_ansible_lint')) {
        suppressions.push({ scope: 'lines', line: doc.positionAt(tk.start).line, endLine: doc.positionAt(tk.end).line, ids: '*', tool: 'ansible-lint' });
      }
    }
  }
  return { suppressions };
}
