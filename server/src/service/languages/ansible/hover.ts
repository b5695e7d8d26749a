// Ansible hovers: play/role/block/task keywords, modules (short name and FQCN) and their options and
// values, Jinja2 variables with where they are defined, ansible.cfg sections and keys, inventories
// (INI and YAML) and Kubespray variables. All prose comes from server/knowledge/ansible/**.
import type { Hover, Position, Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { localise, ref, t, type RefEntry } from '../../knowledge/index';
import { renderRef } from '../../knowledge/render';
import type { Locale } from '../../types';
import { getPair, isMap, isScalar, nodeAt, scalarString, yamlModel, type Node } from '../../yaml/model';
import type { RequestContext } from '../support';
import {
  cfgEntry, inventoryVar, keywordEntry, kubesprayVar, moduleInfo, optionStatus, type ModuleEntry,
} from './catalog';
import {
  ansibleModel, BARE_EXPRESSION_KEYS, iniModel, inJinja, taskAt, variableAt, type Task,
} from './model';
import { ansibleDocFor, renderAnsibleDoc } from './ansibleDoc';
import { references } from './navigation';
import { findGroup, findRole, findVariable, visibleHandlers, type VarDef } from './project';

const md = (value: string, range: Range): Hover => ({ contents: { kind: 'markdown', value }, range });

export function hover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
  const locale = ctx.settings.locale;
  const offset = doc.offsetAt(pos);
  if (doc.kind === 'ansible-cfg') return cfgHover(doc, offset, locale);
  if (doc.kind === 'ansible-inventory' && doc.classification.variant === 'ini') return iniInventoryHover(doc, offset, locale);
  // a whole file encrypted with ansible-vault: a header line and hex, nothing to parse
  // (EuroPython/ep-config group_vars/all/vault.yml)
  if (/^\uFEFF?\s*\$ANSIBLE_VAULT;/.test(doc.content)) {
    const e = ref('ansible.vault.file');
    const end = doc.content.indexOf('\n');
    return e ? md(renderRef(e, locale), doc.rangeOf(0, end < 0 ? doc.content.length : end)) : null;
  }
  const model = yamlModel(doc);
  const at = nodeAt(model, offset);
  if (!at) return null;

  // `key: !vault |` — a value encrypted with `ansible-vault encrypt_string`
  if (!at.onKey && isScalar(at.node) && (at.node as { tag?: string }).tag === '!vault' && at.node.range) {
    const e = ref('ansible.vault.string');
    const name = at.path.length ? String(at.path[at.path.length - 1]) : '';
    return e ? md(renderRef(e, locale, { args: { name } }), doc.rangeOf(at.node.range[0], at.node.range[1])) : null;
  }

  // a Jinja2 variable inside a string (or a bare `when:` expression)
  if (!at.onKey && isScalar(at.node) && typeof (at.node as { value?: unknown }).value === 'string' && at.node.range) {
    const [a, b] = at.node.range;
    const key = at.path.length ? String(at.path[at.path.length - 1]) : '';
    const listParent = typeof at.path[at.path.length - 1] === 'number' ? String(at.path[at.path.length - 2] ?? '') : key;
    const bare = BARE_EXPRESSION_KEYS.has(key) || BARE_EXPRESSION_KEYS.has(listParent);
    if (bare || inJinja(doc.content, offset, a, b)) {
      const v = variableAt(doc.content.slice(a, b), offset - a);
      if (v) return variableHover(doc, v.name, doc.rangeOf(a + v.start, a + v.end), ctx);
    }
  }

  const variant = doc.classification.variant;
  if (doc.kind === 'ansible-vars' && (variant === 'role-meta' || variant === 'role-argument-specs')) return roleMetaHover(doc, at.path, at.onKey, at.node, ctx);
  const plugin = inventoryPluginName(model);
  // (classified as variant 'plugin'; a modeline or an override may still say vars)
  if (plugin && (doc.kind === 'ansible-inventory' || (doc.kind === 'ansible-vars' && variant === 'vars'))) return inventoryPluginHover(doc, plugin, at.path, at.onKey, at.node, locale);
  if (doc.kind === 'ansible-inventory') return yamlInventoryHover(doc, at.path, at.onKey, at.node, locale);
  if (doc.kind === 'ansible-vars') return varsHover(doc, at.path, at.onKey, at.node, ctx);

  const range = at.node?.range ? doc.rangeOf(at.node.range[0], at.node.range[1]) : doc.rangeOf(offset, offset);
  const am = ansibleModel(doc);

  // play level (playbooks)
  if (am.playbook && typeof at.path[0] === 'number') {
    if (at.path.length === 2 && at.onKey) {
      const key = String(at.path[1]);
      const e = key === 'import_playbook' || key === 'ansible.builtin.import_playbook' ? ref('ansible.keyword.import_playbook') : keywordEntry(key);
      return e ? md(renderRef(e, locale), range) : null;
    }
    if (at.path.length === 2 && !at.onKey) {
      const key = String(at.path[1]);
      const value = scalarString(at.node);
      const e = keywordEntry(key);
      if (e && value !== undefined && e.values?.[value]) return md(renderRef(e, locale, { value }), range);
      if (e && key === 'hosts' && value !== undefined && at.node?.range) {
        const a = at.node.range[0] + (/^["']/.test(doc.content[at.node.range[0]] ?? '') ? 1 : 0);
        return hostsHover(doc, e, value, offset - a, a, ctx);
      }
      return null;
    }
    if (at.path[1] === 'roles' && typeof at.path[2] === 'number') {
      if (at.path.length === 3 && !at.onKey) return roleHover(doc, scalarString(at.node), range, ctx);
      if (at.path.length === 4 && at.onKey) {
        const e = keywordEntry(String(at.path[3]));
        return e ? md(renderRef(e, locale), range) : null;
      }
      if (at.path.length === 4 && (at.path[3] === 'role' || at.path[3] === 'name')) return roleHover(doc, scalarString(at.node), range, ctx);
    }
  }

  // tasks, blocks, handlers
  const task = taskAt(am, offset);
  if (!task) return null;
  const pairInTask = at.pair && task.map.items.includes(at.pair as never);
  if (pairInTask && at.onKey) return taskKeyHover(doc, task, String(at.path[at.path.length - 1]), range, locale);
  if (pairInTask && !at.onKey) {
    const key = String(at.path[at.path.length - 1]);
    if (task.modulePair && at.pair === task.modulePair && task.freeForm) {
      const tok = task.freeForm.find((x) => offset >= x.keyStart && offset <= x.keyEnd);
      if (tok) return optionHover(doc, task, tok.key, undefined, doc.rangeOf(tok.keyStart, tok.keyEnd), ctx);
      const val = task.freeForm.find((x) => offset >= x.valueStart && offset <= x.valueEnd);
      if (val) return optionHover(doc, task, val.key, val.value, doc.rangeOf(val.valueStart, val.valueEnd), ctx);
    }
    if (task.modulePair && at.pair === task.modulePair) {
      const roleName = scalarString(at.node);
      if (task.short && /^(include|import)_role$/.test(task.short)) return roleHover(doc, roleName, range, ctx);
    }
    const e = keywordEntry(key);
    const value = scalarString(at.node);
    if (task.handler && (key === 'name' || key === 'listen')) return handlerHover(doc, pos, range, ctx);
    if (key === 'notify' || (at.path[at.path.length - 2] === 'notify')) return notifyHover(doc, task, value, range, ctx);
    if (e && value !== undefined && e.values?.[value]) return md(renderRef(e, locale, { value }), range);
    return null;
  }
  // listen topics of a handler
  if (task.handler && !at.onKey && typeof at.path[at.path.length - 1] === 'number' && at.path[at.path.length - 2] === 'listen') {
    return handlerHover(doc, pos, range, ctx);
  }
  // notify list items
  if (!at.onKey && typeof at.path[at.path.length - 1] === 'number' && at.path[at.path.length - 2] === 'notify') {
    return notifyHover(doc, task, scalarString(at.node), range, ctx);
  }
  // inside the module's arguments
  if (task.modulePair && isMap(task.modulePair.value) && at.parents.includes(task.modulePair.value as Node)) {
    const option = at.pair ? scalarString(at.pair.key) : undefined;
    if (!option) return null;
    const direct = (task.modulePair.value as { items: unknown[] }).items.includes(at.pair as never);
    if (!direct) {
      // set_stats `data:` — its keys are variable names
      const m = task.module ? moduleInfo(task.module) : undefined;
      const under = m?.variablesUnder ? getPair(task.modulePair.value, m.variablesUnder)?.value : undefined;
      if (m && at.onKey && isMap(under) && under.items.includes(at.pair as never)) return keyVariableHover(doc, task, m, option, range, ctx);
      return null;
    }
    if (task.short && /^(include|import)_role$/.test(task.short) && option === 'name' && !at.onKey) return roleHover(doc, scalarString(at.node), range, ctx);
    return optionHover(doc, task, option, at.onKey ? undefined : scalarString(at.node), range, ctx);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

function handlerHover(doc: InfraDocument, pos: Position, range: Range, ctx: RequestContext): Hover | null {
  const e = keywordEntry('handlers');
  if (!e) return null;
  const refs = references(doc, pos, ctx);
  const extra = [t('ansible.hover.notifiedBy', ctx.settings.locale, { count: refs.length })];
  if (refs.length) extra.push(refs.slice(0, 10).map((l) => `- ${link(l.uri, l.range, ctx)}`).join('\n'));
  return md(renderRef(e, ctx.settings.locale, { extra }), range);
}

function taskKeyHover(doc: InfraDocument, task: Task, key: string, range: Range, locale: Locale): Hover | null {
  if (task.modulePair && scalarString(task.modulePair.key) === key) {
    const m = moduleInfo(key);
    if (m) return md(moduleMarkdown(m, locale), range);
    const kw = keywordEntry(key);
    if (kw) return md(renderRef(kw, locale), range);
    const fromDoc = ansibleDocFor(key);
    if (fromDoc) return md(renderAnsibleDoc(fromDoc, locale), range);
    return md(t('ansible.hover.moduleUnknown', locale, { name: key }), range);
  }
  const e = keywordEntry(key);
  if (e) return md(renderRef(e, locale), range);
  const m = moduleInfo(key);
  return m ? md(moduleMarkdown(m, locale), range) : null;
}

export function moduleMarkdown(m: ModuleEntry, locale: Locale): string {
  const opts = Object.entries(m.options ?? {});
  const lines = opts.map(([k, o]) => `- ${optionLine(k, o, locale)}`);
  const extra = [t('ansible.hover.fqcn', locale, { fqcn: m.fqcn })];
  if (lines.length) extra.push(`**${t('ansible.hover.options', locale)}**\n\n${lines.join('\n')}`);
  return renderRef(m, locale, { extra });
}

function optionLine(k: string, o: ModuleEntry['options'][string], locale: Locale): string {
  const bits = [`\`${k}\``];
  if (o.required) bits.push(`(${t('ansible.hover.required', locale)})`);
  let s = `${bits.join(' ')} — ${locale === 'ru' ? o.ru : o.en}`;
  if (o.values?.length) s += ` ${t('ansible.hover.values', locale)}: ${o.values.map((v) => `\`${v}\``).join(', ')}.`;
  if (o.default !== undefined) s += ` ${t('ansible.hover.default', locale)}: \`${String(o.default)}\`.`;
  return s;
}

function optionHover(doc: InfraDocument, task: Task, option: string, value: string | undefined, range: Range, ctx: RequestContext): Hover | null {
  const locale = ctx.settings.locale;
  const m = task.module ? moduleInfo(task.module) : undefined;
  if (!m) return null;
  // the same verdict as AN006
  const status = optionStatus(m, option);
  if (status.kind === 'unknown') return md(t('ansible.hover.unknownOption', locale, { name: option, module: task.module! }), range);
  if (status.kind === 'variable') return value === undefined ? keyVariableHover(doc, task, m, option, range, ctx) : null;
  if (status.kind === 'backend') {
    if (value !== undefined) return null;
    const parts = [t('ansible.hover.backendOption', locale, { name: option, module: task.module!, backends: status.backends.map((b) => `\`${b}\``).join(', ') })];
    if (status.name && status.option) parts.push(optionLine(status.name, status.option, locale));
    return md(parts.join('\n\n'), range);
  }
  const name = status.name;
  const o = status.option;
  if (!o) return value === undefined ? md(`**${name}** — ${t('ansible.hover.optionOf', locale, { module: task.module! })}`, range) : null;
  // a value is explained only when it is one of the option's documented values
  if (value !== undefined && !o.values?.includes(value)) return null;
  const parts = [`**${name}** — ${t('ansible.hover.optionOf', locale, { module: task.module! })}`, optionLine(name, o, locale)];
  if (value !== undefined && o.values?.includes(value)) {
    const state = ref('ansible.values.state');
    if (name === 'state' && state?.values?.[value]) parts.push(`\`${value}\` — ${localise(state.values[value], locale)}`);
  }
  if (name === 'state' && value === undefined) {
    const state = ref('ansible.values.state');
    if (state) parts.push(localise(state.body, locale));
  }
  return md(parts.join('\n\n'), range);
}

/** A key of set_fact / add_host: a variable being set, with its other definitions. */
function keyVariableHover(doc: InfraDocument, task: Task, m: ModuleEntry, name: string, range: Range, ctx: RequestContext): Hover | null {
  const short = m.id.slice('ansible.module.'.length);
  const e = ref(`ansible.variable.${short}`) ?? ref('ansible.variable');
  if (!e) return null;
  const locale = ctx.settings.locale;
  const extra: string[] = [];
  if (!name.includes('{{')) {
    const here = `${range.start.line}:${range.start.character}`;
    const others = findVariable(doc, name, ctx.workspace?.fs).filter((d) => d.location.uri !== doc.uri || `${d.location.range.start.line}:${d.location.range.start.character}` !== here);
    if (others.length) extra.push(`**${t('ansible.hover.definedIn', locale)}**\n\n${others.slice(0, 12).map((d) => `- ${defLine(d, ctx)}`).join('\n')}`);
  }
  return md(renderRef(e, locale, { args: { name, module: task.module ?? short }, extra }), range);
}

function roleHover(doc: InfraDocument, name: string | undefined, range: Range, ctx: RequestContext): Hover | null {
  if (!name) return null;
  const locale = ctx.settings.locale;
  const e = keywordEntry('roles');
  const fs = ctx.workspace?.fs;
  const root = fs ? findRole(name, doc.path, fs) : undefined;
  const extra = [`**${t('ansible.hover.role', locale, { name })}**`];
  if (root && root !== 'external') extra.push(t('ansible.hover.roleAt', locale, { path: relative(root, ctx) }));
  else if (root === undefined && fs) extra.push(t('ansible.hover.roleMissing', locale));
  return md(e ? renderRef(e, locale, { extra }) : extra.join('\n\n'), range);
}

function notifyHover(doc: InfraDocument, task: Task, name: string | undefined, range: Range, ctx: RequestContext): Hover | null {
  const e = keywordEntry('notify');
  if (!e) return null;
  const extra: string[] = [];
  if (name) {
    const hs = (visibleHandlers(doc, task, ctx.workspace?.fs) ?? []).filter((h) => h.name === name);
    if (hs.length) extra.push(`${t('ansible.hover.definedIn', ctx.settings.locale)}: ${hs.map((h) => link(h.location.uri, h.location.range, ctx)).join(', ')}`);
  }
  return md(renderRef(e, ctx.settings.locale, { extra }), range);
}

/** `hosts: web:&prod` — the group under the cursor and its hosts from the project's inventories. */
function hostsHover(doc: InfraDocument, e: RefEntry, pattern: string, at: number, base: number, ctx: RequestContext): Hover | null {
  const locale = ctx.settings.locale;
  let s = at;
  while (s > 0 && !/[:,&!\s]/.test(pattern[s - 1])) s--;
  let end = at;
  while (end < pattern.length && !/[:,&!\s]/.test(pattern[end])) end++;
  const name = pattern.slice(s, end);
  const range = doc.rangeOf(base + s, base + end);
  const extra: string[] = [];
  const fs = ctx.workspace?.fs;
  if (name && fs && !name.includes('{{')) {
    for (const g of findGroup(name, doc.path, fs).slice(0, 5)) {
      const list = g.hosts.slice(0, 12).map((h) => `\`${h}\``).join(', ') + (g.hosts.length > 12 ? ', …' : '');
      extra.push(`${t('ansible.hover.group', locale, { name, count: g.hosts.length })}: ${list || '—'} (${link(g.location.uri, g.location.range, ctx)})`);
    }
  }
  const group = name === 'all' ? ref('ansible.inventory.all') : undefined;
  if (group) extra.push(renderRef(group, locale, { title: true }));
  return md(renderRef(e, locale, { extra }), range);
}

// ---------------------------------------------------------------------------------------------
// variables

function variableHover(doc: InfraDocument, name: string, range: Range, ctx: RequestContext): Hover | null {
  const locale = ctx.settings.locale;
  const magic = ref('ansible.variable.magic');
  if (magic?.values?.[name] || /^ansible_/.test(name) && inventoryVar(name)) {
    if (magic?.values?.[name]) return md(renderRef(magic, locale, { args: { name }, value: name }), range);
    return md(renderRef(inventoryVar(name)!, locale), range);
  }
  const base = ref('ansible.variable');
  if (!base) return null;
  const defs = findVariable(doc, name, ctx.workspace?.fs);
  const extra: string[] = [];
  if (defs.length) extra.push(`**${t('ansible.hover.definedIn', locale)}**\n\n${defs.slice(0, 12).map((d) => `- ${defLine(d, ctx)}`).join('\n')}`);
  else extra.push(t('ansible.hover.notDefined', locale));
  return md(renderRef(base, locale, { args: { name }, extra }), range);
}

function defLine(d: VarDef, ctx: RequestContext): string {
  const where = link(d.location.uri, d.location.range, ctx);
  const value = d.value !== undefined && d.value.length <= 60 ? ` = \`${d.value.replace(/`/g, "'")}\`` : '';
  return `${t(`ansible.def.${d.source}`, ctx.settings.locale)}: ${where}${value}`;
}

function link(uri: string, range: Range, ctx: RequestContext): string {
  const path = uri.startsWith('file://') ? decodeURIComponent(uri.slice('file://'.length)) : uri;
  return `[${relative(path, ctx)}:${range.start.line + 1}](${uri}#L${range.start.line + 1})`;
}

function relative(path: string, ctx: RequestContext): string {
  for (const r of ctx.workspace?.roots ?? []) {
    const root = r.replace(/\/$/, '');
    if (path.startsWith(`${root}/`)) return path.slice(root.length + 1);
  }
  return path;
}

// ---------------------------------------------------------------------------------------------
// vars files: Kubespray variables, ansible_* connection variables, any variable

function varsHover(doc: InfraDocument, path: (string | number)[], onKey: boolean, node: Node | undefined, ctx: RequestContext): Hover | null {
  if (!onKey || path.length !== 1 || !node?.range) return null;
  const key = String(path[0]);
  const range = doc.rangeOf(node.range[0], node.range[1]);
  const locale = ctx.settings.locale;
  const e = kubesprayVar(key) ?? inventoryVar(key);
  if (e) return md(renderRef(e, locale), range);
  const base = ref('ansible.variable');
  if (!base) return null;
  const others = findVariable(doc, key, ctx.workspace?.fs).filter((d) => d.location.uri !== doc.uri);
  const extra = others.length ? [`**${t('ansible.hover.definedIn', locale)}**\n\n${others.slice(0, 12).map((d) => `- ${defLine(d, ctx)}`).join('\n')}`] : [];
  return md(renderRef(base, locale, { args: { name: key }, extra }), range);
}

// ---------------------------------------------------------------------------------------------
// a role's metadata: meta/main.yml and meta/argument_specs.yml

const META_KEYS = new Set(['galaxy_info', 'dependencies', 'allow_duplicates', 'collections', 'argument_specs']);
const GALAXY_FIELDS = new Set(['role_name', 'min_ansible_version', 'platforms', 'galaxy_tags']);
const ENTRY_DOCS = new Set(['short_description', 'description', 'author', 'version_added']);
const SPEC_FIELDS = new Set(['type', 'required', 'default', 'choices', 'elements', 'description']);

function roleMetaHover(doc: InfraDocument, path: (string | number)[], onKey: boolean, node: Node | undefined, ctx: RequestContext): Hover | null {
  if (!node?.range) return null;
  const locale = ctx.settings.locale;
  const range = doc.rangeOf(node.range[0], node.range[1]);
  const render = (e: RefEntry | undefined, args?: Record<string, string>, value?: string) => (e ? md(renderRef(e, locale, { args, value }), range) : null);
  const head = String(path[0] ?? '');
  if (head === 'argument_specs') return argumentSpecHover(path.slice(1), onKey, node, render);
  if (doc.classification.variant !== 'role-meta') return null;
  if (path.length === 1) return onKey && META_KEYS.has(head) ? render(ref(`ansible.meta.${head}`)) : null;
  if (head === 'galaxy_info' && path.length === 2 && onKey) {
    const key = String(path[1]);
    return render(GALAXY_FIELDS.has(key) ? ref(`ansible.meta.galaxy_info.${key}`) : ref('ansible.meta.galaxy_info.field'), { name: key });
  }
  // dependencies: `- nginx`, `- role: nginx` with vars/when/tags
  if (head === 'dependencies' && typeof path[1] === 'number') {
    if (path.length === 2 && !onKey) return roleHover(doc, scalarString(node), range, ctx);
    if (path.length === 3 && !onKey && (path[2] === 'role' || path[2] === 'name')) return roleHover(doc, scalarString(node), range, ctx);
    if (path.length === 3 && onKey) return render(keywordEntry(String(path[2])));
  }
  return null;
}

/** Inside `argument_specs`: rest = [entry point, key, option, field, option, field…]. */
function argumentSpecHover(rest: (string | number)[], onKey: boolean, node: Node, render: (e: RefEntry | undefined, args?: Record<string, string>, value?: string) => Hover | null): Hover | null {
  if (rest.length === 0) return onKey ? render(ref('ansible.meta.argument_specs')) : null;
  const entry = String(rest[0]);
  if (rest.length === 1) return onKey ? render(ref('ansible.meta.argument_specs.entry'), { name: entry }) : null;
  const key = String(rest[1]);
  if (rest.length === 2) {
    if (!onKey) return null;
    if (key === 'options') return render(ref('ansible.meta.argument_specs.options'));
    return ENTRY_DOCS.has(key) ? render(ref('ansible.meta.argument_specs.docs'), { name: key }) : null;
  }
  if (key !== 'options') return null;
  // options: { <name>: { type, …, options: { <name>: … } } }
  for (let i = 2; i < rest.length; i += 2) {
    const name = String(rest[i]);
    if (rest.length === i + 1) return onKey ? render(ref('ansible.meta.argument_specs.option'), { name }) : null;
    const field = String(rest[i + 1]);
    if (rest.length === i + 2) {
      if (onKey) {
        if (field === 'options') return render(ref('ansible.meta.argument_specs.nested_options'));
        return SPEC_FIELDS.has(field) ? render(ref(`ansible.meta.argument_specs.${field}`)) : null;
      }
      const value = scalarString(node);
      const e = ref('ansible.meta.argument_specs.type');
      if ((field === 'type' || field === 'elements') && value && e?.values?.[value]) return render(e, undefined, value);
      return null;
    }
    if (field !== 'options') return null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// inventories

function groupEntry(name: string): RefEntry | undefined {
  return ref(`ansible.kubespray.group.${name}`) ?? (name === 'all' ? ref('ansible.inventory.all') : name === 'ungrouped' ? ref('ansible.inventory.ungrouped') : undefined);
}

function yamlInventoryHover(doc: InfraDocument, path: (string | number)[], onKey: boolean, node: Node | undefined, locale: Locale): Hover | null {
  if (!onKey || !node?.range) return null;
  const key = String(path[path.length - 1]);
  const parent = path.length >= 2 ? String(path[path.length - 2]) : '';
  const range = doc.rangeOf(node.range[0], node.range[1]);
  const render = (e: RefEntry | undefined, args?: Record<string, string>) => (e ? md(renderRef(e, locale, { args }), range) : null);
  if (key === 'children') return render(ref('ansible.inventory.children'));
  if (key === 'vars') return render(ref('ansible.inventory.vars'));
  if (key === 'hosts') return render(ref('ansible.inventory.hosts'));
  if (parent === 'hosts') return render(ref('ansible.inventory.host'), { name: key });
  if (parent === 'vars' || (path.length >= 3 && String(path[path.length - 3]) === 'hosts')) {
    return render(inventoryVar(key) ?? kubesprayVar(key));
  }
  if (path.length === 1 || parent === 'children') return render(groupEntry(key) ?? ref('ansible.inventory.group'), { name: key });
  return null;
}

/**
 * An inventory plugin's configuration (`plugin: amazon.aws.aws_ec2`, `constructed`…): a YAML
 * inventory source whose top level names a plugin, read by the default `auto` plugin. Its keys are
 * the plugin's options, not groups or variables (companieshouse/security-scans-ansible
 * inventory/aws_ec2.yml).
 */
function inventoryPluginName(model: ReturnType<typeof yamlModel>): string | undefined {
  if (model.docs.length !== 1) return undefined;
  const root = model.docs[0].contents;
  if (!isMap(root)) return undefined;
  const name = scalarString(getPair(root, 'plugin')?.value);
  return name && /^[A-Za-z_][\w]*(\.[A-Za-z_]\w*){0,2}$/.test(name) ? name : undefined;
}

function inventoryPluginHover(doc: InfraDocument, plugin: string, path: (string | number)[], onKey: boolean, node: Node | undefined, locale: Locale): Hover | null {
  if (!onKey || !node?.range) return null;
  const range = doc.rangeOf(node.range[0], node.range[1]);
  const key = String(path[path.length - 1]);
  const args = { plugin, name: key };
  const render = (e: RefEntry | undefined) => (e ? md(renderRef(e, locale, { args }), range) : null);
  if (path.length === 1) {
    if (key === 'plugin') return render(ref('ansible.inventory.plugin'));
    return render(ref(`ansible.inventory.plugin.${key}`) ?? ref('ansible.inventory.plugin.option'));
  }
  // keyed_groups[n].key / prefix / separator…: the keyed_groups entry tells them all
  if (path.length === 3 && path[0] === 'keyed_groups' && typeof path[1] === 'number') return render(ref('ansible.inventory.plugin.keyed_groups'));
  return null;
}

function iniInventoryHover(doc: InfraDocument, offset: number, locale: Locale): Hover | null {
  const ini = iniModel(doc);
  const render = (e: RefEntry | undefined, s: number, end: number, args?: Record<string, string>) => (e ? md(renderRef(e, locale, { args }), doc.rangeOf(s, end)) : null);
  for (const s of ini.sections) {
    if (offset >= s.start && offset <= s.end) {
      const groupEnd = s.start + s.group.length;
      if (offset <= groupEnd) return render(groupEntry(s.group) ?? ref('ansible.inventory.group'), s.start, groupEnd, { name: s.group });
      return render(ref(`ansible.inventory.${s.suffix}`), groupEnd + 1, s.end);
    }
  }
  for (const s of [{ entries: ini.head, suffix: '' as const }, ...ini.sections]) {
    for (const e of s.entries) {
      if (offset >= e.keyStart && offset <= e.keyEnd) {
        if (s.suffix === 'children') return render(groupEntry(e.key) ?? ref('ansible.inventory.group'), e.keyStart, e.keyEnd, { name: e.key });
        if (s.suffix === 'vars') return render(inventoryVar(e.key) ?? kubesprayVar(e.key), e.keyStart, e.keyEnd);
        return render(ref('ansible.inventory.host'), e.keyStart, e.keyEnd, { name: e.key });
      }
      for (const v of e.vars) {
        if (offset >= v.keyStart && offset <= v.keyEnd) return render(inventoryVar(v.key) ?? kubesprayVar(v.key), v.keyStart, v.keyEnd);
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// ansible.cfg

function cfgHover(doc: InfraDocument, offset: number, locale: Locale): Hover | null {
  const ini = iniModel(doc);
  for (const s of ini.sections) {
    if (offset >= s.start && offset <= s.end) {
      const e = cfgEntry(`section.${s.name}`);
      return e ? md(renderRef(e, locale), doc.rangeOf(s.start, s.end)) : null;
    }
    for (const e of s.entries) {
      if (offset >= e.keyStart && offset <= e.keyEnd) {
        // Ansible reads ansible.cfg with Python's configparser, which lowercases option names
        const c = cfgEntry(e.key.toLowerCase());
        return c ? md(renderRef(c, locale), doc.rangeOf(e.keyStart, e.keyEnd)) : null;
      }
      if (offset >= e.valueStart && offset <= e.valueEnd && e.key === 'strategy') {
        const k = keywordEntry('strategy');
        if (k?.values?.[e.value]) return md(renderRef(k, locale, { value: e.value }), doc.rangeOf(e.valueStart, e.valueEnd));
      }
      if (offset >= e.valueStart && offset <= e.valueEnd) {
        const c = cfgEntry(e.key.toLowerCase());
        if (c?.values?.[e.value]) return md(renderRef(c, locale, { value: e.value }), doc.rangeOf(e.valueStart, e.valueEnd));
      }
    }
  }
  return null;
}

